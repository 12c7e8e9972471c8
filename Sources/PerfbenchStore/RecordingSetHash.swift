import Foundation
import PerfbenchReport

/// A stable name for a set of recordings: the same files with the same bytes give the same hash
/// on every machine, whatever order they were listed in.
///
/// **Definition** (`fnv1a128:` and 32 hex digits). Paths are sorted by their UTF-8 bytes
/// (duplicates kept). Each file's bytes are hashed on their own with FNV-1a 128 (see
/// ``FNV1a128``); the set hash is FNV-1a 128 over: the file count, then per file the path's
/// byte length, the path, the file's 16-byte digest and its byte length (every count a
/// little-endian `UInt64`). Every field is fixed-size or length-prefixed, so two different sets
/// cannot run together into the same stream. Each path is hashed as ``RecordingNames/relative(_:)``
/// names it (below the deepest folder the set shares), so `Recordings/corpus` and
/// `/work/main/Recordings/corpus` give the same hash: a baseline made in one directory is
/// recognised by a gate run from another.
public enum RecordingSetHash {
    /// The algorithm prefix of every hash, so a later change of algorithm is visible.
    public static let algorithm = "fnv1a128"

    /// How many bytes are read from a file at a time.
    static let chunkSize = 1 << 20

    /// The hash of the files at `paths`, read from disk in 1 MiB chunks.
    ///
    /// - Throws: ``StoreError/unreadable(path:reason:)`` when a file cannot be opened or read.
    public static func compute(files paths: [String]) throws -> String {
        try compute(paths: paths) { path, hasher in
            guard let handle = FileHandle(forReadingAtPath: path) else {
                throw StoreError.unreadable(path: path, reason: "cannot open the recording to hash it")
            }
            defer { try? handle.close() }
            do {
                while let chunk = try handle.read(upToCount: chunkSize), !chunk.isEmpty {
                    chunk.withUnsafeBytes { hasher.update($0) }
                }
            } catch {
                throw StoreError.unreadable(path: path, reason: "cannot read the recording to hash it")
            }
        }
    }

    /// The hash of the set, with each file's bytes supplied by `contents`, which feeds them
    /// (in as many pieces as it likes) into the hasher it is given.
    public static func compute(
        paths: [String], contents: (_ path: String, _ hasher: inout FNV1a128) throws -> Void
    ) rethrows -> String {
        let named = zip(RecordingNames.relative(paths), paths).sorted { $0.0.utf8.lexicographicallyPrecedes($1.0.utf8) }
        var set = FNV1a128()
        set.update(littleEndian: UInt64(named.count))
        for (name, path) in named {
            var file = FNV1a128()
            try contents(path, &file)
            set.update(littleEndian: UInt64(name.utf8.count))
            set.update(name.utf8)
            set.update(file.digest)
            set.update(littleEndian: file.byteCount)
        }
        return algorithm + ":" + set.hexDigest
    }

    /// The hash of a set given in memory, path → bytes (for tests and small inputs).
    public static func compute(contents: [String: [UInt8]]) -> String {
        compute(paths: Array(contents.keys)) { path, hasher in
            hasher.update(contents[path] ?? [])
        }
    }
}
