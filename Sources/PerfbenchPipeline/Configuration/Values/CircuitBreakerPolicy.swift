/// plan 5.3: stop calling ReccoBeats after consecutive failures, and try again after a pause.
///
/// The plan: open the circuit after 3 consecutive failures, retry after 30 s. Never shipped.
public struct CircuitBreakerPolicy: Sendable, Hashable {
    /// Consecutive failures that open the circuit.
    public var failureThreshold: Int
    /// How long the circuit stays open before one trial call is let through.
    public var cooldown: Duration

    /// Creates a policy.
    public init(failureThreshold: Int, cooldown: Duration) {
        self.failureThreshold = failureThreshold
        self.cooldown = cooldown
    }

    /// The plan's proposal: 3 failures, 30 s.
    public static let plan = CircuitBreakerPolicy(failureThreshold: 3, cooldown: .seconds(30))

    static let failureRange = 1...100
    static let cooldownRange = Duration.seconds(1)...Duration.seconds(600)
}

extension CircuitBreakerPolicy {
    private static let syntax = "FAILURES[/COOLDOWN], failures 1-100, cooldown 1s-600s (default 30s)"

    /// `3/30s`; `5` alone keeps the 30 s cooldown.
    static let codec = PhaseCodec<CircuitBreakerPolicy>(
        kind: .composite([
            PhaseValuePart("failures", .integer(failureRange)),
            PhaseValuePart("cooldown", .seconds(1...600), optional: true),
        ]),
        syntax: syntax,
        parse: { text throws(PhaseValueProblem) in
            let parts = try PhaseText.parts(text, minimum: 1, maximum: 2, syntax: syntax)
            var policy = CircuitBreakerPolicy.plan
            policy.failureThreshold = try PhaseText.integer(parts[0], in: failureRange, label: "failures")
            if parts.count == 2 {
                policy.cooldown = try PhaseText.duration(
                    parts[1], in: cooldownRange, style: .seconds, label: "cooldown")
            }
            return policy
        },
        render: { "\($0.failureThreshold)/" + PhaseText.render($0.cooldown, style: .seconds) })
}
