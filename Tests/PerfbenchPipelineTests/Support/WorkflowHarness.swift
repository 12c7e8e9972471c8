import PerfbenchPipeline
import PerfbenchRuntime

/// Runs one workflow on virtual time against a scripted upstream.
struct WorkflowHarness {
    struct Outcome: Sendable {
        var result: WorkflowResult
        var calls: [ScriptedUpstream.Call]
        var elapsed: Duration
    }

    static func run(
        _ phases: [String: String] = [:], prompt: String = "rainy sunday indie",
        llmScore: Double = 0.9,
        latency: @escaping @Sendable (HTTPRequest) -> Double = { $0.service == .llm ? 2 : 0.5 },
        override: @escaping @Sendable (HTTPRequest, Int) -> TransportResult? = { _, _ in nil },
        workflows: Int = 1
    ) throws -> Outcome {
        var config = PipelineConfiguration.baseline
        for (id, value) in phases.sorted(by: { $0.key < $1.key }) {
            guard let phase = PhaseID(rawValue: id) else { throw CancellationError() }
            try config.set(phase, to: value)
        }
        let chosen = config
        let run = try VirtualTime.run { clock in
            let upstream = ScriptedUpstream(clock: clock, llmScore: llmScore, latency: latency, override: override)
            let session = PipelineSession(config: chosen, transport: upstream, clock: PipelineClock(clock))
            var last: WorkflowResult?
            for _ in 0..<workflows {
                last = try await Workflow.run(WorkflowInput(prompt: prompt), in: session)
            }
            guard let last else { throw CancellationError() }
            return Outcome(result: last, calls: upstream.calls, elapsed: .zero)
        }
        var outcome = run.value
        outcome.elapsed = run.elapsed
        return outcome
    }
}
