/// Reads a `Retry-After` header the one way every part of perfbench does: a number of seconds
/// (fractions allowed, as `perfbench serve` writes them), NaN, infinite and negative values
/// counting as absent, and a finite value beyond a year taken as a year, so that no upstream
/// value can trap the arithmetic of a clock or a sum (issue 18 §1).
public enum RetryAfter {
    /// The longest Retry-After honoured as given: one year, in seconds.
    public static let longestSeconds: Double = 365 * 86_400

    /// The header's value in seconds, or nil when it is not a usable number of seconds.
    public static func seconds(_ text: String) -> Double? {
        guard let value = Double(text.trimmingSpaces()), value.isFinite, value >= 0 else { return nil }
        return min(value, longestSeconds)
    }
}
