/// Renders a gate verdict as text, JSON (`perfbench.gate/1`) or markdown for `$GITHUB_STEP_SUMMARY`.
///
/// Every format says the same things: the verdict, each metric (with the spread of its draws
/// when `--draws` ran), what moved most (on a pass too), which recordings make P95 and P99,
/// and the percentiles of each group of recordings.
public enum GateReport {
    /// `regression` (a metric regressed), `fail` (a required criterion does not hold),
    /// `uncertain` (a regression only some draws show) or `pass`.
    public static func verdict(_ gate: GateEvaluation) -> String {
        gate.metrics.contains { $0.status == .regression } ? "regression"
            : gate.failsRequirements ? "fail" : gate.isUncertain ? "uncertain" : "pass"
    }

    public static func text(_ gate: GateEvaluation, candidate: RunConfig) -> String {
        let heading = gate.isRegression ? verdict(gate).uppercased() : verdict(gate)
        var lines = ["gate: \(heading) (\(gate.recordingCount) recordings, candidate \(candidate.name))"]
        for metric in gate.metrics {
            lines.append(
                "  \(metric.status.rawValue.padding(11)) \(metric.metric): \(DecimalText.fixed(metric.baseline, 2)) s → "
                    + "\(DecimalText.fixed(metric.candidate, 2)) s (\(DecimalText.signed(metric.deltaPercent, 1)) %, "
                    + "threshold \(DecimalText.fixed(metric.thresholdPercent, 1)) %)" + band(metric))
        }
        for result in gate.requirements {
            lines.append(
                "  \((result.holds ? "holds" : "FAILS").padding(11)) \(result.criterion.text): "
                    + "\(result.criterion.formatted(result.value)) (required \(result.criterion.comparison.rawValue) "
                    + "\(result.criterion.formatted(result.criterion.bound)))")
        }
        if let weak = gate.modelledShare, weak > 0.5 {
            lines.append(
                "note: \(DecimalText.fixed(weak * 100, 0)) % of the answers of the recordings at P95 and P99 were not in "
                    + "the recordings (composed or synthesized): the verdict rests mostly on the replay's models")
        }
        if gate.isUncertain {
            lines.append(
                "uncertain: a metric regresses in the replay but not at the P10 of its draws; the recordings cannot "
                    + "confirm it (--fail-on-uncertain makes it fail)")
        }
        if !gate.metrics.isEmpty, gate.stageMovers.isEmpty, gate.recordingMovers.isEmpty {
            lines.append("moved most: nothing moved")
        }
        if !gate.stageMovers.isEmpty {
            lines.append("moved most (stage P50):")
            for mover in gate.stageMovers { lines.append("  \(mover.name): \(DecimalText.signed(mover.deltaSeconds, 2)) s") }
        }
        if !gate.recordingMovers.isEmpty {
            lines.append("moved most (recording total):")
            for mover in gate.recordingMovers { lines.append("  \(mover.name): \(DecimalText.signed(mover.deltaSeconds, 2)) s") }
        }
        if !gate.tailRecordings.isEmpty {
            lines.append("tail: " + gate.tailRecordings.map {
                "\($0.percentile.uppercased()) is \($0.recording) (\(DecimalText.fixed($0.seconds, 2)) s)"
            }.joined(separator: ", "))
        }
        if !gate.groups.isEmpty {
            let compared = gate.groups.contains { $0.baseline.count > 0 }
            lines.append("by group (P50 / P95\(compared ? ", baseline → candidate" : "")):")
            for group in gate.groups {
                let before = compared
                    ? "\(DecimalText.fixed(group.baseline.p50, 2)) / \(DecimalText.fixed(group.baseline.p95, 2)) s → " : ""
                lines.append(
                    "  \(group.name) (\(group.count)): " + before
                        + "\(DecimalText.fixed(group.candidate.p50, 2)) / \(DecimalText.fixed(group.candidate.p95, 2)) s")
            }
        }
        if gate.recordingCount < 20 {
            lines.append("note: only \(gate.recordingCount) recordings; P95 over fewer than 20 is thin (nearest rank = the maximum).")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    public static func json(_ gate: GateEvaluation, candidate: RunConfig) -> String {
        let object = OrderedJSON.members([
            ("schema", .string(GateEvaluation.schema)),
            ("verdict", .string(verdict(gate))),
            ("candidate", .members([("name", .string(candidate.name)), ("phases", .sorted(candidate.phases) { .string($0) })])),
            ("recordings", .int(gate.recordingCount)),
            ("metrics", .array(gate.metrics.map { metric in
                .members([
                    ("metric", .string(metric.metric)), ("baseline", .seconds(metric.baseline)),
                    ("candidate", .seconds(metric.candidate)), ("delta_percent", .number(metric.deltaPercent, decimals: 3)),
                    ("threshold_percent", .number(metric.thresholdPercent, decimals: 3)),
                    ("status", .string(metric.status.rawValue)),
                ] + (metric.band.map { [("draws", .members([("p10", .seconds($0.p10)), ("p90", .seconds($0.p90))]))] } ?? []))
            })),
            ("requirements", .array(gate.requirements.map { result in
                .members([
                    ("criterion", .string(result.criterion.text)), ("metric", .string(result.criterion.metric)),
                    ("comparison", .string(result.criterion.comparison.rawValue)),
                    ("bound", .number(result.criterion.bound, decimals: 6)), ("unit", .string(result.criterion.unit.rawValue)),
                    ("value", .number(result.value, decimals: 6)), ("holds", .bool(result.holds)),
                ])
            })),
            ("tail_modelled_share", gate.modelledShare.map { .number($0, decimals: 6) } ?? .null),
            ("stage_movers", .array(gate.stageMovers.map(mover))),
            ("recording_movers", .array(gate.recordingMovers.map(mover))),
            ("tail", .array(gate.tailRecordings.map { tail in
                .members([("percentile", .string(tail.percentile)), ("recording", .string(tail.recording)), ("seconds", .seconds(tail.seconds))])
            })),
            ("groups", .array(gate.groups.map { group in
                .members([
                    ("name", .string(group.name)), ("recordings", .int(group.count)),
                    ("baseline", .members([("p50", .seconds(group.baseline.p50)), ("p95", .seconds(group.baseline.p95))])),
                    ("candidate", .members([("p50", .seconds(group.candidate.p50)), ("p95", .seconds(group.candidate.p95))])),
                ])
            })),
        ])
        return object.rendered(pretty: true) + "\n"
    }

    public static func markdown(_ gate: GateEvaluation, candidate: RunConfig) -> String {
        let heading = gate.isRegression ? "❌ " + verdict(gate) : gate.isUncertain ? "⚠️ uncertain" : "✅ pass"
        var lines = [
            "### perfbench gate: \(heading)", "",
            "\(gate.recordingCount) recordings, candidate `\(candidate.name)`", "",
        ]
        if !gate.metrics.isEmpty {
            lines += ["| metric | baseline (s) | candidate (s) | Δ % | threshold % | status |", "|---|---:|---:|---:|---:|---|"]
        }
        for metric in gate.metrics {
            lines.append(
                "| \(metric.metric) | \(DecimalText.fixed(metric.baseline, 2)) | \(DecimalText.fixed(metric.candidate, 2))"
                    + "\(band(metric)) | \(DecimalText.signed(metric.deltaPercent, 1)) | "
                    + "\(DecimalText.fixed(metric.thresholdPercent, 1)) | \(metric.status.rawValue) |")
        }
        if !gate.requirements.isEmpty {
            lines += ["", "| required | value | holds |", "|---|---:|:-:|"]
            for result in gate.requirements {
                lines.append(
                    "| `\(result.criterion.text)` | \(result.criterion.formatted(result.value)) | \(result.holds ? "✅" : "❌") |")
            }
        }
        if let weak = gate.modelledShare, weak > 0.5 {
            lines += ["", "⚠️ \(DecimalText.fixed(weak * 100, 0)) % of the answers of the recordings at P95 and P99 were composed or synthesized: the verdict rests mostly on the replay's models."]
        }
        if !gate.stageMovers.isEmpty || !gate.recordingMovers.isEmpty {
            lines += ["", "Moved most: " + gate.stageMovers.map { "`\($0.name)` \(DecimalText.signed($0.deltaSeconds, 2)) s" }.joined(separator: ", ")]
            lines.append(
                "Recordings that moved most: "
                    + gate.recordingMovers.map { "`\($0.name)` \(DecimalText.signed($0.deltaSeconds, 2)) s" }.joined(separator: ", "))
        }
        if !gate.tailRecordings.isEmpty {
            lines.append("Tail: " + gate.tailRecordings.map { "\($0.percentile.uppercased()) `\($0.recording)`" }.joined(separator: ", "))
        }
        if !gate.groups.isEmpty {
            lines += ["", "| group | recordings | P50 (s) | P95 (s) |", "|---|---:|---:|---:|"]
            for group in gate.groups {
                lines.append(
                    "| \(group.name) | \(group.count) | \(DecimalText.fixed(group.baseline.p50, 2)) → \(DecimalText.fixed(group.candidate.p50, 2)) | "
                        + "\(DecimalText.fixed(group.baseline.p95, 2)) → \(DecimalText.fixed(group.candidate.p95, 2)) |")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// ` [draws P10 … – P90 … s]` when the metric has a spread over draws.
    private static func band(_ metric: GateEvaluation.Metric) -> String {
        guard let band = metric.band else { return "" }
        return " [draws P10 \(PredictionInterval.seconds(band.p10)) – P90 \(PredictionInterval.seconds(band.p90)) s]"
    }

    private static func mover(_ mover: GateEvaluation.Mover) -> OrderedJSON {
        .members([("name", .string(mover.name)), ("baseline", .seconds(mover.baseline)), ("candidate", .seconds(mover.candidate)), ("delta_seconds", .seconds(mover.deltaSeconds))])
    }
}

extension String {
    fileprivate func padding(_ width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
