import GRDB

extension StoreError {
    /// The store error for a failed SQLite call on the database at `path`.
    ///
    /// Built from SQLite's result code and message only: the message names tables and columns
    /// but never the values bound to the statement, so no recorded data leaks into the text.
    static func from(_ error: DatabaseError, path: String) -> StoreError {
        let message = error.message ?? "SQLite result code \(error.resultCode.rawValue)"
        switch error.resultCode {
        case .SQLITE_CORRUPT, .SQLITE_NOTADB, .SQLITE_FORMAT:
            return .corrupt(path: path, reason: message)
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return .busy(path: path, seconds: RunStore.busyTimeout)
        case .SQLITE_CONSTRAINT, .SQLITE_MISMATCH, .SQLITE_TOOBIG, .SQLITE_RANGE:
            return .invalidEntry(reason: message)
        case .SQLITE_ERROR:
            // The statements are fixed and tested against the migrated schema, so an SQL error
            // here ("no such table", "no such column") means someone changed the schema by hand.
            return .corrupt(path: path, reason: "its tables are not the ones perfbench made: \(message)")
        default:
            // CANTOPEN, PERM, READONLY, IOERR, FULL, NOMEM, …: the file system said no.
            return .unwritable(path: path, reason: message)
        }
    }

    /// Runs `operation`, turning SQLite and row-decoding failures into store errors about
    /// `path`; other errors (a store error, a caller's own) pass through unchanged.
    static func mapping<Value>(path: String, _ operation: () throws -> Value) throws -> Value {
        do {
            return try operation()
        } catch let error as DatabaseError {
            throw from(error, path: path)
        } catch is RowDecodingError {
            // Its description quotes the row; say only what kind of problem it is.
            throw StoreError.corrupt(path: path, reason: "a stored value has the wrong type")
        }
    }
}
