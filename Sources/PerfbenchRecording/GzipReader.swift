import CZlib

/// Streams the decompressed bytes of a gzip, zlib or plain file, detected by its first bytes.
///
/// gzip input may hold several members (as `cat a.gz b.gz` makes); each member's CRC-32 and
/// length are checked by zlib, a file that ends inside a member is reported as truncated, and the
/// total decompressed size is capped so that a gzip bomb fails fast instead of filling memory or
/// disk. Only one input buffer and the caller's output buffer are held at any time.
///
/// Not thread-safe: use one reader from one task.
public final class GzipReader {
    /// How the input is encoded, decided by its magic bytes.
    public enum Format: String, Sendable, Equatable {
        /// RFC 1952 gzip (`1f 8b`), possibly several members.
        case gzip
        /// RFC 1950 zlib (`78 xx` with a valid header check), as in `.zhar`.
        case zlib
        /// Anything else, passed through unchanged.
        case plain
    }

    /// The default cap on decompressed bytes: 4 GiB, far above any real recording.
    public static let defaultMaxDecompressedBytes: UInt64 = 4 << 30

    /// The path (or label) errors name.
    public let path: String
    /// The detected input format.
    public private(set) var format: Format = .plain
    /// The cap on decompressed bytes; reading past it throws.
    public let maxDecompressedBytes: UInt64
    /// Decompressed bytes handed out so far.
    public private(set) var decompressedBytes: UInt64 = 0

    private let source: ByteSource
    private var input: [UInt8]
    private var inputStart = 0
    private var inputEnd = 0
    private var sourceExhausted = false
    private var stream: UnsafeMutablePointer<z_stream>?
    private var finished = false
    /// Set when a gzip member ended; the next read looks for another member.
    private var memberEnded = false
    private var compressedOffset: UInt64 = 0

    /// Opens `path` for streaming. A missing or unreadable file is an `.unreadable` error.
    public convenience init(path: String, maxDecompressedBytes: UInt64 = defaultMaxDecompressedBytes) throws {
        try self.init(source: .file(InputFile(path: path)), path: path, maxDecompressedBytes: maxDecompressedBytes)
    }

    /// Streams from bytes already in memory; `label` stands in for a path in errors.
    public convenience init(
        bytes: [UInt8], label: String, maxDecompressedBytes: UInt64 = defaultMaxDecompressedBytes
    ) throws {
        try self.init(source: .memory(bytes), path: label, maxDecompressedBytes: maxDecompressedBytes)
    }

    private init(source: ByteSource, path: String, maxDecompressedBytes: UInt64) throws {
        self.source = source
        self.path = path
        self.maxDecompressedBytes = maxDecompressedBytes
        input = [UInt8](repeating: 0, count: 256 << 10)
        // Read enough to see the magic bytes (a short file is plain text).
        var detected = Format.plain
        try fill(atLeast: 2)
        let available = inputEnd - inputStart
        if available >= 2 {
            let first = input[inputStart]
            let second = input[inputStart + 1]
            if first == 0x1F, second == 0x8B {
                detected = .gzip
            } else if first & 0x0F == 8, first >> 4 <= 7, second & 0x20 == 0,
                (UInt16(first) << 8 | UInt16(second)) % 31 == 0
            {
                // Deflate method, window ≤ 32 KiB, no preset dictionary, header check valid.
                detected = .zlib
            }
        }
        format = detected
        if detected != .plain {
            let pointer = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
            pointer.initialize(to: z_stream())
            // windowBits 15+16 reads gzip (checking CRC-32 and ISIZE); plain 15 reads zlib.
            let windowBits: Int32 = detected == .gzip ? 15 + 16 : 15
            let status = inflateInit2_(pointer, windowBits, zlibVersion(), Int32(MemoryLayout<z_stream>.size))
            guard status == Z_OK else {
                pointer.deinitialize(count: 1)
                pointer.deallocate()
                throw RecordingError(
                    .unreadable, path: path, field: detected.rawValue,
                    problem: "zlib could not start (status \(status))", fix: "free some memory and retry")
            }
            stream = pointer
        }
    }

    deinit {
        if let stream {
            inflateEnd(stream)
            stream.deinitialize(count: 1)
            stream.deallocate()
        }
    }

