import Foundation
import PerfbenchPipeline
import PerfbenchRecording
import PerfbenchReplay
import PerfbenchReport
import PerfbenchServer
import PerfbenchWorld
import Testing

@Suite("perfbench record", .serialized)
struct RecordCommandTests {
    /// The scale of the live run (PERFBENCH_FIDELITY_SCALE overrides it). Every millisecond the
    /// recorder spends outside an exchange — the pipeline's own CPU work between requests, a
    /// late wake-up from a wait, a moment without a core on a loaded machine — reads as `scale`
    /// ms of world time that a replay, whose pipeline work takes no virtual time, does not have.
    /// The debug build spends 0.5–1 ms between requests: at 50 the worst stage of nov07 is 3.2 %
    /// off, at 20 this workflow stays near 1.5 % but failed 6 of 42 runs at load 2.5–5 (a late
    /// wake-up, or two concurrent generators' calls trading places at a shared min-interval
    /// gate), at 10 the worst stage stays near 1.3 % (10 of 10 runs).
    static let scale = ProcessInfo.processInfo.environment["PERFBENCH_FIDELITY_SCALE"].flatMap(Double.init) ?? 10
    /// guide197 seed 6's prompt 0 (as `perfbench synth --profile guide197 --seed 6` asks it) with
    /// a narrow seed gathering and no improvement loop: ≈ 77 world seconds (≈ 8 s of real time
    /// at scale 10), ≈ 170 requests, 12 stages of ≥ 1 s.
    static let smallWorkflow = [
        "--prompt", "relaxed vibes", "--user-id", "user-6",
        "--phase", "max-iterations=0", "--phase", "anchor-artist-limit=2", "--phase", "anchor-genre-limit=2",
        "--phase", "discovery-artist-limit=5/5/2",
    ]
    static let spotifyToken = "BQD-perfbench-test-spotify-token-7f3a9c"
    static let llmKey = "sk-perfbenchtestkey0123456789abcdefABCDEF"

