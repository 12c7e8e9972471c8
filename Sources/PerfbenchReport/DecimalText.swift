/// Locale-free decimal text for reports: the same digits on every machine and every run.
///
/// Foundation's formatters follow the user's locale (decimal commas) and `String(Double)` picks
/// the shortest round-trip form (`1e-05`), so both are unfit for golden files; this rounds to a
/// fixed number of places in integer arithmetic instead.
public enum DecimalText {
    /// `value` with exactly `decimals` places, half away from zero: `fixed(3.005, 2)` is `3.01`
    /// or `3.00` as the binary value falls, but always the same; never `-0.00`.
    public static func fixed(_ value: Double, _ decimals: Int) -> String {
        guard let (negative, whole, fraction) = split(value, decimals) else { return String(value) }
        let sign = negative ? "-" : ""
        guard decimals > 0 else { return sign + String(whole) }
        let digits = String(fraction)
        return sign + String(whole) + "." + String(repeating: "0", count: decimals - digits.count) + digits
    }

    /// `value` rounded to `decimals` places without trailing zeros (`3.5`, `12`): the JSON form.
    public static func trimmed(_ value: Double, _ decimals: Int) -> String {
        guard let (negative, whole, fraction) = split(value, decimals) else { return String(value) }
        var text = (negative ? "-" : "") + String(whole)
        guard fraction > 0 else { return text }
        var remaining = fraction
        var places = decimals
        while remaining % 10 == 0 {
            remaining /= 10
            places -= 1
        }
        let digits = String(remaining)
        text += "." + String(repeating: "0", count: places - digits.count) + digits
        return text
    }

    /// `value` with a sign always written (`+1.50`, `-0.25`, `+0.00`), for deltas.
    public static func signed(_ value: Double, _ decimals: Int) -> String {
        let text = fixed(value, decimals)
        return text.hasPrefix("-") ? text : "+" + text
    }

    /// Sign, whole part and fraction digits of `value` rounded to `decimals` places; nil when
    /// the value is not finite or too large for 64-bit arithmetic.
    private static func split(_ value: Double, _ decimals: Int) -> (Bool, UInt64, UInt64)? {
        var scale: UInt64 = 1
        for _ in 0..<max(0, decimals) { scale *= 10 }
        let scaled = (value * Double(scale)).rounded()
        guard scaled.isFinite, abs(scaled) < 9.0e18 else { return nil }
        let units = Int64(scaled)
        // A value that rounds to zero prints unsigned: `-0.00` would read as a regression.
        return (units < 0, units.magnitude / scale, units.magnitude % scale)
    }
}
