/// What a replay that leans on models would give over many draws of them (issue 14 §4): every
/// answer the recording does not hold exactly (synthesized latencies, tail draws) is drawn again
/// with another fixed seed, N times, and the spread of the results is the interval. An exact
/// replay draws nothing and has a zero-width interval.
public struct PredictionInterval: Sendable, Equatable, Hashable, Codable {
    /// The draws (the plain replay is draw 0, and counts).
    public var draws: Int
    /// Each draw's total, in draw order (draw 0 first): what a corpus percentile per draw
    /// is computed from (``GateEvaluation``).
    public var drawTotals: [Double]
    /// P10 / P50 / P90 of the total, in seconds. P50 is the draws' nearest-rank median; P10 and
    /// P90 bound a *prediction* interval for one more run: the draws' order statistics of ranks
    /// ⌊0.1·(n + 1)⌋ and ⌈0.9·(n + 1)⌉ (clamped to 1…n), which hold a further draw 80 % of the
    /// time when the models are right (a distribution-free property of exchangeable draws). With
    /// fewer than 9 draws that is the whole range, which holds one (n − 1)/(n + 1) of the time:
    /// ask for 10 or more when the band must mean 80 %.
    public var total: (p10: Double, p50: Double, p90: Double)
    /// P10 / P50 / P90 per stage path, in seconds.
    public var stages: [String: (p10: Double, p50: Double, p90: Double)]
    /// Share of draws by generator runs (1: the improvement loop did not regenerate).
    public var generatorRuns: [Int: Double]
    /// Share of draws that ran past ``runLimit``: they do not finish (a growing rate-limit
    /// block, say, under a limiter the recording cannot rule out).
    public var unfinished: Double

    /// A run longer than this does not finish: a playlist takes 3–13 minutes, and the live runs
    /// that issue 14 reports as never finishing were stopped at 2,400 s.
    public static let runLimitSeconds = 2_400.0

    /// The interval over `runs` (the plain replay first).
    public init(runs: [RunResult]) {
        draws = runs.count
        drawTotals = runs.map(\.totalSeconds)
        func band(_ values: [Double]) -> (p10: Double, p50: Double, p90: Double) {
            let sorted = values.sorted()
            guard !sorted.isEmpty else { return (0, 0, 0) }
            let count = sorted.count
            func value(rank: Int) -> Double { sorted[max(1, min(count, rank)) - 1] }
            let median = Int((0.5 * Double(count)).rounded(.up))
            let lower = Int((0.1 * Double(count + 1)).rounded(.down))
            let upper = Int((0.9 * Double(count + 1)).rounded(.up))
            return (value(rank: lower), value(rank: median), value(rank: upper))
        }
        total = band(runs.map(\.totalSeconds))
        var byStage: [String: [Double]] = [:]
        for run in runs {
            for node in run.timingTree.nodes where !node.path.isEmpty { byStage[node.path, default: []].append(node.seconds) }
        }
        stages = byStage.mapValues(band)
        var counts: [Int: Int] = [:]
        for run in runs { counts[Int(run.counters["generator_runs"] ?? 0), default: 0] += 1 }
        generatorRuns = counts.mapValues { Double($0) / Double(max(1, runs.count)) }
        unfinished = Double(runs.filter { $0.totalSeconds > Self.runLimitSeconds }.count) / Double(max(1, runs.count))
    }

    /// P10 / P90 over the draws of the corpus percentile `p` of `runs`' totals: per draw, the
    /// nearest-rank percentile of every run's total in that draw (a run without an interval
    /// counts with its own total). Nil without draws, or when every draw agrees.
    public static func corpusBand(_ p: Double, of runs: [RunResult]) -> (p10: Double, p90: Double)? {
        guard let perDraw = corpusDraws(p, of: runs)?.sorted() else { return nil }
        guard let low = Percentiles.nearestRank(10, sorted: perDraw), let high = Percentiles.nearestRank(90, sorted: perDraw),
            low != high
        else { return nil }
        return (low, high)
    }

