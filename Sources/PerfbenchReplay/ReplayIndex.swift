import PerfbenchPipeline
import PerfbenchRecording
import Synchronization

/// A recording indexed for replay: every exchange's answer prepared once and filed under its
/// normalized request (`RequestKey`), in the order the requests were sent.
///
/// Building the exact-match tables parses URLs but no bodies, so a replay that only needs exact
/// answers never parses a response. The models behind counterfactual answers (latency
/// distributions, batch fits, the catalogue of recorded tracks and artists) are built on first
/// use and then shared by every transport made from this index, on any thread.
public final class ReplayIndex: Sendable {
    /// The recording this index serves.
    public let recording: Recording
    /// The recording's exchanges in start order (as the file lists them).
    let exchanges: [Exchange]
    /// Recorded answers in send order (start time, then the exchange id's sequence number).
    let answers: [RecordedAnswer]
    /// The normalized request of each answer.
    let keys: [RequestKey]
    /// Key → key number.
    let keyNumbers: [RequestKey: Int]
    /// Per key number, the answers filed under it, in send order.
    let queues: [[Int]]
    /// Per key number, the last answer that said something definitive (2xx or 404), if any:
    /// what an exhausted key reuses.
    let lastDefinitive: [Int?]
    /// Per-host request-rate limits inferred from the recording.
    let rateLimits: RateLimitModel
    /// Time the recording shows between its top-level agents, replayed as it was.
    let observedGaps: [ObservedGap: Duration]
    /// Whether the recorded LLM request bodies are the ones perfbench's own client wrote (a
    /// `record` or `synth` recording), so a replayed request can be compared with them. An
    /// import's are not: a backend log has no bodies (the importer writes a placeholder with the
    /// task), a real backend's HAR another prompt format.
    let comparesLLMInputs: Bool
    /// For an imported backend log, its answers by stage and endpoint: the timing an unmatched
    /// call of that stage takes (``StandInAnswers``); empty for every other recording.
    let standIns: StandInAnswers
    /// The configuration the header records (or why its phases are invalid) and its phase map,
    /// built once: every replay compares its configuration with it.
    let recordedConfiguration: Result<PipelineConfiguration, ConfigurationError>
    let recordedPhaseMap: [String: String]
    /// Built on first use; a class reference, so the lock only guards the pointer.
    private let lazyModels = Mutex<ReplayModels?>(nil)
    private let lazyLoad = Mutex<LoadModel?>(nil)

    /// Indexes `recording`'s exchanges.
    public init(recording: Recording) {
        self.recording = recording
        let exchanges = recording.exchanges
        self.exchanges = exchanges
        // By position: enumerating would copy (retain every field of) each exchange.
        var prepared = exchanges.indices.map { RecordedAnswer(exchange: exchanges[$0], index: $0) }
        // Recordings list exchanges by start; among equal starts perfbench writes them in the
        // order they finished, but matching needs the order they were sent.
        prepared.sort { lhs, rhs in
            if lhs.startMicros != rhs.startMicros { return lhs.startMicros < rhs.startMicros }
            let left = lhs.sequenceNumber ?? Int.max, right = rhs.sequenceNumber ?? Int.max
            return left != right ? left < right : lhs.exchangeIndex < rhs.exchangeIndex
        }
        answers = prepared
        keys = prepared.map { RequestKey(exchanges[$0.exchangeIndex]) }
        var numbers: [RequestKey: Int] = [:]
        var queues: [[Int]] = []
        for (answer, key) in keys.enumerated() {
            if let number = numbers[key] {
                queues[number].append(answer)
            } else {
                numbers[key] = queues.count
                queues.append([answer])
            }
        }
        keyNumbers = numbers
        self.queues = queues
        lastDefinitive = queues.map { queue in queue.last { prepared[$0].isDefinitive } }
        rateLimits = RateLimitModel(answers: prepared, keys: keys, tools: prepared.map { exchanges[$0.exchangeIndex].tool })
        observedGaps = Self.observedGaps(recording)
        comparesLLMInputs = recording.header.importSource == nil
        standIns = recording.header.isImportedLog
            ? StandInAnswers(recording: recording, answers: prepared, keys: keys) : .none
        let header = recording.header
        recordedConfiguration = Result { () throws(ConfigurationError) in
            try PipelineConfiguration(name: header.configLabel, phases: header.phases)
        }
        recordedPhaseMap = (try? recordedConfiguration.get())?.phaseMap ?? [:]
    }

    /// The recording's `between_agents` spans, each filed before the top-level stage that starts
    /// where it ends (after ordering when none does), durations summed per place.
    static func observedGaps(_ recording: Recording) -> [ObservedGap: Duration] {
        var gaps: [ObservedGap: Duration] = [:]
        var starts: [String: Int] = [:]
        for case .stage(let span) in recording.events where !span.path.contains("/") {
            starts[span.path] = min(starts[span.path] ?? Int.max, span.startMicros)
        }
        for case .stage(let span) in recording.events where span.path == ObservedGap.stageName && span.durationMicros > 0 {
            let end = span.startMicros + span.durationMicros
            let place = ObservedGap.allCases.first { gap in
                guard let next = gap.nextStage else { return true }
                return starts[next].map { $0 >= end } ?? false
            } ?? .afterOrdering
            gaps[place, default: .zero] += .microseconds(span.durationMicros)
        }
        return gaps
    }

    /// How many exchanges the recording holds.
    public var exchangeCount: Int { answers.count }

    /// The counterfactual models, each built when a replay first needs it (``ReplayModels``).
    var models: ReplayModels {
        lazyModels.once { ReplayModels(index: self) }
    }

    /// How each host's latency followed its load, built on first call (apart from ``models``:
    /// every replay reads it, and it parses no body).
    var load: LoadModel {
        lazyLoad.once { LoadModel(answers: answers, keys: keys, tools: answers.map { exchanges[$0.exchangeIndex].tool }) }
    }

    /// The recorded exchange behind answer `answer`.
    func exchange(_ answer: Int) -> Exchange {
        exchanges[answers[answer].exchangeIndex]
    }
}
