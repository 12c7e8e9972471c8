/// Real time and world time for a server running K times faster than the world: world time is
/// real elapsed time × K, and every latency, window and `Retry-After` the world speaks of takes
/// 1/K of it in real time.
struct TimeScale: Sendable, Hashable {
    /// K, above 0.
    let factor: Double

    /// World time after `elapsed` of real time.
    func worldTime(afterReal elapsed: Duration) -> Duration {
        factor == 1 ? elapsed : elapsed * factor
    }

    /// The real time a world latency takes.
    func realDuration(ofWorld latency: Duration) -> Duration {
        factor == 1 ? latency : latency / factor
    }

    /// A `Retry-After` value in real seconds: the world's seconds divided by K, with up to six
    /// decimals and no trailing zeros (`30` at K 1, `0.6` at K 50, `0.0001` at K 10000). Values
    /// that are not a number of seconds (an HTTP date) pass unchanged.
    func realRetryAfter(_ value: String) -> String {
        guard factor != 1, let seconds = Double(value.trimmingSpaces), seconds.isFinite, seconds >= 0 else {
            return value
        }
        return Self.decimal(seconds / factor)
    }

    /// K as the `X-Perfbench-Time-Scale` header writes it, exactly (the shortest text that reads
    /// back as the same Double): `1000`, `2.5`, `0.3333333333333333`.
    var headerValue: String {
        factor == factor.rounded() && abs(factor) < 1e15 ? String(Int64(factor)) : String(factor)
    }

    /// `seconds` with up to six decimals, trailing zeros (and a bare point) dropped.
    static func decimal(_ seconds: Double) -> String {
        let micros = (seconds * 1_000_000).rounded()
        guard micros.isFinite, micros < 9e15 else { return String(seconds) }
        let total = Int64(micros)
        let whole = total / 1_000_000
        var fraction = total % 1_000_000
        guard fraction != 0 else { return String(whole) }
        var digits = 6
        while fraction % 10 == 0 {
            fraction /= 10
            digits -= 1
        }
        let text = String(fraction)
        return "\(whole)." + String(repeating: "0", count: digits - text.count) + text
    }
}

extension String {
    fileprivate var trimmingSpaces: Substring {
        let start = firstIndex { $0 != " " } ?? endIndex
        let end = lastIndex { $0 != " " }.map { index(after: $0) } ?? start
        return self[start..<max(start, end)]
    }
}
