import Foundation
import PerfbenchRuntime

/// One endpoint's latency as a log-normal distribution fitted with its timeouts as right-censored
/// observations (issue 14 §2): a recorded timeout after T says only "longer than T".
///
/// The fit is expectation–maximisation on y = ln(latency): successes enter as they are; a timeout
/// at c enters as its expected value (and square) under the current fit, conditioned on y > ln c
/// (the truncated-normal moments μ + σλ and μ² + σ² + σ(ln c + μ)λ, λ = φ(z)/(1 − Φ(z)),
/// z = (ln c − μ)/σ); 200 rounds or until μ and σ move less than 10⁻⁹. σ is kept at 0.05 or more.
/// A replay under a longer timeout then answers a recorded timeout at T with a latency drawn
/// from the fit conditioned on exceeding T: the inverse CDF at Φ(z_T) + u·(1 − Φ(z_T)), u from a
/// seeded `SplitMix64`, so the draw is reproducible.
struct CensoredLatencyModel: Sendable, Equatable {
    /// Mean of ln(latency in seconds).
    let mu: Double
    /// Standard deviation of ln(latency in seconds).
    let sigma: Double
    /// The Pareto index of the upper tail, estimated with the censoring (nil when no success
    /// lies in the upper tail): the draw beyond a recorded timeout uses it when present.
    let tailIndex: Double?
    /// The share of the recorded timeouts that are hung calls, not the successes' slow tail:
    /// 1 − t / (timeouts recorded), where t, the likeliest number of tail timeouts, is the mode
    /// ⌊E⌋ of a Poisson count whose mean E is what the successes' own upper tail puts beyond the
    /// bound (``expectedBeyond(_:successes:calls:)``), at most every timeout. bad-day's audio
    /// features: 7 timeouts at 30 s where the successes (max 22.5 s) put 0.4 beyond it, so all
    /// 7 hung; the same world with every call slowed by the calls in flight (successes up to
    /// 28 s): 8 timeouts, E = 1.4, so 7 of 8. A draw beyond the bound is a hang with this
    /// chance: how long a hang lasts the recording cannot say, so it takes the length of hangs
    /// seen elsewhere (``hangLogRatioMean``), not the successes' shape.
    let hangShare: Double

    /// The only hangs ever watched past a timeout: issue 14's world, under a 180 s ReccoBeats
    /// timeout, answered calls that a 30 s one had cut after these many seconds.
    static let observedHangs: (timeout: Double, lengths: [Double]) = (30, [94.6, 107.5, 125.7])
    /// How long a hung call lasts, as ln(its length / the recorded timeout): the mean over
    /// ``observedHangs`` (1.286, hangs 3.2–4.2 times the timeout). A recording cut at the timeout
    /// cannot tell. Held out, the bad-day world's hangs (60–140 s behind a 30 s timeout) are
    /// 2–4.7 times it. A scale-free tail of index 1 (as likely to end within twice the timeout
    /// as not) let half of bad-day's hangs answer under a 60 s timeout, which none did; it is not
    /// used.
    static let hangLogRatioMean: Double = {
        let ratios = observedHangs.lengths.map { log($0 / observedHangs.timeout) }
        return ratios.reduce(0, +) / Double(ratios.count)
    }()
    /// The spread of that ratio in ln: three hangs of one world (their own spread 0.14) cannot
    /// show how hang lengths vary between worlds, so it is widened to 0.5 (a factor of 1.65):
    /// a hang within twice the timeout keeps a 12 % chance, one past six times it 14 %.
    static let hangLogRatioSpread = 0.5

