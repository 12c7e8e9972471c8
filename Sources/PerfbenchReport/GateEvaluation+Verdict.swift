/// What a gate verdict says beyond its metrics (issue 17 §2): which recordings make the tail,
/// and the percentiles of each group of recordings beside the corpus's.
extension GateEvaluation {
    /// The recording at a corpus percentile's nearest rank.
    public struct TailRecording: Sendable, Equatable {
        /// `p95` or `p99`.
        public var percentile: String
        public var recording: String
        public var seconds: Double
    }

    /// One group's P50 and P95, baseline and candidate.
    public struct Group: Sendable, Equatable {
        public var name: String
        public var count: Int
        public var baseline: PercentileSummary
        public var candidate: PercentileSummary
    }

    /// The candidate's recordings at the P95 and P99 nearest ranks.
    static func tail(of runs: [RunResult]) -> [TailRecording] {
        tailRuns(runs).map { TailRecording(percentile: $0.percentile, recording: $0.run.recording, seconds: $0.run.totalSeconds) }
    }

    /// Of the answers of the runs at P95 and P99 (each counted once), the share composed or
    /// synthesized rather than found in the recording: how much the tail, which decides the
    /// verdict, rests on the replay's models.
    static func modelledShare(of runs: [RunResult]) -> Double? {
        var seen = Set<String>()
        let tail = tailRuns(runs).map(\.run).filter { seen.insert($0.recording).inserted }
        let total = tail.map(\.requests.total).reduce(0, +)
        guard total > 0 else { return nil }
        return Double(total - tail.map(\.requests.exact).reduce(0, +)) / Double(total)
    }

    private static func tailRuns(_ runs: [RunResult]) -> [(percentile: String, run: RunResult)] {
        // Ties keep input order, so the same corpus names the same recordings on every run.
        let sorted = runs.enumerated().sorted { lhs, rhs in
            lhs.element.totalSeconds != rhs.element.totalSeconds
                ? lhs.element.totalSeconds < rhs.element.totalSeconds : lhs.offset < rhs.offset
        }.map(\.element)
        return [("p95", 95.0), ("p99", 99.0)].compactMap { name, p in
            guard !sorted.isEmpty else { return nil }
            return (name, sorted[Percentiles.rank(p, count: sorted.count) - 1])
        }
    }

    /// Groups of recordings (``groupName(of:)``), in name order, when there are two or more.
    static func groups(baseline: BaselineFile?, candidate: [RunResult]) -> [Group] {
        var baseTotals: [String: [Double]] = [:]
        for entry in baseline?.entries ?? [] { baseTotals[groupName(of: entry.recording), default: []].append(entry.totalSeconds) }
        var candidateTotals: [String: [Double]] = [:]
        for run in candidate { candidateTotals[groupName(of: run.recording), default: []].append(run.totalSeconds) }
        guard candidateTotals.count > 1 else { return [] }
        return candidateTotals.keys.sorted().map { name in
            Group(
                name: name, count: candidateTotals[name]?.count ?? 0,
                baseline: PercentileSummary(baseTotals[name] ?? []), candidate: PercentileSummary(candidateTotals[name] ?? []))
        }
    }

    /// The group of a recording: the world of a synthesized one (`bad-day` of
    /// `…/bad-day-s1-p4.jsonl.gz`), else the folder it is in.
    public static func groupName(of recording: String) -> String {
        let parts = recording.split(separator: "/", omittingEmptySubsequences: false)
        let file = parts.last.map(String.init) ?? recording
        let stem = file.hasSuffix(".jsonl.gz") ? String(file.dropLast(".jsonl.gz".count)) : file
        let pieces = stem.split(separator: "-", omittingEmptySubsequences: false)
        if pieces.count >= 3, let seed = pieces.dropLast().last, seed.first == "s", seed.dropFirst().allSatisfy(\.isNumber),
            let prompt = pieces.last, prompt.first == "p", prompt.dropFirst().allSatisfy(\.isNumber)
        {
            return pieces.dropLast(2).joined(separator: "-")
        }
        return parts.count > 1 ? String(parts[parts.count - 2]) : "."
    }
}
