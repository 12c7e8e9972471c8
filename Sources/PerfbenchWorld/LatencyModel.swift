import Foundation
import PerfbenchRuntime

/// A heavy-tailed latency distribution: a lognormal body with an occasional Pareto tail.
///
/// Sample: with probability ``tailProbability`` a Pareto draw `tailMinimum · U^(−1/tailAlpha)`,
/// else `median · exp(sigma · N(0,1))`; then `perItem · items` is added and the result clamped to
/// ``minimum`` … ``maximum``. All values are seconds.
public struct LatencyModel: Sendable, Hashable {
    /// Median of the lognormal body.
    public var median: Double
    /// Shape of the body (0.2 ≈ ±20 % typical spread).
    public var sigma: Double
    /// Added per id or item the request or answer carries (batch endpoints).
    public var perItem: Double
    /// Chance that a call falls in the tail instead.
    public var tailProbability: Double
    /// Smallest tail latency (Pareto scale).
    public var tailMinimum: Double
    /// Pareto shape: lower means a heavier tail.
    public var tailAlpha: Double
    /// Floor.
    public var minimum: Double
    /// Cap.
    public var maximum: Double

    /// A model with a lognormal body of `median` and `sigma`; the tail is off by default.
    public init(
        median: Double, sigma: Double = 0.25, perItem: Double = 0, tailProbability: Double = 0,
        tailMinimum: Double = 1, tailAlpha: Double = 1.5, minimum: Double = 0.005,
        maximum: Double = 300
    ) {
        self.median = median
        self.sigma = sigma
        self.perItem = perItem
        self.tailProbability = tailProbability
        self.tailMinimum = tailMinimum
        self.tailAlpha = tailAlpha
        self.minimum = minimum
        self.maximum = maximum
    }

    /// Draws one latency in seconds. Always consumes exactly four numbers from `rng`, so the
    /// draws that follow do not depend on which branch was taken.
    public func sample(items: Int = 0, using rng: inout SplitMix64) -> Double {
        let branch = rng.nextUnit()
        let gaussian = rng.nextGaussian()
        let tailUniform = rng.nextOpenUnit()
        let base: Double
        if branch < tailProbability {
            base = tailMinimum * pow(tailUniform, -1 / max(tailAlpha, 0.1))
        } else {
            base = median * exp(sigma * gaussian)
        }
        return min(max(base + perItem * Double(items), minimum), maximum)
    }

    /// A constant latency (for tests and scripted worlds).
    public static func fixed(_ seconds: Double) -> LatencyModel {
        LatencyModel(median: seconds, sigma: 0, minimum: seconds, maximum: seconds)
    }
}
