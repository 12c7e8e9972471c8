import Foundation
import PerfbenchRuntime

/// Draws used across the world. SplitMix64 is the one generator: its sequence is fixed per seed on
/// every platform, so catalogues, answers and latencies are reproducible.
extension SplitMix64 {
    /// An approximately normal draw (sum of four uniforms, scaled to unit variance; bounded at
    /// ±3.46). Several times cheaper than Box–Muller, for catalogue features where exact tails do
    /// not matter; latencies use ``nextGaussian()``.
    mutating func nextApproximateGaussian() -> Double {
        let sum = nextUnit() + nextUnit() + nextUnit() + nextUnit()
        return (sum - 2) * 1.732_050_807_568_877_2
    }

    /// An integer in `0..<bound`. The modulo bias is below 2⁻⁵⁰ for the bounds used here.
    mutating func nextInt(below bound: Int) -> Int {
        precondition(bound > 0, "bound must be positive")
        return Int(next() % UInt64(bound))
    }

    /// An integer in `range`.
    mutating func nextInt(in range: ClosedRange<Int>) -> Int {
        range.lowerBound + nextInt(below: range.count)
    }

    /// A double uniformly in `range`.
    mutating func nextDouble(in range: ClosedRange<Double>) -> Double {
        range.lowerBound + (range.upperBound - range.lowerBound) * nextUnit()
    }

    /// True with probability `probability`.
    mutating func chance(_ probability: Double) -> Bool {
        nextUnit() < probability
    }
}

/// The SplitMix64 finalizer and its inverse. Being a bijection on 64 bits is what lets catalogue
/// ids encode their own index (see ``IDCodec``), so lookups need no dictionary.
enum Mix64 {
    static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    static func unmix(_ value: UInt64) -> UInt64 {
        var z = unshift(value, 31)
        z = unshift(z &* inverse2, 27)
        z = unshift(z &* inverse1, 30)
        return z
    }

    /// Inverts `x ^ (x >> shift)`: each pass fixes `shift` more high bits.
    private static func unshift(_ value: UInt64, _ shift: UInt64) -> UInt64 {
        var result = value
        var fixed = shift
        while fixed < 64 {
            result = value ^ (result >> shift)
            fixed += shift
        }
        return result
    }

    private static let inverse1 = inverse(0xBF58_476D_1CE4_E5B9)
    private static let inverse2 = inverse(0x94D0_49BB_1331_11EB)

    /// The multiplicative inverse of an odd number modulo 2⁶⁴ (Newton: correct bits double per step).
    private static func inverse(_ odd: UInt64) -> UInt64 {
        var result = odd
        for _ in 0..<6 { result = result &* (2 &- odd &* result) }
        return result
    }
}

/// FNV-1a over bytes with a final mix: a hash that, unlike `Hasher`, is the same in every process,
/// so request keys and answers derived from it are reproducible.
struct StableHasher {
    private(set) var state: UInt64 = 0xCBF2_9CE4_8422_2325

    init() {}

    init(seed: UInt64) {
        combine(seed)
    }

    mutating func combine(_ text: String) {
        for byte in text.utf8 {
            state = (state ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        // A terminator keeps ("ab", "c") and ("a", "bc") apart.
        state = (state ^ 0xFF) &* 0x0000_0100_0000_01B3
    }

    mutating func combine(_ text: Substring) {
        combine(String(text))
    }

    mutating func combine(_ value: UInt64) {
        state = Mix64.mix(state ^ value)
    }

    var value: UInt64 {
        Mix64.mix(state)
    }

    /// The hash of one string.
    static func hash(_ text: String, seed: UInt64 = 0) -> UInt64 {
        var hasher = StableHasher(seed: seed)
        hasher.combine(text)
        return hasher.value
    }
}
