#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Splits the decompressed stream of a `GzipReader` into lines without copying them: each line
/// is lent to a closure as a view into the reader's buffer. Memory is one buffer of at least the
/// longest line, whatever the file size.
final class LineReader {
    /// The longest line accepted; a longer one is an error rather than an unbounded buffer.
    static let maxLineBytes = 512 << 20

    let source: GzipReader
    /// The number of the last line handed out (1-based).
    private(set) var lineNumber = 0
    private var buffer: [UInt8]
    private var start = 0
    private var end = 0
    private var atEnd = false

    init(source: GzipReader, bufferBytes: Int = 1 << 20) {
        self.source = source
        buffer = [UInt8](repeating: 0, count: bufferBytes)
    }

    /// Calls `body` with the next line (without its `\n` or `\r\n`) and returns its result, or
    /// returns nil at the end of the input. Errors from decompression are placed on the line
    /// being read. With `skippingEmptyLines`, empty lines before it are passed over in one tight
    /// pass (counted, never handed out): a file of a billion newlines costs its decompression,
    /// not a call per line.
    func nextLine<Result>(
        skippingEmptyLines: Bool = false, _ body: (UnsafeBufferPointer<UInt8>, Int) throws -> Result
    ) throws -> Result? {
        if skippingEmptyLines { try skipEmptyLines() }
        var searchFrom = start
        while true {
            if let newline = findNewline(from: searchFrom) {
                lineNumber += 1
                let lineStart = start
                start = newline + 1
                var lineEnd = newline
                if lineEnd > lineStart, buffer[lineEnd - 1] == 0x0D { lineEnd -= 1 }
                return try buffer.withUnsafeBufferPointer { bytes in
                    try body(UnsafeBufferPointer(rebasing: bytes[lineStart..<lineEnd]), lineNumber)
                }
            }
            searchFrom = end
            if atEnd {
                guard start < end else { return nil }
                // The last line has no newline.
                lineNumber += 1
                let lineStart = start
                start = end
                return try buffer.withUnsafeBufferPointer { bytes in
                    try body(UnsafeBufferPointer(rebasing: bytes[lineStart..<end]), lineNumber)
                }
            }
            searchFrom -= start
            try refill()
        }
    }

    /// Moves past empty lines (`\n`, `\r\n`) at the read position, refilling as needed.
    private func skipEmptyLines() throws {
        while true {
            let (next, lines) = buffer.withUnsafeBufferPointer { bytes -> (Int, Int) in
                var index = start
                var lines = 0
                while index < end {
                    if bytes[index] == 0x0A {
                        index += 1
                    } else if bytes[index] == 0x0D, index + 1 < end, bytes[index + 1] == 0x0A {
                        index += 2
                    } else {
                        break
                    }
                    lines += 1
                }
                return (index, lines)
            }
            start = next
            lineNumber += lines
            if start < end || atEnd { return }
            try refill()
        }
    }

    private func findNewline(from index: Int) -> Int? {
        guard index < end else { return nil }
        return buffer.withUnsafeBytes { bytes -> Int? in
            guard let base = bytes.baseAddress, let found = memchr(base + index, 0x0A, end - index) else { return nil }
            return base.distance(to: UnsafeRawPointer(found))
        }
    }

    /// Moves the partial line to the front, grows the buffer if the line fills it, and reads more.
    private func refill() throws {
        if start > 0 {
            let remaining = end - start
            buffer.withUnsafeMutableBytes { bytes in
                guard let base = bytes.baseAddress else { return }
                base.copyMemory(from: base + start, byteCount: remaining)
            }
            start = 0
            end = remaining
        }
        if end == buffer.count {
            guard buffer.count < Self.maxLineBytes else {
                throw RecordingError.badData(
                    source.path, line: lineNumber + 1, "a line is longer than \(Self.maxLineBytes) bytes",
                    fix: "the file is not line-oriented JSON, or a body is absurdly large")
            }
            buffer.append(contentsOf: repeatElement(0, count: buffer.count))
        }
        let count: Int
        do {
            count = try buffer.withUnsafeMutableBytes { bytes in
                try source.read(into: UnsafeMutableRawBufferPointer(rebasing: bytes[end...]))
            }
        } catch let error as RecordingError {
            throw error.onLine(lineNumber + 1)
        }
        if count == 0 { atEnd = true } else { end += count }
    }
}
