import Foundation
import PerfbenchImport
import PerfbenchPipeline
import PerfbenchRecording
import PerfbenchReplay
import PerfbenchReport
import Testing

/// Replaying the backend's own logs at baseline reproduces the logs' figures (issue 8 §3).
///
/// Each shared log is imported, its inferred latencies fitted (`ImportedLogFit`, as `import
/// moodlist-log` and `replay`/`diff LOG.gz` do), and replayed through the pipeline at
/// `baseline`; every stage the log times is compared with the replayed one. The log's figure is the recording's span: the
/// backend's own printed figure where its clock ran true, the span between the lines that open
/// and close the stage on the repaired clock otherwise (`MoodlistClockRepair`: the 2025-11-07
/// log's clock runs ≈ 6.3 s ahead in eight stretches and loses 1–3 s in each long sleep, so a
/// printed figure that spans such a stretch is off by it). `PERFBENCH_PRINT_FIDELITY=1 swift
/// test --filter ImportedLogFidelity` prints the side-by-side table of the README.
@Suite struct ImportedLogFidelityTests {
    /// `Recordings/logs/` of this checkout: the three production logs ship with the repository.
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Recordings/logs").path

    /// The stages the table shows, in workflow order, with their names in the README.
    static let stages: [(path: String, name: String)] = [
        ("intent_analysis", "intent analysis"),
        ("between_agents", "between agents"),
        ("mood_analysis", "mood analysis"),
        ("orchestration/initial_generation/seed_gathering", "seed gathering"),
        ("orchestration/initial_generation/seed_gathering/anchor_selection", "├ anchor selection"),
        ("orchestration/initial_generation/seed_gathering/artist_discovery", "├ artist discovery"),
        ("orchestration/initial_generation/seed_gathering/fetch_top_tracks", "├ fetch top tracks"),
        ("orchestration/initial_generation/seed_gathering/fetch_top_artists", "├ fetch top artists"),
        ("orchestration/initial_generation/seed_gathering/build_seed_pool", "└ build seed pool"),
        ("orchestration/initial_generation/recommendation_generation", "generator run 1"),
        ("orchestration/iterative_improvement/quality_evaluation", "quality evaluation"),
        ("orchestration/iterative_improvement/improvement_strategies", "improvement strategies"),
        ("orchestration/iterative_improvement/improvement_strategies/recommendation_generation", "└ generator run 2"),
        ("orchestration/final_processing", "final processing"),
        ("playlist_ordering", "playlist ordering"),
        ("", "**total**"),
    ]

    struct Row {
        var path: String
        var name: String
        var printed: Double?
        var log: Double
        var replayed: Double
        var error: Double { log == 0 ? 0 : (replayed - log) / log }
    }

    struct Fidelity {
        var rows: [Row]
        var outcome: ReplayOutcome
        var workflow: MoodlistLogImport.Workflow
        var fit: ImportedLogFit.Report
        var unfitted: Recording

        func row(_ path: String) -> Row? { rows.first { $0.path == path } }
    }

    static func measure(_ name: String) throws -> Fidelity {
        let imported = try MoodlistLogImporter().importFile(path: folder + "/" + name)
        var workflow = try #require(imported.firstUsable)
        let unfitted = workflow.recording
        let fitted = try ImportedLogFit.fit(workflow.recording, path: name)
        workflow.recording = fitted.recording
        let spans = workflow.recording.events.compactMap { event -> StageSpan? in
            if case .stage(let span) = event { return span } else { return nil }
        }
        let logTree = TimingTree(spans: spans)
        let outcome = try ReplayRunner.replay(
            index: ReplayIndex(recording: workflow.recording), path: name, config: nil, options: ReplayOptions())
        let replayTree = outcome.run.timingTree
        let rows = stages.compactMap { stage -> Row? in
            guard let logged = logTree.node(at: stage.path) else { return nil }
            return Row(
                path: stage.path, name: stage.name, printed: workflow.printedSeconds[stage.path.isEmpty ? "workflow" : stage.path],
                log: logged.seconds, replayed: replayTree.node(at: stage.path)?.seconds ?? 0)
        }
        return Fidelity(rows: rows, outcome: outcome, workflow: workflow, fit: fitted.report, unfitted: unfitted)
    }

