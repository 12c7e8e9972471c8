/// What `perfbench optimize` prints: the base, the Pareto front of the metric against quality
/// and API calls among the configurations that meet the requirements, and the best one as a
/// spec (and, when asked, a config file).
public struct OptimizeReport: Sendable {
    public static let schema = "perfbench.optimize/1"

    public var base: String
    public var metricName: String
    public var recordings: Int
    /// Configurations evaluated, the base included.
    public var evaluated: Int
    /// How many of them meet every requirement.
    public var feasible: Int
    public var seed: UInt64
    /// The requirements as written.
    public var requirements: [String]
    public var baseRow: SweepReport.Row
    /// Lowest metric first.
    public var front: [SweepReport.Row]
    /// The feasible configuration with the lowest metric; nil when none meets the requirements.
    public var best: SweepReport.Row?

    public init(
        base: String, metricName: String, recordings: Int, evaluated: Int, feasible: Int, seed: UInt64,
        requirements: [String], baseRow: SweepReport.Row, front: [SweepReport.Row], best: SweepReport.Row?
    ) {
        self.base = base
        self.metricName = metricName
        self.recordings = recordings
        self.evaluated = evaluated
        self.feasible = feasible
        self.seed = seed
        self.requirements = requirements
        self.baseRow = baseRow
        self.front = front
        self.best = best
    }

    private var heading: String {
        "perfbench optimize: \(evaluated) configurations over \(recordings) recording\(recordings == 1 ? "" : "s"), "
            + "by \(metricName) (seed \(seed))" + (requirements.isEmpty ? "" : "; requires " + requirements.joined(separator: ", "))
    }

