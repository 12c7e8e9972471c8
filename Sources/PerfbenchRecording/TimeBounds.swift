/// The range of times and durations perfbench accepts from outside (a recording line, a HAR
/// field, a log line, a header): at most ten years, in microseconds. Anything beyond, negative
/// where a duration is meant, NaN or infinite is refused where it enters, so arithmetic on
/// times never overflows: the sum of a few thousand such values stays far below `Int.max`.
public enum TimeBounds {
    /// Ten years in microseconds (3.15 × 10¹⁴), far below `Int64.max` (9.2 × 10¹⁸).
    public static let maxMicros = 315_360_000_000_000

    /// The accepted range in words, for error messages.
    public static let description = "0 to 315,360,000 seconds (ten years)"

    /// `value` in units of `unitMicros` microseconds (1,000 for milliseconds, 1,000,000 for
    /// seconds) as whole microseconds; nil when it is not finite, negative or beyond ten years.
    public static func micros(_ value: Double, unitMicros: Double) -> Int? {
        guard value.isFinite, value >= 0 else { return nil }
        let micros = (value * unitMicros).rounded()
        guard micros <= Double(maxMicros) else { return nil }
        return Int(micros)
    }

    /// `micros` when it lies in 0…`maxMicros`, else nil.
    public static func checked(_ micros: Int) -> Int? {
        micros >= 0 && micros <= maxMicros ? micros : nil
    }
}
