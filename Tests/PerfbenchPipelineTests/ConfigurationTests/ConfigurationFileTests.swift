import Testing

@testable import PerfbenchPipeline

/// Config files in TOML and JSON: the documented schema, and errors with file and line.
@Suite("Configuration files")
struct ConfigurationFileTests {
    static let toml = """
        # perf.toml
        name = "fast-anchors"              # the configuration's name in reports
        preset = ["guide-immediate", "plan-critical-path"]

        [phases]
        top-tracks-batch = 10
        skip-iteration = "shipped"
        fast-anchor-scoring = true
        "reccobeats-timeout" = '90s'
        quality-threshold = 0.70
        chunk-size = "10-15/2x"
        """

    static let json = """
        { "schema": "perfbench.config/1", "name": "fast-anchors",
          "preset": ["guide-immediate", "plan-critical-path"],
          "phases": { "top-tracks-batch": 10, "skip-iteration": "shipped", "fast-anchor-scoring": true,
                      "reccobeats-timeout": "90s", "quality-threshold": 0.70, "chunk-size": "10-15/2x" } }
        """

    @Test(arguments: [("perf.toml", toml), ("perf.json", json)])
    func documentedSchemaParsesTheSameInBothFormats(_ path: String, _ text: String) throws {
        let file = try ConfigurationFile.parse(text, path: path)
        #expect(file.name == "fast-anchors")
        #expect(file.presets.map(\.value) == ["guide-immediate", "plan-critical-path"])
        #expect(file.phases.map(\.value.description) == [
            "top-tracks-batch=10", "skip-iteration=shipped", "fast-anchor-scoring=on", "reccobeats-timeout=90s",
            "quality-threshold=0.70", "chunk-size=10-15/2x",
        ])
    }

    @Test func fileResolvesOnTopOfItsPresetsUnderItsName() throws {
        let file = try TemporaryFile("perf.toml", Self.toml)
        let config = try ConfigurationSources(configFile: file.path, phases: ["ordering-batch=12"]).resolve(startingFrom: .baseline)
        #expect(config.parallelArtists == 12)  // plan-critical-path
        #expect(config.skipIteration == .shipped)  // file beats guide-immediate
        #expect(config.reccobeatsTimeout == .seconds(90))
        #expect(config.name == "fast-anchors,ordering-batch=12")
    }

    @Test func aGateReadsRequireFromTheFileAndOthersIgnoreIt() throws {
        let file = try ConfigurationFile.parse(
            "preset = \"plan-critical-path\"\nrequire = [\"plan\", \"total.p95<=90s\"]\n", path: "perf.toml")
        #expect(file.requirements.map(\.value) == ["plan", "total.p95<=90s"])
        #expect(file.requirements.first?.line == 2)
        #expect(try ConfigurationFile.parse("require = \"guide\"\n", path: "perf.toml").requirements.map(\.value) == ["guide"])
        #expect(throws: ConfigurationError.self) { try ConfigurationFile.parse("require = 3\n", path: "perf.toml") }
    }

    @Test func tomlSyntaxErrorNamesTheLine() {
        let error = #expect(throws: ConfigurationError.self) {
            try ConfigurationFile.parse("preset = \"baseline\"\n\n[phases]\nseed-stagger = fast\n", path: "bad.toml")
        }
        #expect(error?.description == "bad.toml:4: unexpected value fast: strings need quotes, e.g. \"fast\"")
        #expect(error?.exitCode == 65)
    }

    @Test func jsonSyntaxErrorNamesTheLine() {
        let error = #expect(throws: ConfigurationError.self) {
            try ConfigurationFile.parse("{\n  \"phases\": {\n    \"seed-stagger\": 0\n    \"early-exit\": true\n  }\n}\n", path: "bad.json")
        }
        #expect(error?.description == "bad.json:4: expected ',' or '}' after the value of \"seed-stagger\"")
        #expect(error?.exitCode == 65)
    }

    @Test(arguments: [
        ("[phases]\nparalel-artists = 4\n", "x.toml:2: unknown phase \"paralel-artists\". Did you mean \"parallel-artists\"?"),
        ("[phases]\n\nparallel-artists = 0\n", "x.toml:3: parallel-artists=0: must be an integer from 1 to 64"),
        ("presets = \"baseline\"\n", "x.toml:1: unknown key \"presets\". Did you mean \"preset\"?"),
        ("preset = \"guide-imediate\"\n", "x.toml:1: unknown preset \"guide-imediate\". Did you mean \"guide-immediate\"?"),
        ("[phase]\nearly-exit = true\n", "x.toml:1: unknown key \"phase\". Did you mean \"phases\"?"),
        ("phases = 3\n", "x.toml:1: phases must be a table"),
        ("[phases]\nearly-exit = true\nearly-exit = false\n", "x.toml:3: duplicate key \"early-exit\""),
        ("phases.early-exit = true\n", "x.toml:1: dotted keys are not supported"),
        ("name = \"\"\"x\"\"\"\n", "x.toml:1: multi-line strings"),
        ("[phases]\nearly-exit = { on = true }\n", "x.toml:2: inline tables"),
        ("[[phases]]\n", "x.toml:1: arrays of tables"),
        ("name = \"a\" extra\n", "x.toml:1: unexpected text after the value"),
        ("schema = \"perfbench.config/9\"\n", "x.toml:1: unsupported schema"),
    ])
    func malformedTOMLIsRejectedWithFileAndLine(_ text: String, _ expectedPrefix: String) {
        let error = #expect(throws: ConfigurationError.self) { try ConfigurationFile.parse(text, path: "x.toml") }
        #expect(error?.description.hasPrefix(expectedPrefix) == true, "\(error?.description ?? "no error")")
        #expect(error?.exitCode == 65)
    }

    @Test func jsonDuplicateKeysAndWrongTypesAreErrors() {
        let duplicate = #expect(throws: ConfigurationError.self) {
            try ConfigurationFile.parse("{\"name\": \"a\",\n \"name\": \"b\"}", path: "d.json")
        }
        #expect(duplicate?.description == "d.json:2: duplicate key \"name\"")
        let wrongType = #expect(throws: ConfigurationError.self) {
            try ConfigurationFile.parse("{\"phases\": {\"early-exit\": [1]}}", path: "t.json")
        }
        #expect(wrongType?.description == "t.json:1: early-exit must be a string, a number or a boolean, not an array")
    }

    @Test func missingFileExits66() {
        let error = #expect(throws: ConfigurationError.self) {
            try ConfigurationFile.load(path: "/nonexistent/perfbench/config.toml")
        }
        #expect(error?.exitCode == 66)
        #expect(error?.description == "/nonexistent/perfbench/config.toml: no such config file")
    }

    @Test func formatIsSniffedWhenTheExtensionSaysNothing() throws {
        #expect(try ConfigurationFile.parse("{\"name\": \"j\"}", path: "perf.conf").name == "j")
        #expect(try ConfigurationFile.parse("name = \"t\"", path: "perf.conf").name == "t")
    }

    @Test func tomlStringsUnderstandEscapesAndNumbersUnderscores() throws {
        let file = try ConfigurationFile.parse(
            "name = \"tab\\there \\u00e9\"\n[phases]\nretry-after-cap = 1_000\n", path: "e.toml")
        #expect(file.name == "tab\there é")
        #expect(file.phases.first?.value.value == "1000")
    }
}
