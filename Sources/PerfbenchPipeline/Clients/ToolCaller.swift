import PerfbenchRecording

/// Makes one tool call the way the backend's rate-limited tool does (PIPELINE.md §4): ReccoBeats'
/// global semaphore first (held through cache lookup and every wait), then cache, in-flight
/// dedup, circuit breaker, and up to three attempts each behind the window limiter and minimum
/// interval, with Retry-After and exponential backoff between them.
struct ToolCaller: Sendable {
    let session: PipelineSession
    let observer: RunObserver

    private var clock: PipelineClock { session.clock }
    private var config: PipelineConfiguration { session.config }

    /// Calls `tool` with `request`. `cacheKey`, when the caller has it already, must be
    /// ``cacheKey(_:_:)`` of the tool and request (checked in debug builds).
    func call(_ tool: ToolSpec, _ request: consuming HTTPRequest, cacheKey: String? = nil) async throws -> ToolOutcome {
        // Named here, once, rather than on a copy per attempt. Clients name the tool already:
        // writing it again would copy a request whose fields another copy still shares.
        if request.tool != tool.name { request.tool = tool.name }
        request.stage = StageContext.path
        if tool.service == .reccobeats {
            let queued = clock.now
            return try await session.reccobeatsSlots.withPermit {
                // Time in line behind the calls holding the permits: a wait of its own.
                let inLine = clock.now - queued
                if inLine > .zero {
                    observer.waited(
                        Wait(
                            kind: .semaphore, tool: tool.name, startMicros: observer.micros(queued),
                            durationMicros: Int(inLine.microseconds), stage: StageContext.path))
                }
                return try await cachedCall(tool, request, knownKey: cacheKey)
            }
        }
        return try await cachedCall(tool, request, knownKey: cacheKey)
    }

    private func cachedCall(_ tool: ToolSpec, _ request: HTTPRequest, knownKey: String?) async throws -> ToolOutcome {
        assert(knownKey == nil || knownKey == Self.cacheKey(tool, request), "a cache key that is not the request's")
        // The key is built only for a call that is cached or deduplicated.
        if let ttl = tool.cacheTTL {
            let key = knownKey ?? Self.cacheKey(tool, request)
            try await cacheRoundTrip()
            if let hit = session.responses.value(for: key, at: clock.now) {
                observer.cacheHit(
                    CacheEvent(
                        tool: tool.name, key: key, startMicros: observer.micros(clock.now),
                        stage: StageContext.path))
                return .ok(hit)
            }
            observer.cacheMiss()
            return try await deduplicated(key) {
                let outcome = try await attempts(tool, request)
                if case .ok(let response) = outcome {
                    try await cacheRoundTrip()
                    session.responses.store(response, for: key, ttl: ttl, at: clock.now)
                }
                return outcome
            }
        }
        if tool.service == .reccobeats, config.requestDedup == .inFlight {
            return try await deduplicated(knownKey ?? Self.cacheKey(tool, request)) { try await attempts(tool, request) }
        }
        return try await attempts(tool, request)
    }

    /// Shares one upstream call among identical concurrent callers. Cancellation of the leader
    /// is reported to followers as a failure rather than thrown into their tasks.
    private func deduplicated(
        _ key: String, _ body: () async throws -> ToolOutcome
    ) async throws -> ToolOutcome {
        let result = await session.dedup.run(key) {
            do { return try await body() } catch { return .failed(.connectionError) }
        }
        try Task.checkCancellation()
        return result.value
    }

    /// A remote cache tier costs a network round trip per get and per set.
    private func cacheRoundTrip() async throws {
        switch config.cacheTier {
        case .memory: return
        case .tiered(let roundTrip), .remote(let roundTrip): try await clock.sleep(for: roundTrip)
        }
    }

    private func attempts(_ tool: ToolSpec, _ request: HTTPRequest) async throws -> ToolOutcome {
        if tool.service == .reccobeats, let breaker = session.breaker,
            !breaker.allows(at: clock.now)
        {
            observer.count { $0.circuitOpenRejections += 1 }
            return .failed(.circuitOpen)
        }
        let maxAttempts = 3
        var noHeader429 = 0
        // Looked up once per call, not at every wait and completion (each a hash of the name).
        let limiter = session.limiter(for: tool)
        let gate = session.gate(for: tool)
        for attempt in 0..<maxAttempts {
            try await waitForLimits(tool, limiter, gate)
            let (result, exchangeID) = try await send(tool, request)
            let last = attempt == maxAttempts - 1
            switch result {
            case .response(let response) where (200..<300).contains(response.status):
                limiter?.stamp(at: clock.now)
                gate?.completed(at: clock.now)
                recordBreaker(tool, success: true)
                return .ok(response)
            case .response(let response) where response.status == 429:
                gate?.completed(at: clock.now)
                let delay: Duration
                if let seconds = response.retryAfterSeconds {
                    delay = .secondsRounded(seconds)
                    if let cap = config.retryAfterCap, delay > cap { return .failed(.retryAfterTooLong) }
                } else {
                    delay = noHeader429 == 0 ? .seconds(4) : .seconds(8)
                    noHeader429 += 1
                }
                if last { return .failed(.status(429)) }
                try await pause(tool, delay, reason: .rateLimited, attempt: attempt, exchange: exchangeID, wait: .retryAfter)
            case .response(let response) where response.status >= 500:
                gate?.completed(at: clock.now)
                recordBreaker(tool, success: false)
                if last { return .failed(.status(response.status)) }
                try await pause(tool, Self.backoff(attempt), reason: .serverError, attempt: attempt, exchange: exchangeID)
            case .response(let response):
                gate?.completed(at: clock.now)
                return .failed(.status(response.status))
            case .timeout:
                recordBreaker(tool, success: false)
                if last || failsFast(tool) { return .failed(.timeout) }
                try await pause(tool, Self.backoff(attempt), reason: .timeout, attempt: attempt, exchange: exchangeID)
            case .connectionError:
                recordBreaker(tool, success: false)
                return .failed(.connectionError)
            }
        }
        return .failed(.timeout)
    }