    /// Fits `successes` and `censored` (timeouts), in microseconds; nil without a success to
    /// anchor it, or without a timeout (a tail model is only needed, and only informed, where
    /// the recording has censored data).
    init?(successes: [Int64], censored: [Int64]) {
        let observed = successes.filter { $0 > 0 }.map { log(Double($0) / 1_000_000) }
        let bounds = censored.filter { $0 > 0 }.map { log(Double($0) / 1_000_000) }
        guard observed.count >= 2, !bounds.isEmpty else { return nil }
        let n = Double(observed.count + bounds.count)
        // The successes alone: EM's start, and what the timeouts are weighed against.
        let successMu = observed.reduce(0, +) / Double(observed.count)
        let successSigma = max(
            0.05, (observed.map { ($0 - successMu) * ($0 - successMu) }.reduce(0, +) / Double(observed.count)).squareRoot())
        var mu = successMu
        var sigma = successSigma
        for _ in 0..<200 {
            var sum = observed.reduce(0, +)
            var squares = observed.map { $0 * $0 }.reduce(0, +)
            for bound in bounds {
                let z = (bound - mu) / sigma
                let lambda = Self.hazard(z)
                sum += mu + sigma * lambda
                squares += mu * mu + sigma * sigma + sigma * (bound + mu) * lambda
            }
            let nextMu = sum / n
            let nextSigma = max(0.05, (max(0, squares / n - nextMu * nextMu)).squareRoot())
            let moved = abs(nextMu - mu) + abs(nextSigma - sigma)
            mu = nextMu
            sigma = nextSigma
            if moved < 1e-9 { break }
        }
        self.mu = mu
        self.sigma = sigma
        tailIndex = Self.censoredHill(successes: successes, censored: censored)
        let timeouts = censored.filter { $0 > 0 }.sorted()
        let bound = timeouts[timeouts.count / 2]
        let beyond = Self.expectedBeyond(bound, successes: successes.filter { $0 > 0 }, calls: Int(n))
            ?? Self.upperTail((log(Double(bound) / 1_000_000) - successMu) / successSigma) * n
        // The likeliest number of tail timeouts is the Poisson mode, ⌊beyond⌋, at most all.
        hangShare = 1 - min(beyond.rounded(.down), Double(bounds.count)) / Double(bounds.count)
    }

    /// How many of `calls` the successes' own upper tail puts beyond `bound` (µs): a Pareto tail
    /// fitted by Hill's estimator to the successes above their upper quartile u, so
    /// calls × P(X > u) × (bound / u)^−α. Nil with fewer than 8 successes or 2 above u (then the
    /// caller weighs the timeouts against a log-normal of the successes). The tail, not a
    /// log-normal of every success, is what extrapolates past the slowest answer: a log-normal
    /// as wide as bad-day's (σ 1.7 in ln) puts 2.2 of 123 calls past 30 s where the successes'
    /// own tail, falling off with α = 2, puts 0.4.
    static func expectedBeyond(_ bound: Int64, successes: [Int64], calls: Int) -> Double? {
        guard let tail = hillTail(successes: successes, censored: []), Double(bound) > tail.threshold else { return nil }
        return Double(calls) * tail.shareAbove * pow(Double(bound) / tail.threshold, -tail.alpha)
    }

    /// The tail index by the censored Hill estimator (``hillTail(successes:censored:)``), kept
    /// within 0.5…20. Latencies of an overloaded upstream are heavy-tailed (a stall lasts minutes
    /// where a call takes a second), which one log-normal cannot follow past the bulk of fast
    /// answers.
    static func censoredHill(successes: [Int64], censored: [Int64]) -> Double? {
        hillTail(successes: successes, censored: censored).map { min(20, max(0.5, $0.alpha)) }
    }

    /// Hill's estimate of the upper tail above the upper quartile u (`threshold`, µs) of every
    /// observation: α = (successes above u) / Σ ln(x/u) over every observation above u, a timeout
    /// entering at its bound; `shareAbove` is the share of all observations above u. Nil with
    /// fewer than 8 observations or 2 successes above u.
    static func hillTail(successes: [Int64], censored: [Int64]) -> (threshold: Double, alpha: Double, shareAbove: Double)? {
        let all = (successes + censored).filter { $0 > 0 }.sorted()
        guard all.count >= 8 else { return nil }
        let threshold = Double(all[(all.count * 3) / 4])
        let above = successes.filter { Double($0) > threshold }.count
        let tail = (successes + censored).filter { Double($0) > threshold }
        let sum = tail.map { log(Double($0) / threshold) }.reduce(0, +)
        guard above >= 2, sum > 0 else { return nil }
        return (threshold, Double(above) / sum, Double(tail.count) / Double(all.count))
    }

