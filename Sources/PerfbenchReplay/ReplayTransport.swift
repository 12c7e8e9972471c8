import Foundation
import PerfbenchPipeline
import PerfbenchRecording
import PerfbenchReport
import PerfbenchRuntime
import Synchronization

/// Answers the pipeline's requests from a recording, on the replay's clock.
///
/// Each request is answered the moment it is sent (so every decision happens in the virtual
/// executor's deterministic order), then the transport sleeps the answer's latency, capped by
/// the caller's timeout, in a single sleep: no race between a response and a timer.
///
/// - **Exact**: the next unserved recorded exchange of the same `RequestKey` (per-key FIFO:
///   identical requests, concurrent or not, get the recorded answers in recorded send order).
///   LLM calls match by task and occurrence; among the unserved calls of the task, one with
///   the very same body is preferred. A recorded latency longer than the caller's timeout
///   becomes a timeout after the caller's timeout.
/// - An LLM call whose input differs from the recorded call it matched (an observed call
///   perfbench's own client made) is **composed**: that call's answer, with the latency of the
///   task's size model at the request's size (`LatencyBook.llmLatency`).
/// - **Composed**: an `ids=` batch never recorded as such, built from recorded per-id items,
///   with the endpoint's batch latency model; or a key sent more often than recorded, which
///   reuses its last definitive recorded answer (latency included).
/// - **Synthesized**: anything else (`ResponseSynthesizer`) with a latency drawn from the
///   endpoint's recorded distribution, seeded by FNV-1a of the normalized request and its
///   occurrence number; 429s of the rate-limit model; recorded timeouts under a longer timeout,
///   drawn beyond the recorded timeout from the endpoint's censored latency fit
///   (`CensoredLatencyModel`: a slow success, or a timeout again at the new timeout).
///
/// Client-side waits, retries and cache hits in the recording are ignored: the pipeline's own
/// limiters and caches recompute them.
public final class ReplayTransport: HTTPTransport, Sendable {
    struct State {
        var cursors: [Int]
        /// When each recorded answer was served (virtual time since the replay's start); nil
        /// while it is unserved.
        var servedAt: [Duration?]
        /// Answers an unmatched call of an imported log took the timing of (``StandInAnswers``).
        var standInUsed: [Bool]
        var standInCursors: [String: Int] = [:]
        var standInOverflow: [String: Int] = [:]
        var windows = [RateLimitWindow(), RateLimitWindow()]
        /// Per rate-limited host (the windows' slots), every send's tool and time, in order.
        var sends: [[(tool: String, at: Duration)]] = [[], []]
        var occurrences: [RequestKey: Int] = [:]
        var counters = ReplayCounters()
        var firstUnanswerable: ReplayError?
        /// The recorded answer the request being planned was served from, if any.
        var servedPosition: Int?
        /// Per service, when each call in flight ends (the load alternative's count).
        var inFlightEnds: [Service: [Duration]] = [:]
        /// Per service, the most calls this replay had in flight at once.
        var inFlightPeaks: [Service: Int] = [:]
        /// The index's latency and outage models, once this replay has asked for them: a
        /// request that reads one takes no lock for it (the index's models are behind one).
        var latencyBook: LatencyBook?
        var outageModel: OutageModel?

        /// Whether recorded answer `position` was served exactly or lent its timing already.
        func isTaken(_ position: Int) -> Bool { servedAt[position] != nil || standInUsed[position] }
    }

    /// The indexed recording.
    public let index: ReplayIndex
    /// What to do about requests the recording did not record.
    public let options: ReplayOptions
    private let clock: PipelineClock
    private let state: Mutex<State>
    /// How the recording's hosts slowed under load; nil when none did or nothing needs the count.
    private let load: LoadModel?
    /// The index's what-if models, taken once: each model is still built on first use, and
    /// a request that reads one takes one lock, not two.
    let models: ReplayModels

