import Foundation
import PerfbenchRecording
import Testing

@testable import PerfbenchReport

@Suite("TraceEvents")
struct TraceEventsTests {
    func events(_ text: String) throws -> [[String: Any]] {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        return try #require(object["traceEvents"] as? [[String: Any]])
    }

    @Test func lanesNeverOverlapWithinAThread() throws {
        let complete = try events(TraceEvents.render(Fixtures.run())).filter { $0["ph"] as? String == "X" }
        var byThread: [String: [(Int, Int)]] = [:]
        for event in complete {
            let ts = try #require(event["ts"] as? Int)
            let dur = try #require(event["dur"] as? Int)
            byThread["\(event["pid"] ?? 0)/\(event["tid"] ?? 0)", default: []].append((ts, ts + dur))
        }
        for (thread, intervals) in byThread {
            let sorted = intervals.sorted { $0.0 < $1.0 }
            for (a, b) in zip(sorted, sorted.dropFirst()) {
                #expect(a.1 <= b.0, "overlap on \(thread): \(a) and \(b)")
            }
        }
        #expect(complete.count == 1 + Fixtures.spans.count + Fixtures.exchanges.count + CriticalPath(Fixtures.run()).segments.count)
    }

    @Test func waitsAreSpansAndTheCriticalPathHasItsOwnThread() throws {
        var run = Fixtures.run()
        run.waitEvents = [Wait(kind: .window, tool: "get_album_tracks", startMicros: 3_000_000, durationMicros: 40_000_000, stage: "seed_based")]
        let complete = try events(TraceEvents.render(run)).filter { $0["ph"] as? String == "X" }
        let wait = try #require(complete.first { $0["cat"] as? String == "wait" })
        #expect(wait["name"] as? String == "wait window get_album_tracks")
        #expect(wait["dur"] as? Int == 40_000_000)
        let path = complete.filter { $0["cat"] as? String == "critical_path" }
        #expect(path.allSatisfy { $0["tid"] as? Int == TraceEvents.criticalPathThread })
        // The path covers the run: its segments add up to the total.
        #expect(path.compactMap { $0["dur"] as? Int }.reduce(0, +) == run.totalMicros)
        #expect(path.contains { $0["name"] as? String == "wait window get_album_tracks" })
    }

    @Test func requestsTakeTheLowestFreeLane() throws {
        let requests = try events(TraceEvents.render(Fixtures.run()))
            .filter { $0["ph"] as? String == "X" && $0["pid"] as? Int == 2 && $0["cat"] as? String != "critical_path" }
        let lanes = Dictionary(uniqueKeysWithValues: requests.map {
            (($0["args"] as? [String: Any])?["id"] as? String ?? "", $0["tid"] as? Int ?? 0)
        })
        #expect(lanes == ["x1": 1, "x4": 2, "x2": 3, "x3": 1, "x5": 3, "x6": 1])
        let first = try #require(requests.first)
        #expect(first["name"] as? String == "GET /v1/search")
        #expect(first["cat"] as? String == "spotify")
        #expect(first["dur"] as? Int == 1_000_000)
    }

    @Test func overlappingStagesAtOneDepthGetTheirOwnLanes() throws {
        let stages = try events(TraceEvents.render(Fixtures.run()))
            .filter { $0["ph"] as? String == "X" && $0["pid"] as? Int == 1 }
        let tid = { (name: String) in stages.first { $0["name"] as? String == name }?["tid"] as? Int }
        #expect(tid("workflow") == 1)
        #expect(tid("intent_analysis") == 2)
        #expect(tid("artist_based") != tid("seed_based"))
        #expect(tid("anchor_selection") == tid("artist_based"))
    }

    @Test func namesProcessesAndThreadsWithMetadata() throws {
        let metadata = try events(TraceEvents.render(Fixtures.run())).filter { $0["ph"] as? String == "M" }
        let names = metadata.filter { $0["name"] as? String == "thread_name" }
            .compactMap { ($0["args"] as? [String: Any])?["name"] as? String }
        #expect(names.contains("workflow"))
        #expect(names.contains("stages, level 4 (lane 2)"))
        #expect(names.contains("lane 3"))
        #expect(!names.contains("lane 4"))
        let processes = metadata.filter { $0["name"] as? String == "process_name" }
        #expect(processes.count == 2)
    }

    @Test func severalRunsGetSeparateProcesses() throws {
        let pids = Set(try events(TraceEvents.render(runs: [Fixtures.run(), Fixtures.run()])).compactMap { $0["pid"] as? Int })
        #expect(pids == [1, 2, 3, 4])
    }
}

@Suite("LaneAssignment")
struct LaneAssignmentTests {
    @Test func touchingIntervalsShareALane() {
        #expect(LaneAssignment.assign([(0, 10), (10, 20), (20, 30)]) == [0, 0, 0])
    }

    @Test func usesAsManyLanesAsThePeakConcurrency() {
        let intervals = [(0, 10), (1, 4), (2, 5), (4, 8), (5, 12), (11, 13)]
        let lanes = LaneAssignment.assign(intervals)
        #expect(lanes == [0, 1, 2, 1, 2, 0])
        #expect(lanes.max() == 2)
    }

    @Test func onATiedStartTheLongerIntervalTakesTheLowerLane() {
        #expect(LaneAssignment.assign([(0, 5), (0, 9), (0, 7)]) == [2, 0, 1])
    }

    @Test func resultIsInInputOrderWhateverTheOrderGiven() {
        #expect(LaneAssignment.assign([(5, 6), (0, 10)]) == [1, 0])
    }
}
