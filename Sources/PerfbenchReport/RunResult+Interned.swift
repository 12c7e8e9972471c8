import PerfbenchRecording
import Synchronization

/// The strings and toggle maps that every run of a corpus repeats — stage paths, endpoint
/// names, counter names, a configuration's 39 toggles — kept once per process and shared.
///
/// A run's report figures are small, but each run built these afresh: 1,000 recordings × 2
/// configurations kept ≈ 2,000 copies of the same stage paths, endpoint names and toggle maps
/// (heaptrack on a 500-recording diff: the toggle maps 2.1 MB, endpoint-name strings 1.6 MB of
/// a 22 MB heap peak). The sets only grow by values not seen before: a bounded vocabulary of
/// the pipeline model's names, and one toggle map per configuration replayed.
enum RunInterning {
    static let strings = Mutex<Set<String>>([])
    static let phaseMaps = Mutex<Set<[String: String]>>([])

    static func string(_ value: String) -> String {
        // A small string lives inline in its value: nothing to share.
        guard value.utf8.count > 15 else { return value }
        return strings.withLock { $0.insert(value).memberAfterInsert }
    }

    static func keys<Value>(_ dictionary: [String: Value]) -> [String: Value] {
        var shared: [String: Value] = [:]
        shared.reserveCapacity(dictionary.count)
        for (key, value) in dictionary { shared[string(key)] = value }
        return shared
    }
}

extension RunResult {
    /// This run (and a warm session's later runs) with its stage paths, endpoint and counter
    /// names and toggle map sharing storage with every other run's equal ones (``RunInterning``); the same value, compared or written.
    public var interned: RunResult {
        var run = self
        run.config.name = RunInterning.string(config.name)
        run.config.phases = RunInterning.phaseMaps.withLock { $0.insert(config.phases).memberAfterInsert }
        run.stages = stages.map { span in
            var span = span
            span.name = RunInterning.string(span.name)
            span.path = RunInterning.string(span.path)
            return span
        }
        run.requests.byEndpoint = RunInterning.keys(requests.byEndpoint)
        run.requests.timeBySource = RunInterning.keys(requests.timeBySource)
        run.counters = RunInterning.keys(counters)
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