    /// A transport serving `index` on `clock` (a replay's `VirtualClock`, normally).
    public init<C: Clock>(index: ReplayIndex, clock: C, options: ReplayOptions = ReplayOptions())
    where C.Duration == Duration {
        self.index = index
        self.options = options
        self.clock = PipelineClock(clock)
        // Load is counted for what-ifs (their warning) and the load alternative's draws only.
        let counts = !options.atRecordedConfiguration || options.loadFollowsRecording
        let load = counts ? index.load : nil
        self.load = load.flatMap { $0.elasticity.isEmpty ? nil : $0 }
        models = index.models
        state = Mutex(
            State(
                cursors: Array(repeating: 0, count: index.queues.count),
                servedAt: Array(repeating: nil, count: index.answers.count),
                standInUsed: Array(repeating: false, count: index.answers.count)))
    }

    /// A transport serving `recording` (indexed here; share a ``ReplayIndex`` to index once).
    public convenience init<C: Clock>(recording: Recording, clock: C, options: ReplayOptions = ReplayOptions())
    where C.Duration == Duration {
        self.init(index: ReplayIndex(recording: recording), clock: clock, options: options)
    }

    /// How the requests so far were answered.
    public var counters: ReplayCounters { state.withLock { $0.counters } }

    /// The recorded exchanges served so far as exact answers (each at most once): exchange id →
    /// when the request it answered was sent, in microseconds of the replay's clock.
    public var servedExchanges: [String: Int] {
        state.withLock { state in
            var served: [String: Int] = [:]
            for (answer, time) in state.servedAt.enumerated() {
                if let time { served[index.exchange(answer).id] = Int(time.microseconds) }
            }
            return served
        }
    }

    /// Per host the rate-limit model covers and per span it watches (the window, then the burst
    /// spans): the most sends the replay made inside one, against the most the recording made.
    public var sendRates: [SendRate] {
        state.withLock { state in
            [(Service.spotify, 0), (.reccobeats, 1)].flatMap { service, slot in
                guard let host = index.rateLimits.limit(for: service), state.windows[slot].peak > 0 else { return [SendRate]() }
                // Which endpoints went past the recording's busiest window: worked out only for
                // a host the replay sent faster than recorded (a what-if's warning names them).
                let tools = state.windows[slot].peak > host.capacity
                    ? Self.fasterTools(RateLimitModel.busiestByTool(state.sends[slot], span: host.window), than: host)
                    : []
                return zip(host.scales, state.windows[slot].peaks).map { scale, peak in
                    SendRate(
                        service: service, span: scale.span, isBurst: scale.isBurst, replayed: peak, recorded: scale.capacity,
                        tools: scale.isBurst ? [] : tools)
                }
            }
        }
    }

    /// The tools whose busiest window in this replay held more sends than in the recording,
    /// most added first (then by name).
    private static func fasterTools(_ replayed: [String: Int], than host: RateLimitModel.HostLimit) -> [ToolRate] {
        replayed.compactMap { tool, peak -> ToolRate? in
            let recorded = host.toolCapacities[tool] ?? 0
            return peak > recorded ? ToolRate(tool: tool, replayed: peak, recorded: recorded) : nil
        }
        .sorted { ($0.recorded - $0.replayed, $0.tool) < ($1.recorded - $1.replayed, $1.tool) }
    }

    /// Per host whose recorded latency grew with its load (``LoadModel``), the most calls this
    /// replay had in flight at once, against the most the recording had.
    public var inFlightPeaks: [InFlightPeak] {
        guard let load else { return [] }
        return state.withLock { state in
            Service.allCases.compactMap { service in
                guard load.elasticity[service] != nil, let replayed = state.inFlightPeaks[service] else { return nil }
                return InFlightPeak(service: service, replayed: replayed, recorded: load.peakInFlight[service] ?? 1)
            }
        }
    }

    /// The first request strict mode could not answer, if any (the pipeline may have swallowed
    /// the error: cached calls turn transport errors into failed tool calls).
    public var firstUnanswerable: ReplayError? { state.withLock { $0.firstUnanswerable } }

