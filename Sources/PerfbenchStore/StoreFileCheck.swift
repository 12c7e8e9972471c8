import Foundation
import GRDB

/// Looks at a history file before anything may write to it.
///
/// Opening a `DatabasePool` switches the file to WAL mode, which rewrites its header, and the
/// migrations add tables: harmless for our own history, damage for anything else. So an
/// existing file is first read without SQLite (its 16-byte header), then through a read-only
/// connection (integrity check, tables, applied migrations), and refused unless it is a healthy
/// perfbench history or empty.
enum StoreFileCheck {
    /// What is at the path, when it is fit to use.
    enum State: Equatable {
        /// Nothing: a new history can be created there.
        case absent
        /// A zero-byte file, which SQLite treats as an empty database.
        case empty
        /// A healthy perfbench history (or a database with no tables yet); `complete` when every
        /// known migration has been applied.
        case history(complete: Bool)
    }

    /// The first 16 bytes of every SQLite 3 database file.
    static let sqliteHeader = Array("SQLite format 3\0".utf8)

    /// The state of `path`, or the reason it must not be used.
    static func examine(path: String, access: RunStore.Access) throws -> State {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            if access == .readOnly { throw StoreError.missing(path: path) }
            return .absent
        }
        func cannotUse(_ reason: String) -> StoreError {
            access == .readOnly ? .unreadable(path: path, reason: reason) : .unwritable(path: path, reason: reason)
        }
        if isDirectory.boolValue { throw cannotUse("it is a directory") }
        guard let handle = FileHandle(forReadingAtPath: path) else { throw cannotUse("cannot open it for reading") }
        defer { try? handle.close() }
        let header: [UInt8]
        do {
            header = Array(try handle.read(upToCount: 100) ?? Data())
        } catch {
            throw cannotUse("cannot read it")
        }
        if header.isEmpty { return .empty }
        // A database file is at least its 100-byte header, which starts with the magic string.
        guard header.count == 100, header.starts(with: sqliteHeader) else {
            throw StoreError.corrupt(path: path, reason: "it is not a SQLite database: the SQLite header is missing")
        }
        return try probe(path: path)
    }

    /// Checks a SQLite file through a read-only connection, which cannot change it.
    private static func probe(path: String) throws -> State {
        try StoreError.mapping(path: path) {
            let queue = try DatabaseQueue(path: path, configuration: RunStore.configuration(readOnly: true))
            return try queue.read { db in
                let problems = try String.fetchAll(db, sql: "PRAGMA quick_check")
                guard problems == ["ok"] else {
                    throw StoreError.corrupt(
                        path: path, reason: "SQLite's integrity check failed: \(problems.first ?? "no answer")")
                }
                let tables = Set(
                    try String.fetchAll(
                        db,
                        sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite!_%' ESCAPE '!'"
                    ))
                if tables.isEmpty { return .history(complete: false) }
                let migrator = StoreSchema.migrator
                guard tables.contains("grdb_migrations") else {
                    throw StoreError.corrupt(
                        path: path, reason: "it is another program's database (tables: \(listed(tables)))")
                }
                let applied = try migrator.appliedIdentifiers(db)
                let unknown = applied.subtracting(migrator.migrations)
                if !unknown.isEmpty {
                    // Another GRDB application's database also has grdb_migrations; only one
                    // that ran some of ours is a history from a newer perfbench.
                    guard !applied.isDisjoint(with: migrator.migrations) else {
                        throw StoreError.corrupt(
                            path: path, reason: "it is another program's database (tables: \(listed(tables)))")
                    }
                    throw StoreError.newerSchema(path: path, unknownMigrations: unknown.sorted())
                }
                let foreign = tables.subtracting(StoreSchema.tables).subtracting(["grdb_migrations"])
                guard foreign.isEmpty else {
                    throw StoreError.corrupt(
                        path: path, reason: "it holds tables perfbench did not make: \(listed(foreign))")
                }
                return .history(complete: try migrator.hasCompletedMigrations(db))
            }
        }
    }

    /// Creates the directory a new database goes in (e.g. `Reports/`), when it is missing.
    static func createDirectory(containing path: String) throws {
        let directory = (path as NSString).deletingLastPathComponent
        guard !directory.isEmpty else { return }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) {
            if isDirectory.boolValue { return }
            throw StoreError.unwritable(path: path, reason: "\(directory) is a file, not a directory")
        }
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw StoreError.unwritable(path: path, reason: "cannot create the directory \(directory)")
        }
    }

    /// Up to five names, sorted, then how many more.
    private static func listed(_ names: Set<String>) -> String {
        let sorted = names.sorted()
        let shown = sorted.prefix(5).joined(separator: ", ")
        return sorted.count > 5 ? "\(shown) and \(sorted.count - 5) more" : shown
    }
}
