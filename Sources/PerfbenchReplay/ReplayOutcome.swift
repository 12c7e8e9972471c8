import PerfbenchPipeline
import PerfbenchRecording
import PerfbenchReport

/// Everything one replay produced: the report input, the workflow's own result, how the
/// transport answered, and what the virtual executor did.
public struct ReplayOutcome: Sendable {
    /// The report input.
    public var run: RunResult
    /// The workflow's result (events with bodies, playlist, counters).
    public var workflow: WorkflowResult
    /// How the requests were answered.
    public var answers: ReplayCounters
    /// The configuration replayed.
    public var configuration: PipelineConfiguration
    /// Executor jobs the replay ran (its cost, independent of virtual seconds).
    public var executorJobs: Int
    /// The recorded exchanges the replay served as exact answers: exchange id → when the request
    /// it answered was sent, in microseconds of the replay's clock. Empty unless
    /// ``ReplayOptions/reportsServedExchanges`` is on.
    public var servedExchanges: [String: Int] = [:]

    /// Builds the report input from a finished workflow; `phases` is `configuration.phaseMap`.
    static func make(
        path: String, configuration: PipelineConfiguration, phases: [String: String], workflow: WorkflowResult,
        answers: ReplayCounters, executorJobs: Int
    ) -> ReplayOutcome {
        let counters = workflow.counters
        // Read once: the counters hold the per-service numbers in slots and build the map on read.
        let requestsByService = counters.requestsByService
        var byService: [String: Int] = [:]
        for service in Service.allCases {
            if let count = requestsByService[service] { byService[service.rawValue] = count }
        }
        let requests = RequestCounts(
            total: counters.totalRequests, byService: byService, exact: answers.exact,
            composed: answers.composed, synthesized: answers.synthesized, byEndpoint: answers.byEndpoint,
            timeBySource: answers.timeBySource.reduce(into: [:]) { times, entry in
                let path = SourceTimes.stagePath(entry.key)
                times[path] = (times[path] ?? SourceTimes()) + entry.value
            }, errors: counters.errors,
            timeouts: counters.timeouts)
        let waits = WaitCounts(
            windowCount: counters.windowWaits, windowSeconds: counters.windowWaitSeconds,
            minIntervalCount: counters.minIntervalWaits, minIntervalSeconds: counters.minIntervalWaitSeconds,
            retryAfterCount: counters.retryAfterWaits, retryAfterSeconds: counters.retryAfterSeconds,
            semaphoreCount: counters.semaphoreWaits, semaphoreSeconds: counters.semaphoreWaitSeconds)
        let quality = QualityScores(
            overall: workflow.quality.overall, cohesion: workflow.quality.cohesion,
            tracks: workflow.quality.trackCount)
        var extra: [String: Double] = [
            "retries": Double(counters.retries),
            "llm_fallbacks": Double(counters.llmFallbacks),
            "slow_requests": Double(counters.slowRequests),
            "circuit_open_rejections": Double(counters.circuitOpenRejections),
            "anchors": Double(counters.anchors),
            "generator_runs": Double(counters.generatorRuns),
            "replay_reused": Double(answers.reused),
            "replay_rate_limited": Double(answers.rateLimited),
            "replay_slow_successes": Double(answers.slowSuccesses),
            "replay_cut_by_timeout": Double(answers.cutByTimeout),
        ]
        if answers.standIns > 0 { extra["replay_stand_ins"] = Double(answers.standIns) }
        if answers.llmResized > 0 { extra["replay_llm_resized"] = Double(answers.llmResized) }
        if answers.llmJudged > 0 { extra["replay_llm_judged"] = Double(answers.llmJudged) }
        if answers.outageTimeouts > 0 { extra["replay_outage_timeouts"] = Double(answers.outageTimeouts) }
        if answers.llmReselected > 0 { extra["replay_llm_reselected"] = Double(answers.llmReselected) }
        if answers.rerunSuccesses > 0 { extra["replay_rerun_successes"] = Double(answers.rerunSuccesses) }
        if answers.tailDraws > 0 { extra[RunResult.tailDrawCounter] = Double(answers.tailDraws) }
        if answers.warmCacheAnswers > 0 { extra["replay_warm_cache_answers"] = Double(answers.warmCacheAnswers) }
        if answers.rateLimitedUnrecorded > 0 {
            extra[RunResult.unrecordedRateLimitCounter] = Double(answers.rateLimitedUnrecorded)
        }
        if let first = workflow.firstTracksSeconds { extra["first_tracks_seconds"] = first }
        // The replay's session keeps no bodies or headers (`ExchangeDetail`): the trace and
        // the critical path read timing and names only.
        let exchanges = workflow.events.compactMap { event -> Exchange? in
            guard case .exchange(let exchange) = event else { return nil }
            return exchange
        }
        var run = RunResult(
            recording: path, config: RunConfig(name: configuration.name, phases: phases), totalSeconds: workflow.total.seconds,
            stages: workflow.stages, exchanges: exchanges, requests: requests, waits: waits,
            cache: CacheCounts(hits: counters.cacheHits, misses: counters.cacheMisses), quality: quality,
            counters: extra)
        run.waitEvents = workflow.events.compactMap { event -> Wait? in
            guard case .wait(let wait) = event else { return nil }
            return wait
        }
        return ReplayOutcome(
            run: run, workflow: workflow, answers: answers, configuration: configuration,
            executorJobs: executorJobs)
    }
}