    /// Answers `request` from the recording after its latency (or `.timeout` after `timeout`).
    ///
    /// - Throws: `CancellationError` when cancelled while waiting; in strict mode,
    ///   ``ReplayError/unanswerable(request:tool:stage:nearest:recording:)`` for a request without an
    ///   exact recorded answer.
    public func send(_ request: HTTPRequest, timeout: Duration) async throws -> TransportResult {
        let key = RequestKey(request)
        let now = clock.now
        let planned = try state.withLock { state in
            state.servedPosition = nil
            var answer = try plan(request, key: key, timeout: timeout, now: now, state: &state)
            if let load { answer = underLoad(answer, load: load, key: key, now: now, timeout: timeout, state: &state) }
            state.counters.count(answer.kind, endpoint: key.endpoint(tool: request.tool))
            state.counters.addTime(answer.delay, source: answer.source, stage: request.stage)
            return answer
        }
        try await clock.sleep(for: planned.delay)
        return planned.result
    }

    private func plan(
        _ request: HTTPRequest, key: RequestKey, timeout: Duration, now: Duration, state: inout State
    ) throws -> PlannedAnswer {
        if let down = persistingOutage(key, now: now, timeout: timeout, state: &state) { return down }
        if !options.strict, options.rateLimits, let refused = rateLimit(request, key, now: now, timeout: timeout, state: &state) {
            return refused
        }
        guard let number = index.keyNumbers[key] else {
            try requireExact(request, key, &state)
            if let standIn = standIn(request, key: key, timeout: timeout, state: &state) { return standIn }
            return synthesize(request, key: key, timeout: timeout, state: &state)
        }
        var body = LLMBodyProbe()
        if let answer = nextAnswer(number, request, body: &body, at: now, &state) {
            return try serve(answer, request, body: &body, key: key, number: number, timeout: timeout, state: &state)
        }
        try requireExact(request, key, &state)
        if key.service == .llm {
            // More calls of this task than recorded: the nearest recorded answer, synthesized.
            return synthesize(request, key: key, timeout: timeout, state: &state)
        }
        if let standIn = standIn(request, key: key, timeout: timeout, state: &state) { return standIn }
        let queue = index.queues[number]
        let reused = index.answers[index.lastDefinitive[number] ?? queue[queue.count - 1]]
        state.counters.reused += 1
        return capped(reused.latency, reused.result, kind: .composed, timeout: timeout, for: request, key)
    }

    /// What a warm persistent cache held for `request` (the `warm-cache` toggle): the recording's
    /// last definitive answer to the same request when it has one, else content composed or
    /// synthesized from the recording's items. No latency, no rate limit, and no answer is used
    /// up: a cache hit costs the upstream nothing. Counted apart from the requests
    /// (`replay_warm_cache_answers`), since the pipeline counts it as a cache hit.
    public func warmCacheAnswer(for request: HTTPRequest) -> HTTPResponse? {
        let key = RequestKey(request)
        state.withLock { $0.counters.warmCacheAnswers += 1 }
        if let number = index.keyNumbers[key], let definitive = index.lastDefinitive[number],
            case .response(let response) = index.answers[definitive].result
        {
            return response
        }
        return unrecordedContent(request, key: key) { StableHash.fnv1a(parts: ["warm", key.text]) }.response
    }

    /// The next unserved recorded answer of key `number`, marked served.
    private func nextAnswer(
        _ number: Int, _ request: HTTPRequest, body: inout LLMBodyProbe, at now: Duration, _ state: inout State
    ) -> Int? {
        let queue = index.queues[number]
        var position = state.cursors[number]
        while position < queue.count, state.isTaken(queue[position]) { position += 1 }
        state.cursors[number] = position
        guard position < queue.count else { return nil }
        var chosen = queue[position]
        if request.service == .llm, request.hasBody, !body.request(request, sends: index.answers[chosen]) {
            for later in queue[(position + 1)...] where state.servedAt[later] == nil && body.request(request, sends: index.answers[later]) {
                chosen = later
                break
            }
        }
        state.servedAt[chosen] = now
        state.servedPosition = chosen
        return chosen
    }

