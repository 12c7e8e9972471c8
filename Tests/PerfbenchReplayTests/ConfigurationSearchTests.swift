import PerfbenchPipeline
import PerfbenchRecording
import PerfbenchReplay
import PerfbenchReport
import Testing

/// The optimize search, on a made-up cost model so its choices can be checked exactly: parallel
/// artists and fast anchor scoring save time, early exit saves more but costs quality, every
/// other toggle changes nothing.
@Suite struct ConfigurationSearchTests {
    static func runs(_ config: PipelineConfiguration) -> [RunResult] {
        let artists = Double(Int(Phase.phase(.parallelArtists).value(in: config)) ?? 1)
        var total = 300 - min(artists, 8) * 10
        if Phase.phase(.fastAnchorScoring).value(in: config) == "on" { total -= 40 }
        let early = Phase.phase(.earlyExit).value(in: config) == "on"
        if early { total -= 100 }
        return (0..<3).map { number in
            RunResult(
                recording: "r\(number)", config: RunConfig(config), totalSeconds: total + Double(number), stages: [],
                quality: QualityScores(overall: early ? 0.6 : 0.8, cohesion: 0.7))
        }
    }

    static func search(budget: Int, seed: UInt64 = 7, requirements: [String] = []) throws -> ConfigurationSearch.Outcome {
        let criteria = try requirements.flatMap { try Criterion.parse($0) }
        let search = ConfigurationSearch(
            base: .baseline, baseSpec: "baseline", metricName: "p50", requirements: criteria, budget: budget, seed: seed,
            batchSize: 16)
        return try search.run { configs in configs.map(Self.runs) }
    }

    @Test func findsTheCombinationThatSavesMostAndDropsWhatBuysNothing() throws {
        let outcome = try Self.search(budget: 400)
        let best = try #require(outcome.best)
        #expect(best.changes.contains("early-exit=on"))
        #expect(best.changes.contains("fast-anchor-scoring=on"))
        #expect(best.changes.contains { $0.hasPrefix("parallel-artists=") })
        // Taken out again: nothing else changes the cost model.
        #expect(best.changes.count == 3)
        #expect(best.config.name == "baseline," + best.changes.joined(separator: ","))
    }

    @Test func aRequirementKeepsTheAnswerWithinIt() throws {
        let outcome = try Self.search(budget: 400, requirements: ["quality.overall>=0.75"])
        let best = try #require(outcome.best)
        #expect(!best.changes.contains("early-exit=on"))
        #expect(best.overall >= 0.75)
        #expect(outcome.front.allSatisfy { $0.feasible })
        #expect(outcome.evaluated.contains { !$0.feasible })
    }

    @Test func theFrontHoldsNoConfigurationAnotherBeatsOnEveryCount() throws {
        let outcome = try Self.search(budget: 300)
        for member in outcome.front {
            let beaten = outcome.evaluated.contains { other in
                other.feasible && other.metric <= member.metric && other.overall >= member.overall
                    && other.requestsPerWorkflow <= member.requestsPerWorkflow
                    && (other.metric < member.metric || other.overall > member.overall)
            }
            #expect(!beaten, "\(member.changes)")
        }
        // Both trade-offs show: the fastest (early exit, lower quality) and the best quality.
        #expect(abs((outcome.front.first?.overall ?? 0) - 0.6) < 1e-9)
        #expect(outcome.front.contains { abs($0.overall - 0.8) < 1e-9 })
    }

    @Test func theSameSeedGivesTheSameSearchAndTheBudgetBoundsIt() throws {
        let one = try Self.search(budget: 120, seed: 3)
        let two = try Self.search(budget: 120, seed: 3)
        #expect(one.evaluated.map(\.changes) == two.evaluated.map(\.changes))
        #expect(one.best?.changes == two.best?.changes)
        // The budget, then a few removals that simplify the best.
        #expect(one.evaluated.count <= 120 + (one.best?.changes.count ?? 0) * 3)
        #expect(Set(one.evaluated.map(\.changes)).count == one.evaluated.count)
    }

    @Test func triesEveryToggleAtItsNamedValuesAndAcrossItsRange() {
        let artists = ConfigurationSearch.values(of: Phase.phase(.parallelArtists))
        let phase = Phase.phase(.parallelArtists)
        #expect(artists.contains(phase.baseline))
        #expect(phase.doc.map(artists.contains) ?? true)
        #expect(phase.shipped.map(artists.contains) ?? true)
        #expect(artists.contains("64"))
        #expect(Set(artists).count == artists.count)
        #expect(ConfigurationSearch.values(of: Phase.phase(.earlyExit)).sorted() == ["off", "on"])
    }
}

extension ConfigurationSearchTests {
    @Test func aFixedSearchKnowsItsWholeListBeforeAnyResult() throws {
        // Two cost models, one list: a fixed search's candidates never depend on the results.
        func candidates(_ runs: @escaping (PipelineConfiguration) -> [RunResult]) throws -> [[String]] {
            var search = ConfigurationSearch(
                base: .baseline, baseSpec: "baseline", metricName: "p50", requirements: [], budget: 400, seed: 9, batchSize: 16)
            search.strategy = .fixed
            return try search.run { configs in configs.map(runs) }.evaluated.map(\.changes)
        }
        let one = try candidates(Self.runs)
        let other = try candidates { config in Self.runs(config).map { run in var run = run; run.totalSeconds *= 2; return run } }
        #expect(one == other)
        #expect(one.count == 400)
        #expect(one.contains { $0.count >= 2 })
    }
}
