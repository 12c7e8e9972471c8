/// A problem with the run history: which file, what is wrong, and how to fix it.
///
/// Descriptions never contain the values bound to a statement (GRDB hides them by default and
/// these messages are written from the SQLite result, not the SQL), and a database that cannot
/// be used is never overwritten, truncated or deleted: each message says so and how to go on.
public enum StoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file is not a SQLite database, is damaged, or is another program's database
    /// (exit 65). It was left untouched.
    case corrupt(path: String, reason: String)
    /// The database was written by a newer perfbench whose migrations this one does not know
    /// (exit 65). It was left untouched.
    case newerSchema(path: String, unknownMigrations: [String])
    /// There is no database at the path and it was not to be created (exit 66).
    case missing(path: String)
    /// A file could not be opened or read (exit 66).
    case unreadable(path: String, reason: String)
    /// The database could not be created or written: missing permission, read-only or full
    /// disk, a directory in the way (exit 74).
    case unwritable(path: String, reason: String)
    /// Another process held the database locked for longer than the busy timeout (exit 74).
    case busy(path: String, seconds: Double)
    /// The caller handed over something the history cannot hold, e.g. a non-finite time or a
    /// timestamp that is not ISO-8601 UTC; a bug in the caller (exit 1).
    case invalidEntry(reason: String)

    /// The process exit code of CLI.md.
    public var exitCode: Int32 {
        switch self {
        case .corrupt, .newerSchema: return 65
        case .missing, .unreadable: return 66
        case .unwritable, .busy: return 74
        case .invalidEntry: return 1
        }
    }

    /// `path: what is wrong. how to fix it.`
    public var description: String {
        switch self {
        case .corrupt(let path, let reason):
            return "\(path): not a usable perfbench history database (\(reason)). The file was left untouched. "
                + Self.ways(around: path)
        case .newerSchema(let path, let migrations):
            return "\(path): written by a newer perfbench (unknown migrations: "
                + migrations.joined(separator: ", ") + "). The file was left untouched. "
                + "Upgrade perfbench, or " + Self.ways(around: path).lowercasedFirst
        case .missing(let path):
            return "\(path): no run history there yet. replay, diff, gate and baseline record their "
                + "runs there; pass --db FILE to read another history file."
        case .unreadable(let path, let reason):
            return "\(path): \(reason). Check that the file exists and is readable."
        case .unwritable(let path, let reason):
            return "\(path): cannot write the run history (\(reason)). Check the directory's "
                + "permissions and free space, pass --db FILE to write elsewhere, or --no-db to record nothing."
        case .busy(let path, let seconds):
            return "\(path): the run history stayed locked by another process for "
                + "\(Int(seconds)) s. Retry when it has finished, or pass --db FILE to write elsewhere."
        case .invalidEntry(let reason):
            return "cannot record the run: \(reason) (a bug in perfbench; please report it)."
        }
    }

    /// The ways on when the file at `path` cannot be used: move it, or point elsewhere.
    private static func ways(around path: String) -> String {
        // The -wal file goes with it: left behind, SQLite would replay it into a new database.
        "Move it away, with any -wal and -shm file beside it, to start a new history "
            + "(e.g. mv \(path) \(path).broken), pass --db FILE to use another file, "
            + "or --no-db to record nothing."
    }
}

extension String {
    /// The string with its first character lowercased ("Move it" → "move it").
    fileprivate var lowercasedFirst: String {
        guard let first else { return self }
        return first.lowercased() + dropFirst()
    }
}