    /// A recorded answer under the caller's timeout.
    private func serve(
        _ position: Int, _ request: HTTPRequest, body: inout LLMBodyProbe, key: RequestKey, number: Int,
        timeout: Duration, state: inout State
    ) throws -> PlannedAnswer {
        let answer = index.answers[position]
        // An LLM request whose input differs from the recorded call's is not that call: its
        // content is reused (the judgment of another input), its latency sized to the request.
        // Only calls perfbench's own client recorded are compared (`ReplayIndex.comparesLLMInputs`,
        // a task line, observed): an imported log's calls carry no input, a HAR's another format.
        if key.service == .llm, index.comparesLLMInputs, let task = index.keys[position].task, answer.provenance == .observed,
            request.hasBody, let recordedBody = answer.requestBody, !body.request(request, sends: answer)
        {
            try requireExact(request, key, &state)
            state.counters.llmResized += 1
            let z = options.draw == 0 ? 0 : JudgmentModel.standardNormal(seed: nextSeed(key, &state))
            let latency = latencies(&state).llmLatency(
                task: task, bytes: body.byteCount(of: request), recorded: answer.latency, recordedBytes: recordedBody.utf8.count, z: z)
            let result = judged(answer.result, request: request, key: key, recorded: answer, state: &state)
            return capped(latency, result, kind: .composed, timeout: timeout, for: request, key)
        }
        if let again = try redrawnOutcome(answer, number: number, request, key: key, timeout: timeout, state: &state) {
            return again
        }
        // A recorded timeout only proves "at least this long"; a longer timeout may see the end.
        guard mayOutlast(answer, timeout: timeout, request, key) else {
            let latency = rerun(answer, key: key, state: &state)
            if latency > timeout { state.counters.cutByTimeout += 1 }
            return capped(
                latency, answer.result, kind: .exact, timeout: timeout, source: AnswerSource(answer.provenance),
                for: request, key)
        }
        try requireExact(request, key, &state)
        return beyondRecordedTimeout(after: answer.latency, request, key: key, timeout: timeout, state: &state) { state in
            answeredContent(number, for: answer, request, key: key, state: &state)
        }
    }

    /// Whether a recorded timeout of `answer` may end differently under `timeout`: only a longer
    /// timeout than the recorded one, and not at the recorded configuration (there it is the
    /// timeout that happened, a connect timeout, say, shorter than the read timeout in force,
    /// and it happens again).
    private func mayOutlast(_ answer: RecordedAnswer, timeout: Duration, _ request: HTTPRequest, _ key: RequestKey) -> Bool {
        guard answer.isTimeout else { return false }
        // Made faster by `--latency`, the call may end within the same timeout.
        if changed(answer.latency, request, key) < answer.latency { return true }
        return timeout > answer.latency + .milliseconds(1) && !options.atRecordedConfiguration
    }

    /// A recorded timeout replayed under a longer `timeout`. The timeout is censored data: the
    /// call took longer than the recording could see. Its latency comes from the endpoint's fit
    /// with its timeouts as censored data, conditioned on exceeding what was recorded (else the
    /// tail excess): a slow success with `content`, or a timeout again at the new timeout.
    func beyondRecordedTimeout(
        after bound: Duration, _ request: HTTPRequest, key: RequestKey, timeout: Duration, state: inout State,
        content: (inout State) -> TransportResult
    ) -> PlannedAnswer {
        let latencies = latencies(&state)
        let drawn = latencies.tailDraw(for: key, beyond: bound, seed: nextSeed(key, &state))
        if drawn != nil { state.counters.tailDraws += 1 }
        let latency = changed(drawn ?? bound + latencies.tailExcess(for: key), request, key)
        guard latency <= timeout else { return PlannedAnswer(kind: .synthesized, delay: timeout, result: .timeout) }
        state.counters.slowSuccesses += 1
        return PlannedAnswer(kind: .synthesized, delay: latency, result: content(&state))
    }

