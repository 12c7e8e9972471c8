import PerfbenchRecording

/// The chain of requests, waits and pipeline steps that decides a run's total (issue 16 §1).
///
/// Computed from the replay's events by walking back from the end: at each point in time, the
/// request or wait that finished last before it is what the workflow was waiting for (on the
/// virtual clock nothing else can have held it up: every task that runs is waiting on one of
/// them or computing in zero time); time between that event's end and the point, when no
/// request or wait ends there, is a pipeline step (a pause the pipeline takes, time the
/// recording shows between agents), credited to the deepest stage running then. The walk goes
/// on from the event's start. Ties go to the longer event, then the earlier one, so the path is
/// the same on every run. Parallel branches that finished earlier are off the path: they did
/// not decide the total.
public struct CriticalPath: Sendable, Equatable {
    /// One piece of the path.
    public struct Segment: Sendable, Equatable {
        public enum Kind: String, Sendable { case request, wait, step }
        public var kind: Kind
        /// `spotify get_album_tracks`, `wait window get_album_tracks`, `llm (playlist_ordering)`,
        /// `step (between_agents)`.
        public var name: String
        /// The stage it ran in (top-level stage first).
        public var stage: String
        public var startMicros: Int
        public var durationMicros: Int
    }

    /// The segments in time order; their durations add up to the run's total.
    public var segments: [Segment]

    /// The critical path of `run`.
    public init(_ run: RunResult) {
        segments = Self.walk(run)
    }

    /// The segments in time order.
    private static func walk(_ run: RunResult) -> [Segment] {
        struct Event {
            var kind: Segment.Kind
            var name: String
            var stage: String
            var start: Int
            var end: Int
        }
        // By position: mapping the exchanges would copy (retain every field of) each one.
        let exchanges = run.exchanges
        var events: [Event] = exchanges.indices.map { position in
            let stage = exchanges[position].stage ?? ""
            let service = exchanges[position].service
            let name = service == .llm
                ? "llm (\(stage.split(separator: "/").last.map(String.init) ?? "workflow"))"
                : "\(service.rawValue) \(exchanges[position].tool ?? exchanges[position].method)"
            let start = exchanges[position].startMicros
            return Event(kind: .request, name: name, stage: stage, start: start, end: start + exchanges[position].durationMicros)
        }
        events += run.waitEvents.map { wait in
            Event(kind: .wait, name: "wait \(wait.kind.rawValue) \(wait.tool)", stage: wait.stage ?? "",
                  start: wait.startMicros, end: wait.startMicros + wait.durationMicros)
        }
        // Latest end first; among equal ends the longer, then the one listed first.
        let order = events.indices.sorted { lhs, rhs in
            let a = events[lhs], b = events[rhs]
            if a.end != b.end { return a.end > b.end }
            if a.end - a.start != b.end - b.start { return a.end - a.start > b.end - b.start }
            return lhs < rhs
        }
        var segments: [Segment] = []
        var time = run.totalMicros
        var cursor = 0
        func step(from start: Int, to end: Int) {
            guard end > start else { return }
            let stage = Self.deepestStage(run.stages, at: start + (end - start) / 2)
            let leaf = stage.split(separator: "/").last.map(String.init) ?? "workflow"
            segments.append(Segment(kind: .step, name: "step (\(leaf))", stage: stage, startMicros: start, durationMicros: end - start))
        }
        while time > 0 {
            // The next event (in end order) that ends by `time` and starts before it.
            // Events ending after `time` can never be on the path from here on (time only falls),
            // nor can empty ones.
            while cursor < order.count, events[order[cursor]].end > time || events[order[cursor]].start >= time { cursor += 1 }
            guard cursor < order.count else {
                step(from: 0, to: time)
                break
            }
            let event = events[order[cursor]]
            cursor += 1
            step(from: event.end, to: time)
            segments.append(Segment(
                kind: event.kind, name: event.name, stage: event.stage, startMicros: event.start,
                durationMicros: event.end - event.start))
            time = event.start
        }
        return segments.reversed()
    }

    /// `run` (and its later runs) with its critical path's summary in place of its exchanges
    /// and waits: what every report but the timelines (HTML, trace, speedscope) reads of them.
    public static func keepingOnlySummary(of run: RunResult) -> RunResult {
        var kept = run
        kept.pathSummary = run.criticalPathSummary
        kept.exchanges = []
        kept.waitEvents = []
        kept.laterRuns = run.laterRuns.map(keepingOnlySummary)
        return kept
    }

    /// The deepest stage running at `micros` (the workflow, `""`, when none).
    static func deepestStage(_ stages: [StageSpan], at micros: Int) -> String {
        var best: StageSpan?
        for span in stages where span.startMicros <= micros && micros < span.startMicros + span.durationMicros {
            if best.map({ span.depth > $0.depth || (span.depth == $0.depth && span.path < $0.path) }) ?? true { best = span }
        }
        return best?.path ?? ""
    }

    /// Seconds on the path per stage down to three levels (`orchestration/initial_generation/
    /// seed_gathering`; `""` for time outside every stage), then per segment name, largest first
    /// within each stage, stages in order of first appearance.
    public var byStage: [(stage: String, seconds: Double, parts: [(name: String, seconds: Double)])] {
        var order: [String] = []
        var totals: [String: [String: Int]] = [:]
        for segment in segments {
            let top = segment.stage.split(separator: "/").prefix(3).joined(separator: "/")
            if totals[top] == nil { order.append(top) }
            totals[top, default: [:]][segment.name, default: 0] += segment.durationMicros
        }
        return order.map { stage in
            let parts = (totals[stage] ?? [:]).map { (name: $0.key, seconds: Double($0.value) / 1_000_000) }
                .sorted { $0.seconds != $1.seconds ? $0.seconds > $1.seconds : $0.name < $1.name }
            return (stage, parts.map(\.seconds).reduce(0, +), parts)
        }
    }

    /// Seconds on the path per segment name over the whole run, largest first.
    public var byName: [(name: String, seconds: Double)] { CriticalPathSummary(self).byName }

    /// Seconds on the path per kind (requests, waits, steps).
    public func seconds(of kind: Segment.Kind) -> Double { CriticalPathSummary(self).seconds(of: kind) }
}
