import Foundation
import PerfbenchReport
import Testing

@testable import PerfbenchStore

@Suite("RunEntry")
struct RunEntryTests {
    @Test func anEntryFromRunsHoldsTheirCorpusPercentiles() {
        let runs = [40.0, 10, 30, 20].enumerated().map { StoreFixtures.run("r\($0.offset)", total: $0.element) }
        let entry = RunEntry(
            kind: .replay, runs: runs, config: StoreFixtures.baseline, recordingSetHash: "h",
            createdAt: "2026-05-01T09:30:00Z", perfbenchVersion: "0.1.0")
        #expect(entry.recordingCount == 4)
        #expect(entry.recordings.map(\.path) == ["r0", "r1", "r2", "r3"])
        #expect(entry.total == PercentileSummary([40, 10, 30, 20]))
        #expect(entry.stages.map(\.path) == ["intent_analysis", "orchestration", "orchestration/initial_generation"])
        #expect(entry.stages[0].seconds == PercentileSummary([4, 1, 3, 2]))
        #expect(entry.verdict == nil && entry.gitCommit == nil)
    }

    @Test func anEntryOfNoRunsIsEmptyButValid() throws {
        let entry = RunEntry(
            kind: .baseline, runs: [], config: StoreFixtures.baseline, recordingSetHash: "h",
            createdAt: "2026-05-01T09:30:00Z", perfbenchVersion: "0.1.0")
        #expect(entry.recordingCount == 0 && entry.stages.isEmpty)
        try entry.validate()
    }

    @Test func timestampsAreUTCToTheSecond() {
        #expect(RunEntry.timestamp(Date(timeIntervalSince1970: 0)) == "1970-01-01T00:00:00Z")
        #expect(RunEntry.timestamp(Date(timeIntervalSince1970: 1_777_627_800.9)) == "2026-05-01T09:30:00Z")
    }

    @Test(arguments: [
        ("2026-05-01T09:30:00Z", true), ("2026-05-01T09:30:00.125Z", true), ("2026-05-01T09:30:00", false),
        ("2026-05-01 09:30:00Z", false), ("2026-05-01T09:30:00+02:00", false), ("2026-05-01T09:30:00.Z", false),
    ])
    func onlyISO8601UTCTimestampsAreAccepted(_ text: String, _ accepted: Bool) {
        #expect(RunEntry.isTimestamp(text) == accepted)
    }

    @Test func validationNamesTheFirstProblem() {
        var entry = StoreFixtures.entry()
        entry.recordings[1].totalSeconds = -1
        #expect(throws: StoreError.invalidEntry(
            reason: "recording Recordings/r2.jsonl.gz has a total that is not a finite, non-negative number of seconds")
        ) { try entry.validate() }
        entry = StoreFixtures.entry()
        entry.stages.append(entry.stages[0])
        #expect(throws: StoreError.invalidEntry(reason: "stage intent_analysis is listed twice")) { try entry.validate() }
    }
}
