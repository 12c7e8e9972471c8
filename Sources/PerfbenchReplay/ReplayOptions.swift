/// How a replay answers what the recording did not record.
public struct ReplayOptions: Sendable, Hashable {
    /// Fail at the first request without an exact recorded answer (``ReplayError/unanswerable(request:tool:stage:nearest:recording:)``)
    /// instead of composing or synthesizing one. Also turns off the rate-limit model and slow
    /// successes, which are counterfactual too.
    public var strict: Bool
    /// Answer 429 + Retry-After when a host is sent more requests within its rolling window
    /// (Spotify 30 s, ReccoBeats 60 s; the LLM has no model) than the recording ever sent it
    /// within one. Replaying at the recorded configuration never meets the model.
    public var rateLimits: Bool
    /// Factor on each host's inferred capacity: 1 (the default) refuses anything beyond the
    /// recording's busiest window, as evidence allows; 2 lets a configuration send twice as
    /// fast before a 429. Values below 1 count as 1, so the recorded run never meets the model.
    public var rateLimitHeadroom: Double
    /// Where the replay's zero falls within a wall-clock minute, for the pipeline's calendar
    /// minute window limiters; nil (the default) takes it from the recording: a workflow
    /// imported from the backend's log started at the wall-clock time its `created_at` gives,
    /// so its zero sits that many seconds into a minute (the 2025-11-07 run started at :14.4,
    /// and its window waits only come out right on that grid); any other recording starts at
    /// zero, since nothing in it says otherwise.
    public var minuteOffset: Duration?
    /// Fill ``ReplayOutcome/servedExchanges`` (which recorded exchange answered which request,
    /// when): off by default, since building that map costs every replay a pass over the
    /// recording; the fit of imported logs turns it on.
    public var reportsServedExchanges = false
    /// What-ifs on the upstream's speed (`--latency`), applied in order to every answer of the
    /// requests each one targets; empty (the default) keeps every latency as the models give it.
    public var latencyChanges: [LatencyChange] = []
    /// Workflows to run one after another in one pipeline session (`--session N`): the first is
    /// the run reported as always, the others find the session's caches warm (TTLs on the
    /// virtual clock) and come back as ``RunResult/laterRuns``. 1 (the default): a cold run.
    public var sessionRuns = 1
    /// Virtual time between the runs of a session (a TTL may expire in it).
    public var sessionGap: Duration = .zero
    /// Keep the run's exchanges and waits (``RunResult/exchanges``, ``RunResult/waitEvents``):
    /// on by default, since traces, the critical path and per-host rates read them; a search
    /// over many configurations that reads only totals, stages and counts turns it off, so
    /// thousands of runs stay small.
    public var keepsEvents = true
    /// Keep the run's stage spans and its answer counts per endpoint and per stage: on by
    /// default, since the reports' trees and coverage read them; a sweep, which ranks each
    /// configuration by its totals, quality and request counts alone, turns it off, so that the
    /// runs of many configurations over a corpus stay small (draws still read their stages).
    public var keepsBreakdown = true
    /// With ``keepsEvents``: keep every exchange and wait (the default: the HTML timeline, the
    /// trace and the speedscope profile draw them), or only the summary of the run's critical
    /// path (``RunResult/pathSummary``), which is all the other reports read of them: a
    /// 1,000-recording diff without those outputs peaked at 105 MB, not 254 MB.
    public var keepsEveryEvent = true
    /// Which draw of the models this replay is: 0 (the default) is the plain replay; another
    /// value mixes into every seed a synthesized latency, tail draw or content is drawn with, so
    /// draw k of a run is the same on every machine and any other draw differs.
    public var draw: UInt64 = 0
    /// Whether the replay runs the recording's own configuration (set by `ReplayRunner`): then a
    /// recorded timeout is the timeout that happened, replayed as such, not a censored latency
    /// for a longer timeout to see the end of.
    public var atRecordedConfiguration = false
    /// Which of the limiters the recorded 429s cannot tell apart answers a host sent faster
    /// than the recording ever did (``LimiterAlternative``); draws of an interval cycle through
    /// them so the interval covers them all.
    public var limiter: LimiterAlternative = .headroom
    /// Whether each host's latency follows the load this replay puts on it as it followed the
    /// recording's (``LoadModel``): the load alternative of an interval's draws (odd draws of a
    /// what-if; ``loadFollowsRecording(draw:)``). Off in the plain replay: the recording cannot
    /// tell how a host behaves past the load it saw.
    public var loadFollowsRecording = false
    /// Whether a host the recording shows down (``OutageModel``) stays down from the moment its
    /// outage began: the outage alternative of an interval's draws
    /// (``outagePersists(draw:)``). Off in the plain replay, where the outage ended as recorded.
    public var outagePersists = false

    /// Options with every counterfactual model on.
    public init(
        strict: Bool = false, rateLimits: Bool = true, rateLimitHeadroom: Double = 1,
        minuteOffset: Duration? = nil
    ) {
        self.strict = strict
        self.rateLimits = rateLimits
        self.rateLimitHeadroom = rateLimitHeadroom
        self.minuteOffset = minuteOffset
    }
}

extension ReplayOptions {
    /// Whether draw `draw` of an interval takes the load alternative: every odd draw, so the
    /// alternative meets each limiter alternative in turn (their cycle is 3 long).
    public static func loadFollowsRecording(draw: UInt64) -> Bool { draw % 2 == 1 }

    /// Whether draw `draw` of an interval lets a recorded outage last: every fourth draw (3, 7,
    /// 11, …), always with the load alternative (they are odd) and with each limiter
    /// alternative in turn.
    public static func outagePersists(draw: UInt64) -> Bool { draw % 4 == 3 }
}

/// Limiters a recording cannot tell apart. Replaying at the recorded send rates meets none of
/// them; a configuration that sends a host faster than the recording did (beyond its busiest
/// window, second or five seconds) is an extrapolation, and each of these is a different guess at what
/// the host does then.
public enum LimiterAlternative: String, Sendable, Hashable, CaseIterable {
    /// A rolling window with room beyond the recording's busiest one (twice it when the host
    /// never answered 429; ``ReplayOptions/rateLimitHeadroom``), bursts unlimited: the plain
    /// replay's guess.
    case headroom
    /// Capacities at the recording's busiest window, second and five seconds: the limit sits
    /// just above what was seen.
    case recordedPeak = "recorded-peak"
    /// The same capacities, and on Spotify a call made while it refuses lengthens the refusal
    /// (twice what was left, up to a day): a burst of concurrent callers can block it for hours,
    /// as its Retry-After did in the logs, and the run may not finish.
    case growingBlock = "growing-block"

    /// The limiter of draw `draw` of an interval: the plain replay (draw 0) keeps `headroom`,
    /// later draws take each alternative in turn.
    public static func forDraw(_ draw: UInt64) -> LimiterAlternative {
        allCases[Int(draw % UInt64(allCases.count))]
    }
}