    public var text: String {
        var lines = [
            heading,
            "base \(base): \(metricName) \(DecimalText.fixed(baseRow.metric, 2)) s, quality \(DecimalText.fixed(baseRow.overall, 2)), "
                + "\(DecimalText.fixed(baseRow.requestsPerWorkflow, 1)) calls/run",
        ]
        if front.isEmpty {
            lines.append("no configuration of the \(evaluated) meets the requirements: loosen them or raise --budget.")
            return lines.joined(separator: "\n") + "\n"
        }
        lines.append("Pareto front (\(metricName) against quality and calls/run; \(feasible) of \(evaluated) meet the requirements):")
        let drawn = front.contains { $0.spread != nil }
        lines.append(
            "  \(metricName) s    saving %" + (drawn ? "  P10–P90 s          " : "") + "  quality  cohesion  calls/run  timeouts  errors  changes")
        for row in front {
            lines.append(
                "  " + pad(DecimalText.fixed(row.metric, 2), 10) + pad(DecimalText.signed(row.savingPercent, 1), 10)
                    + (drawn ? pad(row.spread.map(Self.metricBand) ?? "", 21) : "")
                    + pad(DecimalText.fixed(row.overall, 2), 9) + pad(DecimalText.fixed(row.cohesion, 2), 10)
                    + pad(DecimalText.fixed(row.requestsPerWorkflow, 1), 11) + pad("\(row.timeouts)", 10)
                    + pad("\(row.errors)", 8) + (row.extrapolated ? "* " : "") + row.name + row.drawNotes)
        }
        if front.contains(where: \.extrapolated) {
            lines.append(
                "  * sends a host faster than any recording did: its rate-limit waits are the model's extrapolation "
                    + "(--no-extrapolation leaves such configurations out)")
        }
        if let draws = front.compactMap(\.spread?.draws).first { lines.append("  " + Self.bandFootnote(draws: draws)) }
        if let best {
            lines.append("best: \(best.spec)")
            lines.append(
                "  (\(metricName) \(DecimalText.fixed(best.metric, 2)) s, \(DecimalText.signed(best.saving, 2)) s against the base"
                    + (best.spread.map { "; saving P10–P90 \(SweepReport.savingBand($0)) s over \($0.draws) draws" } ?? "") + ")")
            if let safest = safest, safest.spec != best.spec, let spread = safest.spread {
                lines.append("lowest P90 of the draws: \(safest.spec)")
                lines.append(
                    "  (\(metricName) \(DecimalText.fixed(safest.metric, 2)) s, P10–P90 \(Self.metricBand(spread)) s: "
                        + "the best point is not the best bet when its draws spread further)")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    public var markdown: String {
        var lines = ["### " + heading, ""]
        lines.append(
            "Base `\(base)`: \(metricName) \(DecimalText.fixed(baseRow.metric, 2)) s, quality \(DecimalText.fixed(baseRow.overall, 2)), "
                + "\(DecimalText.fixed(baseRow.requestsPerWorkflow, 1)) calls/run.")
        lines.append("")
        guard !front.isEmpty else {
            lines.append("No configuration meets the requirements.")
            return lines.joined(separator: "\n") + "\n"
        }
        let drawn = front.contains { $0.spread != nil }
        lines.append(
            "| \(metricName) (s) | saving % |" + (drawn ? " P10–P90 (s) |" : "") + " quality | cohesion | calls/run | timeouts | errors | changes |")
        lines.append("|---:|---:|" + (drawn ? "---:|" : "") + "---:|---:|---:|---:|---:|---|")
        for row in front {
            lines.append(
                "| \(DecimalText.fixed(row.metric, 2)) | \(DecimalText.signed(row.savingPercent, 1)) | "
                    + (drawn ? "\(row.spread.map(Self.metricBand) ?? "") | " : "") + "\(DecimalText.fixed(row.overall, 2)) | "
                    + "\(DecimalText.fixed(row.cohesion, 2)) | \(DecimalText.fixed(row.requestsPerWorkflow, 1)) | \(row.timeouts) | "
                    + "\(row.errors) | `\(row.name)`\(row.extrapolated ? " (extrapolated rates)" : "")\(row.drawNotes) |")
        }
        if let draws = front.compactMap(\.spread?.draws).first { lines += ["", Self.bandFootnote(draws: draws)] }
        if let best { lines += ["", "Best: `\(best.spec)`"] }
        if let safest, safest.spec != best?.spec, let spread = safest.spread {
            lines += ["", "Lowest P90 of the draws: `\(safest.spec)` (P10–P90 \(Self.metricBand(spread)) s)"]
        }
        return lines.joined(separator: "\n") + "\n"
    }

    public var json: String {
        func object(_ row: SweepReport.Row) -> OrderedJSON { row.json(nameKey: "changes") }
        return OrderedJSON.members([
            ("schema", .string(Self.schema)), ("base", .string(base)), ("metric", .string(metricName)),
            ("recordings", .int(recordings)), ("seed", .string(String(seed))), ("evaluated", .int(evaluated)),
            ("feasible", .int(feasible)), ("requirements", .array(requirements.map(OrderedJSON.string))),
            ("base_run", object(baseRow)), ("front", .array(front.map(object))), ("best", best.map(object) ?? .null),
        ] + (front.contains { $0.spread != nil } ? [("lowest_p90", safest.map(object) ?? .null)] : []))
        .rendered(pretty: true) + "\n"
    }

    /// With draws, the front row whose P90 is lowest (ties: the lower point, then the earlier
    /// row): the configuration that is fast in the draws too, not only in the point replay.
    public var safest: SweepReport.Row? {
        let drawn = front.enumerated().compactMap { offset, row in row.spread.map { (offset, row, $0.metric.upperBound) } }
        return drawn.min { lhs, rhs in
            if lhs.2 != rhs.2 { return lhs.2 < rhs.2 }
            if lhs.1.metric != rhs.1.metric { return lhs.1.metric < rhs.1.metric }
            return lhs.0 < rhs.0
        }?.1
    }

    /// `320.10–340.20`: a front row's metric over the draws (`> 2400` past the run limit).
    private static func metricBand(_ spread: SweepReport.Spread) -> String {
        PredictionInterval.seconds(spread.metric.lowerBound) + "–" + PredictionInterval.seconds(spread.metric.upperBound)
    }

    /// What the band column means.
    private static func bandFootnote(draws: Int) -> String {
        "P10–P90: the metric over \(draws) draws of the models (the search ranked the point replays); "
            + "check a row's saving draw by draw with perfbench diff --draws \(draws)."
    }

    private func pad(_ text: String, _ width: Int) -> String { TextReport.pad(text, width - 1) + " " }
}
