import CZlib

/// Streams bytes into a gzip file through zlib's deflate.
///
/// Output goes to the file in 256 KiB pieces as it is compressed, so memory stays flat however
/// much is written. `finishMember()` ends one gzip member and starts another (readers see the
/// concatenation); `finish()` ends the last member and closes the file. Not thread-safe.
public final class GzipWriter {
    /// The path being written.
    public let path: String
    /// Uncompressed bytes written so far.
    public private(set) var uncompressedBytes: UInt64 = 0

    private let file: OutputFile?
    private var memory: [UInt8] = []
    private let stream: UnsafeMutablePointer<z_stream>
    private var output: [UInt8]
    private var closed = false

    /// Creates (or truncates) `path`. `level` is zlib's 1 (fast) … 9 (small); 6 is gzip's default.
    public convenience init(path: String, level: Int32 = 6) throws {
        try self.init(file: OutputFile(path: path), path: path, level: level)
    }

    init(file: OutputFile?, path: String, level: Int32) throws {
        self.file = file
        self.path = path
        output = [UInt8](repeating: 0, count: 256 << 10)
        stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        stream.initialize(to: z_stream())
        // windowBits 15+16 writes a gzip header and CRC-32/ISIZE trailer; memLevel 8 is the default.
        let status = deflateInit2_(
            stream, max(1, min(level, 9)), Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY, zlibVersion(),
            Int32(MemoryLayout<z_stream>.size))
        guard status == Z_OK else {
            stream.deinitialize(count: 1)
            stream.deallocate()
            throw RecordingError(
                .writeFailed, path: path, field: "gzip", problem: "zlib could not start (status \(status))",
                fix: "free some memory and retry")
        }
    }

    deinit {
        deflateEnd(stream)
        stream.deinitialize(count: 1)
        stream.deallocate()
    }

    /// Compresses `bytes` into the file.
    public func write(_ bytes: UnsafeRawBufferPointer) throws {
        guard !bytes.isEmpty else { return }
        try ensureOpen()
        uncompressedBytes += UInt64(bytes.count)
        try deflateAll(bytes, flush: Z_NO_FLUSH)
    }

    /// Compresses `bytes` into the file.
    public func write(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { try write($0) }
    }

    /// Compresses the UTF-8 of `text` into the file.
    public func write(_ text: String) throws {
        var copy = text
        try copy.withUTF8 { try write(UnsafeRawBufferPointer($0)) }
    }

    /// Ends the current gzip member (writing its CRC-32 and length) and starts a new one.
    public func finishMember() throws {
        try ensureOpen()
        try deflateAll(UnsafeRawBufferPointer(start: nil, count: 0), flush: Z_FINISH)
        deflateReset(stream)
    }

    /// Ends the last member, flushes the file to disk and closes it.
    public func finish() throws {
        try ensureOpen()
        try deflateAll(UnsafeRawBufferPointer(start: nil, count: 0), flush: Z_FINISH)
        closed = true
        try file?.close()
    }

    /// Compresses `bytes` in memory into one gzip member.
    public static func compress(_ bytes: [UInt8], level: Int32 = 6) throws -> [UInt8] {
        let writer = try GzipWriter(file: nil, path: "<memory>", level: level)
        try writer.write(bytes)
        try writer.finish()
        return writer.memory
    }

    private func ensureOpen() throws {
        guard !closed else {
            throw RecordingError(
                .writeFailed, path: path, field: "gzip", problem: "the file was already finished",
                fix: "this is a bug in the caller: write before finish()")
        }
    }

    private func deflateAll(_ bytes: UnsafeRawBufferPointer, flush: Int32) throws {
        let total = bytes.count
        stream.pointee.next_in = UnsafeMutablePointer(
            mutating: bytes.baseAddress?.assumingMemoryBound(to: UInt8.self))
        stream.pointee.avail_in = UInt32(total)
        while true {
            let (status, produced): (Int32, Int) = output.withUnsafeMutableBufferPointer { buffer in
                stream.pointee.next_out = buffer.baseAddress
                stream.pointee.avail_out = UInt32(buffer.count)
                let status = deflate(stream, flush)
                return (status, buffer.count - Int(stream.pointee.avail_out))
            }
            guard status == Z_OK || status == Z_STREAM_END || status == Z_BUF_ERROR else {
                throw RecordingError(
                    .writeFailed, path: path, field: "gzip", problem: "zlib deflate failed (status \(status))",
                    fix: "this is a bug: report it with the command that ran")
            }
            if produced > 0 { try emit(produced) }
            if flush == Z_FINISH {
                if status == Z_STREAM_END { return }
            } else if stream.pointee.avail_in == 0, produced < output.count {
                return
            }
        }
    }

    private func emit(_ count: Int) throws {
        if let file {
            try output.withUnsafeBytes { try file.write(UnsafeRawBufferPointer(rebasing: $0[0..<count])) }
        } else {
            memory.append(contentsOf: output[0..<count])
        }
    }
}
