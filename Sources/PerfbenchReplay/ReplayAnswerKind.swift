import PerfbenchReport

import PerfbenchPipeline

/// How the replay answered one request.
public enum ReplayAnswerKind: String, Sendable, Hashable, CaseIterable {
    /// A recorded exchange of the same normalized request, served once, in recorded order.
    case exact
    /// Built from recorded data for this request: an `ids=` batch assembled from recorded
    /// per-id items, or a (non-LLM) request sent more often than recorded, which reuses its
    /// key's last definitive (2xx or 404) recorded answer, latency included.
    case composed
    /// Nothing recorded answers it: content from the catalogue generator and a latency drawn
    /// from the endpoint's distribution (an LLM call beyond the recorded ones of its task gets
    /// the task's nearest recorded answer), a 429 from the rate-limit model, or a recorded
    /// timeout turned into a slow success under a longer timeout.
    case synthesized
}

/// What the transport will do for one request: sleep `delay`, then return `result`.
struct PlannedAnswer: Sendable {
    var kind: ReplayAnswerKind
    var delay: Duration
    var result: TransportResult
    /// What the delay rests on: the recorded exchange's provenance for an exact answer, the
    /// replay's models otherwise.
    var source: AnswerSource = .modelled
}
