/// Renders a gate verdict as text, JSON (`perfbench.gate/1`) or markdown for `$GITHUB_STEP_SUMMARY`.
public enum GateReport {
    public static func text(_ gate: GateEvaluation, candidate: RunConfig) -> String {
        var lines = ["gate: \(gate.isRegression ? "REGRESSION" : "pass") (\(gate.recordingCount) recordings, candidate \(candidate.name))"]
        for metric in gate.metrics {
            lines.append(
                "  \(metric.status.rawValue.padding(11)) \(metric.metric): \(DecimalText.fixed(metric.baseline, 2)) s → "
                    + "\(DecimalText.fixed(metric.candidate, 2)) s (\(DecimalText.signed(metric.deltaPercent, 1)) %, "
                    + "threshold \(DecimalText.fixed(metric.thresholdPercent, 1)) %)")
        }
        if gate.isRegression {
            lines.append("moved most (stage P50):")
            for mover in gate.stageMovers { lines.append("  \(mover.name): \(DecimalText.signed(mover.deltaSeconds, 2)) s") }
            lines.append("moved most (recording total):")
            for mover in gate.recordingMovers { lines.append("  \(mover.name): \(DecimalText.signed(mover.deltaSeconds, 2)) s") }
        }
        if gate.recordingCount < 20 {
            lines.append("note: only \(gate.recordingCount) recordings; P95 over fewer than 20 is thin (nearest rank = the maximum).")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    public static func json(_ gate: GateEvaluation, candidate: RunConfig) -> String {
        let object = OrderedJSON.members([
            ("schema", .string(GateEvaluation.schema)),
            ("verdict", .string(gate.isRegression ? "regression" : "pass")),
            ("candidate", .members([("name", .string(candidate.name)), ("phases", .sorted(candidate.phases) { .string($0) })])),
            ("recordings", .int(gate.recordingCount)),
            ("metrics", .array(gate.metrics.map { metric in
                .members([
                    ("metric", .string(metric.metric)), ("baseline", .seconds(metric.baseline)),
                    ("candidate", .seconds(metric.candidate)), ("delta_percent", .number(metric.deltaPercent, decimals: 3)),
                    ("threshold_percent", .number(metric.thresholdPercent, decimals: 3)),
                    ("status", .string(metric.status.rawValue)),
                ])
            })),
            ("stage_movers", .array(gate.stageMovers.map(mover))),
            ("recording_movers", .array(gate.recordingMovers.map(mover))),
        ])
        return object.rendered(pretty: true) + "\n"
    }

    public static func markdown(_ gate: GateEvaluation, candidate: RunConfig) -> String {
        var lines = [
            "### perfbench gate: \(gate.isRegression ? "❌ regression" : "✅ pass")", "",
            "\(gate.recordingCount) recordings, candidate `\(candidate.name)`", "",
            "| metric | baseline (s) | candidate (s) | Δ % | threshold % | status |", "|---|---:|---:|---:|---:|---|",
        ]
        for metric in gate.metrics {
            lines.append(
                "| \(metric.metric) | \(DecimalText.fixed(metric.baseline, 2)) | \(DecimalText.fixed(metric.candidate, 2)) | "
                    + "\(DecimalText.signed(metric.deltaPercent, 1)) | \(DecimalText.fixed(metric.thresholdPercent, 1)) | \(metric.status.rawValue) |")
        }
        if gate.isRegression {
            lines += ["", "Moved most: " + gate.stageMovers.map { "`\($0.name)` \(DecimalText.signed($0.deltaSeconds, 2)) s" }.joined(separator: ", ")]
        }
        return lines.joined(separator: "\n") + "\n"
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
