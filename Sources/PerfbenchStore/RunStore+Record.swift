import Foundation
import GRDB

extension RunStore {
    /// Records a run and returns its id.
    ///
    /// The run, its recordings and its stages go in one transaction: either all of it is in the
    /// history or none of it, even if the process is killed midway. When another process is
    /// recording, this waits for it (up to ``busyTimeout`` seconds).
    ///
    /// - Throws: ``StoreError/invalidEntry(reason:)`` for an entry that fails
    ///   ``RunEntry/validate()``; `.unwritable` or `.busy` (exit 74) when the write fails;
    ///   `.corrupt` (65) when SQLite finds the file damaged.
    @discardableResult
    public func record(_ entry: RunEntry) throws -> Int64 {
        try record(entry, afterRecordings: nil)
    }

    /// ``record(_:)`` with a hook run inside the transaction after the run and recording rows
    /// and before the stage rows, so tests can fail a write midway.
    func record(_ entry: RunEntry, afterRecordings hook: ((Database) throws -> Void)?) throws -> Int64 {
        guard access == .readWrite else {
            throw StoreError.invalidEntry(reason: "the history at \(path) was opened read-only")
        }
        try entry.validate()
        let phases = try Self.phasesJSON(entry.config.phases)
        return try StoreError.mapping(path: path) {
            try writer.write { db in
                try db.execute(
                    sql: """
                        INSERT INTO run (kind, created_at, config_name, config_phases, recording_set_hash,
                            recording_count, total_p50, total_p95, total_p99, verdict, perfbench_version, git_commit)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        entry.kind.rawValue, entry.createdAt, entry.config.name, phases, entry.recordingSetHash,
                        entry.recordingCount, entry.total.p50, entry.total.p95, entry.total.p99, entry.verdict,
                        entry.perfbenchVersion, entry.gitCommit,
                    ])
                let id = db.lastInsertedRowID
                let recording = try db.cachedStatement(
                    sql: """
                        INSERT INTO run_recording (run_id, position, recording_path, total_seconds)
                        VALUES (?, ?, ?, ?)
                        """)
                for (position, item) in entry.recordings.enumerated() {
                    try recording.execute(arguments: [id, position, item.path, item.totalSeconds])
                }
                try hook?(db)
                let stage = try db.cachedStatement(
                    sql: """
                        INSERT INTO run_stage (run_id, position, stage_path, p50_seconds, p95_seconds, p99_seconds)
                        VALUES (?, ?, ?, ?, ?, ?)
                        """)
                for (position, item) in entry.stages.enumerated() {
                    try stage.execute(
                        arguments: [id, position, item.path, item.seconds.p50, item.seconds.p95, item.seconds.p99])
                }
                return id
            }
        }
    }

    /// The phases as a JSON object with sorted keys: the same configuration is the same text.
    static func phasesJSON(_ phases: [String: String]) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        do {
            return String(decoding: try encoder.encode(phases), as: UTF8.self)
        } catch {
            throw StoreError.invalidEntry(reason: "the configuration's phases cannot be written as JSON")
        }
    }
}
