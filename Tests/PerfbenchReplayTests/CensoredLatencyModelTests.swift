import Foundation
import PerfbenchPipeline
import PerfbenchRuntime
import PerfbenchWorld
import Testing

@testable import PerfbenchReplay

/// A recorded timeout is censored data (issue 14 §2): the fit treats it as "longer than T".
@Suite struct CensoredLatencyModelTests {
    /// Latencies in µs drawn from a log-normal (μ, σ in ln seconds) with a fixed seed.
    static func logNormal(count: Int, mu: Double, sigma: Double, seed: UInt64) -> [Int64] {
        var random = SplitMix64(seed: seed)
        return (0..<count).map { _ in
            let z = CensoredLatencyModel.quantile(min(max(random.nextUnit(), 1e-9), 1 - 1e-9))
            return Int64((exp(mu + sigma * z) * 1_000_000).rounded())
        }
    }

    @Test func theFitRecoversALogNormalFromCensoredSamples() throws {
        let sample = Self.logNormal(count: 4_000, mu: log(2.0), sigma: 1.0, seed: 11)
        let bound: Int64 = 5_000_000  // a 5 s timeout censors ≈ 18 % of the calls
        let successes = sample.filter { $0 <= bound }
        let censored = Array(repeating: bound, count: sample.count - successes.count)
        #expect(censored.count > 500)
        let model = try #require(CensoredLatencyModel(successes: successes, censored: censored))
        #expect(abs(model.mu - log(2.0)) < 0.06, "μ \(model.mu)")
        #expect(abs(model.sigma - 1.0) < 0.06, "σ \(model.sigma)")
        // Ignoring the censoring would shrink both.
        let naive = successes.map { log(Double($0) / 1_000_000) }
        #expect(naive.reduce(0, +) / Double(naive.count) < model.mu - 0.1)
    }

    @Test func aParetoTailIsEstimatedWithItsCensoring() throws {
        // Pareto(α = 1.5) above 1 s, censored at 30 s.
        var random = SplitMix64(seed: 5)
        let sample = (0..<5_000).map { _ in Int64((pow(1 - random.nextUnit(), -1 / 1.5) * 1_000_000).rounded()) }
        let bound: Int64 = 30_000_000
        let successes = sample.filter { $0 <= bound }
        let censored = Array(repeating: bound, count: sample.count - successes.count)
        let alpha = try #require(CensoredLatencyModel.censoredHill(successes: successes, censored: censored))
        #expect(abs(alpha - 1.5) < 0.15, "α \(alpha)")
    }