    /// For an imported log, the timing and outcome of the next recorded call of the same endpoint
    /// in the same stage (else the nearest enclosing stage that has one), with content composed
    /// for the ids asked; nil for other recordings and endpoints the log has no call of.
    private func standIn(_ request: HTTPRequest, key: RequestKey, timeout: Duration, state: inout State) -> PlannedAnswer? {
        guard !index.standIns.isEmpty, key.service != .llm,
            let position = nextStandIn(stagePath: request.stage ?? "", endpoint: LatencyBook.endpoint(of: key), &state)
        else { return nil }
        state.counters.standIns += 1
        let recorded = index.answers[position]
        let content = { (state: inout State) in
            TransportResult.response(self.unrecordedContent(request, key: key) { self.nextSeed(key, &state) }.response)
        }
        if mayOutlast(recorded, timeout: timeout, request, key) {
            return beyondRecordedTimeout(after: recorded.latency, request, key: key, timeout: timeout, state: &state, content: content)
        }
        let result = recorded.isTimeout ? TransportResult.timeout : content(&state)
        return capped(
            recorded.latency, result, kind: .composed, timeout: timeout, source: AnswerSource(recorded.provenance),
            for: request, key)
    }

    /// The stand-in answer for the next unmatched call of `endpoint` sent in `stagePath`: the
    /// first unused one of the most specific stage that has one; past every recorded call, the
    /// most specific stage's calls again, in order (the stage's own timing, not the whole
    /// log's: 11-11's generator calls were 20× its anchor calls).
    private func nextStandIn(stagePath: String, endpoint: String, _ state: inout State) -> Int? {
        let candidates = index.standIns.candidates(stagePath: stagePath, endpoint: endpoint)
        for (name, queue) in candidates {
            var cursor = state.standInCursors[name, default: 0]
            while cursor < queue.count, state.isTaken(queue[cursor]) { cursor += 1 }
            state.standInCursors[name] = cursor
            guard cursor < queue.count else { continue }
            state.standInUsed[queue[cursor]] = true
            return queue[cursor]
        }
        guard let (name, queue) = candidates.first else { return nil }
        let overflow = state.standInOverflow[name, default: 0]
        state.standInOverflow[name] = overflow + 1
        return queue[overflow % queue.count]
    }

    /// Content for a request the recording did not answer: an `ids=` batch composed from the
    /// recorded per-id items (`composed`: every id was recorded), anything else synthesized with
    /// `seed()` (called only then).
    private func unrecordedContent(
        _ request: HTTPRequest, key: RequestKey, seed: () -> UInt64
    ) -> (response: HTTPResponse, composed: Bool) {
        if let batch = BatchEndpoint(key) {
            return models.unrecordedContent.content(for: request, seed: nil) {
                // Every id answered by a recorded batch: the batches alone compose it (the whole
                // catalogue is built only for an id that needs another answer's item).
                let record = models.batches[batch] ?? BatchItems()
                let (body, composed) = ResponseSynthesizer.compose(batch, request: request, record: record, derive: nil)
                    ?? ResponseSynthesizer(catalogue: models.catalogue).compose(batch, request: request, key: key)
                return (HTTPResponse(status: 200, body: body), composed)
            }
        }
        let seed = seed()
        return models.unrecordedContent.content(for: request, seed: seed) {
            let (status, body) = ResponseSynthesizer(catalogue: models.catalogue).answer(request, key: key, seed: seed)
            return (HTTPResponse(status: status, body: body), false)
        }
    }

    /// The definitive answer of key `number` recorded closest in time to `answer`.
    func nearestDefinitive(_ number: Int, to answer: RecordedAnswer) -> Int? {
        var best: (position: Int, distance: Int)?
        for position in index.queues[number] where index.answers[position].isDefinitive {
            let distance = abs(index.answers[position].startMicros - answer.startMicros)
            if best.map({ distance < $0.distance }) ?? true { best = (position, distance) }
        }
        return best?.position
    }

