import Foundation
import Testing

@testable import PerfbenchPipeline

/// SPECs (CLI.md) and the layering of presets, files, environment and phase items.
@Suite("Configuration specs and sources")
struct ConfigurationSpecTests {
    @Test func specListAppliesPresetThenItemsAndNamesTheResult() throws {
        let config = try PipelineConfiguration.resolve(spec: "baseline,skip-iteration,top-tracks-batch=10")
        #expect(config.skipIteration == .guide)
        #expect(config.topTracksFetch == .batches(size: 10))
        #expect(config.differences(from: .baseline).count == 2)
        #expect(config.name == "baseline,skip-iteration=0.75/0.65,top-tracks-batch=10")
        #expect(try PipelineConfiguration.resolve(spec: config.name) == config)
    }

    @Test func presetNameAloneIsThePreset() throws {
        #expect(try PipelineConfiguration.resolve(spec: "plan-all") == Preset.named("plan-all").configuration())
    }

    @Test(arguments: ["skip-iteration=doc", "skip-iteration=on", "skip-iteration", "skip-iteration=0.75/0.65"])
    func namedAndFreeValuesAgree(_ spec: String) throws {
        #expect(try PipelineConfiguration.resolve(spec: spec).skipIteration == .guide)
    }

    @Test func presetsApplyBeforeItemsWhateverTheirPosition() throws {
        let config = try PipelineConfiguration.resolve(spec: "top-tracks-batch=7,guide-short-term")
        #expect(config.topTracksFetch == .batches(size: 7))
        #expect(config.name == "guide-short-term,top-tracks-batch=7")
    }

    @Test func laterPresetsWinAndBaselineResets() throws {
        let combined = try PipelineConfiguration.resolve(spec: "guide-immediate,plan-critical-path")
        #expect(combined.skipIteration == .guide && combined.parallelArtists == 12)
        #expect(try PipelineConfiguration.resolve(spec: "guide-immediate,baseline").hasSameValues(as: .baseline))
    }

    @Test func itemsStartFromTheGivenConfigurationUnlessAPresetResetsIt() throws {
        let recorded = try Preset.named("shipped-11-13").configuration()
        let tweaked = try ConfigurationSources(phases: ["seed-stagger=0.5"]).resolve(startingFrom: recorded)
        #expect(tweaked.skipIteration == .shipped)
        #expect(tweaked.seedStagger == .milliseconds(500))
        #expect(tweaked.name == "shipped-11-13,seed-stagger=0.5s")
        let reset = try ConfigurationSources(presets: ["baseline"], phases: ["seed-stagger=0.5"]).resolve(startingFrom: recorded)
        #expect(reset.skipIteration == nil)
        #expect(try ConfigurationSources().resolve(startingFrom: recorded) == recorded)
    }

    @Test func unknownSpecItemSuggestsAPresetOrPhase() {
        let error = #expect(throws: ConfigurationError.self) { try ConfigurationSources(spec: "baseline,plan-al") }
        #expect(error?.message == "unknown preset or phase \"plan-al\". Did you mean \"plan-all\"?")
    }

    @Test func emptySpecAndEmptyItemsAreUsageErrors() {
        #expect(throws: ConfigurationError.self) { try ConfigurationSources(spec: " ") }
        #expect(throws: ConfigurationError.self) { try ConfigurationSources(spec: "baseline,,skip-iteration") }
    }

    @Test func specNamingAFileReadsTheFile() throws {
        let file = try TemporaryFile("spec.toml", "preset = \"guide-immediate\"\n[phases]\nordering-batch = 12\n")
        let sources = try ConfigurationSources(spec: file.path)
        #expect(sources.configFile == file.path)
        let config = try sources.resolve(startingFrom: .baseline)
        #expect(config.orderingBatchSize == 12 && config.skipIteration == .guide)
        #expect(config.name == "guide-immediate,ordering-batch=12")
    }

    @Test func precedenceIsPresetThenFileThenEnvironmentThenPhaseItems() throws {
        let file = try TemporaryFile(
            "layers.toml", "preset = \"guide-config\"\n[phases]\nmax-iterations = 2\nanchor-selection-limit = 3\nordering-batch = 10\n")
        let config = try ConfigurationSources(
            configFile: file.path, environment: ["MAX_ITERATIONS": "3", "ANCHOR_SELECTION_LIMIT": "2"],
            phases: ["max-iterations=4"]
        ).resolve(startingFrom: .baseline)
        #expect(config.maxIterations == 4)  // flag beats environment
        #expect(config.anchorSelectionLimit == 2)  // environment beats file
        #expect(config.orderingBatchSize == 10)  // file beats preset
        #expect(config.fastAnchorScoring)  // preset
    }

    @Test func validateChecksFlagsWithoutReadingTheFile() {
        #expect(throws: Never.self) { try ConfigurationSources(configFile: "/nonexistent.toml", phases: ["early-exit"]).validate() }
        #expect(throws: ConfigurationError.self) { try ConfigurationSources(presets: ["nope"]).validate() }
        #expect(throws: ConfigurationError.self) { try ConfigurationSources(phases: ["early-exit=sometimes"]).validate() }
    }
}

/// A file in a fresh temporary directory, for tests that read config files from disk. The
/// directories sit in one per-process folder, removed when the test process exits.
struct TemporaryFile {
    let path: String

    init(_ name: String, _ contents: String) throws {
        let directory = URL(fileURLWithPath: Self.folder).appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let url = directory.appendingPathComponent(name)
        try Data(contents.utf8).write(to: url)
        path = url.path
    }

    private static let folder: String = {
        // A C exit hook captures nothing: it works the path out again.
        atexit { try? FileManager.default.removeItem(atPath: TemporaryFile.folderPath()) }
        return folderPath()
    }()

    private static func folderPath() -> String {
        NSTemporaryDirectory() + "perfbench-config-tests-\(ProcessInfo.processInfo.processIdentifier)"
    }
}
