import Foundation
import PerfbenchRuntime

/// The recorded latencies of one endpoint as an empirical distribution.
///
/// Quantiles interpolate linearly between order statistics (the "type 7" estimator): with the
/// sorted sample x₀ ≤ … ≤ xₙ₋₁, quantile q is x at position q·(n − 1). Drawing a latency feeds a
/// uniform number from a seeded `SplitMix64` through it, so a synthesized latency is
/// reproducible and lies within what the recording saw.
struct LatencyDistribution: Sendable, Equatable {
    /// The sample, in microseconds, sorted ascending; never empty.
    let sorted: [Int64]

    /// A distribution over `micros`, or nil when there are none.
    init?(micros: [Int64]) {
        guard !micros.isEmpty else { return nil }
        sorted = micros.sorted()
    }

    /// The value at quantile `q` (0…1).
    func quantile(_ q: Double) -> Duration {
        let clamped = min(max(q, 0), 1)
        let position = clamped * Double(sorted.count - 1)
        let lower = Int(position.rounded(.down))
        let upper = min(lower + 1, sorted.count - 1)
        let fraction = position - Double(lower)
        let value = Double(sorted[lower]) + fraction * Double(sorted[upper] - sorted[lower])
        return .microseconds(Int64(value.rounded()))
    }

    /// The median.
    var median: Duration { quantile(0.5) }

    /// A latency drawn with a generator seeded by `seed`.
    func draw(seed: UInt64) -> Duration {
        var random = SplitMix64(seed: seed)
        return quantile(random.nextUnit())
    }

    /// The spread of the latencies on a log scale, robustly: half the distance between the
    /// logarithms of the 84th and 16th percentiles (one standard deviation for a log-normal).
    var logSpread: Double {
        let low = max(quantile(0.16).seconds, 1e-6), high = max(quantile(0.84).seconds, 1e-6)
        return max(0, (log(high) - log(low)) / 2)
    }

    /// How far the slow tail reaches beyond a typical answer: p90 − p50 (never negative).
    ///
    /// A recorded timeout proves only "at least the old timeout"; the slow success that replaces
    /// it under a longer timeout lasts the old timeout plus this excess.
    var tailExcess: Duration {
        max(.zero, quantile(0.9) - quantile(0.5))
    }
}

/// Latency of an `ids=` batch as `base + perItem · n`, fitted by ordinary least squares on the
/// recording's successful batches of one endpoint.
///
/// With the batch sizes nᵢ and latencies yᵢ: perItem = Σ(nᵢ − n̄)(yᵢ − ȳ) / Σ(nᵢ − n̄)², base = ȳ −
/// perItem · n̄. The fit is used only when the batches have at least two different sizes and
/// the fit is physical (perItem ≥ 0 and base ≥ 0); otherwise every size gets the endpoint's
/// median batch latency.
struct BatchLatencyModel: Sendable, Equatable {
    /// Fixed cost per call, in seconds (nil when the fit was rejected).
    let base: Double?
    /// Cost per id, in seconds (nil when the fit was rejected).
    let perItem: Double?
    /// The median recorded batch latency: the fallback.
    let median: Duration
    /// The spread of the samples around the fit, as the standard deviation of the log ratio of
    /// each latency to the fitted one (0 without a fit or with fewer than three samples): how
    /// far one call of a size may fall from the line.
    let logSpread: Double

    /// Fits `samples` of (batch size, latency); nil without samples.
    init?(samples: [(count: Int, latency: Duration)]) {
        guard let distribution = LatencyDistribution(micros: samples.map { $0.latency.microseconds }) else { return nil }
        median = distribution.median
        let sizes = samples.map { Double($0.count) }
        let latencies = samples.map { Double($0.latency.microseconds) / 1_000_000 }
        let meanSize = sizes.reduce(0, +) / Double(sizes.count)
        let meanLatency = latencies.reduce(0, +) / Double(latencies.count)
        var covariance = 0.0
        var variance = 0.0
        for (size, latency) in zip(sizes, latencies) {
            covariance += (size - meanSize) * (latency - meanLatency)
            variance += (size - meanSize) * (size - meanSize)
        }
        let slope = variance > 0 ? covariance / variance : -1
        let intercept = meanLatency - slope * meanSize
        guard slope >= 0, intercept >= 0 else {
            base = nil
            perItem = nil
            logSpread = 0
            return
        }
        base = intercept
        perItem = slope
        let ratios = zip(sizes, latencies).compactMap { size, latency -> Double? in
            let fitted = intercept + slope * size
            return fitted > 0 && latency > 0 ? log(latency / fitted) : nil
        }
        guard ratios.count >= 3 else {
            logSpread = 0
            return
        }
        let meanRatio = ratios.reduce(0, +) / Double(ratios.count)
        logSpread = (ratios.map { ($0 - meanRatio) * ($0 - meanRatio) }.reduce(0, +) / Double(ratios.count - 1)).squareRoot()
    }

    /// The modelled latency of a batch of `count` ids.
    func latency(count: Int) -> Duration {
        guard let base, let perItem else { return median }
        return .secondsRounded(base + perItem * Double(count))
    }
}
