import PerfbenchRecording

/// What a replayed answer's time rests on (issue 13 §3): a recorded exchange as it happened, one
/// the importer inferred from the call structure, one whose latency the import's fit rescaled,
/// or the replay's own models (composed and synthesized answers).
public enum AnswerSource: String, Sendable, Hashable, CaseIterable, Codable {
    case observed
    case inferred
    case fitted
    case modelled

    /// The source of an exact answer from an exchange of `provenance`.
    public init(_ provenance: Provenance) {
        switch provenance {
        case .observed: self = .observed
        case .inferred: self = .inferred
        case .fitted: self = .fitted
        }
    }
}

/// Request time (sum of answer delays, so overlapping requests count in full) by source, in
/// microseconds: what a stage's figure rests on.
public struct SourceTimes: Sendable, Equatable, Hashable, Codable {
    public var observed = 0
    public var inferred = 0
    public var fitted = 0
    public var modelled = 0

    /// Zero times.
    public init(observed: Int = 0, inferred: Int = 0, fitted: Int = 0, modelled: Int = 0) {
        self.observed = observed
        self.inferred = inferred
        self.fitted = fitted
        self.modelled = modelled
    }

    /// All of it.
    public var total: Int { observed + inferred + fitted + modelled }

    /// Adds `micros` to `source`.
    public mutating func add(_ micros: Int, _ source: AnswerSource) {
        switch source {
        case .observed: observed += micros
        case .inferred: inferred += micros
        case .fitted: fitted += micros
        case .modelled: modelled += micros
        }
    }

    /// The share of `source` (0 when there is no time).
    public func share(_ source: AnswerSource) -> Double {
        guard total > 0 else { return 0 }
        switch source {
        case .observed: return Double(observed) / Double(total)
        case .inferred: return Double(inferred) / Double(total)
        case .fitted: return Double(fitted) / Double(total)
        case .modelled: return Double(modelled) / Double(total)
        }
    }

    /// The source that holds more than half of the time when it is `fitted` or `modelled`: a
    /// figure that rests mostly on the fit or the models, which every report marks.
    public var weakMajority: AnswerSource? {
        [AnswerSource.fitted, .modelled].first { share($0) > 0.5 }
    }

    /// `observed 62 %, inferred 30 %, fitted 8 %` (sources with no time left out).
    public var text: String {
        AnswerSource.allCases.filter { share($0) > 0 }
            .map { "\($0.rawValue) \(DecimalText.fixed(share($0) * 100, 0)) %" }.joined(separator: ", ")
    }

    /// The sum of two.
    public static func + (lhs: SourceTimes, rhs: SourceTimes) -> SourceTimes {
        SourceTimes(
            observed: lhs.observed + rhs.observed, inferred: lhs.inferred + rhs.inferred,
            fitted: lhs.fitted + rhs.fitted, modelled: lhs.modelled + rhs.modelled)
    }

    /// A request's stage as the timing tree names it: `workflow/a/b` → `a/b`, `workflow` → `""`.
    public static func stagePath(_ stage: String) -> String {
        if stage == "workflow" { return "" }
        return stage.hasPrefix("workflow/") ? String(stage.dropFirst("workflow/".count)) : stage
    }

    /// The time of the stage at `path` and every stage below it, from per-stage times.
    public static func subtree(_ path: String, in times: [String: SourceTimes]) -> SourceTimes {
        times.reduce(SourceTimes()) { sum, entry in
            path.isEmpty || entry.key == path || entry.key.hasPrefix(path + "/") ? sum + entry.value : sum
        }
    }
}
