import Foundation
import GRDB
import PerfbenchReport

extension RunStore {
    /// The latest `limit` runs, newest first (by `created_at`, then id), with their recordings
    /// and stages; only those of configuration `config` when it is given.
    public func runs(limit: Int, config: String? = nil) throws -> [StoredRun] {
        guard limit > 0 else { return [] }
        return try StoreError.mapping(path: path) {
            try writer.read { db in
                let filter = config == nil ? "" : "WHERE config_name = ?"
                var arguments: StatementArguments = config.map { [$0] } ?? []
                arguments += [limit]
                let rows = try Row.fetchAll(
                    db, sql: "SELECT * FROM run \(filter) ORDER BY created_at DESC, id DESC LIMIT ?",
                    arguments: arguments)
                return try rows.map { try storedRun(from: $0, db) }
            }
        }
    }

    /// The run with `id`, or nil when there is none.
    public func run(id: Int64) throws -> StoredRun? {
        try StoreError.mapping(path: path) {
            try writer.read { db in
                try Row.fetchOne(db, sql: "SELECT * FROM run WHERE id = ?", arguments: [id])
                    .map { try storedRun(from: $0, db) }
            }
        }
    }

    /// The total P95 of configuration `config`'s latest `limit` runs, oldest first, ready to
    /// draw as a trend.
    public func p95Trend(config: String, limit: Int) throws -> [TrendPoint] {
        guard limit > 0 else { return [] }
        return try StoreError.mapping(path: path) {
            try writer.read { db in
                let rows = try Row.fetchAll(
                    db,
                    sql: """
                        SELECT id, created_at, total_p95, recording_set_hash FROM run WHERE config_name = ?
                        ORDER BY created_at DESC, id DESC LIMIT ?
                        """,
                    arguments: [config, limit])
                return try rows.reversed().map { row in
                    TrendPoint(
                        runID: try row.decode(forColumn: "id"), createdAt: try row.decode(forColumn: "created_at"),
                        p95: try row.decode(forColumn: "total_p95"),
                        recordingSetHash: try row.decode(forColumn: "recording_set_hash"))
                }
            }
        }
    }

    /// How many runs the history holds (of configuration `config` only, when given).
    public func count(config: String? = nil) throws -> Int {
        try StoreError.mapping(path: path) {
            try writer.read { db in
                if let config {
                    return try Int.fetchOne(
                        db, sql: "SELECT COUNT(*) FROM run WHERE config_name = ?", arguments: [config]) ?? 0
                }
                return try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM run") ?? 0
            }
        }
    }

    /// A run row with its recording and stage rows, as the entry that was recorded.
    private func storedRun(from row: Row, _ db: Database) throws -> StoredRun {
        let id: Int64 = try row.decode(forColumn: "id")
        let count: Int = try row.decode(forColumn: "recording_count")
        let kindText: String = try row.decode(forColumn: "kind")
        guard let kind = RunKind(rawValue: kindText) else {
            throw StoreError.corrupt(path: path, reason: "run \(id) has an unknown kind")
        }
        let phasesText: String = try row.decode(forColumn: "config_phases")
        guard let phases = try? JSONDecoder().decode([String: String].self, from: Data(phasesText.utf8)) else {
            throw StoreError.corrupt(path: path, reason: "run \(id) has phases that are not a JSON object of strings")
        }
        let recordings = try Row.fetchAll(
            db, sql: "SELECT recording_path, total_seconds FROM run_recording WHERE run_id = ? ORDER BY position",
            arguments: [id]
        ).map { row in
            RunEntry.Recording(
                path: try row.decode(forColumn: "recording_path"),
                totalSeconds: try row.decode(forColumn: "total_seconds"))
        }
        let stages = try Row.fetchAll(
            db,
            sql: """
                SELECT stage_path, p50_seconds, p95_seconds, p99_seconds FROM run_stage WHERE run_id = ?
                ORDER BY position
                """,
            arguments: [id]
        ).map { row in
            RunEntry.Stage(
                path: try row.decode(forColumn: "stage_path"),
                seconds: PercentileSummary(
                    p50: try row.decode(forColumn: "p50_seconds"), p95: try row.decode(forColumn: "p95_seconds"),
                    p99: try row.decode(forColumn: "p99_seconds"), count: count))
        }
        let entry = RunEntry(
            kind: kind, createdAt: try row.decode(forColumn: "created_at"),
            config: RunConfig(name: try row.decode(forColumn: "config_name"), phases: phases),
            recordingSetHash: try row.decode(forColumn: "recording_set_hash"), recordingCount: count,
            total: PercentileSummary(
                p50: try row.decode(forColumn: "total_p50"), p95: try row.decode(forColumn: "total_p95"),
                p99: try row.decode(forColumn: "total_p99"), count: count),
            recordings: recordings, stages: stages, verdict: try row.decode(forColumn: "verdict"),
            perfbenchVersion: try row.decode(forColumn: "perfbench_version"),
            gitCommit: try row.decode(forColumn: "git_commit"))
        return StoredRun(id: id, entry: entry)
    }
}