    /// Reads up to `buffer.count` decompressed bytes into `buffer`; returns 0 only at the end.
    public func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        guard !finished, buffer.count > 0, let outputBase = buffer.baseAddress else { return 0 }
        guard let stream else { return try readPlain(into: buffer) }
        while true {
            if memberEnded {
                guard try startNextMember() else {
                    finished = true
                    return 0
                }
            }
            if inputStart == inputEnd, !sourceExhausted { try fill(atLeast: 1) }
            let available = inputEnd - inputStart
            let status: Int32 = input.withUnsafeMutableBufferPointer { inputBuffer in
                stream.pointee.next_in = inputBuffer.baseAddress.map { $0 + inputStart }
                stream.pointee.avail_in = UInt32(available)
                stream.pointee.next_out = outputBase.assumingMemoryBound(to: UInt8.self)
                stream.pointee.avail_out = UInt32(min(buffer.count, Int(UInt32.max)))
                return inflate(stream, Z_NO_FLUSH)
            }
            let consumed = available - Int(stream.pointee.avail_in)
            inputStart += consumed
            compressedOffset += UInt64(consumed)
            let produced = min(buffer.count, Int(UInt32.max)) - Int(stream.pointee.avail_out)
            try count(produced)
            switch status {
            case Z_STREAM_END:
                memberEnded = true
                if produced > 0 { return produced }
            case Z_OK:
                if produced > 0 { return produced }
            case Z_BUF_ERROR:
                // No progress possible: either more input is needed or the input is over.
                if produced > 0 { return produced }
                if inputStart == inputEnd, sourceExhausted { throw truncated() }
            case Z_DATA_ERROR:
                throw corrupt(stream.pointee.msg.map { String(cString: $0) } ?? "invalid compressed data")
            case Z_MEM_ERROR:
                throw RecordingError(
                    .badData, path: path, field: format.rawValue, problem: "zlib ran out of memory",
                    fix: "free some memory and retry")
            default:
                throw corrupt("zlib status \(status)")
            }
            if inputStart == inputEnd, sourceExhausted, status != Z_STREAM_END, produced == 0 {
                throw truncated()
            }
        }
    }

    /// Reads up to `maxBytes` decompressed bytes; nil at the end.
    public func read(maxBytes: Int = 256 << 10) throws -> [UInt8]? {
        var chunk = [UInt8](repeating: 0, count: maxBytes)
        let count = try chunk.withUnsafeMutableBytes { try read(into: $0) }
        guard count > 0 else { return nil }
        chunk.removeSubrange(count...)
        return chunk
    }

    /// Reads everything that is left (bounded by `maxDecompressedBytes`).
    public func readAll() throws -> [UInt8] {
        var all: [UInt8] = []
        while let chunk = try read() { all.append(contentsOf: chunk) }
        return all
    }

    private func readPlain(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        if inputStart == inputEnd {
            if sourceExhausted {
                finished = true
                return 0
            }
            try fill(atLeast: 1)
            if inputStart == inputEnd {
                finished = true
                return 0
            }
        }
        let count = min(buffer.count, inputEnd - inputStart)
        input.withUnsafeBytes { source in
            guard let from = source.baseAddress, let to = buffer.baseAddress else { return }
            to.copyMemory(from: from + inputStart, byteCount: count)
        }
        inputStart += count
        try self.count(count)
        return count
    }

    /// After a gzip member: true when another member follows (and zlib was reset for it), false
    /// at a clean end of input.
    private func startNextMember() throws -> Bool {
        memberEnded = false
        if inputEnd - inputStart < 2, !sourceExhausted { try fill(atLeast: 2) }
        let available = inputEnd - inputStart
        if available == 0 { return false }
        guard format == .gzip, available >= 2, input[inputStart] == 0x1F, input[inputStart + 1] == 0x8B else {
            throw RecordingError.badData(
                path, field: format.rawValue,
                "unexpected data after the end of the compressed stream (at compressed byte \(compressedOffset))",
                fix: "the file has trailing garbage: re-create it, or cut it at that byte")
        }
        if let stream { inflateReset(stream) }
        return true
    }

    /// Moves unread input to the front and reads from the source until `atLeast` bytes are
    /// buffered or the source ends.
    private func fill(atLeast wanted: Int) throws {
        if inputStart > 0 {
            let remaining = inputEnd - inputStart
            if remaining > 0 {
                input.withUnsafeMutableBytes { bytes in
                    guard let base = bytes.baseAddress else { return }
                    (base).copyMemory(from: base + inputStart, byteCount: remaining)
                }
            }
            inputStart = 0
            inputEnd = remaining
        }
        while inputEnd - inputStart < wanted, !sourceExhausted {
            let count = try input.withUnsafeMutableBytes { bytes in
                try source.read(into: UnsafeMutableRawBufferPointer(rebasing: bytes[inputEnd...]))
            }
            if count == 0 { sourceExhausted = true } else { inputEnd += count }
        }
    }

    private func count(_ produced: Int) throws {
        decompressedBytes += UInt64(produced)
        guard decompressedBytes > maxDecompressedBytes else { return }
        throw RecordingError.badData(
            path, field: format.rawValue,
            "decompresses to more than \(maxDecompressedBytes) bytes, the limit (a gzip bomb, or a very large file)",
            fix: "if the file is genuine, raise the limit (--max-decompressed-mib on the command line)")
    }

    private func truncated() -> RecordingError {
        .badData(
            path, field: format.rawValue,
            "the file ends in the middle of compressed data (after \(compressedOffset) compressed bytes): it is truncated",
            fix: "copy the file again from its source, or re-record it")
    }

    private func corrupt(_ detail: String) -> RecordingError {
        let problem: String
        switch detail {
        case "incorrect data check":
            problem = "checksum mismatch (the CRC-32 stored in the file does not match its data)"
        case "incorrect length check":
            problem = "length mismatch (the size stored in the file does not match its data)"
        default:
            problem = "corrupt compressed data (\(detail)) at compressed byte \(compressedOffset)"
        }
        return .badData(path, field: format.rawValue, problem, fix: "the file is damaged: copy it again from its source")
    }
}

/// Where a `GzipReader` gets its compressed bytes.
enum ByteSource {
    case file(InputFile)
    case memory(MemoryInput)

    static func memory(_ bytes: [UInt8]) -> ByteSource { .memory(MemoryInput(bytes: bytes)) }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        switch self {
        case .file(let file): return try file.read(into: buffer)
        case .memory(let memory): return memory.read(into: buffer)
        }
    }
}

/// An in-memory byte source with a read position.
final class MemoryInput {
    private let bytes: [UInt8]
    private var position = 0

    init(bytes: [UInt8]) { self.bytes = bytes }

    func read(into buffer: UnsafeMutableRawBufferPointer) -> Int {
        let count = min(buffer.count, bytes.count - position)
        guard count > 0, let target = buffer.baseAddress else { return 0 }
        bytes.withUnsafeBytes { source in
            if let base = source.baseAddress { target.copyMemory(from: base + position, byteCount: count) }
        }
        position += count
        return count
    }
}
