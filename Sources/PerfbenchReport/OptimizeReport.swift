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
        lines.append("  \(metricName) s    saving %  quality  cohesion  calls/run  timeouts  errors  changes")
        for row in front {
            lines.append(
                "  " + pad(DecimalText.fixed(row.metric, 2), 10) + pad(DecimalText.signed(row.savingPercent, 1), 10)
                    + pad(DecimalText.fixed(row.overall, 2), 9) + pad(DecimalText.fixed(row.cohesion, 2), 10)
                    + pad(DecimalText.fixed(row.requestsPerWorkflow, 1), 11) + pad("\(row.timeouts)", 10)
                    + pad("\(row.errors)", 8) + (row.extrapolated ? "* " : "") + row.name)
        }
        if front.contains(where: \.extrapolated) {
            lines.append(
                "  * sends a host faster than any recording did: its rate-limit waits are the model's extrapolation "
                    + "(--no-extrapolation leaves such configurations out)")
        }
        if let best {
            lines.append("best: \(best.spec)")
            lines.append("  (\(metricName) \(DecimalText.fixed(best.metric, 2)) s, \(DecimalText.signed(best.saving, 2)) s against the base)")
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
        lines.append("| \(metricName) (s) | saving % | quality | cohesion | calls/run | timeouts | errors | changes |")
        lines.append("|---:|---:|---:|---:|---:|---:|---:|---|")
        for row in front {
            lines.append(
                "| \(DecimalText.fixed(row.metric, 2)) | \(DecimalText.signed(row.savingPercent, 1)) | \(DecimalText.fixed(row.overall, 2)) | "
                    + "\(DecimalText.fixed(row.cohesion, 2)) | \(DecimalText.fixed(row.requestsPerWorkflow, 1)) | \(row.timeouts) | "
                    + "\(row.errors) | `\(row.name)`\(row.extrapolated ? " (extrapolated rates)" : "") |")
        }
        if let best { lines += ["", "Best: `\(best.spec)`"] }
        return lines.joined(separator: "\n") + "\n"
    }

    public var json: String {
        func object(_ row: SweepReport.Row) -> OrderedJSON { row.json(nameKey: "changes") }
        return OrderedJSON.members([
            ("schema", .string(Self.schema)), ("base", .string(base)), ("metric", .string(metricName)),
            ("recordings", .int(recordings)), ("seed", .string(String(seed))), ("evaluated", .int(evaluated)),
            ("feasible", .int(feasible)), ("requirements", .array(requirements.map(OrderedJSON.string))),
            ("base_run", object(baseRow)), ("front", .array(front.map(object))), ("best", best.map(object) ?? .null),
        ]).rendered(pretty: true) + "\n"
    }

    private func pad(_ text: String, _ width: Int) -> String { TextReport.pad(text, width - 1) + " " }
}
