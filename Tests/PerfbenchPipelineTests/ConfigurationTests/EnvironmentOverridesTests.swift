import Testing

@testable import PerfbenchPipeline

/// The guide's environment names, read from an injected dictionary.
@Suite("Environment overrides")
struct EnvironmentOverridesTests {
    private func resolve(_ environment: [String: String]) throws -> PipelineConfiguration {
        try ConfigurationSources(environment: environment).resolve(startingFrom: .baseline)
    }

    @Test func everyGuideVariableMapsToItsToggle() throws {
        let config = try resolve([
            "FAST_MODE": "true", "SKIP_ITERATION_IF_QUALITY_GOOD": "true", "MAX_ITERATIONS": "2",
            "QUALITY_THRESHOLD": "0.70", "ANCHOR_SELECTION_LIMIT": "4", "MAX_ARTISTS_FOR_DISCOVERY": "20",
            "UNRELATED": "x",
        ])
        #expect(config.fastAnchorScoring)
        #expect(config.skipIteration == .guide)
        #expect(config.maxIterations == 2)
        #expect(config.qualityThreshold == .fixed(0.70))
        #expect(config.anchorSelectionLimit == 4)
        #expect(config.discoveryLimits.artistSearchLimit == 20)
        #expect(config.differences(from: .baseline).count == 6)
        #expect(EnvironmentOverrides.variables.map(\.name) == EnvironmentOverrides.variables.map(\.name).sorted())
    }

    @Test func discoveryVariableKeepsTheOtherParts() throws {
        let start = try PipelineConfiguration.resolve(spec: "discovery-artist-limit=shipped")
        let config = try ConfigurationSources(environment: ["MAX_ARTISTS_FOR_DISCOVERY": "25"]).resolve(startingFrom: start)
        #expect(config.discoveryLimits == DiscoveryLimits(artistSearchLimit: 25, trackSearchLimit: 15, genreCount: 6))
    }

    @Test func skipIterationTrueKeepsAPolicyAlreadyOnAndFalseTurnsItOff() throws {
        let shipped = try PipelineConfiguration.resolve(spec: "skip-iteration=shipped")
        let kept = try ConfigurationSources(environment: ["SKIP_ITERATION_IF_QUALITY_GOOD": "1"]).resolve(startingFrom: shipped)
        #expect(kept.skipIteration == .shipped)
        let off = try ConfigurationSources(environment: ["SKIP_ITERATION_IF_QUALITY_GOOD": "false"]).resolve(startingFrom: shipped)
        #expect(off.skipIteration == nil)
    }

    @Test func emptyValuesAreIgnored() throws {
        #expect(try resolve(["FAST_MODE": "", "MAX_ITERATIONS": "  "]) == .baseline)
    }

    @Test(arguments: [
        ("MAX_ITERATIONS", "9", "MAX_ITERATIONS=9 (max-iterations): must be an integer from 0 to 5"),
        ("FAST_MODE", "sometimes", "FAST_MODE=sometimes: must be true or false"),
        ("MAX_ARTISTS_FOR_DISCOVERY", "0", "MAX_ARTISTS_FOR_DISCOVERY=0: must be an integer from 1 to 50"),
        ("QUALITY_THRESHOLD", "high", "QUALITY_THRESHOLD=high (quality-threshold): must be a number from 0 to 1"),
    ])
    func badValueNamesTheVariable(_ name: String, _ value: String, _ expectedPrefix: String) {
        let error = #expect(throws: ConfigurationError.self) { try resolve([name: value]) }
        #expect(error?.message.hasPrefix(expectedPrefix) == true, "\(error?.message ?? "no error")")
        #expect(error?.exitCode == 64)
    }
}
