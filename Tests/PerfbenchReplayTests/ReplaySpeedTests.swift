import PerfbenchPipeline
import PerfbenchRecording
import PerfbenchReplay
import PerfbenchReport
import Foundation
import Testing

/// How fast a replay runs, printed rather than asserted (debug builds and shared machines are
/// too noisy for a threshold); run in release for the README figure:
/// `PERFBENCH_REPLAY_SPEED_RUNS=200 swift test -c release --filter ReplaySpeedTests`.
@Suite struct ReplaySpeedTests {
    static var runs: Int {
        ProcessInfo.processInfo.environment["PERFBENCH_REPLAY_SPEED_RUNS"].flatMap(Int.init) ?? 3
    }

    static func median(_ values: [Duration]) -> Duration {
        values.sorted()[values.count / 2]
    }

    @Test func replaySpeedIsReported() throws {
        let made = try Recorder.withFaults.get()
        let exchanges = made.recording.exchanges.count
        let clock = ContinuousClock()
        var indexed: [Duration] = []
        var replays: [Duration] = []
        var jobs = 0
        for _ in 0..<Self.runs {
            var index: ReplayIndex?
            indexed.append(clock.measure { index = ReplayIndex(recording: made.recording) })
            guard let index else { return }
            var outcome: ReplayOutcome?
            replays.append(try clock.measure {
                outcome = try ReplayRunner.replay(index: index, path: "speed", config: nil, options: ReplayOptions())
            })
            jobs = outcome?.executorJobs ?? 0
            #expect(outcome?.answers.exact == exchanges)
        }
        let replay = Self.median(replays)
        let perExchange = Double(replay.microseconds) / Double(max(1, exchanges))
        print(
            "replay speed: \(exchanges) exchanges, \(made.result.total.seconds.formatted(decimals: 1)) s virtual, "
                + "\(jobs) executor jobs; index \(Self.median(indexed).microseconds) µs, replay median "
                + "\(replay.microseconds) µs over \(Self.runs) runs (\(perExchange.formatted(decimals: 2)) µs per exchange)")
    }
}