    /// A latency drawn with `seed` from the fit conditioned on exceeding `bound`: a hang
    /// (``hangLength(beyond:u:)``) with chance ``hangShare``, else the successes' tail.
    func draw(beyond bound: Duration, seed: UInt64) -> Duration {
        var random = SplitMix64(seed: seed)
        let u = random.nextUnit()
        let seconds = max(Double(bound.microseconds) / 1_000_000, 1e-6)
        if random.nextUnit() < hangShare {
            return Self.hangLength(beyond: bound, u: u)
        }
        if let alpha = tailIndex {
            // Pareto beyond the bound: x = bound · (1 − u)^(−1/α).
            let drawn = seconds * pow(1 - min(u, 1 - 1e-12), -1 / alpha)
            return .microseconds(Int64((min(drawn, 36_000) * 1_000_000).rounded()))
        }
        let floor = Self.cdf((log(seconds) - mu) / sigma)
        let q = min(floor + u * (1 - floor), 1 - 1e-12)
        let drawn = exp(mu + sigma * Self.quantile(q))
        // Never shorter than what the recording proved, never past ten hours.
        let clamped = min(max(drawn, seconds), 36_000)
        return .microseconds(Int64((clamped * 1_000_000).rounded()))
    }

    /// How long a call hung past a timeout at `bound` lasts, at quantile `u` of the hangs'
    /// log-normal multiple of the bound (``hangLogRatioMean``, ``hangLogRatioSpread``); never
    /// shorter than the bound, never past ten hours.
    static func hangLength(beyond bound: Duration, u: Double) -> Duration {
        let seconds = max(Double(bound.microseconds) / 1_000_000, 1e-6)
        let z = quantile(min(max(u, 1e-12), 1 - 1e-12))
        let ratio = max(1, exp(hangLogRatioMean + hangLogRatioSpread * z))
        return .microseconds(Int64((min(seconds * ratio, 36_000) * 1_000_000).rounded()))
    }

    /// The standard normal CDF.
    static func cdf(_ z: Double) -> Double { 0.5 * erfc(-z / 2.0.squareRoot()) }

    /// 1 − Φ(z), computed directly so it stays exact far out.
    static func upperTail(_ z: Double) -> Double { 0.5 * erfc(z / 2.0.squareRoot()) }

    /// φ(z)/(1 − Φ(z)), computed from the upper tail so it stays finite far out.
    static func hazard(_ z: Double) -> Double {
        let tail = upperTail(z)
        let density = exp(-0.5 * z * z) / (2 * Double.pi).squareRoot()
        return tail > 1e-300 ? density / tail : z
    }

    /// The standard normal quantile (Acklam's rational approximation, relative error < 1.2e-9,
    /// refined by one Halley step).
    static func quantile(_ p: Double) -> Double {
        let a = [-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02,
                 -3.066479806614716e+01, 2.506628277459239e+00]
        let b = [-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01,
                 -1.328068155288572e+01]
        let c = [-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00,
                 4.374664141464968e+00, 2.938163982698783e+00]
        let d = [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00]
        let low = 0.02425
        var x: Double
        if p < low {
            let q = (-2 * log(p)).squareRoot()
            x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
                / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
        } else if p <= 1 - low {
            let q = p - 0.5, r = q * q
            x = (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
                / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
        } else {
            let q = (-2 * log(1 - p)).squareRoot()
            x = -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
                / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
        }
        let error = cdf(x) - p
        let u = error * (2 * Double.pi).squareRoot() * exp(0.5 * x * x)
        x -= u / (1 + 0.5 * x * u)
        return x
    }
}
