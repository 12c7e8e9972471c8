import Foundation
import PerfbenchPipeline
import PerfbenchRecording
import PerfbenchReplay
import PerfbenchReport
import PerfbenchWorld
import Testing

/// `--latency`: what-ifs on the upstream's speed.
@Suite struct LatencyChangeTests {
    @Test func readsHostsToolsTasksAndEndpointsWithFactorsAndShifts() throws {
        #expect(try LatencyChange(parsing: "reccobeats=0.5") == LatencyChange(target: .service(.reccobeats), factor: 0.5))
        #expect(try LatencyChange(parsing: "llm=+2s") == LatencyChange(target: .service(.llm), shift: .seconds(2)))
        #expect(
            try LatencyChange(parsing: "get_album_tracks=-300ms")
                == LatencyChange(target: .tool("get_album_tracks"), shift: .milliseconds(-300)))
        #expect(try LatencyChange(parsing: "llm:energy_analysis=x2") == LatencyChange(target: .llmTask("energy_analysis"), factor: 2))
        #expect(
            try LatencyChange(parsing: "spotify:/v1/artists/{id}/top-tracks=0.5")
                == LatencyChange(target: .endpoint(.spotify, "/v1/artists/{id}/top-tracks"), factor: 0.5))
        #expect(try LatencyChange(parsing: "llm=+2s").description == "llm=+2s")
        #expect(try LatencyChange(parsing: "spotify=0.25").description == "spotify=0.25")
    }

    @Test func refusesWhatItCannotReadSayingWhatItTakes() {
        for (text, says) in [
            ("spotify", "no '='"), ("bogus=2", "'bogus' is not a target"), ("reccobeats=abc", "not a number"),
            ("reccobeats=-x", "not a duration"), ("reccobeats=nan", "not a number"), ("llm=+2h", "not a duration"),
            ("llm:nothing=2", "not a target"), ("reccobeats=1e9", "not a number"),
        ] {
            #expect(throws: LatencyChangeError.self, "\(text)") { try LatencyChange(parsing: text) }
            let message = (try? LatencyChange(parsing: text)).map { _ in "" } ?? Self.message(text)
            #expect(message.contains(says), "\(text): \(message)")
        }
    }

    static func message(_ text: String) -> String {
        do {
            _ = try LatencyChange(parsing: text)
            return ""
        } catch {
            return error.description
        }
    }

    static func world(_ name: String, seed: UInt64, prompt: Int) throws -> (profile: WorldProfile, recording: Recording) {
        let profile = try #require(WorldProfile.named(name))
        return (profile, try Synthesizer.synthesize(profile: profile, seed: seed, promptIndex: prompt).recording)
    }

    static func replay(_ recording: Recording, _ changes: [String]) throws -> RunResult {
        var options = ReplayOptions()
        options.latencyChanges = try changes.map { try LatencyChange(parsing: $0) }
        return try ReplayRunner.replay(index: ReplayIndex(recording: recording), path: "world", config: nil, options: options).run
    }

    @Test func aShiftOnOneTaskMovesItsStageByExactlyThatMuch() throws {
        let (_, recording) = try Self.world("nov07", seed: 46, prompt: 0)
        let plain = try Self.replay(recording, [])
        let shifted = try Self.replay(recording, ["llm:intent_analysis=+2s"])
        let before = try #require(plain.timingTree.node(at: "intent_analysis")?.seconds)
        let after = try #require(shifted.timingTree.node(at: "intent_analysis")?.seconds)
        #expect(abs(after - before - 2) < 1e-6)
        #expect(shifted.config.name.hasSuffix("latency llm:intent_analysis=+2s"))
        // A factor of one changes nothing at all.
        let same = try Self.replay(recording, ["spotify=1"])
        #expect(same.totalSeconds == plain.totalSeconds)
        #expect(same.stages == plain.stages)
    }

    /// The ground truth is the same world with that upstream's latencies scaled (every draw of
    /// its latency model, tails included), synthesized live under the recorded configuration.
    @Test func aFasterUpstreamPredictsTheWorldMadeFaster() throws {
        var lines: [String] = []
        for (name, seed, prompt) in [("nov07", UInt64(46), 0), ("bad-day", UInt64(1), 1)] {
            let (profile, recording) = try Self.world(name, seed: seed, prompt: prompt)
            for (service, factor) in [(Service.reccobeats, 0.5), (.spotify, 0.5), (.reccobeats, 2.0)] {
                var faster = profile
                let scale = { (model: inout LatencyModel) in
                    model.median *= factor
                    model.perItem *= factor
                    model.tailMinimum *= factor
                    model.minimum *= factor
                    model.maximum *= factor
                }
                if service == .reccobeats { faster.latency.updateReccoBeats(scale) } else { faster.latency.updateSpotify(scale) }
                let truth = try Synthesizer.synthesize(profile: faster, seed: seed, promptIndex: prompt).result.total.seconds
                let predicted = try Self.replay(recording, ["\(service.rawValue)=\(factor)"]).totalSeconds
                let error = (predicted - truth) / truth
                lines.append("\(name) \(service.rawValue)=\(factor): truth \(truth) predicted \(predicted) error \(error)")
                #expect(abs(error) < 0.15, "\(lines.last ?? "")")
            }
        }
        if ProcessInfo.processInfo.environment["PERFBENCH_PRINT_ACCURACY"] != nil { print(lines.joined(separator: "\n")) }
    }

    @Test func aRecordedTimeoutMadeFasterMaySucceed() throws {
        let (_, recording) = try Self.world("bad-day", seed: 1, prompt: 1)
        let plain = try Self.replay(recording, [])
        let faster = try Self.replay(recording, ["reccobeats=0.5"])
        let slower = try Self.replay(recording, ["reccobeats=2"])
        #expect(plain.requests.timeouts > 0)
        #expect(faster.requests.timeouts < plain.requests.timeouts)
        #expect((faster.counters[RunResult.tailDrawCounter] ?? 0) > 0)
        #expect(slower.requests.timeouts >= plain.requests.timeouts)
    }
}
