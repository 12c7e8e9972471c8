/// Markdown reports fit for `$GITHUB_STEP_SUMMARY`: the timing tree as a table (the tree drawn
/// in the first column with no-break spaces, which GitHub keeps where it would collapse plain
/// ones), then the summary as a list. Output ends in a newline.
public enum MarkdownReport {
    /// One run.
    public static func render(_ run: RunResult) -> String {
        var lines = [
            "### perfbench replay: \(code(run.recording))", "",
            "Config \(code(run.config.name)), total **\(DecimalText.fixed(run.totalSeconds, 2)) s**", "",
        ]
        lines += warningQuotes([run])
        if let interval = run.interval { lines += ["Interval: " + interval.text, ""] }
        lines += treeTable(run.timingTree, weak: run.weakStages)
        lines.append("")
        lines += summaryList(RunTotals(runs: [run]))
        if let line = TextReport.criticalPathLine(run) { lines.append("- **critical path:** " + escape(line)) }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Several runs: a table of runs, the P50/P95/P99 table per stage, the summed summary.
    public static func render(corpus runs: [RunResult]) -> String {
        let percentiles = CorpusPercentiles(runs: runs)
        var lines = [
            "### perfbench replay: \(runs.count) recordings", "",
        ] + warningQuotes(runs) + [
            "| recording | config | total s | requests | exact | composed | synthesized |",
            "|:---|:---|---:|---:|---:|---:|---:|",
        ]
        for run in runs {
            let requests = run.requests
            lines.append(row([
                code(run.recording), code(run.config.name), DecimalText.fixed(run.totalSeconds, 2),
                "\(requests.total)", "\(requests.exact)", "\(requests.composed)", "\(requests.synthesized)",
            ]))
        }
        lines += ["", "Percentiles over \(percentiles.runCount) runs (nearest rank, seconds):", ""]
        lines += percentileTable(percentiles)
        lines.append("")
        lines += summaryList(RunTotals(runs: runs))
        return lines.joined(separator: "\n") + "\n"
    }

    /// `| stage | seconds | % of workflow |`, one row per stage, largest in bold and marked.
    static func treeTable(_ tree: TimingTree, weak: [String: AnswerSource] = [:]) -> [String] {
        var lines = ["| stage | seconds | % of workflow |", "|:---|---:|---:|"]
        for (prefix, node) in TreeLines.walk(tree.root, space: noBreakSpace) {
            let largest = tree.isLargest(node.path)
            var name = largest ? "**\(escape(node.name))** \(TextReport.largestMark)" : escape(node.name)
            if let source = weak[node.path] { name += " " + RunResult.weakMark(source) }
            lines.append(row([
                prefix + name, DecimalText.fixed(node.seconds, 2), DecimalText.fixed(tree.percent(of: node), 1) + "%",
            ]))
        }
        return lines
    }

    /// `| stage | p50 | p95 | p99 |` over the P50 tree's stages.
    static func percentileTable(_ percentiles: CorpusPercentiles) -> [String] {
        var lines = ["| stage | p50 | p95 | p99 |", "|:---|---:|---:|---:|"]
        for (prefix, node) in TreeLines.walk(percentiles.medianTree.root, space: noBreakSpace) {
            let summary = node.path.isEmpty ? percentiles.total : percentiles.stages[node.path]
            let values = [summary?.p50, summary?.p95, summary?.p99].map { DecimalText.fixed($0 ?? 0, 2) }
            lines.append(row([prefix + escape(node.name)] + values))
        }
        return lines
    }

    /// The summary as a bullet list: `- **requests:** …`.
    static func summaryList(_ totals: RunTotals) -> [String] {
        TextReport.summaryItems(totals).map { "- **\($0.label):** \(escape($0.body))" }
    }

    /// Each warning as a quoted line, then a blank line; nothing when there are none.
    static func warningQuotes(_ runs: [RunResult]) -> [String] {
        let lines = RunResult.warningLines(runs)
        guard !lines.isEmpty else { return [] }
        return lines.map { "> **⚠ " + escape(String($0.dropFirst("warning: ".count))) + "**" } + [""]
    }

    /// One table row from its cells.
    static func row(_ cells: [String]) -> String { "| " + cells.joined(separator: " | ") + " |" }

    /// `text` as inline code, with table pipes escaped.
    static func code(_ text: String) -> String { "`" + escape(text) + "`" }

    /// `text` safe inside a table cell: a `|` would end the cell.
    static func escape(_ text: String) -> String {
        text.contains("|") ? text.split(separator: "|", omittingEmptySubsequences: false).joined(separator: "\\|") : text
    }

    /// U+00A0, the indentation of the tree column.
    static let noBreakSpace = "\u{00A0}"
}
