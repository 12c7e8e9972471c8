/// Streams the events of a native recording (gzip, zlib or plain JSONL) one at a time.
///
/// `init` reads and checks the header; `next()` returns events in file order, checks that they
/// are in start order, and resolves body references, so callers never see `body` lines. Memory
/// stays bounded by the longest line plus the bodies that the file stores once for several
/// exchanges. Not thread-safe: use one reader from one task.
///
/// ```swift
/// let reader = try RecordingReader(path: "Recordings/run.jsonl.gz")
/// while let event = try reader.next() { … }
/// ```
public final class RecordingReader {
    /// The file being read.
    public let path: String
    /// The recording's header.
    public let header: RecordingHeader
    /// The line of the last event returned (1-based; the header is line 1).
    public var line: Int { currentLine }
    /// Decompressed bytes read so far (the benchmark's throughput denominator).
    public var decompressedBytes: UInt64 { lines.source.decompressedBytes }
    /// How the file was encoded.
    public var compression: GzipReader.Format { lines.source.format }

    private let lines: LineReader
    private var currentLine = 1
    private var bodies: [String: String] = [:]
    private var lastStart = 0

    /// Opens `path` and reads its header. A missing file is `.unreadable` (exit 66); a bad
    /// header or a newer format version is `.badData` (exit 65).
    public convenience init(
        path: String, maxDecompressedBytes: UInt64 = GzipReader.defaultMaxDecompressedBytes
    ) throws {
        try self.init(source: GzipReader(path: path, maxDecompressedBytes: maxDecompressedBytes))
    }

    /// Reads a recording from bytes in memory (compressed or not); `label` names it in errors.
    public convenience init(bytes: [UInt8], label: String) throws {
        try self.init(source: GzipReader(bytes: bytes, label: label))
    }

    private init(source: GzipReader) throws {
        path = source.path
        lines = LineReader(source: source)
        let path = source.path
        let header = try lines.nextLine { bytes, number -> RecordingHeader in
            let context = LineContext(path: path, line: number)
            return try RecordingLineDecoder.header(try Self.object(bytes, context), context)
        }
        guard let header else {
            throw RecordingError.badData(
                path, line: 1, "the file is empty", fix: "record or import the workflow again")
        }
        self.header = header
    }

    /// Exchange ids seen so far: FORMAT.md makes them unique.
    private var exchangeIDs = Set<String>()

    /// The next event, or nil at the end of the file.
    public func next() throws -> RecordingEvent? {
        while true {
            let path = self.path
            let decoded = try lines.nextLine(skippingEmptyLines: true) { bytes, number -> (RecordingLineDecoder.Line, Int)? in
                if Self.isBlank(bytes) { return nil }
                let context = LineContext(path: path, line: number)
                return (try RecordingLineDecoder.line(bytes, context), number)
            }
            guard let decoded else { return nil }
            guard let (line, number) = decoded else { continue }
            currentLine = number
            let context = LineContext(path: path, line: number)
            let event: RecordingEvent
            switch line {
            case .body(let id, let content):
                bodies[id] = content
                continue
            case .event(let plain):
                event = plain
            case .exchange(var exchange, let requestRef, let responseRef):
                guard exchangeIDs.insert(exchange.id).inserted else {
                    throw context.fail(
                        "id", "\"\(exchange.id)\" is the id of an earlier exchange; ids are unique within a recording",
                        fix: "give each exchange its own id (e.g. x1, x2, …)")
                }
                if let requestRef { exchange.requestBody = try body(requestRef, "request_body_ref", context) }
                if let responseRef { exchange.responseBody = try body(responseRef, "response_body_ref", context) }
                event = .exchange(exchange)
            }
            guard event.startMicros >= lastStart else {
                throw context.fail(
                    "start_us", "\(event.startMicros) is before the previous event's start \(lastStart)",
                    fix: "events must be in start order: sort the lines by start_us (the header stays first)")
            }
            lastStart = event.startMicros
            return event
        }
    }

    private func body(_ id: String, _ field: String, _ context: LineContext) throws -> String {
        guard let content = bodies[id] else {
            throw context.fail(
                field, "refers to body \"\(id)\", which no earlier body line defines",
                fix: "a body line must come before the exchanges that refer to it")
        }
        return content
    }

    private static func isBlank(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.allSatisfy { $0 == 0x20 || $0 == 0x09 }
    }

    /// Parses one line as a JSON object, turning syntax errors into line-numbered errors.
    static func object(_ bytes: UnsafeBufferPointer<UInt8>, _ context: LineContext) throws -> JSONObject {
        let value: JSONValue
        do {
            value = try JSONParser.parse(bytes)
        } catch let error as JSONSyntaxError {
            throw context.fail(
                nil, "not valid JSON: \(error.message) (column \(error.offset + 1))",
                fix: "each line must be one complete JSON object; fix or remove this line")
        }
        guard case .object(let object) = value else {
            throw context.fail(nil, "expected a JSON object, found \(value.typeDescription)", fix: "each line must be one JSON object")
        }
        return object
    }
}
