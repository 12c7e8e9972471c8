import Foundation
import GRDB
import Testing

@testable import PerfbenchStore

@Suite("RunStore")
struct RunStoreTests {
    @Test(arguments: StoreLocation.allCases)
    func migrationsAreAppliedOnceAndReopeningChangesNothing(_ location: StoreLocation) throws {
        try StoreFixtures.withStore(location) { store throws in
            let migrations = try store.writer.read { db in
                try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY identifier")
            }
            #expect(migrations == ["v1-runs"])
            // Migrating again is a no-op, not an error.
            try StoreSchema.migrator.migrate(store.writer)
            let tables = try store.writer.read { db in
                try String.fetchAll(
                    db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'run%' ORDER BY name")
            }
            #expect(tables == ["run", "run_recording", "run_stage"])
            #expect(try store.writer.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM grdb_migrations") } == 1)
        }
    }

    @Test func reopeningAFileKeepsItsRunsAndItsSchema() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.cleanUp() }
        let path = scratch.file("history.sqlite")
        let id = try RunStore.open(path: path).record(StoreFixtures.entry())
        let reopened = try RunStore.open(path: path)
        #expect(try reopened.run(id: id)?.entry == StoreFixtures.entry())
        let migrations = try reopened.writer.read { db in try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations") }
        #expect(migrations == ["v1-runs"])
    }

