import GRDB

/// The history's schema as named, append-only migrations.
///
/// **Never edit a registered migration**: databases in the field have run it already and
/// will not run it again. Change the schema by appending a new migration (`v2-…`).
///
/// The SQL is written out rather than built with GRDB's table DSL so that each migration is
/// fixed text that cannot drift with a library upgrade. Tables are `STRICT` (SQLite ≥ 3.37),
/// so a value of the wrong type is refused on write instead of surprising a reader; foreign
/// keys are enforced (GRDB turns them on for every connection).
enum StoreSchema {
    /// The migrator with every migration, in order.
    static let migrator: DatabaseMigrator = {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-runs", migrate: createRuns)
        return migrator
    }()

    /// The tables perfbench makes, besides GRDB's `grdb_migrations`.
    static let tables: Set<String> = ["run", "run_recording", "run_stage"]

    /// v1: runs, their per-recording totals and their per-stage percentiles.
    private static func createRuns(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE run (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    kind TEXT NOT NULL CHECK (kind IN ('replay', 'diff', 'gate', 'baseline')),
                    -- ISO-8601 UTC from the caller; this form sorts by time as text.
                    created_at TEXT NOT NULL
                        CHECK (created_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]*Z'),
                    config_name TEXT NOT NULL CHECK (config_name <> ''),
                    -- JSON object, toggle id -> value text, keys sorted.
                    config_phases TEXT NOT NULL CHECK (json_valid(config_phases)),
                    recording_set_hash TEXT NOT NULL,
                    recording_count INTEGER NOT NULL CHECK (recording_count >= 0),
                    total_p50 REAL NOT NULL,
                    total_p95 REAL NOT NULL,
                    total_p99 REAL NOT NULL,
                    verdict TEXT,
                    perfbench_version TEXT NOT NULL,
                    git_commit TEXT
                ) STRICT;
                CREATE INDEX run_by_time ON run (created_at, id);
                CREATE INDEX run_by_config ON run (config_name, created_at, id);

                CREATE TABLE run_recording (
                    run_id INTEGER NOT NULL REFERENCES run (id) ON DELETE CASCADE,
                    -- Replay order; a corpus may list the same file twice.
                    position INTEGER NOT NULL,
                    recording_path TEXT NOT NULL,
                    total_seconds REAL NOT NULL,
                    PRIMARY KEY (run_id, position)
                ) STRICT;

                CREATE TABLE run_stage (
                    run_id INTEGER NOT NULL REFERENCES run (id) ON DELETE CASCADE,
                    -- Tree order, so a stored run reads back in the order reports print.
                    position INTEGER NOT NULL,
                    stage_path TEXT NOT NULL,
                    p50_seconds REAL NOT NULL,
                    p95_seconds REAL NOT NULL,
                    p99_seconds REAL NOT NULL,
                    PRIMARY KEY (run_id, position),
                    UNIQUE (run_id, stage_path)
                ) STRICT;
                """)
    }
}