    static func print(_ name: String, _ fidelity: Fidelity) {
        guard ProcessInfo.processInfo.environment["PERFBENCH_PRINT_FIDELITY"] == "1" else { return }
        Swift.print("\(name)\n| stage | printed by the backend | log (repaired clock) | replayed | error |\n|---|---:|---:|---:|---:|")
        for row in fidelity.rows {
            let printed = row.printed.map { String(format: "%.2f", $0) } ?? "—"
            let error = row.log < 3 ? "(< 3 s)" : String(format: "%+.1f %%", row.error * 100)
            Swift.print(
                "| \(row.name) | \(printed) | \(String(format: "%.2f", row.log)) | \(String(format: "%.2f", row.replayed)) | \(error) |")
        }
        let answers = fidelity.outcome.answers
        for stage in fidelity.fit.stages where stage.scale != 1 || stage.verdict != .fitted || stage.path.isEmpty {
            func seconds(_ value: Double?) -> String { value.map { String(format: "%.2f", $0) } ?? "—" }
            let name = stage.path.isEmpty ? "workflow" : stage.path
            Swift.print(
                "fit \(name): log \(seconds(stage.logSeconds)), before \(seconds(stage.beforeSeconds)), "
                    + "after \(seconds(stage.afterSeconds)); \(stage.inferredExchanges) inferred "
                    + "× \(String(format: "%.3f", stage.scale)): \(stage.verdict.rawValue)")
        }
        Swift.print("fit: \(fidelity.fit.replays) replays, \(fidelity.fit.changedExchanges) latencies changed")
        Swift.print("answers: exact \(answers.exact), composed \(answers.composed), synthesized \(answers.synthesized)")
    }

    @Test func november7thReplaysWithinFivePercentPerStage() throws {
        let fidelity = try Self.measure("moodlist-2025-11-07-workflow-306s.log.gz")
        Self.print("2025-11-07", fidelity)
        #expect(fidelity.rows.count == Self.stages.count)
        for row in fidelity.rows where row.log >= 3 {
            #expect(abs(row.error) <= 0.05, "\(row.name): log \(row.log) s, replayed \(row.replayed) s")
        }
        // The same decisions: two generator runs, both window limiters' waits, no fallbacks.
        #expect(fidelity.outcome.workflow.counters.generatorRuns == 2)
        #expect(fidelity.outcome.workflow.counters.windowWaits == 4)
        #expect(fidelity.outcome.workflow.counters.llmFallbacks == 0)
        let answers = fidelity.outcome.answers
        #expect(Double(answers.exact) >= 0.95 * Double(answers.exact + answers.composed + answers.synthesized))
    }

    @Test func october31stReplaysWithinFivePercentPerStage() throws {
        let fidelity = try Self.measure("moodlist-2025-10-31-workflow-227s.log.gz")
        Self.print("2025-10-31", fidelity)
        #expect(fidelity.rows.count == Self.stages.count - 2)  // no improvement strategies, no run 2
        // This log is from an older backend ("Phase 2" in its lines) whose anchor selection,
        // discovery and artist pipeline make other calls, or the same calls otherwise paced,
        // than the model (the 2025-11-07 backend) does; it also fetched audio features all at
        // once ("… in parallel"), which the import carries as the recording's
        // `audio-feature-batching`. The fit moves the inferred latencies the replay uses until
        // the stage spans come out right (README, "The backend's own logs"): every stage within
        // 5 %. The total is not a stage the pipeline can fill: ≈ 13 s of that backend's database
        // writes between the agents (2 s before mood analysis, 5 s before orchestration, …)
        // lie outside every stage: the import keeps them as observed `between_agents` time, which
        // the replay spends again, so the total is right too.
        #expect(fidelity.outcome.configuration.phaseMap["audio-feature-batching"] == "100/50/0s")
        for row in fidelity.rows where row.log >= 3 {
            #expect(abs(row.error) <= 0.05, "\(row.name): log \(row.log) s, replayed \(row.replayed) s")
        }
        let between = try #require(fidelity.row("between_agents"))
        #expect(between.log > 10 && abs(between.error) < 0.001)
        #expect(fidelity.outcome.workflow.counters.generatorRuns == 1)
    }

