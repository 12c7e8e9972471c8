/// The ranking `perfbench sweep` prints: one row per candidate configuration, by the saving on
/// the chosen metric against the base, with what each costs in quality, API calls and failures.
public struct SweepReport: Sendable {
    public static let schema = "perfbench.sweep/1"

    /// One candidate's figures over the recordings.
    public struct Row: Sendable, Equatable {
        /// What was changed, e.g. `top-tracks-batch=10 (doc)` or `without parallel-artists`.
        public var name: String
        /// The candidate's settings as a spec (`base,id=value`), to paste into `--candidate`.
        public var spec: String
        public var metric: Double
        public var saving: Double
        public var overall: Double
        public var cohesion: Double
        public var requestsPerWorkflow: Double
        public var timeouts: Int
        public var errors: Int
        /// Whether some run sent a host faster than its recording ever did (the rate-limit
        /// model's answer there is an extrapolation).
        public var extrapolated = false
        /// How the figures spread over draws of the models (`--draws`); nil without draws.
        public var spread: Spread?
        public var savingPercent: Double { metric + saving == 0 ? 0 : saving / (metric + saving) * 100 }

        /// The row as a JSON object, its name under `nameKey`.
        func json(nameKey: String) -> OrderedJSON {
            var members: [(String, OrderedJSON)] = [
                (nameKey, .string(name)), ("spec", .string(spec)), ("metric_seconds", .seconds(metric)),
                ("saving_seconds", .seconds(saving)), ("saving_percent", .number(savingPercent, decimals: 3)),
                ("quality_overall", .number(overall, decimals: 6)), ("quality_cohesion", .number(cohesion, decimals: 6)),
                ("requests_per_workflow", .number(requestsPerWorkflow, decimals: 3)),
                ("timeouts", .int(timeouts)), ("errors", .int(errors)), ("extrapolated_rates", .bool(extrapolated)),
            ]
            if let spread { members += spread.jsonMembers }
            return .members(members)
        }

        /// The text the reports append to the row's name: the shares of draws that ran the
        /// improvement loop (when some did and some did not) and that did not finish.
        var drawNotes: String {
            guard let spread else { return "" }
            var notes: [String] = []
            if spread.improvementLoop > 0, spread.improvementLoop < 1 {
                notes.append("improvement loop in \(DecimalText.fixed(spread.improvementLoop * 100, 0)) % of draws")
            }
            if spread.unfinished > 0 {
                notes.append("does not finish in \(DecimalText.fixed(spread.unfinished * 100, 0)) % of draws")
            }
            return notes.isEmpty ? "" : " (" + notes.joined(separator: "; ") + ")"
        }

        public init(
            name: String, spec: String, metric: Double, saving: Double, overall: Double, cohesion: Double,
            requestsPerWorkflow: Double, timeouts: Int, errors: Int
        ) {
            self.name = name
            self.spec = spec
            self.metric = metric
            self.saving = saving
            self.overall = overall
            self.cohesion = cohesion
            self.requestsPerWorkflow = requestsPerWorkflow
            self.timeouts = timeouts
            self.errors = errors
        }
    }

    public var base: String
    public var metricName: String
    public var recordings: Int
    public var baseRow: Row
    /// Largest saving first (ties: name order).
    public var rows: [Row]

    /// The metric of `runs`: `total` for one recording, else a corpus percentile (`p50`, `p95`).
    public static func metric(_ name: String, _ runs: [RunResult]) -> Double {
        guard runs.count > 1, let p = Double(name.dropFirst()) else { return runs.first?.totalSeconds ?? 0 }
        return Percentiles.nearestRank(p, of: runs.map(\.totalSeconds)) ?? 0
    }

    /// A row for `runs` under the candidate `name`, against the base's metric `baseMetric`; with
    /// `baseRuns` and draws in the runs, its ``Spread`` against the base's draws.
    public static func row(
        name: String, spec: String, runs: [RunResult], metricName: String, baseMetric: Double, baseRuns: [RunResult] = []
    ) -> Row {
        let totals = RunTotals(runs: runs)
        let value = metric(metricName, runs)
        var row = Row(
            name: name, spec: spec, metric: value, saving: baseMetric - value, overall: totals.overall,
            cohesion: totals.cohesion, requestsPerWorkflow: Double(totals.requests.total) / Double(max(runs.count, 1)),
            timeouts: totals.requests.timeouts, errors: totals.requests.errors)
        row.extrapolated = runs.contains(where: \.hasExtrapolatedRates)
        row.spread = Spread(metricName: metricName, runs: runs, baseRuns: baseRuns, baseMetric: baseMetric)
        return row
    }

    public init(base: String, metricName: String, recordings: Int, baseRow: Row, rows: [Row]) {
        self.base = base
        self.metricName = metricName
        self.recordings = recordings
        self.baseRow = baseRow
        self.rows = rows.enumerated().sorted { lhs, rhs in
            lhs.element.saving != rhs.element.saving ? lhs.element.saving > rhs.element.saving : lhs.element.name < rhs.element.name
        }.map(\.element)
    }

