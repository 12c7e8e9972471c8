import Testing

@testable import PerfbenchPipeline

/// The presets of §7: each resolves, "+" presets build on their base, snapshots grow in time.
@Suite("Presets")
struct PresetTests {
    @Test(arguments: Preset.all.map(\.name))
    func presetResolvesUnderItsOwnName(_ name: String) throws {
        let preset = try Preset.named(name)
        let config = try preset.configuration()
        #expect(config.name == name)
        #expect(!preset.summary.isEmpty)
        let changed = try preset.changedSettings()
        #expect(name == "baseline" || !changed.isEmpty)
    }

    @Test func tableNamesArePresentAndDistinctFromPhaseIDs() {
        let names = Preset.all.map(\.name)
        for required in [
            "baseline", "guide-immediate", "guide-short-term", "guide-config", "plan-critical-path",
            "plan-high-impact", "plan-all", "shipped-11-10", "shipped-11-13",
        ] {
            #expect(names.contains(required))
        }
        #expect(Set(names).count == names.count)
        #expect(Set(names).isDisjoint(with: PhaseID.allCases.map(\.rawValue)))
    }

    @Test func guideImmediateSetsSections1Point1To1Point3() throws {
        let settings = try Preset.named("guide-immediate").changedSettings().map(\.description)
        #expect(settings == [
            "anchor-artist-limit=5", "anchor-genre-limit=4", "discovery-artist-limit=20/30/10",
            "skip-iteration=0.75/0.65",
        ])
    }

    @Test(arguments: [("guide-short-term", "guide-immediate"), ("plan-high-impact", "plan-critical-path"),
                      ("plan-all", "plan-high-impact"), ("shipped-11-13", "shipped-11-10")])
    func plusPresetKeepsEverySettingOfItsBase(_ name: String, _ base: String) throws {
        let preset = try Preset.named(name)
        #expect(preset.basedOn == base)
        let own = try preset.configuration()
        for setting in try Preset.named(base).changedSettings()
        where !preset.ownSettings.contains(where: { $0.id == setting.id }) {
            #expect(own.value(of: setting.id) == setting.value)
        }
        #expect(own.differences(from: try Preset.named(base).configuration()).isEmpty == false)
    }

    @Test func planCriticalPathSetsTheFiveSections() throws {
        let config = try Preset.named("plan-critical-path").configuration()
        #expect(config.parallelArtists == 12)
        #expect(config.topTracksCacheTTL == .seconds(7200) && config.prefetchArtistData)
        #expect(config.reccobeatsTimeout == .seconds(60))
        #expect(config.seedChunkConcurrency == 6)
        #expect(config.skipRedundantDetails)
        #expect(config.differences(from: .baseline).count == 6)
    }

    @Test func planAllSetsEveryPlanToggleToItsDocValue() throws {
        let config = try Preset.named("plan-all").configuration()
        for phase in Phase.all where phase.seedSection.hasPrefix("plan ") {
            #expect(config.value(of: phase.id) == phase.doc)
        }
    }

    @Test func guideConfigIsTheEnvBlockAlone() throws {
        let viaPreset = try Preset.named("guide-config").configuration()
        var viaEnvironment = PipelineConfiguration.baseline
        try EnvironmentOverrides.apply(
            [
                "FAST_MODE": "true", "SKIP_ITERATION_IF_QUALITY_GOOD": "true", "MAX_ITERATIONS": "1",
                "QUALITY_THRESHOLD": "0.70", "ANCHOR_SELECTION_LIMIT": "4", "MAX_ARTISTS_FOR_DISCOVERY": "20",
            ], to: &viaEnvironment)
        #expect(viaPreset.hasSameValues(as: viaEnvironment))
    }

    @Test func shippedSnapshotsUseTheDatedValues() throws {
        let early = try Preset.named("shipped-11-10").configuration()
        #expect(early.topTracksCacheTTL == .seconds(7200))
        #expect(early.cacheTier == .remote(roundTrip: CacheTier.defaultRoundTrip))
        #expect(early.skipIteration == nil)
        let later = try Preset.named("shipped-11-13").configuration()
        #expect(later.skipIteration == .shipped)
        #expect(later.topTracksFetch == .semaphore(permits: 2))
        let latest = try Preset.named("shipped-latest").configuration()
        for phase in Phase.all { #expect(latest.value(of: phase.id) == phase.shipped ?? phase.baseline) }
    }

    @Test func unknownPresetSuggestsTheNearestName() {
        let error = #expect(throws: ConfigurationError.self) { try Preset.named("guide-imediate") }
        #expect(error?.message == "unknown preset \"guide-imediate\". Did you mean \"guide-immediate\"?")
        #expect(error?.exitCode == 64)
    }
}