    /// The 2025-11-11 log is of a newer backend (a Redis cache, two artists in flight, slow-request
    /// lines, a user-anchor strategy, three generator runs, ReccoBeats ids and features mostly
    /// served from its warm cache). The import reads the configuration it can see from the log's
    /// own lines and the replay runs it, labelled as inferred, within 5 % on every stage of ≥ 3 s
    /// and on the total. Most of its calls are ones the log does not name (stand-ins) and its
    /// generator runs rest on the fit; the replay says so instead of looking exact.
    @Test func november11thRunsTheInferredConfigurationAndSaysItIsMostlyModelled() throws {
        let fidelity = try Self.measure("moodlist-2025-11-11-workflow-794s.log.gz")
        Self.print("2025-11-11", fidelity)
        let header = fidelity.workflow.recording.header
        #expect(header.configSource == "inferred from the log")
        #expect(header.phases["parallel-artists"] == "2")
        #expect(header.phases["cache-tier"] == "remote/0ms")
        #expect(header.phases["slow-request-log"] == "20s")
        #expect(fidelity.outcome.configuration.phaseMap["parallel-artists"] == "2")
        #expect(fidelity.outcome.run.config.name.hasSuffix("(inferred from the log)"))
        // Where it still rests on the replay's models, it says so.
        #expect(!fidelity.outcome.run.weakStages.isEmpty)
        #expect(header.phases["anchor-sources"] == "together")
        #expect(header.phases["album-sampling"] == "per-run")
        // Calls the log does not name take the timing of its calls in their stage.
        #expect(fidelity.outcome.answers.standIns > 0)
        for row in fidelity.rows where row.log >= 3 {
            #expect(abs(row.error) <= 0.05, "\(row.name): log \(row.log) s, replayed \(row.replayed) s")
        }
        #expect(fidelity.outcome.workflow.counters.generatorRuns == 3)
    }

    static let logs = [
        ("2025-10-31", "moodlist-2025-10-31-workflow-227s.log.gz"),
        ("2025-11-07", "moodlist-2025-11-07-workflow-306s.log.gz"),
        ("2025-11-11", "moodlist-2025-11-11-workflow-794s.log.gz"),
    ]

    /// One log held out: its total replayed with nothing fitted (the structure alone), with the
    /// factors fitted on the other two logs (per stage, their geometric mean), and with its own fit.
    struct HeldOut {
        var name: String
        var log: Double
        var structureOnly: Double
        var othersFit: Double
        var ownFit: Double
        var stagesOffByMoreThanFive: (structure: Int, others: Int, own: Int, of: Int)
    }

