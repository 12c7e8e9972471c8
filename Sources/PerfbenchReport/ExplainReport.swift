/// Renders critical paths (`perfbench explain`): top-down for one run (each stage's seconds on
/// the path, by endpoint and wait kind), bottom-up over a corpus (which endpoints and waits own
/// the most critical-path seconds at P50 and P95, and which recordings make the P95 total).
public enum ExplainReport {
    public static let schema = "perfbench.explain/1"

    /// How many parts per stage and contributors over a corpus the text shows.
    static let shown = 5

    /// Per contributor over a corpus: its critical-path seconds at P50 and P95 of the runs.
    public static func contributors(_ runs: [RunResult]) -> [(name: String, p50: Double, p95: Double)] {
        let paths = runs.map(byName)
        let names = Set(paths.flatMap { $0.map(\.name) })
        return names.map { name in
            let values = paths.map { path in path.first { $0.name == name }?.seconds ?? 0 }
            return (name, Percentiles.nearestRank(50, of: values) ?? 0, Percentiles.nearestRank(95, of: values) ?? 0)
        }.sorted { lhs, rhs in
            lhs.p95 != rhs.p95 ? lhs.p95 > rhs.p95 : lhs.p50 != rhs.p50 ? lhs.p50 > rhs.p50 : lhs.name < rhs.name
        }
    }

    /// A run's seconds on the critical path per name: from its kept summary when a corpus
    /// replay kept only that, else walked from its events.
    static func byName(_ run: RunResult) -> [(name: String, seconds: Double)] {
        run.pathSummary?.byName ?? CriticalPath(run).byName
    }

    public static func text(_ runs: [RunResult]) -> String {
        var lines: [String] = []
        if runs.count == 1, let run = runs.first {
            let path = CriticalPath(run)
            lines.append("critical path of \(run.recording) (\(run.config.name)): \(DecimalText.fixed(run.totalSeconds, 2)) s")
            lines.append(
                "  requests \(DecimalText.fixed(path.seconds(of: .request), 2)) s, waits \(DecimalText.fixed(path.seconds(of: .wait), 2)) s, "
                    + "pipeline steps \(DecimalText.fixed(path.seconds(of: .step), 2)) s")
            lines.append("by stage (seconds on the path; the largest parts):")
            for stage in path.byStage {
                let parts = stage.parts.prefix(shown).map { "\($0.name) \(DecimalText.fixed($0.seconds, 2))" }.joined(separator: ", ")
                lines.append("  \(stage.stage.isEmpty ? "workflow" : stage.stage) \(DecimalText.fixed(stage.seconds, 2)) s: \(parts)")
            }
            lines.append("longest links:")
            let longest = path.segments.enumerated().sorted { lhs, rhs in
                lhs.element.durationMicros != rhs.element.durationMicros
                    ? lhs.element.durationMicros > rhs.element.durationMicros : lhs.offset < rhs.offset
            }.prefix(shown)
            for (_, segment) in longest {
                lines.append(
                    "  \(DecimalText.fixed(Double(segment.durationMicros) / 1_000_000, 2)) s at "
                        + "\(DecimalText.fixed(Double(segment.startMicros) / 1_000_000, 2)) s: \(segment.name) in \(segment.stage.isEmpty ? "workflow" : segment.stage)")
            }
            return lines.joined(separator: "\n") + "\n"
        }
        lines.append("critical paths of \(runs.count) recordings: seconds on the path per endpoint and wait, P50 / P95 over the recordings")
        for contributor in contributors(runs).prefix(2 * shown) {
            lines.append("  \(DecimalText.fixed(contributor.p50, 2)) / \(DecimalText.fixed(contributor.p95, 2)) s  \(contributor.name)")
        }
        if let tail = GateEvaluation.tail(of: runs).first {
            let top = byName(runs.first { $0.recording == tail.recording } ?? runs[0]).prefix(3).map { "\($0.name) \(DecimalText.fixed($0.seconds, 2)) s" }.joined(separator: ", ")
            lines.append("P95 is \(tail.recording) (\(DecimalText.fixed(tail.seconds, 2)) s); its path: \(top)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    public static func json(_ runs: [RunResult]) -> String {
        func runObject(_ run: RunResult) -> OrderedJSON {
            let path = CriticalPath(run)
            return .members([
                ("recording", .string(run.recording)), ("config", .string(run.config.name)),
                ("total_seconds", .seconds(run.totalSeconds)),
                ("seconds_by_kind", .members([
                    ("request", .seconds(path.seconds(of: .request))), ("wait", .seconds(path.seconds(of: .wait))),
                    ("step", .seconds(path.seconds(of: .step))),
                ])),
                ("by_stage", .array(path.byStage.map { stage in
                    .members([
                        ("stage", .string(stage.stage)), ("seconds", .seconds(stage.seconds)),
                        ("parts", .array(stage.parts.map { .members([("name", .string($0.name)), ("seconds", .seconds($0.seconds))]) })),
                    ])
                })),
                ("segments", .array(path.segments.map { segment in
                    .members([
                        ("kind", .string(segment.kind.rawValue)), ("name", .string(segment.name)), ("stage", .string(segment.stage)),
                        ("start_seconds", .seconds(Double(segment.startMicros) / 1_000_000)),
                        ("seconds", .seconds(Double(segment.durationMicros) / 1_000_000)),
                    ])
                })),
            ])
        }
        var members: [(String, OrderedJSON)] = [("schema", .string(schema)), ("runs", .array(runs.map(runObject)))]
        if runs.count > 1 {
            members.append(("contributors", .array(contributors(runs).map {
                .members([("name", .string($0.name)), ("p50_seconds", .seconds($0.p50)), ("p95_seconds", .seconds($0.p95))])
            })))
            members.append(("p95_recording", GateEvaluation.tail(of: runs).first.map { .string($0.recording) } ?? .null))
        }
        return OrderedJSON.members(members).rendered(pretty: true) + "\n"
    }

    public static func markdown(_ runs: [RunResult]) -> String {
        var lines: [String]
        if runs.count == 1, let run = runs.first {
            let path = CriticalPath(run)
            lines = [
                "### Critical path of `\(run.recording)` (\(run.config.name)): \(DecimalText.fixed(run.totalSeconds, 2)) s", "",
                "| stage | seconds on the path | largest parts |", "|---|---:|---|",
            ]
            for stage in path.byStage {
                lines.append(
                    "| \(stage.stage.isEmpty ? "workflow" : stage.stage) | \(DecimalText.fixed(stage.seconds, 2)) | "
                        + stage.parts.prefix(shown).map { "\($0.name) \(DecimalText.fixed($0.seconds, 2))" }.joined(separator: ", ") + " |")
            }
        } else {
            lines = ["### Critical paths of \(runs.count) recordings", "", "| on the path | P50 (s) | P95 (s) |", "|---|---:|---:|"]
            for contributor in contributors(runs).prefix(2 * shown) {
                lines.append("| \(contributor.name) | \(DecimalText.fixed(contributor.p50, 2)) | \(DecimalText.fixed(contributor.p95, 2)) |")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
