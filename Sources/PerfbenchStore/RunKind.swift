/// What kind of perfbench command produced a stored run.
public enum RunKind: String, Sendable, Equatable, Hashable, CaseIterable, Codable {
    /// `perfbench replay`.
    case replay
    /// `perfbench diff` (the candidate side).
    case diff
    /// `perfbench gate`.
    case gate
    /// `perfbench baseline`.
    case baseline
}
