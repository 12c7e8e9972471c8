import PerfbenchPipeline
import PerfbenchRecording
import PerfbenchRuntime

/// Produces native recordings by running the pipeline against the simulated world on virtual
/// time: the ground truth `perfbench synth` writes and replays are measured against.
public enum Synthesizer {
    /// One synthesized workflow.
    public struct Output: Sendable {
        public var recording: Recording
        public var result: WorkflowResult
        /// The file name the corpus uses for it, e.g. `nov07-s7-p0.jsonl.gz`.
        public var fileName: String
    }

    /// The fixed creation stamp of synthesized recordings: output depends on inputs only.
    public static let createdAt = "2025-11-07T14:32:20Z"

    /// Runs prompt `promptIndex` of world `seed` under `config` and returns its recording.
    ///
    /// - Parameter prompt: overrides the world's generated prompt.
    public static func synthesize(
        profile: WorldProfile, seed: UInt64, promptIndex: Int = 0,
        config: PipelineConfiguration = .baseline, prompt: String? = nil
    ) throws -> Output {
        let run = try VirtualTime.run { clock in
            let upstream = SimulatedUpstream(profile: profile, seed: seed, clock: clock)
            let text = prompt ?? WorldPrompts(
                catalogue: upstream.world.catalogue, seed: seed, runPrompt: profile.runPrompt
            ).prompt(promptIndex).text
            let session = PipelineSession(config: config, transport: upstream, clock: PipelineClock(clock))
            let input = WorkflowInput(prompt: text, userID: "user-\(seed)")
            return (try await Workflow.run(input, in: session), text)
        }
        let (result, text) = run.value
        let header = RecordingHeader(
            createdAt: createdAt, configName: config.name, phases: config.phaseMap, prompt: text,
            userID: "user-\(seed)", profile: profile.name, seed: seed)
        return Output(
            recording: Recording(header: header, events: result.events), result: result,
            fileName: "\(profile.name)-s\(seed)-p\(promptIndex).jsonl.gz")
    }
}
