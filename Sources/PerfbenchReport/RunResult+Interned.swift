import PerfbenchRecording
import Synchronization

/// The strings, names and shapes that every run of a corpus repeats — stage paths and shapes,
/// endpoint and counter names, a configuration's 39 toggles — kept once per process and shared.
///
/// A run's report figures are small, but each run built these afresh: 1,000 recordings × 2
/// configurations kept ≈ 2,000 copies of the same stage paths, endpoint names and toggle maps
/// (heaptrack on a 500-recording diff: the toggle maps 2.1 MB, endpoint-name strings 1.6 MB of
/// a 22 MB heap peak). The sets only grow by values not seen before: a bounded vocabulary of
/// the pipeline model's names, and one toggle map per configuration replayed.
enum RunInterning {
    static let strings = Mutex<Set<String>>([])
    static let phaseMaps = Mutex<Set<[String: String]>>([])
    static let nameLists = Mutex<Set<[String]>>([])
    static let stageShapes = Mutex<Set<[StageSpan]>>([])

    static func string(_ value: String) -> String {
        // A small string lives inline in its value: nothing to share.
        guard value.utf8.count > 15 else { return value }
        return strings.withLock { $0.insert(value).memberAfterInsert }
    }

    /// An array equal to `names`, its names and storage shared with every equal one.
    static func names(_ names: [String]) -> [String] {
        if let shared = nameLists.withLock({ set in set.firstIndex(of: names).map { set[$0] } }) { return shared }
        let strings = names.map(string)
        return nameLists.withLock { $0.insert(strings).memberAfterInsert }
    }

    /// An array equal to `shape`, its names and paths and storage shared with every equal one.
    static func shape(_ shape: [StageSpan]) -> [StageSpan] {
        if let shared = stageShapes.withLock({ set in set.firstIndex(of: shape).map { set[$0] } }) { return shared }
        let spans = shape.map { span in
            var span = span
            span.name = string(span.name)
            span.path = string(span.path)
            return span
        }
        return stageShapes.withLock { $0.insert(spans).memberAfterInsert }
    }
}

extension RunResult {
    /// This run (and a warm session's later runs) without its stage spans and its answer
    /// counts per endpoint and per stage (``ReplayOptions/keepsBreakdown`` off): what a report
    /// that reads only totals, quality and request counts keeps of each run.
    public var withoutBreakdown: RunResult {
        var run = self
        run.stages = []
        run.requests.byEndpoint = [:]
        run.requests.timeBySource = [:]
        run.laterRuns = laterRuns.map(\.withoutBreakdown)
        return run
    }

    /// This run (and a warm session's later runs) as a corpus holds it: its stages and named
    /// figures packed (``StageList``, ``NamedFigures``) and its stage shapes, names and toggle
    /// map sharing storage with every other run's equal ones (``RunInterning``); the same
    /// value, compared or written.
    public var interned: RunResult {
        var run = self
        run.config.name = RunInterning.string(config.name)
        run.config.phases = RunInterning.phaseMaps.withLock { $0.insert(config.phases).memberAfterInsert }
        run.stageList = stageList.packed(sharingShape: RunInterning.shape)
        run.requests.endpointFigures = requests.endpointFigures.packed(sharingNames: RunInterning.names)
        run.requests.sourceFigures = requests.sourceFigures.packed(sharingNames: RunInterning.names)
        run.counterFigures = counterFigures.packed(sharingNames: RunInterning.names)
        if var summary = pathSummary {
            summary.parts = summary.parts.map { part in
                var part = part
                part.name = RunInterning.string(part.name)
                return part
            }
            run.pathSummary = summary
        }
        run.laterRuns = laterRuns.map(\.interned)
        return run
    }
}
