/// guide 3.1: the quality threshold the improvement loop compares against.
public enum QualityThreshold: Sendable, Hashable {
    /// The planner's per-mood value (baseline): 0.75 by default, 0.70 for a broad mood, 0.80 for a
    /// specific one (PIPELINE.md §2).
    case planner
    /// One fixed threshold for every mood (`QUALITY_THRESHOLD=0.70` in the guide).
    case fixed(Double)

    /// The threshold for a mood whose planner chose `plannerValue`.
    public func value(planner plannerValue: Double) -> Double {
        switch self {
        case .planner: plannerValue
        case .fixed(let value): value
        }
    }
}

extension QualityThreshold {
    /// `planner` or a number from 0 to 1.
    static let codec = PhaseCodec<QualityThreshold>(
        kind: .oneOf([.choice(["planner"]), .number(0...1)]),
        syntax: "planner | 0-1",
        parse: { text throws(PhaseValueProblem) in
            if text == "planner" { return .planner }
            do throws(PhaseValueProblem) {
                return .fixed(try PhaseText.decimal(text, in: 0...1))
            } catch {
                throw PhaseValueProblem("\(error.message) (or planner)")
            }
        },
        render: { threshold in
            switch threshold {
            case .planner: "planner"
            case .fixed(let value): PhaseText.render(decimal: value)
            }
        })
}
