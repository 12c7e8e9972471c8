import PerfbenchReport

/// How a replay answered its requests: every request counts once as exact, composed or
/// synthesized; the other figures say which model was involved.
public struct ReplayCounters: Sendable, Hashable {
    /// Served from a recorded exchange of the same normalized request, once, in recorded order.
    public var exact = 0
    /// Built from recorded data: `ids=` batches assembled from per-id items, plus ``reused``.
    public var composed = 0
    /// Generated: catalogue content with a drawn latency, modelled 429s, slow successes.
    public var synthesized = 0
    /// Of ``composed``: requests sent more often than recorded, answered with their key's last
    /// definitive (2xx/404) recorded answer.
    public var reused = 0
    /// Of ``composed`` (and of ``slowSuccesses``): unmatched calls of an imported log that took
    /// the timing of a recorded call of their endpoint in their stage (``StandInAnswers``).
    public var standIns = 0
    /// Of ``synthesized``: 429s answered by the rate-limit model.
    public var rateLimited = 0
    /// Of ``rateLimited``: 429s on a host whose recording had none (the configuration sends
    /// faster than anything recorded there: an extrapolation).
    public var rateLimitedUnrecorded = 0
    /// Of ``composed``: LLM calls whose input differed from the recorded call they reused (its
    /// answer, with the latency sized to the request).
    public var llmResized = 0
    /// LLM evaluations of another playlist than the recorded one, scored by the judgment
    /// model (``JudgmentModel``) instead of reusing the recorded score.
    public var llmJudged = 0
    /// LLM selections made for another input whose ids were aimed at this input's candidates
    /// (``SelectionAnswer``): the recorded ids it offers, filled up in input order.
    public var llmReselected = 0
    /// Calls timed out because the outage alternative kept a host down (``OutageModel``).
    public var outageTimeouts = 0
    /// Recorded timeouts a longer timeout answered from the endpoint's censored latency fit
    /// (slow successes, or timeouts again at the new timeout).
    public var tailDraws = 0
    /// Of ``synthesized``: recorded timeouts answered as slow successes under a longer timeout.
    public var slowSuccesses = 0
    /// Of ``synthesized``: recorded timeouts that succeeded when made again in a later draw.
    public var rerunSuccesses = 0
    /// Of ``exact``: recorded answers slower than the caller's timeout, served as timeouts.
    public var cutByTimeout = 0

    /// How each endpoint's requests were answered, by `service tool` (`llm TASK` for LLM calls).
    public var byEndpoint: [String: EndpointAnswers] {
        var named: [String: EndpointAnswers] = [:]
        for (endpoint, answers) in endpoints { named[endpoint.name] = (named[endpoint.name] ?? EndpointAnswers()) + answers }
        return named
    }
    /// The same counts keyed without building a string per request (the replay's hot path).
    var endpoints: [RequestKey.Endpoint: EndpointAnswers] = [:]

    /// Lookups a warm persistent cache answered (`warm-cache`): cache hits, not requests.
    public var warmCacheAnswers = 0
    /// Request time (the answers' delays) per stage path, by what it rests on.
    public var timeBySource: [String: SourceTimes] = [:]

    /// Counters at zero.
    public init() {}

    /// Every request answered.
    public var total: Int { exact + composed + synthesized }

    mutating func addTime(_ delay: Duration, source: AnswerSource, stage: String?) {
        let micros = Int(delay.microseconds)
        guard micros > 0 else { return }
        // Keyed by the request's stage as sent (no string work per request); the report
        // normalizes the paths once (`ReplayOutcome`).
        timeBySource[stage ?? "", default: SourceTimes()].add(micros, source)
    }

    mutating func count(_ kind: ReplayAnswerKind, endpoint: RequestKey.Endpoint) {
        switch kind {
        case .exact:
            exact += 1
            endpoints[endpoint, default: EndpointAnswers()].exact += 1
        case .composed:
            composed += 1
            endpoints[endpoint, default: EndpointAnswers()].composed += 1
        case .synthesized:
            synthesized += 1
            endpoints[endpoint, default: EndpointAnswers()].synthesized += 1
        }
    }
}