    @Test func drawsLieBeyondTheRecordedTimeoutAndRepeatForASeed() throws {
        let model = try #require(
            CensoredLatencyModel(successes: Self.logNormal(count: 200, mu: 0, sigma: 0.8, seed: 3), censored: [30_000_000]))
        for seed in UInt64(0)..<200 {
            let drawn = model.draw(beyond: .seconds(30), seed: seed)
            #expect(drawn >= .seconds(30))
            #expect(drawn == model.draw(beyond: .seconds(30), seed: seed))
        }
        #expect(CensoredLatencyModel(successes: [1, 2, 3], censored: []) == nil)
        #expect(CensoredLatencyModel(successes: [1_000_000], censored: [30_000_000]) == nil)
    }

    @Test func timeoutsFarBeyondTheSuccessesAreHungCallsThatLastLikeHangsSeenElsewhere() throws {
        // bad-day's shape: fast successes (median 1.8 s, max ≈ 20 s) and 7 timeouts at 30 s, where
        // the successes' own upper tail puts well under one call beyond 30 s.
        let successes = Self.logNormal(count: 116, mu: log(1.8), sigma: 0.9, seed: 21).map { min($0, 22_000_000) }
        let hung = try #require(CensoredLatencyModel(successes: successes, censored: Array(repeating: 30_000_000, count: 7)))
        let beyond = try #require(CensoredLatencyModel.expectedBeyond(30_000_000, successes: successes, calls: 123))
        #expect(beyond < 1)
        #expect(hung.hangShare == 1)
        // A hang's length is a log-normal multiple of the bound: the share within twice the
        // bound is what that multiple puts there, not the successes' shape (which ends almost
        // every draw just past 30 s).
        let hangs = (0..<2_000).map { CensoredLatencyModel.hangLength(beyond: .seconds(30), u: (Double($0) + 0.5) / 2_000) }
        #expect(hangs.allSatisfy { $0 >= .seconds(30) })
        let hangWithinTwice = CensoredLatencyModel.cdf(
            (log(2.0) - CensoredLatencyModel.hangLogRatioMean) / CensoredLatencyModel.hangLogRatioSpread)
        let share = Double(hangs.filter { $0 <= .seconds(60) }.count) / 2_000
        #expect(abs(share - hangWithinTwice) < 0.01, "\(share) within 60 s, expected \(hangWithinTwice)")
        let median = Double(hangs[1_000].microseconds) / 30_000_000
        #expect(abs(log(median) - CensoredLatencyModel.hangLogRatioMean) < 0.01, "median \(median) × the bound")
        // One timeout among calls whose own tail reaches the bound is that tail.
        let slow = Self.logNormal(count: 116, mu: log(8.0), sigma: 0.9, seed: 22).filter { $0 < 30_000_000 }
        let tail = try #require(CensoredLatencyModel(successes: slow, censored: [30_000_000]))
        #expect(tail.hangShare == 0)
    }

    @Test func aWorldThatSlowsEveryCallUnderLoadStillShowsItsHangs() throws {
        // bad-day where each call in flight slows the next: its successes reach 28 s, so a
        // log-normal of them puts 4.5 of the 8 audio-feature timeouts past 30 s and the hangs
        // (60–140 s in that world) used to be read as a slow tail that a 60 s timeout would see
        // the end of. The successes' own upper tail puts about one there.
        let mechanics = try #require(WorldMechanics.named("stalls"))
        let profile = try #require(WorldProfile.named("bad-day")?.under(mechanics))
        let index = ReplayIndex(recording: try Synthesizer.synthesize(profile: profile, seed: 1, promptIndex: 1).recording)
        let features = try #require(index.keys.first { $0.path.hasSuffix("/audio-features") })
        let model = try #require(index.models.latencies.censoredModel(for: features))
        #expect(model.hangShare > 0.75)
        // Under a 60 s ReccoBeats timeout the world ran 774 s; replayed, the recording says
        // within 15 % of that (it said 633 s, 18 % short, when every timeout was tail).
        let config = try Preset.named("plan-critical-path").configuration()
        let truthSeconds = try Synthesizer.synthesize(profile: profile, seed: 1, promptIndex: 1, config: config).result.total.seconds
        let run = try ReplayRunner.replay(index: index, path: "bad-day", config: config, options: ReplayOptions()).run
        #expect(truthSeconds > 600)
        #expect(abs(run.totalSeconds - truthSeconds) / truthSeconds < 0.15, "\(run.totalSeconds) s against \(truthSeconds) s")
    }

    @Test func whereTheSuccessesTailExplainsSomeTimeoutsTheDrawsMixHangsAndThatTail() throws {
        // Slower successes (median 4 s, up to 29 s) and 8 timeouts at 30 s: their tail puts
        // between one and eight beyond 30 s, so some timeouts are read as that tail.
        let successes = Self.logNormal(count: 116, mu: log(4.0), sigma: 1.0, seed: 23).map { min($0, 29_000_000) }
        let model = try #require(CensoredLatencyModel(successes: successes, censored: Array(repeating: 30_000_000, count: 8)))
        let beyond = try #require(CensoredLatencyModel.expectedBeyond(30_000_000, successes: successes, calls: 124))
        #expect(beyond >= 1 && beyond < 8)
        #expect(model.hangShare == 1 - beyond.rounded(.down) / 8)
        let alpha = try #require(model.tailIndex)
        let hangWithinTwice = CensoredLatencyModel.cdf(
            (log(2.0) - CensoredLatencyModel.hangLogRatioMean) / CensoredLatencyModel.hangLogRatioSpread)
        let draws = (UInt64(0)..<4_000).map { model.draw(beyond: .seconds(30), seed: $0) }
        #expect(draws.allSatisfy { $0 >= .seconds(30) })
        let expected = model.hangShare * hangWithinTwice + (1 - model.hangShare) * (1 - pow(2, -alpha))
        let withinTwice = Double(draws.filter { $0 <= .seconds(60) }.count) / 4_000
        #expect(abs(withinTwice - expected) < 0.03, "\(withinTwice) within 60 s, expected \(expected)")
    }
}
