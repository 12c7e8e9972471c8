#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

// The POSIX calls below share names with methods of the types here; these aliases keep the
// call sites unambiguous on every platform.
private func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(fd, buffer, count)
}

private func systemWrite(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
    write(fd, buffer, count)
}

private func systemClose(_ fd: Int32) -> Int32 {
    close(fd)
}

private func systemRename(_ source: String, _ destination: String) -> Int32 {
    rename(source, destination)
}

/// The current `errno` as text, for error messages.
func errnoDescription(_ code: Int32 = errno) -> String {
    guard let text = strerror(code) else { return "error \(code)" }
    return String(cString: text).lowercased()
}

/// A file open for reading with `read(2)`: no Foundation buffering, no whole-file loads.
final class InputFile {
    let path: String
    private let descriptor: Int32

    /// Opens `path`; a missing, unreadable file or a directory is an `.unreadable` error (exit 66).
    init(path: String) throws {
        self.path = path
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            let code = errno
            let fix =
                code == ENOENT
                ? "check the path, or record or import the file first"
                : "check the file's permissions"
            throw RecordingError(
                .unreadable, path: path, problem: "cannot open: \(errnoDescription(code))", fix: fix)
        }
        var status = stat()
        if fstat(fd, &status) == 0, (status.st_mode & S_IFMT) == S_IFDIR {
            _ = systemClose(fd)
            throw RecordingError(
                .unreadable, path: path, problem: "is a directory, not a file",
                fix: "pass one recording file")
        }
        descriptor = fd
    }

    deinit { _ = systemClose(descriptor) }

    /// Reads up to `buffer.count` bytes; 0 means end of file.
    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        guard let base = buffer.baseAddress, buffer.count > 0 else { return 0 }
        while true {
            let count = systemRead(descriptor, base, buffer.count)
            if count >= 0 { return count }
            if errno == EINTR { continue }
            throw RecordingError(
                .unreadable, path: path, problem: "read failed: \(errnoDescription())",
                fix: "check the disk and the file's permissions")
        }
    }
}

/// A file open for writing with `write(2)`; every error is `.writeFailed` (exit 74).
final class OutputFile {
    let path: String
    private var descriptor: Int32

    /// Creates or truncates `path`.
    init(path: String) throws {
        self.path = path
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw Self.failure(path, "cannot create: \(errnoDescription())") }
        descriptor = fd
    }

    /// Creates a new uniquely named file from a `mkstemp` template ending in `XXXXXX`.
    init(temporaryTemplate template: String) throws {
        var bytes = Array(template.utf8CString)
        let fd = bytes.withUnsafeMutableBufferPointer { buffer -> Int32 in
            guard let base = buffer.baseAddress else { return -1 }
            return mkstemp(base)
        }
        guard fd >= 0 else {
            throw Self.failure(template, "cannot create a temporary file: \(errnoDescription())")
        }
        // mkstemp makes the file 0600; a recording is an ordinary shareable file.
        _ = fchmod(fd, 0o644)
        path = String(decoding: bytes.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        descriptor = fd
        TemporaryFiles.register(path)
    }

    deinit { if descriptor >= 0 { _ = systemClose(descriptor) } }

    /// Writes all of `bytes`, retrying short writes.
    func write(_ bytes: UnsafeRawBufferPointer) throws {
        guard var base = bytes.baseAddress else { return }
        var remaining = bytes.count
        while remaining > 0 {
            let count = systemWrite(descriptor, base, remaining)
            if count < 0 {
                if errno == EINTR { continue }
                throw Self.failure(path, "write failed: \(errnoDescription())")
            }
            remaining -= count
            base += count
        }
    }

    /// Flushes to disk and closes; the file is complete only if this succeeds.
    func close() throws {
        guard descriptor >= 0 else { return }
        let fd = descriptor
        descriptor = -1
        if fsync(fd) != 0, errno != EINVAL {
            let message = errnoDescription()
            _ = closeDescriptor(fd)
            throw Self.failure(path, "flush to disk failed: \(message)")
        }
        if closeDescriptor(fd) != 0 { throw Self.failure(path, "close failed: \(errnoDescription())") }
    }

    private func closeDescriptor(_ fd: Int32) -> Int32 {
        systemClose(fd)
    }

    private static func failure(_ path: String, _ problem: String) -> RecordingError {
        RecordingError(
            .writeFailed, path: path, problem: problem,
            fix: "check that the folder exists, is writable and the disk has space")
    }
}

/// File-system helpers for the write-then-rename protocol.
enum FileSystem {
    /// Atomically replaces `destination` with `source`.
    static func rename(_ source: String, to destination: String) throws {
        let result = systemRename(source, destination)
        if result == 0 { TemporaryFiles.unregister(source) }
        guard result == 0 else {
            throw RecordingError(
                .writeFailed, path: destination, problem: "cannot move the finished file into place: \(errnoDescription())",
                fix: "check that the folder is writable")
        }
    }

    /// Deletes `path`, ignoring a file that is already gone.
    static func remove(_ path: String) {
        _ = unlink(path)
        TemporaryFiles.unregister(path)
    }

    /// Whether `path` exists.
    static func exists(_ path: String) -> Bool {
        access(path, F_OK) == 0
    }

    /// The folder part of `path` ("." when there is none).
    static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        if slash == path.startIndex { return "/" }
        return String(path[..<slash])
    }

    /// The last path component.
    static func fileName(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }
}
