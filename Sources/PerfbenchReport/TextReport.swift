/// The human-readable report: the timing tree drawn like the seeds' breakdowns, then the
/// request, wait, cache and quality summary. Every function returns text ending in a newline,
/// the same bytes for the same input; colour (ANSI) only when `colour` is true.
public enum TextReport {
    /// The mark after a largest stage.
    public static let largestMark = "← largest"

    /// One run: a header naming the recording and configuration, the timing tree, the summary.
    public static func render(_ run: RunResult, colour: Bool = false) -> String {
        let style = TextStyle(colour: colour)
        var lines = [style.bold("perfbench replay: \(run.recording) (config \(run.config.name))")]
        lines += RunResult.warningLines([run]).map { style.mark($0) }
        if let interval = run.interval { lines.append("interval: " + interval.text) }
        lines += treeLines(run.timingTree, style: style, weak: run.weakStages)
        lines.append("")
        lines += summaryLines(RunTotals(runs: [run]), style: style)
        if let session = SessionSummary([run]) { lines.append(style.bold("session:") + " " + session.text) }
        if let line = criticalPathLine(run) { lines.append(style.bold("critical path:") + " " + line) }
        return lines.joined(separator: "\n") + "\n"
    }

    /// What the critical path is made of and its three largest parts (`perfbench explain` has
    /// the rest); nil for a run without requests. Its waits are wall time on the path, unlike
    /// the waits line, which sums every task's.
    static func criticalPathLine(_ run: RunResult) -> String? {
        guard let path = run.criticalPathSummary else { return nil }
        let top = path.byName.prefix(3).map { "\($0.name) \(seconds($0.seconds))" }.joined(separator: ", ")
        return "requests \(seconds(path.seconds(of: .request))), waits \(seconds(path.seconds(of: .wait))), "
            + "steps \(seconds(path.seconds(of: .step))); largest: \(top) (perfbench explain)"
    }