    /// Leave one out (issue 13 §3): how much of the fidelity comes from rules that hold on a log
    /// the fit has not seen. README prints this table.
    static func leaveOneOut() throws -> [HeldOut] {
        let imported = try logs.map { name, file -> (name: String, recording: Recording, fit: ImportedLogFit.Report) in
            let workflow = try #require(try MoodlistLogImporter().importFile(path: folder + "/" + file).firstUsable)
            return (name, workflow.recording, try ImportedLogFit.fit(workflow.recording, path: file).report)
        }
        return try imported.map { held in
            var factors: [String: [Double]] = [:]
            for other in imported where other.name != held.name {
                for stage in other.fit.stages where stage.scale > 0 { factors[stage.path, default: []].append(stage.scale) }
            }
            let scales = factors.mapValues { values in exp(values.map(log).reduce(0, +) / Double(values.count)) }
            let logTree = TimingTree(spans: held.recording.events.compactMap { event -> StageSpan? in
                if case .stage(let span) = event { return span } else { return nil }
            })
            func replayed(_ recording: Recording) throws -> TimingTree {
                try ReplayRunner.replay(index: ReplayIndex(recording: recording), path: held.name, config: nil, options: ReplayOptions())
                    .run.timingTree
            }
            let structure = try replayed(held.recording)
            let others = try replayed(try ImportedLogFit.applying(scales, to: held.recording, path: held.name))
            let own = try replayed(try ImportedLogFit.fit(held.recording, path: held.name).recording)
            func off(_ tree: TimingTree) -> Int {
                stages.filter { stage in
                    guard let logged = logTree.node(at: stage.path), logged.seconds >= 3 else { return false }
                    let replayed = tree.node(at: stage.path)?.seconds ?? 0
                    return abs(replayed - logged.seconds) / logged.seconds > 0.05
                }.count
            }
            let compared = stages.filter { (logTree.node(at: $0.path)?.seconds ?? 0) >= 3 }.count
            return HeldOut(
                name: held.name, log: logTree.root.seconds, structureOnly: structure.root.seconds,
                othersFit: others.root.seconds, ownFit: own.root.seconds,
                stagesOffByMoreThanFive: (off(structure), off(others), off(own), compared))
        }
    }

    @Test func leaveOneOutSaysHowMuchOfTheFidelityIsFitted() throws {
        let table = try Self.leaveOneOut()
        if ProcessInfo.processInfo.environment["PERFBENCH_PRINT_FIDELITY"] == "1" {
            Swift.print("| held-out log | log total | structure only | others' fit | own fit | stages > 5 % off (structure / others / own, of) |")
            Swift.print("|---|---:|---:|---:|---:|---|")
            for row in table {
                func cell(_ value: Double) -> String {
                    String(format: "%.2f (%+.1f %%)", value, (value - row.log) / row.log * 100)
                }
                let off = row.stagesOffByMoreThanFive
                Swift.print(
                    "| \(row.name) | \(String(format: "%.2f", row.log)) | \(cell(row.structureOnly)) | \(cell(row.othersFit)) | "
                        + "\(cell(row.ownFit)) | \(off.structure) / \(off.others) / \(off.own) of \(off.of) |")
            }
        }
        #expect(table.map(\.name) == Self.logs.map(\.0))
        for row in table {
            #expect(row.structureOnly > 0 && row.othersFit > 0 && row.ownFit > 0)
            // Its own fit is never worse than the structure alone on the stages it compares.
            #expect(row.stagesOffByMoreThanFive.own <= row.stagesOffByMoreThanFive.structure, "\(row.name)")
        }
    }

    /// The fit changes the latencies of inferred exchanges only: every other event, and every
    /// other field of those exchanges (provenance included), stays as imported.
    @Test func fittingChangesOnlyInferredLatencies() throws {
        for name in ["moodlist-2025-10-31-workflow-227s.log.gz", "moodlist-2025-11-07-workflow-306s.log.gz"] {
            let fidelity = try Self.measure(name)
            let before = fidelity.unfitted.events, after = fidelity.workflow.recording.events
            #expect(before.count == after.count)
            var changed = 0
            for (old, new) in zip(before, after) where old != new {
                guard case .exchange(let original) = old, case .exchange(var fitted) = new else {
                    Issue.record("\(name): a \(old.typeName) event changed")
                    continue
                }
                // A fitted latency says so: its provenance turns from inferred to fitted.
                #expect(original.provenance == .inferred && fitted.provenance == .fitted)
                #expect(fitted.durationMicros >= 0)
                fitted.durationMicros = original.durationMicros
                fitted.provenance = original.provenance
                #expect(fitted == original, "\(name): \(original.id) changed beyond its latency")
                changed += 1
            }
            #expect(changed == fidelity.fit.changedExchanges)
            #expect(changed > 0)
            // Deterministic: the same fit twice.
            let again = try ImportedLogFit.fit(fidelity.unfitted, path: name)
            #expect(again.recording == fidelity.workflow.recording)
        }
    }
}
