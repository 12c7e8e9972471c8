/// What a file holds, told by its content (never by its name): a native recording, a HAR
/// file, or anything else (treated as a text log). Compression is detected separately.
public enum RecordingFileFormat: String, Sendable, Equatable, CaseIterable {
    /// A perfbench recording (`perfbench.recording` header on line 1).
    case native
    /// A HAR document (a JSON object with a `log` member).
    case har
    /// Anything else: a text log.
    case text

    /// How many decompressed bytes detection looks at.
    static let sniffBytes = 64 << 10

    /// Detects the format of the file at `path` from its first 64 KiB (decompressed), or fewer
    /// when they begin with a native header's whole line.
    public static func detect(
        path: String, maxDecompressedBytes: UInt64 = GzipReader.defaultMaxDecompressedBytes
    ) throws -> RecordingFileFormat {
        let reader = try GzipReader(path: path, maxDecompressedBytes: maxDecompressedBytes)
        var head: [UInt8] = []
        // A native header is one short line (≈ 1.3 KB): read a little first and stop there when
        // it is complete and says so. Inflating the whole 64 KiB was ≈ 1 % of `replay
        // Recordings`, which detects every file before loading it.
        while head.count < sniffBytes,
            let chunk = try reader.read(maxBytes: min(sniffBytes, max(firstSniffBytes, 2 * head.count)) - head.count)
        {
            head.append(contentsOf: chunk)
            if isNativeHeader(head: head) { return .native }
        }
        return detect(head: head)
    }

    /// How many decompressed bytes detection reads first (then twice as many, up to ``sniffBytes``).
    static let firstSniffBytes = 4 << 10

    /// Whether `head` holds the whole first line and it is a native recording's header.
    private static func isNativeHeader(head: [UInt8]) -> Bool {
        guard let start = firstContent(of: head), head[start] == UInt8(ascii: "{"),
            head[start...].contains(0x0A)
        else { return false }
        return detect(head: head) == .native
    }

    /// The index of the first byte after a byte order mark and leading whitespace, if any.
    private static func firstContent(of head: [UInt8]) -> Int? {
        var start = 0
        if head.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }  // UTF-8 byte order mark
        while start < head.count, [0x20, 0x09, 0x0A, 0x0D].contains(head[start]) { start += 1 }
        return start < head.count ? start : nil
    }

    /// Detects the format from the first bytes of the decompressed content.
    static func detect(head: [UInt8]) -> RecordingFileFormat {
        guard let start = firstContent(of: head), head[start] == UInt8(ascii: "{") else { return .text }
        let lineEnd = head[start...].firstIndex(of: 0x0A) ?? head.count
        let firstLine = Array(head[start..<lineEnd])
        if let value = try? firstLine.withUnsafeBufferPointer({ try JSONParser.parse($0) }), case .object(let object) = value,
            object["type"]?.stringValue == "header", object["format"]?.stringValue == RecordingHeader.formatName
        {
            return .native
        }
        // A HAR's top-level object has "log" near the start ("log": {"version": …}).
        let needle = Array("\"log\"".utf8)
        let window = head[start...]
        if window.count >= needle.count {
            for index in window.startIndex...(window.endIndex - needle.count) where head[index] == needle[0] {
                if Array(head[index..<(index + needle.count)]) == needle { return .har }
            }
        }
        return .text
    }
}
