import PerfbenchPipeline
import PerfbenchRecording
import PerfbenchReplay
import PerfbenchRuntime

/// Records workflow runs against ``RecordingUpstream`` into ``Recording``s, the way a live
/// recorder would: the header names the configuration, the events are the run's own.
enum Recorder {
    struct Made: Sendable {
        var recording: Recording
        var result: WorkflowResult
    }

    /// A configuration from `phases` applied on top of the baseline (sorted, so errors are stable).
    static func configuration(_ phases: [String: String], name: String? = nil) throws -> PipelineConfiguration {
        var config = PipelineConfiguration(name: name ?? (phases.isEmpty ? "baseline" : phases.keys.sorted().map { "\($0)=\(phases[$0] ?? "")" }.joined(separator: ",")))
        for id in phases.keys.sorted() {
            guard let phase = PhaseID(rawValue: id) else { throw CancellationError() }
            try config.set(phase, to: phases[id])
        }
        return config
    }

    static func record(
        _ config: PipelineConfiguration = .baseline, prompt: String = "rainy sunday indie",
        faults: RecordingUpstream.Faults = .standard
    ) throws -> Made {
        let run = try VirtualTime.run { clock in
            let upstream = RecordingUpstream(clock: clock, faults: faults)
            let session = PipelineSession(config: config, transport: upstream, clock: PipelineClock(clock))
            return try await Workflow.run(WorkflowInput(prompt: prompt, userID: "user-7"), in: session)
        }
        let header = RecordingHeader(
            createdAt: "2025-11-07T10:00:00Z", recorder: "perfbench tests", configName: config.name,
            phases: config.phaseMap, prompt: prompt, userID: "user-7")
        return Made(recording: Recording(header: header, events: run.value.events), result: run.value)
    }

    /// Recordings are made once per process and shared by the tests that need them.
    static let baseline: Result<Made, any Error> = Result { try record() }
    static let withFaults: Result<Made, any Error> = Result {
        try record(faults: RecordingUpstream.Faults(slowRecommendationEvery: 3, genreSearch429RetryAfter: 2))
    }
}
