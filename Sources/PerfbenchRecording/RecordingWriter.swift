/// Streams a recording to a gzipped JSONL file, redacting secrets on the way.
///
/// Lines go to a temporary file next to the destination (`.NAME.tmp-XXXXXX`), which `finish()`
/// renames into place, so a reader never sees a half-written recording and a failed or
/// abandoned write leaves nothing behind. A body of 256 bytes or more that appears a second
/// time is written once as a `body` line and referenced from then on (the first exchange keeps
/// its inline copy, so a reader only ever holds bodies that really repeat).
///
/// ```swift
/// let writer = try RecordingWriter(path: "Recordings/run.jsonl.gz", header: header)
/// for event in events { try writer.write(event) }
/// try writer.finish()
/// ```
/// Not thread-safe: use one writer from one task.
public final class RecordingWriter {
    /// The destination path.
    public let path: String
    /// The header written on line 1.
    public let header: RecordingHeader
    /// The redactor applied to every exchange.
    public let redactor: Redactor
    /// Events written so far.
    public private(set) var eventCount = 0

    /// Bodies shorter than this are always written inline: a reference would save too little.
    static let minimumSharedBodyBytes = 256
    /// Memory budget for remembering bodies seen once; beyond it new bodies are not tracked.
    static let bodyMemoryBudget = 16 << 20

    private let temporaryPath: String
    private let gzip: GzipWriter
    private var out = JSONOutput()
    private var line = 1
    private var lastStart = 0
    private var done = false
    /// Body text → its id once it has been seen twice (nil while seen once).
    private var bodies: [String: String?] = [:]
    private var bodyBytes = 0
    private var nextBodyID = 1

    /// Creates the temporary file and writes the header. Fails with `.writeFailed` (exit 74)
    /// when the folder is missing or not writable.
    public init(path: String, header: RecordingHeader, redactor: Redactor = Redactor(), compressionLevel: Int32 = 6) throws {
        self.path = path
        self.header = header
        self.redactor = redactor
        let template = FileSystem.directory(of: path) + "/." + FileSystem.fileName(of: path) + ".tmp-XXXXXX"
        let file: OutputFile
        do {
            file = try OutputFile(temporaryTemplate: template)
        } catch var error as RecordingError {
            // Name the file the user asked for, not the temporary name.
            error.path = path
            throw error
        }
        temporaryPath = file.path
        do {
            gzip = try GzipWriter(file: file, path: path, level: compressionLevel)
        } catch {
            FileSystem.remove(file.path)
            throw error
        }
        out.bytes.reserveCapacity(128 << 10)
        RecordingLineEncoder.header(header, into: &out)
    }

    deinit {
        if !done { FileSystem.remove(temporaryPath) }
    }

    /// Appends one event. Events must come in start order; the exchange is redacted first.
    public func write(_ event: RecordingEvent) throws {
        try checkOpen()
        let lineNumber = line + 1
        guard event.startMicros >= 0 else {
            throw RecordingError.badData(path, line: lineNumber, field: "start_us", "is negative (\(event.startMicros))", fix: "times are microseconds from the workflow start, 0 or more")
        }
        guard event.startMicros >= lastStart else {
            throw RecordingError.badData(
                path, line: lineNumber, field: "start_us",
                "\(event.startMicros) is before the previous event's start \(lastStart)",
                fix: "write events in start order (Recording.sortEventsByStart() sorts a recording)")
        }
        guard event.endMicros >= event.startMicros else {
            throw RecordingError.badData(path, line: lineNumber, field: "duration_us", "is negative", fix: "durations are 0 or more microseconds")
        }
        lastStart = event.startMicros
        switch event {
        case .exchange(let exchange):
            let clean = redactor.redact(exchange)
            let requestRef = share(clean.requestBody)
            let responseRef = share(clean.responseBody)
            RecordingLineEncoder.exchange(clean, requestBodyRef: requestRef, responseBodyRef: responseRef, into: &out)
        case .wait(let wait):
            RecordingLineEncoder.wait(wait, into: &out)
        case .retry(let retry):
            RecordingLineEncoder.retry(retry, into: &out)
        case .cacheHit(let hit):
            RecordingLineEncoder.cacheHit(hit, into: &out)
        case .stage(let span):
            guard span.path == span.name || span.path.hasSuffix("/" + span.name) else {
                throw RecordingError.badData(
                    path, line: lineNumber, field: "path", "\"\(span.path)\" does not end with the stage name \"\(span.name)\"",
                    fix: "make the path the names from the top stage down to and including this one")
            }
            RecordingLineEncoder.stage(span, into: &out)
        }
        line += 1
        eventCount += 1
        if out.bytes.count >= 64 << 10 { try flush() }
    }

    /// Writes the rest, closes the file and moves it into place at `path`.
    public func finish() throws {
        try checkOpen()
        do {
            try flush()
            try gzip.finish()
            try FileSystem.rename(temporaryPath, to: path)
            done = true
        } catch {
            abandon()
            throw error
        }
    }

    /// Gives up: deletes the temporary file; the destination is left as it was.
    public func abandon() {
        guard !done else { return }
        done = true
        FileSystem.remove(temporaryPath)
    }

    /// Returns the body id to reference when `body` has been seen before (writing its `body`
    /// line the second time), or nil to write it inline.
    private func share(_ body: String?) -> String? {
        guard let body, body.utf8.count >= Self.minimumSharedBodyBytes else { return nil }
        if let entry = bodies[body] {
            if let id = entry { return id }
            let id = "b\(nextBodyID)"
            nextBodyID += 1
            bodies[body] = .some(id)
            RecordingLineEncoder.body(id: id, content: body, into: &out)
            line += 1
            return id
        }
        if bodyBytes + body.utf8.count <= Self.bodyMemoryBudget {
            bodies[body] = .some(nil)
            bodyBytes += body.utf8.count
        }
        return nil
    }

    private func flush() throws {
        guard !out.bytes.isEmpty else { return }
        try gzip.write(out.bytes)
        out.bytes.removeAll(keepingCapacity: true)
    }

    private func checkOpen() throws {
        guard !done else {
            throw RecordingError(
                .writeFailed, path: path, problem: "the recording was already finished or abandoned",
                fix: "this is a bug in the caller: write events before finish()")
        }
    }
}