    /// 0.5 s after the first failure, 1 s after the second.
    static func backoff(_ attempt: Int) -> Duration {
        .milliseconds(500 << attempt)
    }

    /// With request cancellation on for this call, a timed-out request is abandoned, not retried.
    private func failsFast(_ tool: ToolSpec) -> Bool {
        tool.failsFastOnTimeout || config.requestCancellation == .allRequests
    }

    private func recordBreaker(_ tool: ToolSpec, success: Bool) {
        guard tool.service == .reccobeats, let breaker = session.breaker else { return }
        breaker.record(success: success, at: clock.now)
    }

    private func waitForLimits(_ tool: ToolSpec, _ limiter: WindowLimiter?, _ gate: MinIntervalGate?) async throws {
        if let limiter {
            let delay = limiter.delay(at: clock.now)
            if delay > .zero { try await wait(tool, delay, kind: .window) }
        }
        if let gate {
            let delay = gate.delay(at: clock.now)
            if delay > .zero { try await wait(tool, delay, kind: .minInterval) }
        }
    }

    private func wait(_ tool: ToolSpec, _ delay: Duration, kind: Wait.Kind) async throws {
        observer.waited(
            Wait(
                kind: kind, tool: tool.name, startMicros: observer.micros(clock.now),
                durationMicros: Int(delay.microseconds), stage: StageContext.path))
        try await clock.sleep(for: delay)
    }

    private func pause(
        _ tool: ToolSpec, _ delay: Duration, reason: Retry.Reason, attempt: Int, exchange: String,
        wait kind: Wait.Kind? = nil
    ) async throws {
        observer.retried(
            Retry(
                tool: tool.name, startMicros: observer.micros(clock.now), attempt: attempt + 1,
                reason: reason, delayMicros: Int(delay.microseconds), exchangeID: exchange,
                stage: StageContext.path))
        if let kind {
            try await wait(tool, delay, kind: kind)
        } else {
            try await clock.sleep(for: delay)
        }
    }

    private func send(
        _ tool: ToolSpec, _ request: HTTPRequest
    ) async throws -> (TransportResult, String) {
        let id = observer.exchangeStarted(tool.service)
        let start = clock.now
        let result = try await session.transport.send(request, timeout: tool.timeout)
        let end = clock.now
        if let threshold = config.slowRequestLogThreshold, end - start > threshold {
            observer.count { $0.slowRequests += 1 }
        }
        let outcome: Outcome
        var response: HTTPResponse?
        switch result {
        case .response(let answer): (outcome, response) = (.ok, answer)
        case .timeout: outcome = .timeout
        case .connectionError: outcome = .connectionError
        }
        // Counted either way; kept only when someone reads this run's exchanges.
        let exchange = session.keepsEvents ? kept(request, tool, id: id, start: start, end: end, response, outcome) : nil
        observer.exchangeFinished(tool.service, outcome: outcome, status: response?.status, keeping: exchange)
        return (result, id)
    }

    /// The exchange a run keeps of `request`, with the session's ``ExchangeDetail``.
    private func kept(
        _ request: HTTPRequest, _ tool: ToolSpec, id: String, start: Duration, end: Duration, _ response: HTTPResponse?,
        _ outcome: Outcome
    ) -> Exchange {
        let detail = session.exchangeDetail
        let everything = detail == .everything
        return Exchange(
            id: id, startMicros: observer.micros(start), durationMicros: Int((end - start).microseconds),
            service: tool.service, method: request.method,
            url: detail == .timing ? "" : request.url(base: session.base(for: tool.service)),
            requestHeaders: everything ? request.headers : [], requestBody: everything ? request.body : nil,
            status: response?.status, responseHeaders: everything ? response?.headers ?? [] : [],
            responseBody: everything ? response?.body : nil, outcome: outcome, tool: tool.name, stage: request.stage)
    }

    /// Tool, method, path and sorted query: identical requests share a cache entry.
    static func cacheKey(_ tool: ToolSpec, _ request: HTTPRequest) -> String {
        cacheKey(tool, method: request.method, path: request.path, query: request.query)
    }

    /// ``cacheKey(_:_:)`` of a request with these parts, without building the request.
    static func cacheKey(_ tool: ToolSpec, method: String, path: String, query: [HTTPRequest.QueryItem]) -> String {
        // `name method path?` then the `name=value` pairs sorted, joined by `&`. Built for every
        // cached call (≈ 10 % of a what-if's allocations once): most have one parameter or none,
        // written in one go.
        switch query.count {
        case 0:
            return JoinedText.join(tool.name, " ", method, " ", path, "?")
        case 1:
            return JoinedText.join(tool.name, " ", method, " ", path, "?", query[0].name, "=", query[0].value)
        default:
            var key = JoinedText.join(tool.name, " ", method, " ", path, "?")
            var pairs = query.map { item in JoinedText.join(item.name, "=", item.value) }
            pairs.sort()
            key.reserveCapacity(key.utf8.count + pairs.reduce(pairs.count) { $0 + $1.utf8.count })
            for (position, pair) in pairs.enumerated() {
                if position > 0 { key.append("&") }
                key.append(pair)
            }
            return key
        }
    }
}
