/// guide, long term: where the caches live, and what a remote lookup costs.
///
/// Baseline keeps every cache in process memory. The guide proposes memory in front of a remote
/// Redis/Valkey; the backend shipped Redis/Valkey for everything (2025-11-10). Each remote get or
/// set is a network round trip (5–40 ms to a hosted Redis; 20 ms when not given).
public enum CacheTier: Sendable, Hashable {
    /// In-process LRU only (baseline).
    case memory
    /// In-process LRU in front of a remote store: misses in memory cost a round trip.
    case tiered(roundTrip: Duration)
    /// Every get and set goes to the remote store.
    case remote(roundTrip: Duration)

    /// The round trip assumed when a value names none.
    public static let defaultRoundTrip = Duration.milliseconds(20)

    static let roundTripRange = Duration.zero...Duration.seconds(1)
}

extension CacheTier {
    private static let syntax = "memory | tiered[/RTT] | remote[/RTT], RTT 0ms-1000ms (default 20ms)"

    /// `memory`, `tiered/20ms`, `remote/20ms`.
    static let codec = PhaseCodec<CacheTier>(
        kind: .oneOf([
            .choice(["memory"]),
            .composite([
                PhaseValuePart("tier", .choice(["tiered", "remote"])),
                PhaseValuePart("round-trip", .seconds(0...1), optional: true),
            ]),
        ]),
        syntax: syntax,
        parse: { text throws(PhaseValueProblem) in
            let parts = try PhaseText.parts(text, minimum: 1, maximum: 2, syntax: syntax)
            var roundTrip = defaultRoundTrip
            if parts.count == 2 {
                roundTrip = try PhaseText.duration(
                    parts[1], in: roundTripRange, style: .milliseconds, label: "round trip")
            }
            switch (parts[0], parts.count) {
            case ("memory", 1): return .memory
            case ("tiered", _): return .tiered(roundTrip: roundTrip)
            case ("remote", _): return .remote(roundTrip: roundTrip)
            default: throw PhaseValueProblem("must be \(syntax)")
            }
        },
        render: { tier in
            switch tier {
            case .memory: "memory"
            case .tiered(let rtt): "tiered/" + PhaseText.render(rtt, style: .milliseconds)
            case .remote(let rtt): "remote/" + PhaseText.render(rtt, style: .milliseconds)
            }
        })
}
