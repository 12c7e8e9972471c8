extension MarkdownReport {
    /// A diff: the merged tree as a table (`stage | base s | candidate s | Δ s | Δ %`, movers in
    /// bold and marked), total P50/P95/P99 over a corpus, and the counters before and after.
    public static func render(_ diff: DiffReport) -> String {
        let runs = max(diff.basePercentiles.runCount, diff.candidatePercentiles.runCount)
        var lines = [
            "### perfbench diff: \(code(diff.baseConfig.name)) → \(code(diff.candidateConfig.name))", "",
            "\(runs) recording\(runs == 1 ? "" : "s")" + (diff.isCorpus ? "; stage times are P50s (nearest rank)." : "."), "",
        ]
        lines += chart(diff)
        lines += ["| stage | base s | candidate s | Δ s | Δ % |", "|:---|---:|---:|---:|---:|"]
        for (prefix, node) in TreeLines.walk(diff.tree.root, space: noBreakSpace) {
            let mover = diff.tree.isMover(node.path)
            lines.append(row([
                prefix + (mover ? "**\(escape(node.name))** \(TextReport.moverMark)" : escape(node.name)),
                node.inBase ? DecimalText.fixed(node.baseSeconds, 2) : "—",
                node.inCandidate ? DecimalText.fixed(node.candidateSeconds, 2) : "—",
                DecimalText.signed(node.deltaSeconds, 2), TextReport.percentText(node.deltaPercent),
            ]))
        }
        if diff.isCorpus {
            lines += ["", "| total | base s | candidate s | Δ s | Δ % |", "|:---|---:|---:|---:|---:|"]
            for comparison in diff.totalComparisons {
                lines.append(row([
                    comparison.label, DecimalText.fixed(comparison.base, 2), DecimalText.fixed(comparison.candidate, 2),
                    DecimalText.signed(comparison.deltaSeconds, 2), TextReport.percentText(comparison.deltaPercent),
                ]))
            }
        }
        lines.append("")
        lines += TextReport.drawBandLines(diff).map { "- **\($0.label):** " + escape($0.body) }
        lines += TextReport.comparisonItems(diff.baseTotals, diff.candidateTotals).map { item in
            "- **\(item.label):** " + escape(item.body) + (item.qualityDropped ? " ⚠️" : "")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A Mermaid bar chart (GitHub renders it) of the top-level stages, base beside candidate:
    /// the first bar series is the base, the second the candidate.
    static func chart(_ diff: DiffReport) -> [String] {
        let stages = diff.tree.root.children.filter { $0.inBase || $0.inCandidate }
        guard !stages.isEmpty else { return [] }
        let names = stages.map { "\"" + $0.name.replacingOccurrences(of: "\"", with: "'") + "\"" }.joined(separator: ", ")
        let top = stages.map { max($0.baseSeconds, $0.candidateSeconds) }.max() ?? 0
        return [
            "```mermaid", "xychart-beta",
            "    title \"Top-level stages, seconds: base (first bar) and candidate (second)\"",
            "    x-axis [\(names)]", "    y-axis \"seconds\" 0 --> \(DecimalText.fixed((top * 1.1).rounded(.up), 0))",
            "    bar [\(stages.map { DecimalText.fixed($0.baseSeconds, 2) }.joined(separator: ", "))]",
            "    bar [\(stages.map { DecimalText.fixed($0.candidateSeconds, 2) }.joined(separator: ", "))]",
            "```", "",
        ]
    }
}