    /// The corpus percentile `p` of `runs`' totals in each draw, in draw order (a run without an
    /// interval counts with its own total in every draw); nil without draws. Draw `d` of every
    /// configuration replays with the seeds of number `d`, so two configurations' lists pair up
    /// draw by draw.
    public static func corpusDraws(_ p: Double, of runs: [RunResult]) -> [Double]? {
        guard let draws = runs.compactMap({ $0.interval?.drawTotals.count }).max(), draws > 1 else { return nil }
        return (0..<draws).map { draw in
            Percentiles.nearestRank(p, of: runs.map { run in
                guard let totals = run.interval?.drawTotals, draw < totals.count else { return run.totalSeconds }
                return totals[draw]
            }) ?? 0
        }
    }

    /// A draw's figure for a report: seconds with two decimals, or `> 2400` past the run limit,
    /// where the figure is a blocked limiter's millions of seconds, not a time anyone waits.
    public static func seconds(_ value: Double) -> String {
        value > runLimitSeconds ? "> " + DecimalText.fixed(runLimitSeconds, 0) : DecimalText.fixed(value, 2)
    }

    /// Whether the P90 draw does not finish: the prediction cannot promise a finished run.
    public var mayNotFinish: Bool { total.p90 > Self.runLimitSeconds }

    /// Whether every draw gave the same total (an exact replay, or models that never mattered).
    public var isPoint: Bool { total.p10 == total.p90 }

    /// `P10 280.12 / P50 290.40 / P90 305.00 s over 20 draws; generator runs: 2 in 65 %, 3 in 35 %`.
    public var text: String {
        var line = "P10 \(Self.seconds(total.p10)) / P50 \(Self.seconds(total.p50)) / "
            + "P90 \(Self.seconds(total.p90)) s over \(draws) draws"
        if unfinished > 0 {
            line += "; does not finish within \(DecimalText.fixed(Self.runLimitSeconds, 0)) s in "
                + "\(DecimalText.fixed(unfinished * 100, 0)) % of draws"
        }
        if generatorRuns.count > 1 {
            line += "; generator runs: " + generatorRuns.keys.sorted().map {
                "\($0) in \(DecimalText.fixed((generatorRuns[$0] ?? 0) * 100, 0)) %"
            }.joined(separator: ", ")
        }
        return line
    }

    public static func == (lhs: PredictionInterval, rhs: PredictionInterval) -> Bool {
        lhs.draws == rhs.draws && lhs.total == rhs.total && lhs.generatorRuns == rhs.generatorRuns
            && lhs.unfinished == rhs.unfinished
            && lhs.stages.keys.sorted() == rhs.stages.keys.sorted()
            && lhs.stages.allSatisfy { key, value in rhs.stages[key].map { $0 == value } ?? false }
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(draws)
        hasher.combine(total.p10)
        hasher.combine(total.p50)
        hasher.combine(total.p90)
    }
}

extension PredictionInterval {
    private enum CodingKeys: String, CodingKey { case draws, drawTotals, total, stages, generatorRuns, unfinished }

    /// `[p10, p50, p90]`.
    private static func band(_ values: [Double]) -> (p10: Double, p50: Double, p90: Double) {
        values.count == 3 ? (values[0], values[1], values[2]) : (0, 0, 0)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        draws = try container.decode(Int.self, forKey: .draws)
        drawTotals = try container.decode([Double].self, forKey: .drawTotals)
        total = Self.band(try container.decode([Double].self, forKey: .total))
        stages = try container.decode([String: [Double]].self, forKey: .stages).mapValues(Self.band)
        generatorRuns = try container.decode([Int: Double].self, forKey: .generatorRuns)
        unfinished = try container.decode(Double.self, forKey: .unfinished)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(draws, forKey: .draws)
        try container.encode(drawTotals, forKey: .drawTotals)
        try container.encode([total.p10, total.p50, total.p90], forKey: .total)
        try container.encode(stages.mapValues { [$0.p10, $0.p50, $0.p90] }, forKey: .stages)
        try container.encode(generatorRuns, forKey: .generatorRuns)
        try container.encode(unfinished, forKey: .unfinished)
    }
}
