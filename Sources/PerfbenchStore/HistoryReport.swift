import PerfbenchReport

/// What `perfbench history` prints: the latest runs, newest first, then each configuration's
/// total-P95 trend, as aligned text or as `perfbench.history/1` JSON.
///
/// Everything comes from the history itself, so the same database prints the same bytes on
/// every machine (no clock, no locale: times are the stored text, numbers ``DecimalText``).
public struct HistoryReport: Sendable, Equatable {
    /// The JSON schema name.
    public static let schema = "perfbench.history/1"
    /// The sparkline's levels, lowest first.
    static let levels: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    /// The history file shown in the heading.
    public var path: String
    /// The runs listed, newest first.
    public var runs: [StoredRun]
    /// How many runs the history holds in all (of the configuration, when filtered).
    public var totalCount: Int
    /// Per configuration, in the order its newest run is listed: its P95 points, oldest first.
    public var trends: [Trend]

    /// One configuration's total-P95 trend.
    public struct Trend: Sendable, Equatable {
        /// The configuration's name.
        public var config: String
        /// Its latest runs' P95s, oldest first.
        public var points: [TrendPoint]

        /// Makes a trend.
        public init(config: String, points: [TrendPoint]) {
            self.config = config
            self.points = points
        }
    }

    /// Makes a report from what was read.
    public init(path: String, runs: [StoredRun], totalCount: Int, trends: [Trend]) {
        self.path = path
        self.runs = runs
        self.totalCount = totalCount
        self.trends = trends
    }

    /// Reads the latest `limit` runs (of `config` only, when given) and a trend of up to
    /// `limit` points for each configuration among them.
    public init(store: RunStore, limit: Int, config: String? = nil) throws {
        let runs = try store.runs(limit: limit, config: config)
        var names: [String] = []
        for run in runs where !names.contains(run.entry.config.name) { names.append(run.entry.config.name) }
        self.init(
            path: store.path, runs: runs, totalCount: try store.count(config: config),
            trends: try names.map { Trend(config: $0, points: try store.p95Trend(config: $0, limit: limit)) })
    }

    /// The aligned text listing, ending in a newline.
    public func text() -> String {
        guard !runs.isEmpty else { return "No runs recorded in \(path) yet.\n" }
        var lines = ["Runs in \(path): the latest \(runs.count) of \(totalCount), newest first", ""]
        let header = ["ID", "TIME", "KIND", "CONFIG", "RECS", "P50 s", "P95 s", "P99 s", "VERDICT", "COMMIT"]
        let rows = runs.map { run -> [String] in
            let entry = run.entry
            return [
                String(run.id), entry.createdAt, entry.kind.rawValue, entry.config.name, String(entry.recordingCount),
                DecimalText.fixed(entry.total.p50, 2), DecimalText.fixed(entry.total.p95, 2),
                DecimalText.fixed(entry.total.p99, 2), entry.verdict ?? "-",
                entry.gitCommit.map { String($0.prefix(8)) } ?? "-",
            ]
        }
        // Numbers right-aligned, words left-aligned.
        let rightAligned: Set<Int> = [0, 4, 5, 6, 7]
        let widths = header.indices.map { column in ([header] + rows).map { $0[column].count }.max() ?? 0 }
        for row in [header] + rows {
            let cells = row.indices.map { column -> String in
                let padding = String(repeating: " ", count: widths[column] - row[column].count)
                return rightAligned.contains(column) ? padding + row[column] : row[column] + padding
            }
            lines.append("  " + cells.joined(separator: "  ").trimmingTrailingSpaces)
        }
        lines += ["", "Total P95 trend per configuration, oldest to newest:"]
        let nameWidth = trends.map(\.config.count).max() ?? 0
        for trend in trends {
            lines.append("  " + trend.config.padded(to: nameWidth) + "  " + Self.trendLine(trend.points))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `▁▃▅█  30.00 s → 120.00 s (+300.0%), 4 runs`, plus a warning when the points span
    /// several recording sets (their P95s are not comparable).
    static func trendLine(_ points: [TrendPoint]) -> String {
        guard let first = points.first, let last = points.last else { return "no runs" }
        var text = sparkline(points.map(\.p95)) + "  " + DecimalText.fixed(first.p95, 2) + " s"
        if points.count > 1 {
            text += " → " + DecimalText.fixed(last.p95, 2) + " s"
            if first.p95 > 0 { text += " (" + DecimalText.signed((last.p95 - first.p95) / first.p95 * 100, 1) + "%)" }
        }
        text += ", \(points.count) run" + (points.count == 1 ? "" : "s")
        let sets = Set(points.map(\.recordingSetHash)).count
        if sets > 1 { text += "; over \(sets) recording sets, so not all comparable" }
        return text
    }

    /// One block per value, its height scaled between the smallest and the largest value.
    static func sparkline(_ values: [Double]) -> String {
        guard let low = values.min(), let high = values.max(), high > low else {
            return String(repeating: levels[3], count: values.count)
        }
        let top = Double(levels.count - 1)
        return String(values.map { levels[Int(((($0 - low) / (high - low)) * top).rounded())] })
    }

    /// The `perfbench.history/1` JSON, pretty, ending in a newline.
    public func json() -> String {
        let runObjects = runs.map { run -> OrderedJSON in
            let entry = run.entry
            return .members([
                ("id", .int(Int(run.id))), ("created_at", .string(entry.createdAt)),
                ("kind", .string(entry.kind.rawValue)),
                ("config", JSONReport.configObject(entry.config)),
                ("recording_set_hash", .string(entry.recordingSetHash)), ("recordings", .int(entry.recordingCount)),
                ("total_seconds", Self.percentiles(entry.total)),
                ("verdict", entry.verdict.map(OrderedJSON.string) ?? .null),
                ("perfbench_version", .string(entry.perfbenchVersion)),
                ("git_commit", entry.gitCommit.map(OrderedJSON.string) ?? .null),
            ])
        }
        let trendObjects = trends.map { trend -> OrderedJSON in
            .members([
                ("config", .string(trend.config)),
                ("points", .array(trend.points.map { point in
                    .members([
                        ("id", .int(Int(point.runID))), ("created_at", .string(point.createdAt)),
                        ("p95", .seconds(point.p95)), ("recording_set_hash", .string(point.recordingSetHash)),
                    ])
                })),
            ])
        }
        let object = OrderedJSON.members([
            ("schema", .string(Self.schema)), ("db", .string(path)), ("total_runs", .int(totalCount)),
            ("runs", .array(runObjects)), ("trends", .array(trendObjects)),
        ])
        return object.rendered(pretty: true) + "\n"
    }

    /// `{ "p50": …, "p95": …, "p99": … }` in seconds.
    private static func percentiles(_ summary: PercentileSummary) -> OrderedJSON {
        .members(summary.labelled.map { ($0.key, OrderedJSON.seconds($0.value)) })
    }
}

extension String {
    /// The string with spaces added up to `width` characters.
    fileprivate func padded(to width: Int) -> String {
        self + String(repeating: " ", count: max(0, width - count))
    }

    /// The string without trailing spaces (the last column is padded like the others).
    fileprivate var trimmingTrailingSpaces: String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
