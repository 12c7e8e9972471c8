extension TextReport {
    /// The mark after a largest mover.
    public static let moverMark = "← largest mover"

    /// A diff: a header naming both configurations, the merged tree
    /// (`name: base → candidate, Δs (Δ%)`, movers marked, faster green and slower red when
    /// colour is on), total percentiles over a corpus, then the counters before and after.
    public static func render(_ diff: DiffReport, colour: Bool = false) -> String {
        let style = TextStyle(colour: colour)
        let runs = max(diff.basePercentiles.runCount, diff.candidatePercentiles.runCount)
        var lines = [
            style.bold("perfbench diff: \(diff.baseConfig.name) → \(diff.candidateConfig.name)")
                + " (\(runs) recording\(runs == 1 ? "" : "s")" + (diff.isCorpus ? ", P50 per stage)" : ")"),
        ]
        lines += diffTreeLines(diff.tree, style: style)
        if diff.isCorpus {
            lines.append("")
            let title = "total (nearest rank)"
            lines.append(style.bold(pad(title, 22)) + ["base", "candidate", "Δ s", "Δ %"].map { leftPad($0, 11) }.joined())
            for row in diff.totalComparisons {
                lines.append(
                    pad(row.label, 22) + leftPad(DecimalText.fixed(row.base, 2), 11)
                        + leftPad(DecimalText.fixed(row.candidate, 2), 11)
                        + style.delta(leftPad(DecimalText.signed(row.deltaSeconds, 2), 11), row.deltaSeconds)
                        + leftPad(percentText(row.deltaPercent), 11))
            }
        }
        if !diff.bands.isEmpty {
            lines.append("")
            lines += drawBandLines(diff).map { style.bold($0.label + ":") + " " + $0.body }
        }
        if !diff.pathMoves.isEmpty {
            lines.append("")
            lines.append(style.bold("critical path moved:") + " " + diff.pathMoves.map {
                "\($0.label) \(DecimalText.fixed($0.base, 2)) → \(DecimalText.fixed($0.candidate, 2)) s"
            }.joined(separator: ", "))
        }
        lines.append("")
        lines += comparisonItems(diff.baseTotals, diff.candidateTotals).map { item in
            let body = item.qualityDropped ? style.worse(item.body) : item.body
            return style.bold(item.label + ":") + " " + body
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func diffTreeLines(_ tree: TreeDiff, style: TextStyle) -> [String] {
        TreeLines.walk(tree.root).map { prefix, node in
            let base = node.inBase ? seconds(node.baseSeconds) : "—"
            let candidate = node.inCandidate ? seconds(node.candidateSeconds) : "—"
            let delta = DecimalText.signed(node.deltaSeconds, 2) + "s (" + percentText(node.deltaPercent) + ")"
            var line = style.dim(prefix) + node.name + ": " + base + " → " + candidate + "  "
                + style.delta(delta, node.deltaSeconds)
            if tree.isMover(node.path) { line += " " + style.mark(moverMark) }
            return line
        }
    }

    /// The total percentiles' P10–P90 over the draws, per side, and how often a draw did not
    /// finish; shared with the markdown diff.
    static func drawBandLines(_ diff: DiffReport) -> [(label: String, body: String)] {
        func band(_ value: (p10: Double, p90: Double)?) -> String {
            value.map { "\(PredictionInterval.seconds($0.p10)) – \(PredictionInterval.seconds($0.p90)) s" } ?? "exact"
        }
        var lines = diff.bands.map { row in
            (label: row.label == "total" ? "draws (P10–P90)" : "draws \(row.label) (P10–P90)", body: "\(band(row.base)) → \(band(row.candidate))")
        }
        let unfinished = diff.unfinishedShare
        if unfinished.base > 0 || unfinished.candidate > 0 {
            lines.append((
                label: "does not finish",
                body: "\(DecimalText.fixed(unfinished.base * 100, 0)) % → \(DecimalText.fixed(unfinished.candidate * 100, 0)) % "
                    + "of draws (past \(DecimalText.fixed(PredictionInterval.runLimitSeconds, 0)) s)"))
        }
        return lines
    }

    /// A Δ % as `+12.3%`, or `new` when there was no base time.
    static func percentText(_ percent: Double?) -> String {
        percent.map { DecimalText.signed($0, 1) + "%" } ?? "new"
    }

    /// The counters before and after, as label and body, shared with the markdown diff;
    /// `qualityDropped` flags the quality line when overall or cohesion went down, so a
    /// speed-up that costs quality cannot pass unseen.
    static func comparisonItems(
        _ base: RunTotals, _ candidate: RunTotals
    ) -> [(label: String, body: String, qualityDropped: Bool)] {
        func pair(_ a: Int, _ b: Int) -> String { "\(a) → \(b)" }
        let services = Set(base.requests.byService.keys).union(candidate.requests.byService.keys).sorted()
            .map { "\($0) " + pair(base.requests.byService[$0] ?? 0, candidate.requests.byService[$0] ?? 0) }
        let dropped = candidate.overall < base.overall || candidate.cohesion < base.cohesion
        return [
            ("requests", pair(base.requests.total, candidate.requests.total)
                + (services.isEmpty ? "" : " (" + services.joined(separator: ", ") + ")")
                + "; exact " + pair(base.requests.exact, candidate.requests.exact)
                + ", composed " + pair(base.requests.composed, candidate.requests.composed)
                + ", synthesized " + pair(base.requests.synthesized, candidate.requests.synthesized)
                + "; errors " + pair(base.requests.errors, candidate.requests.errors)
                + ", timeouts " + pair(base.requests.timeouts, candidate.requests.timeouts), false),
            ("waits", pair(base.waits.totalCount, candidate.waits.totalCount)
                + " (" + seconds(base.waits.totalSeconds) + " → " + seconds(candidate.waits.totalSeconds) + ")"
                + ": window " + pair(base.waits.windowCount, candidate.waits.windowCount)
                + ", min interval " + pair(base.waits.minIntervalCount, candidate.waits.minIntervalCount)
                + ", retry-after " + pair(base.waits.retryAfterCount, candidate.waits.retryAfterCount)
                + (base.waits.semaphoreCount + candidate.waits.semaphoreCount > 0
                    ? ", semaphore " + pair(base.waits.semaphoreCount, candidate.waits.semaphoreCount) : ""), false),
            ("cache", "hit rate " + DecimalText.fixed(base.cache.hitRate * 100, 1) + "% → "
                + DecimalText.fixed(candidate.cache.hitRate * 100, 1) + "% (hits "
                + pair(base.cache.hits, candidate.cache.hits) + ", misses "
                + pair(base.cache.misses, candidate.cache.misses) + ")", false),
            ("quality", (base.runCount > 1 || candidate.runCount > 1 ? "mean " : "")
                + "overall " + DecimalText.fixed(base.overall, 2) + " → " + DecimalText.fixed(candidate.overall, 2)
                + ", cohesion " + DecimalText.fixed(base.cohesion, 2) + " → " + DecimalText.fixed(candidate.cohesion, 2)
                + ", tracks " + DecimalText.trimmed(base.tracks, 1) + " → " + DecimalText.trimmed(candidate.tracks, 1)
                + (dropped ? " (quality dropped)" : ""), dropped),
        ]
    }
}