    @Test func anUnreachableUpstreamExits66NamingTheURLAndWritesNothing() async throws {
        let folder = try PerfbenchCLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("live.jsonl.gz").path
        // Port 9 on loopback: nothing listens there.
        let run = try await Self.record(base: "http://127.0.0.1:9", scale: 50, extra: [], output: output)
        #expect(run.status == 66, "\(run.stderr)")
        #expect(run.stderr.contains("cannot reach"), "\(run.stderr)")
        #expect(run.stderr.contains("http://127.0.0.1:9"), "\(run.stderr)")
        #expect(run.stderr.contains("connection refused"), "\(run.stderr)")
        #expect(run.stderr.split(separator: "\n").count == 1, "one clear error: \(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: output))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }

    @Test func aBaseURLCannotCarryCredentials() async throws {
        let run = try await PerfbenchCLI.runAsync([
            "record", "--spotify-url", "http://user:secret@127.0.0.1:9", "--reccobeats-url", "http://127.0.0.1:9",
            "--llm-url", "http://127.0.0.1:9", "--output", "/tmp/never.jsonl.gz",
        ])
        #expect(run.status == 64)
        #expect(run.stderr.contains("SPOTIFY_ACCESS_TOKEN"), "\(run.stderr)")
    }

    @Test func aLiveRecordingReplaysWithinThreePercentPerStage() async throws {
        let folder = try PerfbenchCLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("live.jsonl.gz").path
        let configuration = WorldServerConfiguration(profile: .guide197, seed: 6, timeScale: Self.scale)
        let (live, mismatch) = try await WorldServer.withRunning(configuration) { served in
            let mismatch = try await Self.record(base: served, scale: Self.scale / 2, extra: [], output: path + ".other")
            let live = try await Self.record(
                base: served, scale: Self.scale, extra: Self.smallWorkflow, output: path,
                environment: ["SPOTIFY_ACCESS_TOKEN": Self.spotifyToken, "LLM_API_KEY": Self.llmKey])
            return (live, mismatch)
        }

        // A clock at another scale than the server's is a usage error naming the server's.
        #expect(mismatch.status == 64, "\(mismatch.stderr)")
        #expect(mismatch.stderr.contains("--time-scale \(Int(Self.scale))"), "\(mismatch.stderr)")
        #expect(!FileManager.default.fileExists(atPath: path + ".other"))

        try #require(live.status == 0, "\(live.stderr)")
        #expect(live.stdout.contains("s world"), "\(live.stdout)")

        // Credentials went out in headers but were never written.
        let text = try Self.decompressed(path)
        #expect(!text.contains(Self.spotifyToken))
        #expect(!text.contains(Self.llmKey))
        let secrets = try await PerfbenchCLI.runAsync(["inspect", "--secrets", path])
        #expect(secrets.status == 0, "\(secrets.stdout)\(secrets.stderr)")

        let recording = try Recording.load(from: path)
        #expect(recording.header.recorder.hasSuffix("record (time scale \(Int(Self.scale)))"))
        #expect(recording.exchanges.allSatisfy { $0.url.hasPrefix("https://api.") })

        // Live scheduling noise is the only difference; on a loaded 2-core machine (CI runs the
        // suites in parallel) one late wake-up can move a short stage by a few %, so the live run
        // gets up to three attempts and one must hold every stage within 3 %.
        var attempts: [String] = []
        // Live recordings of failed attempts, kept for a look unless a later attempt passes.
        var kept: [String] = []
        var livePath = path
        for attempt in 1...3 {
            if attempt > 1 {
                let output = folder.appendingPathComponent("live-\(attempt).jsonl.gz").path
                livePath = output
                let again = try await WorldServer.withRunning(configuration) { served in
                    try await Self.record(base: served, scale: Self.scale, extra: Self.smallWorkflow, output: output)
                }
                try #require(again.status == 0, "\(again.stderr)")
            }
            let measured = try Self.worstStage(
                of: attempt == 1 ? recording : try Recording.load(from: livePath), path: livePath)
            #expect(measured.compared >= 8, "\(measured.table)")
            if ProcessInfo.processInfo.environment["PERFBENCH_PRINT_FIDELITY"] != nil { print(measured.table) }
            if measured.worst <= 3 {
                for path in kept { try? FileManager.default.removeItem(atPath: path) }
                return
            }
            attempts.append("attempt \(attempt): worst \(measured.worst.formatted(decimals: 2)) %\n\(measured.table)")
            // Keep the live recording for a look at what the live run did differently.
            let copy = FileManager.default.temporaryDirectory
                .appendingPathComponent("perfbench-fidelity-\(UUID().uuidString).jsonl.gz")
            if (try? FileManager.default.copyItem(atPath: livePath, toPath: copy.path)) != nil {
                kept.append(copy.path)
                attempts.append("(recording kept at \(copy.path))")
            }
        }
        Issue.record("no live run held every stage of ≥ 1 s within 3 % of its replay:\n\(attempts.joined(separator: "\n"))")
    }

    /// Replays `recording` at its own configuration and compares every stage of ≥ 1 s of the
    /// live run with the replay: the worst relative error in %, how many stages, and a table.
    static func worstStage(of recording: Recording, path: String) throws -> (worst: Double, compared: Int, table: String) {
        let spans = recording.events.compactMap { event -> StageSpan? in
            if case .stage(let span) = event { return span } else { return nil }
        }
        let liveTree = TimingTree(spans: spans)
        let replay = try ReplayRunner.replay(recording: recording, path: path, config: nil, strict: false)
        #expect(replay.requests.exact == replay.requests.total, "every answer exact: \(replay.requests)")
        let replayTree = replay.timingTree
        var compared = 0
        var report: [String] = []
        var worst = 0.0
        for node in liveTree.nodes where node.micros >= 1_000_000 {
            let replayed = try #require(replayTree.node(at: node.path), "replay lacks \(node.path)")
            let error = abs(replayed.seconds - node.seconds) / node.seconds * 100
            worst = max(worst, error)
            compared += 1
            report.append(
                "\(node.path.isEmpty ? "workflow" : node.path): live \(node.seconds.formatted(decimals: 2)) s, "
                    + "replay \(replayed.seconds.formatted(decimals: 2)) s, \(error.formatted(decimals: 2)) %")
        }
        return (worst, compared, report.joined(separator: "\n"))
    }

    @Test func anUpstreamThatGoesAwayDuringTheRunStopsTheRecording() async throws {
        // The server lives 1 s of real time (50 world seconds at scale 50, in seed gathering);
        // after it shuts down new connections are refused and the recorder stops with the URL.
        let (addresses, announce) = AsyncStream<ServedWorld>.makeStream()
        let outcome = try await withThrowingTaskGroup(of: String?.self) { group in
            group.addTask {
                let configuration = WorldServerConfiguration(profile: .nov07, seed: 7, timeScale: 50)
                try await WorldServer.withRunning(configuration) { served in
                    announce.yield(served)
                    try await Task.sleep(for: .seconds(1))
                }
                return nil
            }
            var next = addresses.makeAsyncIterator()
            let served = try #require(await next.next())
            group.addTask {
                let options = LiveRecorder.Options(
                    bases: [.spotify: served.spotifyBase, .reccobeats: served.reccoBeatsBase, .llm: served.llmBase],
                    timeScale: 50, prompt: RecordCommandTests.nov07Prompt, createdAt: "2026-01-01T00:00:00Z")
                do {
                    let output = try await LiveRecorder.record(options)
                    return "finished after \(output.result.total.seconds) s"
                } catch let error as LiveRecordingError {
                    return error.description
                }
            }
            var message: String?
            while let result = try await group.next() {
                if let result { message = result }
            }
            return message
        }
        let text = try #require(outcome)
        #expect(text.contains("cannot reach"), "\(text)")
        #expect(text.contains("(connection refused)"), "\(text)")
    }

    static let nov07Prompt =
        "Caribbean rhythms, Latin beats, and island vibes with steel drums and sunny grooves for vacation mode"

    /// Runs `perfbench record` against one base for all three services (the served world, or
    /// an address where nothing listens).
    static func record(
        base: String, scale: Double, extra: [String], output: String, environment: [String: String] = [:]
    ) async throws -> PerfbenchCLI.Output {
        try await PerfbenchCLI.runAsync(
            ["record", "--spotify-url", base, "--reccobeats-url", base + "/reccobeats", "--llm-url", base,
             "--time-scale", String(scale), "--output", output] + extra,
            environment: environment)
    }

    static func record(
        base served: ServedWorld, scale: Double, extra: [String], output: String, environment: [String: String] = [:]
    ) async throws -> PerfbenchCLI.Output {
        try await PerfbenchCLI.runAsync(
            ["record", "--spotify-url", served.spotifyBase, "--reccobeats-url", served.reccoBeatsBase,
             "--llm-url", served.llmBase, "--time-scale", String(scale), "--output", output] + extra,
            environment: environment)
    }

    static func decompressed(_ path: String) throws -> String {
        String(decoding: try GzipReader(path: path).readAll(), as: UTF8.self)
    }
}
