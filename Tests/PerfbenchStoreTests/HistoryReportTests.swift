import Testing

@testable import PerfbenchStore

@Suite("HistoryReport")
struct HistoryReportTests {
    /// Three baseline runs with a rising P95 and one fast run, recorded a day apart.
    static func sampleStore() throws -> RunStore {
        let store = try RunStore.inMemory()
        for day in 1...3 {
            try store.record(
                StoreFixtures.entry(
                    kind: day == 3 ? .gate : .replay, createdAt: "2026-05-0\(day)T10:00:00Z", scale: Double(day),
                    verdict: day == 3 ? "regression" : nil))
        }
        var fast = StoreFixtures.entry(config: StoreFixtures.fast, createdAt: "2026-05-02T12:00:00Z", scale: 0.5)
        fast.gitCommit = nil
        try store.record(fast)
        return store
    }

    @Test func theTextListsRunsNewestFirstThenTrends() throws {
        let report = try HistoryReport(store: try Self.sampleStore(), limit: 20)
        #expect(
            report.text() == """
                Runs in :memory:: the latest 4 of 4, newest first

                  ID  TIME                  KIND    CONFIG    RECS  P50 s  P95 s  P99 s  VERDICT     COMMIT
                   3  2026-05-03T10:00:00Z  gate    baseline     3  60.00  90.00  90.00  regression  0123abcd
                   4  2026-05-02T12:00:00Z  replay  fast         3  10.00  15.00  15.00  -           -
                   2  2026-05-02T10:00:00Z  replay  baseline     3  40.00  60.00  60.00  -           0123abcd
                   1  2026-05-01T10:00:00Z  replay  baseline     3  20.00  30.00  30.00  -           0123abcd

                Total P95 trend per configuration, oldest to newest:
                  baseline  ▁▅█  30.00 s → 90.00 s (+200.0%), 3 runs
                  fast      ▄  15.00 s, 1 run

                """)
    }

    @Test func theLimitAndConfigurationFilterApplyToListAndTrend() throws {
        let report = try HistoryReport(store: try Self.sampleStore(), limit: 2, config: "baseline")
        #expect(report.runs.map(\.id) == [3, 2])
        #expect(report.totalCount == 3)
        #expect(report.trends.map(\.config) == ["baseline"])
        #expect(report.trends[0].points.map(\.p95) == [60, 90])
    }

    @Test func theJSONHasStableKeysAndNulls() throws {
        let report = try HistoryReport(store: try Self.sampleStore(), limit: 1, config: "fast")
        #expect(
            report.json() == """
                {
                  "schema": "perfbench.history/1",
                  "db": ":memory:",
                  "total_runs": 1,
                  "runs": [
                    {
                      "id": 4,
                      "created_at": "2026-05-02T12:00:00Z",
                      "kind": "replay",
                      "config": {
                        "name": "fast",
                        "phases": {
                          "skip-iteration": "on",
                          "top-tracks-batch": "10"
                        }
                      },
                      "recording_set_hash": "fnv1a128:0123456789abcdef0123456789abcdef",
                      "recordings": 3,
                      "total_seconds": {
                        "p50": 10,
                        "p95": 15,
                        "p99": 15
                      },
                      "verdict": null,
                      "perfbench_version": "0.1.0",
                      "git_commit": null
                    }
                  ],
                  "trends": [
                    {
                      "config": "fast",
                      "points": [
                        {
                          "id": 4,
                          "created_at": "2026-05-02T12:00:00Z",
                          "p95": 15,
                          "recording_set_hash": "fnv1a128:0123456789abcdef0123456789abcdef"
                        }
                      ]
                    }
                  ]
                }

                """)
    }

    @Test func anEmptyHistorySaysSo() throws {
        let report = try HistoryReport(store: try RunStore.inMemory(), limit: 20)
        #expect(report.text() == "No runs recorded in :memory: yet.\n")
    }

    @Test func trendsFlagMixedRecordingSetsAndDrawFlatLinesMidway() {
        let points = [("a", 10.0), ("b", 10.0)].enumerated().map { index, item in
            TrendPoint(runID: Int64(index), createdAt: "2026-05-01T10:00:00Z", p95: item.1, recordingSetHash: item.0)
        }
        #expect(HistoryReport.trendLine(points) == "▄▄  10.00 s → 10.00 s (+0.0%), 2 runs; over 2 recording sets, so not all comparable")
        #expect(HistoryReport.sparkline([0, 1, 2, 3, 4, 5, 6, 7]) == "▁▂▃▄▅▆▇█")
    }
}