    private func synthesize(_ request: HTTPRequest, key: RequestKey, timeout: Duration, state: inout State) -> PlannedAnswer {
        var seed: UInt64?
        let (response, composed) = unrecordedContent(request, key: key) {
            let drawn = nextSeed(key, &state)
            seed = drawn
            return drawn
        }
        // A batch's latency follows its size; anything else's is drawn with its content's seed.
        let latencies = latencies(&state)
        let latency = seed.map { latencies.draw(for: key, seed: $0) }
            ?? latencies.batchLatency(for: key, count: key.list("ids").count)
        // An evaluation beyond the recorded ones judges its own playlist.
        let result = key.service == .llm
            ? judged(.response(response), request: request, key: key, recorded: nil, state: &state)
            : .response(response)
        return capped(latency, result, kind: composed ? .composed : .synthesized, timeout: timeout, for: request, key)
    }

    /// `result` (a recorded LLM answer to another input) with the score an evaluation of
    /// `request`'s playlist gets from the judgment model, or a selection's ids aimed at
    /// `request`'s candidates (``SelectionAnswer``); `result` itself for other tasks, or
    /// when the recording has no model. `recorded` is the answer to the request the result was
    /// given to (nil: the model's last recorded evaluation stands for it).
    private func judged(
        _ result: TransportResult, request: HTTPRequest, key: RequestKey, recorded: RecordedAnswer?, state: inout State
    ) -> TransportResult {
        if let task = key.task.flatMap(LLMTask.init(rawValue:)), SelectionAnswer.candidatesMember(of: task) != nil {
            guard case .response(let response) = result, let input = LLMUserInput(request: request),
                let reselected = SelectionAnswer.reselected(response, task: task, input: input)
            else { return result }
            state.counters.llmReselected += 1
            return .response(HTTPResponse(status: response.status, headers: response.headers, body: reselected))
        }
        guard let task = key.task.flatMap(LLMTask.init(rawValue:)), task == .qualityEvaluation || task == .finalEvaluation,
            let model = models.judgment, let input = LLMUserInput(request: request), case .response(let response) = result,
            let recordedScore = JudgmentModel.answer(of: response)?["score"]?.doubleValue
        else { return result }
        let z = options.draw == 0 ? 0 : JudgmentModel.standardNormal(seed: nextSeed(key, &state))
        let recordedInput = recorded?.requestInput
        guard let score = model.score(for: input, recordedScore: recordedScore, recordedInput: recordedInput, z: z, draw: options.draw),
            let rescored = JudgmentModel.rescored(response, score: score)
        else { return result }
        state.counters.llmJudged += 1
        return .response(HTTPResponse(status: response.status, headers: response.headers, body: rescored))
    }

    /// The model's 429 when `key`'s host is over its inferred capacity; nil admits the send.
    private func rateLimit(_ request: HTTPRequest, _ key: RequestKey, now: Duration, timeout: Duration, state: inout State) -> PlannedAnswer? {
        guard let host = index.rateLimits.limit(for: key.service) else { return nil }
        let slot = key.service == .spotify ? 0 : 1
        // A host that answered 429 in the recording showed where its limit is; one that never
        // did only proves the busiest window passed, so its unknown limit gets twice that room.
        // The other limiters of an interval's draws (never at the recorded configuration) take
        // the busiest window and the recording's bursts as the limits.
        let alternative = options.limiter != .headroom && !options.atRecordedConfiguration
        let factor = alternative ? 1
            : host.recorded429s > 0 ? max(1, options.rateLimitHeadroom) : max(2, options.rateLimitHeadroom)
        let capacity = Int((Double(host.capacity) * factor).rounded(.up))
        // Only Spotify's refusals are known to grow while called (its Retry-After reached a day
        // in the logs); ReccoBeats' 429s there were per minute.
        let growing = alternative && options.limiter == .growingBlock && key.service == .spotify
        // Which endpoints sent faster is said only of what-ifs (``ReplayRunner``'s annotation).
        if !options.atRecordedConfiguration { state.sends[slot].append((request.tool, now)) }
        guard
            let retryAfter = state.windows[slot].admit(
                at: now, scales: host.scales, windowCapacity: capacity, enforceBursts: alternative, growing: growing)
        else { return nil }
        state.counters.rateLimited += 1
        if host.recorded429s == 0 { state.counters.rateLimitedUnrecorded += 1 }
        let body = key.service == .spotify
            ? #"{"error":{"status":429,"message":"API rate limit exceeded"}}"#
            : #"{"error":"Too Many Requests"}"#
        let response = HTTPResponse(status: 429, headers: [HTTPHeader("Retry-After", String(retryAfter))], body: body)
        return capped(host.rejectionLatency, .response(response), kind: .synthesized, timeout: timeout, for: request, key)
    }