    public var text: String {
        let drawn = rows.contains { $0.spread != nil }
        var lines = [
            "perfbench sweep: \(rows.count) candidates against \(base) over \(recordings) recording\(recordings == 1 ? "" : "s"), "
                + "by \(metricName) (base \(DecimalText.fixed(baseRow.metric, 2)) s\(baseRow.spread.map { Self.baseBand($0) } ?? ""))",
            "  saving s      %" + (drawn ? "  P10–P90 saving s" : "") + "   quality  cohesion  calls/run  timeouts  errors  candidate",
        ]
        for row in rows {
            lines.append(
                pad(DecimalText.signed(row.saving, 2), 10) + pad(DecimalText.signed(row.savingPercent, 1), 7)
                    + (drawn ? pad(row.spread.map { Self.savingBand($0) } ?? "", 19) : "")
                    + pad(DecimalText.fixed(row.overall, 2), 10) + pad(DecimalText.fixed(row.cohesion, 2), 10)
                    + pad(DecimalText.fixed(row.requestsPerWorkflow, 1), 11) + pad("\(row.timeouts)", 10)
                    + pad("\(row.errors)", 8) + (row.extrapolated ? "* " : "") + row.name + row.drawNotes)
        }
        if rows.contains(where: \.extrapolated) {
            lines.append("* sends a host faster than its recording did: the rate-limit waits there are the model's extrapolation")
        }
        if let draws = rows.compactMap(\.spread?.draws).first {
            lines.append(Self.bandFootnote(draws: draws))
        }
        lines.append(
            "base: quality \(DecimalText.fixed(baseRow.overall, 2)), cohesion \(DecimalText.fixed(baseRow.cohesion, 2)), "
                + "\(DecimalText.fixed(baseRow.requestsPerWorkflow, 1)) calls/run, \(baseRow.timeouts) timeouts, \(baseRow.errors) errors")
        return lines.joined(separator: "\n") + "\n"
    }

    public var markdown: String {
        let drawn = rows.contains { $0.spread != nil }
        var lines = [
            "### perfbench sweep against `\(base)` (\(recordings) recordings, \(metricName), base \(DecimalText.fixed(baseRow.metric, 2)) s"
                + "\(baseRow.spread.map { Self.baseBand($0) } ?? ""))", "",
            "| candidate | saving (s) | saving % |" + (drawn ? " P10–P90 saving (s) |" : "")
                + " quality | cohesion | calls/run | timeouts | errors |",
            "|---|---:|---:|" + (drawn ? "---:|" : "") + "---:|---:|---:|---:|---:|",
        ]
        for row in rows {
            lines.append(
                "| `\(row.name)`\(row.drawNotes) | \(DecimalText.signed(row.saving, 2)) | \(DecimalText.signed(row.savingPercent, 1)) | "
                    + (drawn ? "\(row.spread.map { Self.savingBand($0) } ?? "") | " : "")
                    + "\(DecimalText.fixed(row.overall, 2)) | \(DecimalText.fixed(row.cohesion, 2)) | "
                    + "\(DecimalText.fixed(row.requestsPerWorkflow, 1)) | \(row.timeouts) | \(row.errors) |")
        }
        if let draws = rows.compactMap(\.spread?.draws).first { lines += ["", Self.bandFootnote(draws: draws)] }
        return lines.joined(separator: "\n") + "\n"
    }

    public var json: String {
        func object(_ row: Row) -> OrderedJSON { row.json(nameKey: "name") }
        return OrderedJSON.members([
            ("schema", .string(Self.schema)), ("base", .string(base)), ("metric", .string(metricName)),
            ("recordings", .int(recordings)), ("base_run", object(baseRow)), ("candidates", .array(rows.map(object))),
        ]).rendered(pretty: true) + "\n"
    }

    /// `+12.30…+40.10`: a row's saving band.
    /// A bound past the run limit (a draw on one side did not finish) reads `no finish`, not
    /// the limiter's millions of seconds (the limit as ``PredictionInterval/seconds(_:)`` draws it).
    static func savingBand(_ spread: Spread) -> String {
        func bound(_ value: Double) -> String {
            abs(value) > PredictionInterval.runLimitSeconds ? "no finish" : DecimalText.signed(value, 2)
        }
        return bound(spread.saving.lowerBound) + "…" + bound(spread.saving.upperBound)
    }

    /// `, P10–P90 320.10–340.20 s over 10 draws`: the base's own band, for a heading.
    static func baseBand(_ spread: Spread) -> String {
        if spread.metric.lowerBound == spread.metric.upperBound { return ", the same in all \(spread.draws) draws" }
        return ", P10–P90 \(DecimalText.fixed(spread.metric.lowerBound, 2))–\(DecimalText.fixed(spread.metric.upperBound, 2)) s "
            + "over \(spread.draws) draws"
    }

    /// What the band column means.
    static func bandFootnote(draws: Int) -> String {
        "P10–P90 saving: over \(draws) draws of the models, each draw's saving against the base's same draw (the same "
            + "seeds); a band that reaches zero is a saving the recordings cannot promise."
    }

    /// `text` in a column `width` wide, with at least one space after it.
    private func pad(_ text: String, _ width: Int) -> String { TextReport.pad(text, width - 1) + " " }
}
