import Foundation
import GRDB

/// The run history: a SQLite database (through GRDB) of every replay, diff, gate and baseline
/// run, with its totals, stages and percentiles.
///
/// On disk it is a WAL-mode `DatabasePool` with a busy timeout, so several perfbench processes
/// can record at once and each waits its turn instead of failing; each run is written in one
/// transaction, so a process killed midway leaves no half-written run. An existing file that is
/// not a healthy perfbench history is refused with ``StoreError/corrupt(path:reason:)`` and
/// left exactly as it was.
public struct RunStore: Sendable {
    /// How a store is opened.
    public enum Access: Sendable, Equatable {
        /// Read and record; a missing file (and its directory) is created.
        case readWrite
        /// Read only: a missing file is ``StoreError/missing(path:)`` and nothing is written.
        case readOnly
    }

    /// How long a writer waits for another process's transaction before giving up, in seconds.
    /// Recording a run takes milliseconds on an idle disk, but a loaded 2-core machine was seen
    /// taking ≈ 0.25 s per transaction with a second writer recording back to back, which kept
    /// the other waiting past 10 s; 30 s runs out only when a process is stuck.
    public static let busyTimeout: Double = 30

    /// The database file, or `:memory:`.
    public let path: String
    /// How the store was opened.
    public let access: Access
    /// The connection(s): a pool on disk, a queue in memory or when reading a file read-only.
    let writer: any DatabaseWriter

    /// Opens (creating when `access` is `.readWrite`) the history at `path` and migrates it.
    ///
    /// - Throws: ``StoreError``: `.corrupt` or `.newerSchema` (exit 65) for a file that is not
    ///   a usable history, which is left untouched; `.missing` (66) when reading a file that is
    ///   not there; `.unwritable` or `.busy` (74) when the location cannot be written.
    public static func open(path: String, access: Access = .readWrite) throws -> RunStore {
        switch try StoreFileCheck.examine(path: path, access: access) {
        case .absent:
            try StoreFileCheck.createDirectory(containing: path)
            return try openPool(path: path)
        case .empty, .history(complete: false):
            guard access == .readWrite else {
                // An empty or never-migrated file holds no runs; stand in an empty history
                // instead of writing the schema into a file we were asked only to read.
                return RunStore(path: path, access: .readOnly, writer: try emptyHistory())
            }
            return try openPool(path: path)
        case .history(complete: true):
            guard access == .readWrite else {
                // Not a SQLITE_OPEN_READONLY connection: one of those cannot remove the -wal and
                // -shm files it makes when it closes. `query_only` refuses writes all the same.
                var configuration = configuration(readOnly: false)
                configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA query_only = ON") }
                let queue = try StoreError.mapping(path: path) {
                    try DatabaseQueue(path: path, configuration: configuration)
                }
                return RunStore(path: path, access: .readOnly, writer: queue)
            }
            return try openPool(path: path)
        }
    }

    /// A new, empty history in memory, for tests and `--no-db` style dry runs.
    public static func inMemory() throws -> RunStore {
        RunStore(path: ":memory:", access: .readWrite, writer: try emptyHistory())
    }

    /// The GRDB configuration every connection uses.
    static func configuration(readOnly: Bool) -> Configuration {
        var configuration = Configuration()
        configuration.label = "perfbench.history"
        configuration.readonly = readOnly
        // Explicit although it is GRDB's default: ON DELETE CASCADE and the run_id references
        // rely on it.
        configuration.foreignKeysEnabled = true
        // Another process recording at the same moment holds the write lock for milliseconds;
        // wait for it rather than fail with SQLITE_BUSY.
        configuration.busyMode = .timeout(busyTimeout)
        return configuration
    }

    /// Opens a WAL pool on `path` (DatabasePool sets `journal_mode=WAL` when it opens) and
    /// brings the schema up to date.
    private static func openPool(path: String) throws -> RunStore {
        let pool = try StoreError.mapping(path: path) {
            try DatabasePool(path: path, configuration: configuration(readOnly: false))
        }
        try migrate(pool, path: path)
        return RunStore(path: path, access: .readWrite, writer: pool)
    }

    /// A migrated in-memory queue.
    private static func emptyHistory() throws -> DatabaseQueue {
        try StoreError.mapping(path: ":memory:") {
            let queue = try DatabaseQueue(configuration: configuration(readOnly: false))
            try StoreSchema.migrator.migrate(queue)
            return queue
        }
    }

    /// Applies the migrations not applied yet.
    ///
    /// Two processes opening a new file at once may both see a migration as pending; the second
    /// then fails on tables the first just created. Migrating again re-reads what was applied
    /// and finds nothing left to do, so one retry settles the race.
    private static func migrate(_ writer: some DatabaseWriter, path: String) throws {
        try StoreError.mapping(path: path) {
            let migrator = StoreSchema.migrator
            if try writer.read({ try migrator.hasCompletedMigrations($0) }) { return }
            do {
                try migrator.migrate(writer)
            } catch let error as DatabaseError
                where error.resultCode == .SQLITE_ERROR || error.resultCode == .SQLITE_CONSTRAINT
            {
                try migrator.migrate(writer)
            }
        }
    }
}
