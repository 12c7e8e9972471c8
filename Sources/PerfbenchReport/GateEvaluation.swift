/// The P95 gate: compares a candidate corpus with a baseline metric by metric.
///
/// A metric regresses when the candidate exceeds the baseline by more than the threshold
/// (percent); it improves when it is lower by more than the threshold. Replays are exact, so
/// the gate needs no statistical allowance for noise: the threshold is a policy, not a margin.
public struct GateEvaluation: Sendable, Equatable {
    public static let schema = "perfbench.gate/1"
    /// The metrics checked when none is named.
    public static let defaultMetrics = ["total.p95", "total.p50", "total.p99"]

    /// One metric's verdict.
    public struct Metric: Sendable, Equatable {
        public enum Status: String, Sendable { case pass, regression, improvement }
        public var metric: String
        public var baseline: Double
        public var candidate: Double
        public var deltaPercent: Double
        public var thresholdPercent: Double
        public var status: Status
    }

    /// A recording or stage that moved, for the explanation.
    public struct Mover: Sendable, Equatable {
        public var name: String
        public var baseline: Double
        public var candidate: Double
        public var deltaSeconds: Double { candidate - baseline }
    }

    public var metrics: [Metric]
    /// Stages whose P50 moved most (largest increase first).
    public var stageMovers: [Mover]
    /// Recordings whose total moved most (largest increase first).
    public var recordingMovers: [Mover]
    public var recordingCount: Int

    public var isRegression: Bool { metrics.contains { $0.status == .regression } }

    /// Why a metric name is not understood, with the accepted forms.
    public struct UnknownMetric: Error, CustomStringConvertible, Sendable {
        public var metric: String
        public var description: String {
            "unknown metric \"\(metric)\": use total.p50, total.p95, total.p99 or stage.<path>.pNN "
                + "(e.g. stage.orchestration/initial_generation.p95; see 'perfbench baseline' output for paths)"
        }
    }

    /// Evaluates `candidate` runs against `baseline` on `metrics`.
    public init(
        baseline: BaselineFile, candidate: [RunResult], metrics names: [String], thresholdPercent: Double
    ) throws {
        let candidateFile = BaselineFile(
            runs: candidate, config: baseline.config, recordingSetHash: baseline.recordingSetHash,
            perfbenchVersion: baseline.perfbenchVersion)
        metrics = try names.map { name in
            let (base, cand) = try Self.values(name, baseline, candidateFile)
            let delta = base == 0 ? (cand == 0 ? 0 : 100) : (cand - base) / base * 100
            let status: Metric.Status =
                delta > thresholdPercent ? .regression : delta < -thresholdPercent ? .improvement : .pass
            return Metric(
                metric: name, baseline: base, candidate: cand, deltaPercent: delta,
                thresholdPercent: thresholdPercent, status: status)
        }
        let paths = Set(baseline.stagePaths).union(candidateFile.stagePaths).sorted()
        stageMovers = Self.top(paths.map { path in
            Mover(name: path, baseline: baseline.stagePercentiles(path).p50, candidate: candidateFile.stagePercentiles(path).p50)
        }).filter { !$0.name.contains("/") || $0.deltaSeconds != 0 }
        let baseTotals = Dictionary(baseline.entries.map { ($0.recording, $0.totalSeconds) }, uniquingKeysWith: { a, _ in a })
        recordingMovers = Self.top(candidateFile.entries.map { entry in
            Mover(name: entry.recording, baseline: baseTotals[entry.recording] ?? 0, candidate: entry.totalSeconds)
        })
        recordingCount = candidate.count
    }

    private static func top(_ movers: [Mover]) -> [Mover] {
        Array(movers.enumerated().sorted { lhs, rhs in
            lhs.element.deltaSeconds != rhs.element.deltaSeconds
                ? lhs.element.deltaSeconds > rhs.element.deltaSeconds : lhs.offset < rhs.offset
        }.map(\.element).prefix(3))
    }

    /// `total.pNN` or `stage.<path>.pNN`.
    static func values(_ name: String, _ base: BaselineFile, _ candidate: BaselineFile) throws -> (Double, Double) {
        guard let dot = name.lastIndex(of: "."), let percentile = percentile(String(name[name.index(after: dot)...])) else {
            throw UnknownMetric(metric: name)
        }
        let subject = String(name[..<dot])
        if subject == "total" {
            return (percentile(base.totalPercentiles), percentile(candidate.totalPercentiles))
        }
        guard subject.hasPrefix("stage.") else { throw UnknownMetric(metric: name) }
        let path = String(subject.dropFirst("stage.".count))
        guard base.stagePaths.contains(path) || candidate.stagePaths.contains(path) else { throw UnknownMetric(metric: name) }
        return (percentile(base.stagePercentiles(path)), percentile(candidate.stagePercentiles(path)))
    }

    private static func percentile(_ text: String) -> ((PercentileSummary) -> Double)? {
        switch text {
        case "p50": return { $0.p50 }
        case "p95": return { $0.p95 }
        case "p99": return { $0.p99 }
        default: return nil
        }
    }
}