    @Test func anOnDiskHistoryIsInWALModeWithForeignKeysOn() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.cleanUp() }
        let store = try RunStore.open(path: scratch.file("history.sqlite"))
        let (journalMode, foreignKeys) = try store.writer.read { db in
            (try String.fetchOne(db, sql: "PRAGMA journal_mode"), try Bool.fetchOne(db, sql: "PRAGMA foreign_keys"))
        }
        #expect(journalMode == "wal")
        #expect(foreignKeys == true)
    }

    @Test(arguments: StoreLocation.allCases)
    func aRecordedEntryReadsBackEqual(_ location: StoreLocation) throws {
        try StoreFixtures.withStore(location) { store throws in
            let entry = StoreFixtures.entry(kind: .gate, count: 20, verdict: "pass")
            let id = try store.record(entry)
            let stored = try #require(try store.run(id: id))
            #expect(stored.entry == entry)
            #expect(stored.entry.recordings.count == 20)
            #expect(stored.entry.stages.map(\.path) == ["intent_analysis", "orchestration", "orchestration/initial_generation"])
            // Nearest rank over 10, 20, … 200 s: P50 is the 10th value, P95 the 19th.
            #expect(stored.entry.total == .init(p50: 100, p95: 190, p99: 200, count: 20))
            #expect(try store.runs(limit: 10) == [stored])
        }
    }

    @Test(arguments: StoreLocation.allCases)
    func optionalFieldsRoundTripAsNull(_ location: StoreLocation) throws {
        try StoreFixtures.withStore(location) { store throws in
            var entry = StoreFixtures.entry()
            entry.gitCommit = nil
            entry.verdict = nil
            entry.config.phases = [:]
            let id = try store.record(entry)
            #expect(try store.run(id: id)?.entry == entry)
        }
    }

    @Test(arguments: StoreLocation.allCases)
    func configPhasesAreStoredAsJSONWithSortedKeys(_ location: StoreLocation) throws {
        try StoreFixtures.withStore(location) { store throws in
            let id = try store.record(StoreFixtures.entry())
            let text = try store.writer.read { db in
                try String.fetchOne(db, sql: "SELECT config_phases FROM run WHERE id = ?", arguments: [id])
            }
            #expect(text == #"{"skip-iteration":"off","top-tracks-batch":"5"}"#)
        }
    }

    @Test(arguments: StoreLocation.allCases)
    func aTransactionThatFailsMidwayLeavesNoRun(_ location: StoreLocation) throws {
        struct Interrupted: Error {}
        try StoreFixtures.withStore(location) { store throws in
            try store.record(StoreFixtures.entry(createdAt: "2026-05-01T09:00:00Z"))
            #expect(throws: Interrupted.self) {
                try store.record(StoreFixtures.entry(count: 5), afterRecordings: { _ in throw Interrupted() })
            }
            #expect(try store.count() == 1)
            // The failed run's recording rows went with it.
            let rows = try store.writer.read { db in
                try Int.fetchOne(db, sql: "SELECT (SELECT COUNT(*) FROM run_recording) + (SELECT COUNT(*) FROM run_stage)")
            }
            #expect(rows == 3 + 3)
        }
    }

    @Test(arguments: StoreLocation.allCases)
    func aFailedWriteDescribesTheProblemWithoutTheBoundValues(_ location: StoreLocation) throws {
        try StoreFixtures.withStore(location) { store throws in
            let secret = "token-4f9a-do-not-print"
            let error = #expect(throws: StoreError.self) {
                try store.record(StoreFixtures.entry()) { db in
                    // Position 0 is taken by the first recording: a primary-key violation.
                    try db.execute(
                        sql: "INSERT INTO run_recording VALUES ((SELECT MAX(id) FROM run), 0, ?, 1)", arguments: [secret])
                }
            }
            let text = error?.description ?? ""
            #expect(text.contains("UNIQUE constraint failed: run_recording.run_id, run_recording.position"))
            #expect(!text.contains(secret))
            #expect(try store.count() == 0)
        }
    }

    @Test(arguments: StoreLocation.allCases)
    func anInvalidEntryIsRefusedBeforeAnythingIsWritten(_ location: StoreLocation) throws {
        try StoreFixtures.withStore(location) { store throws in
            var entry = StoreFixtures.entry()
            entry.stages[1].seconds.p95 = .nan
            #expect(throws: StoreError.self) { try store.record(entry) }
            var late = StoreFixtures.entry()
            late.createdAt = "1 May 2026"
            let error = #expect(throws: StoreError.self) { try store.record(late) }
            #expect(error?.exitCode == 1)
            #expect(try store.count() == 0)
        }
    }

    @Test(arguments: StoreLocation.allCases)
    func deletingARunCascadesToItsRows(_ location: StoreLocation) throws {
        try StoreFixtures.withStore(location) { store throws in
            let id = try store.record(StoreFixtures.entry())
            let rows = try store.writer.write { db in
                try db.execute(sql: "DELETE FROM run WHERE id = ?", arguments: [id])
                return try Int.fetchOne(db, sql: "SELECT (SELECT COUNT(*) FROM run_recording) + (SELECT COUNT(*) FROM run_stage)")
            }
            #expect(rows == 0)
            // And a row for a run that does not exist is refused.
            #expect(throws: DatabaseError.self) {
                try store.writer.write { db in try db.execute(sql: "INSERT INTO run_stage VALUES (999, 0, 'x', 1, 2, 3)") }
            }
        }
    }

    @Test(arguments: StoreLocation.allCases)
    func runsAreListedNewestFirstUpToTheLimit(_ location: StoreLocation) throws {
        try StoreFixtures.withStore(location) { store throws in
            // Recorded out of time order; two share a second, so the id breaks the tie.
            let times = ["2026-05-02T10:00:00Z", "2026-05-01T10:00:00Z", "2026-05-03T10:00:00Z", "2026-05-03T10:00:00Z"]
            var ids: [Int64] = []
            for (index, time) in times.enumerated() {
                let config = index.isMultiple(of: 2) ? StoreFixtures.baseline : StoreFixtures.fast
                ids.append(try store.record(StoreFixtures.entry(config: config, createdAt: time)))
            }
            #expect(try store.runs(limit: 10).map(\.id) == [ids[3], ids[2], ids[0], ids[1]])
            #expect(try store.runs(limit: 2).map(\.id) == [ids[3], ids[2]])
            #expect(try store.runs(limit: 10, config: "fast").map(\.id) == [ids[3], ids[1]])
            #expect(try store.runs(limit: 10, config: "nope").isEmpty)
            #expect(try store.runs(limit: 0).isEmpty)
        }
    }

    @Test(arguments: StoreLocation.allCases)
    func theP95TrendIsPerConfigurationOldestFirst(_ location: StoreLocation) throws {
        try StoreFixtures.withStore(location) { store throws in
            for day in 1...4 {
                let time = "2026-05-0\(day)T10:00:00Z"
                try store.record(StoreFixtures.entry(config: StoreFixtures.baseline, createdAt: time, scale: Double(day)))
                try store.record(StoreFixtures.entry(config: StoreFixtures.fast, createdAt: time, scale: 0.5))
            }
            // Three runs of 10, 20, 30 s × scale: nearest-rank P95 is the third, 30 s × scale.
            #expect(try store.p95Trend(config: "baseline", limit: 10).map(\.p95) == [30, 60, 90, 120])
            #expect(try store.p95Trend(config: "baseline", limit: 2).map(\.createdAt) == ["2026-05-03T10:00:00Z", "2026-05-04T10:00:00Z"])
            #expect(try store.p95Trend(config: "fast", limit: 10).map(\.p95) == [15, 15, 15, 15])
            #expect(try store.p95Trend(config: "other", limit: 10).isEmpty)
        }
    }
}
