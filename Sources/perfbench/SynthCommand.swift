import ArgumentParser
import Foundation
import PerfbenchPipeline
import PerfbenchRecording
import PerfbenchRuntime
import PerfbenchWorld

/// `perfbench synth`: recordings from the simulated upstream world.
struct SynthCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "synth",
        abstract: "Write recordings of workflows run against the simulated Spotify, ReccoBeats and LLM.",
        discussion: """
            Runs the pipeline (baseline unless configured) against a seeded simulated world on \
            virtual time and writes one native recording per workflow to --output, named \
            PROFILE-sSEED-pINDEX.jsonl.gz. The same profile, seed and index always give the same \
            file, byte for byte. No network is used.

            Profiles: default, nov07 (the 2025-11-07 run, 306 s), oct31 (the 2025-10-31 run, \
            227 s), guide197 (the guide's 197 s run), bad-day (ReccoBeats at its worst).

            \(WorldOptions.discussion)

            \(ConfigOptions.discussion)

            Examples:
              perfbench synth --output Recordings/corpus --profile nov07 --count 20 --seed 3
              perfbench synth --output /tmp/truth --profile guide197 --preset guide-immediate
            """
    )

    @Option(help: "Folder to write the recordings to (created if missing).")
    var output: String

    @Option(help: "Workflows to synthesize (prompts 0..N-1 of the seed's world).")
    var count: Int = 1

    @Option(help: "World seed: fixes the catalogue, the prompts and every latency.")
    var seed: UInt64 = 1

    @OptionGroup var world: WorldOptions

    @Option(help: "First prompt index (with --count, prompts INDEX..INDEX+N-1).")
    var promptIndex: Int = 0

    @Option(help: "Use this prompt text instead of the world's generated prompts.")
    var prompt: String?

    @OptionGroup var config: ConfigOptions

    func validate() throws {
        guard (1...10_000).contains(count) else { throw ValidationError("--count must be between 1 and 10000.") }
    }

    func run() throws {
        guard let profile = world.world else { return }
        let configuration = try config.resolve(startingFrom: .baseline)
        do {
            try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
        } catch {
            throw ExitStatus.ioError.fail("cannot create \(output): \(error.localizedDescription)")
        }
        for index in promptIndex..<(promptIndex + count) {
            let made = try Synthesizer.synthesize(
                profile: profile, seed: seed, promptIndex: index, config: configuration, prompt: prompt)
            let path = (output as NSString).appendingPathComponent(made.fileName)
            do {
                try made.recording.write(to: path)
            } catch let error as RecordingError {
                throw ExitStatus(rawValue: error.exitCode)?.fail(error.description) ?? ExitCode(error.exitCode)
            }
            print(
                "\(path): \(made.result.total.seconds.formatted(decimals: 2)) s, "
                    + "\(made.result.counters.totalRequests) requests")
        }
    }
}
