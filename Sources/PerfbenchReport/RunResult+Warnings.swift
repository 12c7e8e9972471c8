extension RunResult {
    /// What a reader must know before trusting this run's figures, one sentence each: the
    /// coverage warning (most answers modelled, not recorded) and modelled rate limits on a host
    /// whose recording never saw one. Every report format and standard error carry them.
    public var warnings: [String] {
        var warnings: [String] = []
        if let coverage = AnswerCoverage(requests).warning() { warnings.append(coverage) }
        if let unrecorded = counters[Self.unrecordedRateLimitCounter], unrecorded > 0 {
            warnings.append(
                "\(DecimalText.trimmed(unrecorded, 0)) modelled 429 answers on hosts whose recording had none: "
                    + "this configuration sends faster than anything recorded there, so those waits are an "
                    + "extrapolation (replay_rate_limited_unrecorded)")
        }
        return warnings
    }

    /// The counter of modelled 429s on hosts without a recorded 429.
    public static let unrecordedRateLimitCounter = "replay_rate_limited_unrecorded"

    /// `warning: …` lines for a set of runs, each prefixed with its recording when there are
    /// several.
    public static func warningLines(_ runs: [RunResult]) -> [String] {
        runs.flatMap { run in
            run.warnings.map { runs.count == 1 ? "warning: \($0)" : "warning: \(run.recording): \($0)" }
        }
    }
}