    /// `result` after `latency`, or a timeout after `timeout` when the latency is longer.
    private func capped(
        _ latency: Duration, _ result: TransportResult, kind: ReplayAnswerKind, timeout: Duration,
        source: AnswerSource = .modelled, for request: HTTPRequest, _ key: RequestKey
    ) -> PlannedAnswer {
        let latency = changed(latency, request, key)
        return latency > timeout
            ? PlannedAnswer(kind: kind, delay: timeout, result: .timeout, source: source)
            : PlannedAnswer(kind: kind, delay: latency, result: result, source: source)
    }

    /// `latency` under the options' `--latency` changes that apply to `request` (each in turn).
    private func changed(_ latency: Duration, _ request: HTTPRequest, _ key: RequestKey) -> Duration {
        guard !options.latencyChanges.isEmpty else { return latency }
        var template: String?
        var result = latency
        for change in options.latencyChanges
        where change.applies(
            service: key.service, tool: request.tool, task: key.task,
            template: {
                if let template { return template }
                let made = EndpointTemplate.template(for: request.path)
                template = made
                return made
            })
        {
            result = change.apply(to: result)
        }
        return result
    }

    /// The index's latency models (``ReplayModels/latencies``), kept in this replay's state.
    func latencies(_ state: inout State) -> LatencyBook {
        if let book = state.latencyBook { return book }
        let book = models.latencies
        state.latencyBook = book
        return book
    }

    /// The index's outage model (``ReplayModels/outages``), kept in this replay's state.
    func outages(_ state: inout State) -> OutageModel {
        if let model = state.outageModel { return model }
        let model = models.outages
        state.outageModel = model
        return model
    }

    /// `counter`'s value, counted up by one: one dictionary access where reading and writing
    /// back took two.
    private static func takeNext(_ counter: inout Int) -> Int {
        defer { counter += 1 }
        return counter
    }

    /// The seed of the next synthesized answer for `key`: FNV-1a of the key and its occurrence.
    func nextSeed(_ key: RequestKey, _ state: inout State) -> UInt64 {
        let occurrence = Self.takeNext(&state.occurrences[key, default: 0])
        // fnv1a(parts: [key.text, String(occurrence)]), then the draw's digits: hashed in place,
        // since this runs for most calls of every draw.
        let seed = StableHash.fnv1a(
            decimal: occurrence, continuing: StableHash.separator(continuing: key.stableTextHash))
        return options.draw == 0 ? seed : StableHash.fnv1a(decimal: Int(options.draw), continuing: seed)
    }

    /// In strict mode, records and throws the error for a request without an exact answer.
    ///
    /// Only the first one is worked out (the nearest-request search is quadratic in the query
    /// length); later ones rethrow it, so a failing replay ends fast and names the first.
    func requireExact(_ request: HTTPRequest, _ key: RequestKey, _ state: inout State) throws {
        guard options.strict else { return }
        if let first = state.firstUnanswerable { throw first }
        let error = ReplayError.unanswerable(
            request: key.display, tool: request.tool, stage: request.stage,
            nearest: NearestRecorded.find(key, in: index), recording: nil)
        state.firstUnanswerable = error
        throw error
    }
}
