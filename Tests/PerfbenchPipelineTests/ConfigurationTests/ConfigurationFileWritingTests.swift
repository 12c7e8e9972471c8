import Foundation
import PerfbenchPipeline
import Testing

/// A configuration written as a config file reads back to the same toggles.
@Suite struct ConfigurationFileWritingTests {
    @Test func aWrittenConfigFileReadsBackToTheSameToggles() throws {
        var config = PipelineConfiguration.baseline
        try config.set(.parallelArtists, to: "16")
        try config.set(.earlyExit, to: "on")
        try config.set(.reccobeatsTimeout, to: "90s")
        let text = ConfigurationFile.toml(for: config, name: "optimized", comment: ["made by a test"])
        #expect(text.hasPrefix("# made by a test\n"))
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("written-\(UInt64.random(in: 0...UInt64.max)).toml").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let read = try PipelineConfiguration.resolve(spec: path)
        #expect(read.phaseMap == config.phaseMap)
        #expect(read.name == "optimized")
    }
}
