import PerfbenchRecording

/// Everything the reports need from one replayed run: the stage spans, the requests and the
/// counters, filled in by the pipeline and read by every renderer.
///
/// A plain value with a memberwise initializer so the replay code can build it without knowing
/// how it is rendered; the timing tree is derived from `stages` on demand.
public struct RunResult: Sendable, Equatable, Codable {
    /// The recording replayed, as given on the command line (e.g. `Recordings/x.jsonl.gz`).
    public var recording: String
    /// The configuration it was replayed under.
    public var config: RunConfig
    /// The workflow's wall time on the virtual clock, in seconds.
    public var totalSeconds: Double
    /// Every stage as a wall-time span, in any order.
    public var stages: [StageSpan] {
        get { stageList.spans }
        _modify { yield &stageList.spans }
        set { stageList.spans = newValue }
    }
    /// The storage of ``stages``, packed while a corpus holds the run.
    var stageList: StageList
    /// The upstream requests made, for the trace; may be empty when no trace is wanted.
    public var exchanges: [Exchange]
    /// Request counts by service and by how the replay answered them.
    public var requests: RequestCounts
    /// Client-side waits by kind.
    public var waits: WaitCounts
    /// Client-side cache hits and misses.
    public var cache: CacheCounts
    /// The quality the workflow reached.
    public var quality: QualityScores
    /// Further named counters (written sorted by name), e.g. `retries`.
    public var counters: [String: Double] {
        get { counterFigures.dictionary }
        _modify { yield &counterFigures.dictionary }
        set { counterFigures.dictionary = newValue }
    }
    /// The storage of ``counters``, packed while a corpus holds the run.
    var counterFigures: NamedFigures<Double>
    /// With `--draws N`, the spread of this run over N draws of its models (nil: one draw).
    public var interval: PredictionInterval?
    /// Every client-side wait, for the trace and the critical path (empty when not kept).
    public var waitEvents: [Wait] = []
    /// The critical path's summary, kept when the run's exchanges and waits were dropped for it
    /// (``CriticalPath/keepingOnlySummary(of:)``); nil otherwise. Read ``criticalPathSummary``.
    public var pathSummary: CriticalPathSummary?
    /// With `--session N`, runs 2…N of the warm session this run opened (empty otherwise): the
    /// same workflow again, finding the caches the runs before it filled.
    public var laterRuns: [RunResult] = []

    /// Makes a run result; everything after `stages` has an empty default.
    public init(
        recording: String, config: RunConfig, totalSeconds: Double, stages: [StageSpan],
        exchanges: [Exchange] = [], requests: RequestCounts = RequestCounts(),
        waits: WaitCounts = WaitCounts(), cache: CacheCounts = CacheCounts(),
        quality: QualityScores = QualityScores(), counters: [String: Double] = [:]
    ) {
        self.recording = recording
        self.config = config
        self.totalSeconds = totalSeconds
        self.stageList = StageList(stages)
        self.exchanges = exchanges
        self.requests = requests
        self.waits = waits
        self.cache = cache
        self.quality = quality
        self.counterFigures = NamedFigures(counters)
    }

    /// The stored properties' names in the JSON form, as before ``stages`` and ``counters`` were
    /// packed.
    enum CodingKeys: String, CodingKey {
        case recording, config, totalSeconds, exchanges, requests, waits, cache, quality, interval, waitEvents
        case pathSummary, laterRuns
        case stageList = "stages"
        case counterFigures = "counters"
    }

    /// The workflow's wall time in whole microseconds (the stage spans' unit).
    public var totalMicros: Int { Int((totalSeconds * 1_000_000).rounded()) }

    /// What the reports read of the critical path: the kept summary, else the summary of the
    /// path through the run's events; nil for a run without requests.
    public var criticalPathSummary: CriticalPathSummary? {
        if let pathSummary { return pathSummary }
        return exchanges.isEmpty ? nil : CriticalPathSummary(CriticalPath(self))
    }

    /// The timing tree of this run, rooted at `workflow` spanning `totalSeconds`.
    public var timingTree: TimingTree { TimingTree(spans: stages, totalMicros: totalMicros) }
}
