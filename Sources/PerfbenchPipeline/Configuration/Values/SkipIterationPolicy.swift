/// guide 1.1: when the first quality evaluation is good enough, skip the improvement loop.
///
/// The guide checks `overall ≥ 0.75 and cohesion ≥ 0.65` on the evaluation it already has; the
/// backend shipped `≥ 0.75 and ≥ 0.60` with one extra LLM evaluation made first (2025-11-13).
public struct SkipIterationPolicy: Sendable, Hashable {
    /// Minimum overall score for the skip.
    public var overallThreshold: Double
    /// Minimum cohesion score for the skip.
    public var cohesionThreshold: Double
    /// Whether one extra evaluation (one more LLM call) is made before deciding, as shipped.
    public var extraEvaluationFirst: Bool

    /// Creates a policy.
    public init(overallThreshold: Double, cohesionThreshold: Double, extraEvaluationFirst: Bool = false) {
        self.overallThreshold = overallThreshold
        self.cohesionThreshold = cohesionThreshold
        self.extraEvaluationFirst = extraEvaluationFirst
    }

    /// The guide's proposal: overall ≥ 0.75 and cohesion ≥ 0.65, no extra call.
    public static let guide = SkipIterationPolicy(overallThreshold: 0.75, cohesionThreshold: 0.65)

    /// What shipped on 2025-11-13: ≥ 0.75 and ≥ 0.60, one extra LLM evaluation first.
    public static let shipped = SkipIterationPolicy(
        overallThreshold: 0.75, cohesionThreshold: 0.60, extraEvaluationFirst: true)

    /// Whether scores this good skip the improvement loop (both thresholds are inclusive).
    public func allowsSkip(overall: Double, cohesion: Double) -> Bool {
        overall >= overallThreshold && cohesion >= cohesionThreshold
    }
}

extension SkipIterationPolicy {
    private static let syntax = "OVERALL/COHESION[/extra-eval], scores 0-1"

    /// `0.75/0.65` or `0.75/0.6/extra-eval`.
    static let codec = PhaseCodec<SkipIterationPolicy>(
        kind: .composite([
            PhaseValuePart("overall", .number(0...1)),
            PhaseValuePart("cohesion", .number(0...1)),
            PhaseValuePart("extra-evaluation", .choice(["extra-eval"]), optional: true),
        ]),
        syntax: syntax,
        parse: { text throws(PhaseValueProblem) in
            let parts = try PhaseText.parts(text, minimum: 2, maximum: 3, syntax: syntax)
            if parts.count == 3, parts[2] != "extra-eval" {
                throw PhaseValueProblem("the third part must be extra-eval or left out")
            }
            return SkipIterationPolicy(
                overallThreshold: try PhaseText.decimal(parts[0], in: 0...1, label: "overall"),
                cohesionThreshold: try PhaseText.decimal(parts[1], in: 0...1, label: "cohesion"),
                extraEvaluationFirst: parts.count == 3)
        },
        render: { policy in
            let thresholds = PhaseText.render(decimal: policy.overallThreshold) + "/"
                + PhaseText.render(decimal: policy.cohesionThreshold)
            return policy.extraEvaluationFirst ? thresholds + "/extra-eval" : thresholds
        })
}