    /// Several runs: a line per run, the P50/P95/P99 tree over all of them (nearest rank), and
    /// the summary summed over runs (quality averaged).
    public static func render(corpus runs: [RunResult], colour: Bool = false) -> String {
        let style = TextStyle(colour: colour)
        let percentiles = CorpusPercentiles(runs: runs)
        var lines = [style.bold("perfbench replay: \(runs.count) recordings")]
        lines += RunResult.warningLines(runs).map { style.mark($0) }
        let width = runs.map(\.recording.count).max() ?? 0
        for run in runs {
            let requests = run.requests
            lines.append(
                pad(run.recording, width) + "  " + leftPad(DecimalText.fixed(run.totalSeconds, 2) + "s", 10)
                    + "  \(requests.total) requests (exact \(requests.exact), composed \(requests.composed), "
                    + "synthesized \(requests.synthesized))  config \(run.config.name)"
                    + (run.interval.map { "  [P10 \(PredictionInterval.seconds($0.total.p10)) – P90 \(PredictionInterval.seconds($0.total.p90)) s]" } ?? ""))
        }
        lines.append("")
        lines += percentileLines(percentiles, style: style)
        lines.append("")
        lines += summaryLines(RunTotals(runs: runs), style: style)
        if let session = SessionSummary(runs) { lines.append(style.bold("session:") + " " + session.text) }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The timing tree alone, one line per stage: `├─ name: 12.34s (5.6%)`, largest marked.
    public static func treeLines(_ tree: TimingTree, colour: Bool = false) -> [String] {
        treeLines(tree, style: TextStyle(colour: colour))
    }

    /// The mark after a stage that ran at the same time as a sibling.
    public static let concurrentMark = "∥"

    static func treeLines(_ tree: TimingTree, style: TextStyle, weak: [String: AnswerSource] = [:]) -> [String] {
        let concurrent = tree.concurrentPaths
        var lines = TreeLines.walk(tree.root).map { prefix, node in
            let figures = "\(DecimalText.fixed(node.seconds, 2))s (\(DecimalText.fixed(tree.percent(of: node), 1))%)"
            var line = style.dim(prefix) + node.name + ": " + figures
            if concurrent.contains(node.path) { line += " " + concurrentMark }
            if tree.isLargest(node.path) { line += " " + style.mark(largestMark) }
            if let source = weak[node.path] { line += " " + style.mark(RunResult.weakMark(source)) }
            return line
        }
        if let legend = legend(tree, concurrent: concurrent) { lines.append(style.dim(legend)) }
        return lines
    }

    /// What the tree's marks mean, when it has any.
    static func legend(_ tree: TimingTree, concurrent: Set<String>) -> String? {
        var parts: [String] = []
        if !tree.largestPaths.isEmpty {
            parts.append("\(largestMark): the \(tree.largestPaths.count) stages with the most time of their own (outside their child stages)")
        }
        if !concurrent.isEmpty { parts.append("\(concurrentMark): ran at the same time as a sibling, so siblings add up to more than their parent") }
        return parts.isEmpty ? nil : "(" + parts.joined(separator: "; ") + ")"
    }

    /// The percentile table in tree form: stage, P50, P95, P99 in seconds.
    static func percentileLines(_ percentiles: CorpusPercentiles, style: TextStyle) -> [String] {
        let tree = percentiles.medianTree
        let rows = TreeLines.walk(tree.root).map { prefix, node in
            (prefix: prefix, name: node.name, path: node.path,
             summary: node.path.isEmpty ? percentiles.total : percentiles.stages[node.path])
        }
        let title = "percentiles over \(percentiles.runCount) runs (nearest rank, seconds)"
        let width = max(title.count, rows.map { $0.prefix.count + $0.name.count }.max() ?? 0)
        var lines = [style.bold(pad(title, width)) + ["p50", "p95", "p99"].map { leftPad($0, 10) }.joined()]
        for row in rows {
            let values = [row.summary?.p50, row.summary?.p95, row.summary?.p99]
                .map { leftPad(DecimalText.fixed($0 ?? 0, 2), 10) }.joined()
            var line = style.dim(row.prefix) + pad(row.name, width - row.prefix.count) + values
            if tree.isLargest(row.path) { line += "  " + style.mark(largestMark) }
            lines.append(line)
        }
        return lines
    }

    /// `requests:`, `waits:`, `cache:`, `quality:` and (if any) `counters:` lines.
    static func summaryLines(_ totals: RunTotals, style: TextStyle) -> [String] {
        summaryItems(totals).map { style.bold($0.label + ":") + " " + $0.body }
    }

    /// The summary as label and body pairs, shared by the text and markdown reports.
    static func summaryItems(_ totals: RunTotals) -> [(label: String, body: String)] {
        let requests = totals.requests
        let services = requests.byService.keys.sorted().map { "\($0) \(requests.byService[$0] ?? 0)" }
        let waits = totals.waits
        var items: [(label: String, body: String)] = [
            ("requests", "\(requests.total)"
                + (services.isEmpty ? "" : " (" + services.joined(separator: ", ") + ")")
                + "; exact \(requests.exact), composed \(requests.composed), synthesized \(requests.synthesized)"
                + "; errors \(requests.errors), timeouts \(requests.timeouts)"),
        ]
        if !requests.byEndpoint.isEmpty { items.append(("coverage", AnswerCoverage(requests).summary())) }
        items += [
            ("waits", "\(waits.totalCount) (\(seconds(waits.totalSeconds)))"
                + ": window \(waits.windowCount) (\(seconds(waits.windowSeconds)))"
                + ", min interval \(waits.minIntervalCount) (\(seconds(waits.minIntervalSeconds)))"
                + ", retry-after \(waits.retryAfterCount) (\(seconds(waits.retryAfterSeconds)))"
                + (waits.semaphoreCount > 0 ? ", semaphore \(waits.semaphoreCount) (\(seconds(waits.semaphoreSeconds)))" : "")),
            ("cache", "\(totals.cache.hits) hits, \(totals.cache.misses) misses"
                + " (\(DecimalText.fixed(totals.cache.hitRate * 100, 1))% hit rate)"),
            ("quality", (totals.runCount > 1 ? "mean " : "")
                + "overall \(DecimalText.fixed(totals.overall, 2)), cohesion \(DecimalText.fixed(totals.cohesion, 2))"
                + ", tracks \(DecimalText.trimmed(totals.tracks, 1))"),
        ]
        if !totals.counters.isEmpty {
            let counters = totals.counters.keys.sorted()
                .map { "\($0) \(DecimalText.trimmed(totals.counters[$0] ?? 0, 3))" }
            items.append(("counters", counters.joined(separator: ", ")))
        }
        return items
    }

    /// Seconds as `12.34s`.
    static func seconds(_ value: Double) -> String { DecimalText.fixed(value, 2) + "s" }

    /// `text` padded with spaces on the right to `width` characters.
    static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }

    /// `text` padded with spaces on the left to `width` characters.
    static func leftPad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : String(repeating: " ", count: width - text.count) + text
    }
}
