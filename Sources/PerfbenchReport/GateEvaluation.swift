/// The P95 gate: compares a candidate corpus with a baseline metric by metric.
///
/// A metric regresses when the candidate exceeds the baseline by more than the threshold
/// (percent); it improves when it is lower by more than the threshold. Replays are exact, so
/// the gate needs no statistical allowance for noise: the threshold is a policy, not a margin.
/// Where a candidate rests on the replay's models (a what-if), `--draws` replays it again with
/// its models drawn anew: a total metric that regresses in the plain replay but not at the P10
/// of its draws is `uncertain` — within what the models cannot tell — not a regression.
public struct GateEvaluation: Sendable, Equatable {
    public static let schema = "perfbench.gate/1"
    /// The metrics checked when none is named.
    public static let defaultMetrics = ["total.p95", "total.p50", "total.p99"]

    /// One metric's verdict.
    public struct Metric: Sendable, Equatable {
        /// `uncertain`: the replay's own figure regresses, but not in every draw of its models
        /// (P10 of the metric over the draws): a regression the recordings cannot confirm.
        public enum Status: String, Sendable { case pass, regression, improvement, uncertain }
        public var metric: String
        public var baseline: Double
        public var candidate: Double
        public var deltaPercent: Double
        public var thresholdPercent: Double
        public var status: Status
        /// P10 / P90 of the candidate's metric over the draws (`--draws`; total metrics only):
        /// the corpus percentile computed per draw.
        public var band: (p10: Double, p90: Double)?

        public static func == (lhs: Metric, rhs: Metric) -> Bool {
            lhs.metric == rhs.metric && lhs.baseline == rhs.baseline && lhs.candidate == rhs.candidate
                && lhs.deltaPercent == rhs.deltaPercent && lhs.thresholdPercent == rhs.thresholdPercent
                && lhs.status == rhs.status && lhs.band?.p10 == rhs.band?.p10 && lhs.band?.p90 == rhs.band?.p90
        }
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
    /// The candidate's recordings at the P95 and P99 nearest ranks.
    public var tailRecordings: [TailRecording]
    /// Percentiles per group of recordings (a world, a folder), when there are several.
    public var groups: [Group]
    /// How much of the tail recordings' answers the replay composed or synthesized.
    public var modelledShare: Double?

    /// The absolute criteria (`--require`), checked over the candidate's runs.
    public var requirements: [CriterionResult] = []

    /// Whether a metric regressed beyond the threshold or a required criterion does not hold.
    public var isRegression: Bool { metrics.contains { $0.status == .regression } || failsRequirements }
    /// Whether a required criterion does not hold.
    public var failsRequirements: Bool { requirements.contains { !$0.holds } }
    /// Whether a metric regressed in the replay's own figure but not in every draw.
    public var isUncertain: Bool { metrics.contains { $0.status == .uncertain } }

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
        baseline: BaselineFile?, candidate: [RunResult], metrics names: [String], thresholdPercent: Double,
        requirements: [Criterion] = []
    ) throws {
        self.requirements = requirements.map { CriterionResult($0, runs: candidate) }
        recordingCount = candidate.count
        tailRecordings = Self.tail(of: candidate)
        modelledShare = Self.modelledShare(of: candidate)
        guard let baseline else {
            // Absolute criteria only (`--baseline none`): nothing to compare with.
            metrics = []
            stageMovers = []
            recordingMovers = []
            groups = Self.groups(baseline: nil, candidate: candidate)
            return
        }
        let candidateFile = BaselineFile(
            runs: candidate, config: baseline.config, recordingSetHash: baseline.recordingSetHash,
            perfbenchVersion: baseline.perfbenchVersion)
        func percentDelta(_ base: Double, _ cand: Double) -> Double {
            base == 0 ? (cand == 0 ? 0 : 100) : (cand - base) / base * 100
        }
        metrics = try names.map { name in
            let (base, cand) = try Self.values(name, baseline, candidateFile)
            let delta = percentDelta(base, cand)
            var status: Metric.Status =
                delta > thresholdPercent ? .regression : delta < -thresholdPercent ? .improvement : .pass
            let band = Self.drawBand(name, candidate)
            // A regression only some draws show is one the recordings cannot confirm.
            if status == .regression, let band, percentDelta(base, band.p10) <= thresholdPercent { status = .uncertain }
            return Metric(
                metric: name, baseline: base, candidate: cand, deltaPercent: delta,
                thresholdPercent: thresholdPercent, status: status, band: band)
        }
        let paths = Set(baseline.stagePaths).union(candidateFile.stagePaths).sorted()
        stageMovers = Self.top(paths.map { path in
            Mover(name: path, baseline: baseline.stagePercentiles(path).p50, candidate: candidateFile.stagePercentiles(path).p50)
        }).filter { $0.deltaSeconds != 0 }
        // Matched by name within each set, however the command line named the folder.
        let baseNames = RecordingNames.relative(baseline.entries.map(\.recording))
        let baseTotals = Dictionary(zip(baseNames, baseline.entries.map(\.totalSeconds)).map { ($0, $1) }, uniquingKeysWith: { a, _ in a })
        let candidateNames = RecordingNames.relative(candidateFile.entries.map(\.recording))
        recordingMovers = Self.top(zip(candidateNames, candidateFile.entries).map { name, entry in
            Mover(name: entry.recording, baseline: baseTotals[name] ?? 0, candidate: entry.totalSeconds)
        }).filter { $0.deltaSeconds != 0 }
        groups = Self.groups(baseline: baseline, candidate: candidate)
    }

    private static func top(_ movers: [Mover]) -> [Mover] {
        Array(movers.enumerated().sorted { lhs, rhs in
            lhs.element.deltaSeconds != rhs.element.deltaSeconds
                ? lhs.element.deltaSeconds > rhs.element.deltaSeconds : lhs.offset < rhs.offset
        }.map(\.element).prefix(3))
    }

    /// P10 / P90 over the draws of a `total.pNN` metric (``PredictionInterval/corpusBand(_:of:)``);
    /// nil for stage metrics.
    static func drawBand(_ name: String, _ runs: [RunResult]) -> (p10: Double, p90: Double)? {
        guard name.hasPrefix("total."), let p = Double(name.dropFirst("total.p".count)) else { return nil }
        return PredictionInterval.corpusBand(p, of: runs)
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
