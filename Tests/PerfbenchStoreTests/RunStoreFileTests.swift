import Foundation
import GRDB
import Testing

@testable import PerfbenchStore

/// What the store does with files that are not a healthy history: refuse, and leave them be.
@Suite("RunStore files")
struct RunStoreFileTests {
    @Test(arguments: [RunStore.Access.readWrite, .readOnly])
    func aFileOfTextIsReportedCorruptAndLeftUntouched(_ access: RunStore.Access) throws {
        let scratch = try ScratchDirectory()
        defer { scratch.cleanUp() }
        let path = scratch.file("x.sqlite")
        let bytes = Data(String(repeating: "not a database, just text\n", count: 158).utf8.prefix(4096))
        try bytes.write(to: URL(fileURLWithPath: path))
        let error = #expect(throws: StoreError.self) { try RunStore.open(path: path, access: access) }
        guard case .corrupt(let reported, _) = error else {
            Issue.record("expected .corrupt, got \(String(describing: error))")
            return
        }
        #expect(reported == path)
        #expect(error?.exitCode == 65)
        let message = error?.description ?? ""
        #expect(message.contains("left untouched"))
        #expect(message.contains("--db") && message.contains("--no-db") && message.contains("mv "))
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == bytes)
        // Nothing was created beside it either.
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path) == ["x.sqlite"])
    }

    @Test func aDamagedDatabaseIsReportedCorruptAndLeftUntouched() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.cleanUp() }
        let path = scratch.file("history.sqlite")
        do {
            let store = try RunStore.open(path: path)
            for day in 1...9 { try store.record(StoreFixtures.entry(createdAt: "2026-05-0\(day)T10:00:00Z", count: 40)) }
        }
        // The header survives; the pages after it are overwritten with garbage.
        var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(bytes.count > 8192)
        bytes.replaceSubrange(4096..<bytes.count, with: Data(repeating: 0xA5, count: bytes.count - 4096))
        try bytes.write(to: URL(fileURLWithPath: path))
        let error = #expect(throws: StoreError.self) { try RunStore.open(path: path) }
        #expect(error?.exitCode == 65)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == bytes)
    }

    @Test func anotherProgramsDatabaseIsRefusedAndLeftUntouched() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.cleanUp() }
        let path = scratch.file("other.sqlite")
        try DatabaseQueue(path: path).write { db in
            try db.execute(sql: "CREATE TABLE customer (id INTEGER PRIMARY KEY, name TEXT)")
        }
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let error = #expect(throws: StoreError.self) { try RunStore.open(path: path) }
        #expect(error?.description.contains("another program's database (tables: customer)") == true)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }

    @Test func aHistoryFromANewerPerfbenchIsRefused() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.cleanUp() }
        let path = scratch.file("history.sqlite")
        try RunStore.open(path: path).writer.write { db in
            try db.execute(sql: "INSERT INTO grdb_migrations VALUES ('v9-future')")
        }
        let error = #expect(throws: StoreError.self) { try RunStore.open(path: path) }
        #expect(error == .newerSchema(path: path, unknownMigrations: ["v9-future"]))
        #expect(error?.exitCode == 65)
    }

    @Test func readingAMissingFileFailsWithoutCreatingIt() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.cleanUp() }
        let path = scratch.file("Reports/perfbench.sqlite")
        let error = #expect(throws: StoreError.self) { try RunStore.open(path: path, access: .readOnly) }
        #expect(error == .missing(path: path))
        #expect(error?.exitCode == 66)
        #expect(!FileManager.default.fileExists(atPath: scratch.file("Reports")))
    }

    @Test func readingAnEmptyFileGivesNoRunsAndWritesNothing() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.cleanUp() }
        let path = scratch.file("empty.sqlite")
        #expect(FileManager.default.createFile(atPath: path, contents: nil))
        let store = try RunStore.open(path: path, access: .readOnly)
        #expect(try store.runs(limit: 5).isEmpty)
        #expect(throws: StoreError.self) { try store.record(StoreFixtures.entry()) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)).isEmpty)
    }

    @Test func readingAHistoryReadOnlySeesItsRuns() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.cleanUp() }
        let path = scratch.file("history.sqlite")
        let id = try RunStore.open(path: path).record(StoreFixtures.entry())
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        do {
            let reader = try RunStore.open(path: path, access: .readOnly)
            #expect(try reader.runs(limit: 5).map(\.id) == [id])
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        // Once every connection has closed, no -wal or -shm file is left behind.
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path) == ["history.sqlite"])
    }

    @Test func writingWhereNoFileCanBeMadeIsAnIOError() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.cleanUp() }
        // A regular file where the directory should be: refused even to root.
        let blocker = scratch.file("Reports")
        #expect(FileManager.default.createFile(atPath: blocker, contents: Data("x".utf8)))
        let error = #expect(throws: StoreError.self) { try RunStore.open(path: blocker + "/perfbench.sqlite") }
        #expect(error?.exitCode == 74)
        let directory = #expect(throws: StoreError.self) { try RunStore.open(path: scratch.path) }
        #expect(directory?.exitCode == 74)
    }
}
