import PerfbenchPipeline
import PerfbenchRecording
import PerfbenchRuntime

/// Runs one workflow on virtual time against a scripted upstream.
struct WorkflowHarness {
    struct Outcome: Sendable {
        var result: WorkflowResult
        var calls: [ScriptedUpstream.Call]
        var elapsed: Duration

        /// Calls made by `tool` (or, for the LLM, of `task`).
        func calls(_ tool: String) -> [ScriptedUpstream.Call] {
            calls.filter { $0.tool == tool || $0.task == tool }
        }

        /// Calls whose stage path contains `stage`.
        func calls(_ tool: String, in stage: String) -> [ScriptedUpstream.Call] {
            calls(tool).filter { $0.stage?.contains(stage) == true }
        }

        /// The largest number of `tool` calls that started at the same instant.
        func peakSimultaneousStarts(_ tool: String) -> Int {
            var counts: [Double: Int] = [:]
            for call in calls(tool) { counts[call.start, default: 0] += 1 }
            return counts.values.max() ?? 0
        }

        func span(_ path: String) -> StageSpan? {
            result.stages.first { $0.path == path }
        }

        /// Calls made after the last workflow started (the second of two workflows).
        var lastWorkflowCalls: [ScriptedUpstream.Call] {
            let origin = (elapsed - result.total).seconds
            return calls.filter { $0.start >= origin - 1e-9 }
        }
    }

    static func run(
        _ phases: [String: String] = [:], prompt: String = "rainy sunday indie",
        llmScore: Double = 0.9, flatEnergy: Bool = false, gap: Duration = .zero,
        latency: @escaping @Sendable (HTTPRequest) -> Double = { $0.service == .llm ? 2 : 0.5 },
        override: @escaping @Sendable (HTTPRequest, Int) -> TransportResult? = { _, _ in nil },
        workflows: Int = 1, detail: ExchangeDetail = .everything
    ) throws -> Outcome {
        var config = PipelineConfiguration.baseline
        for (id, value) in phases.sorted(by: { $0.key < $1.key }) {
            guard let phase = PhaseID(rawValue: id) else { throw CancellationError() }
            try config.set(phase, to: value)
        }
        let chosen = config
        let run = try VirtualTime.run { clock in
            let upstream = ScriptedUpstream(clock: clock, llmScore: llmScore, flatEnergy: flatEnergy, latency: latency, override: override)
            let session = PipelineSession(config: chosen, transport: upstream, clock: PipelineClock(clock), exchangeDetail: detail)
            var last: WorkflowResult?
            for index in 0..<workflows {
                if index > 0 { try await clock.sleep(for: gap) }
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
