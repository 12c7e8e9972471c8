/// A whole recording in memory: its header and its events in start order.
///
/// For large files prefer `RecordingReader` and `RecordingWriter`, which stream; `load` and
/// `write` are conveniences built on them.
public struct Recording: Sendable, Equatable {
    /// The header line.
    public var header: RecordingHeader
    /// The events, in start order.
    public var events: [RecordingEvent]

    /// Makes a recording.
    public init(header: RecordingHeader, events: [RecordingEvent] = []) {
        self.header = header
        self.events = events
    }

    /// Reads a whole native recording (gzip, zlib or plain JSONL).
    public static func load(
        from path: String, maxDecompressedBytes: UInt64 = GzipReader.defaultMaxDecompressedBytes
    ) throws -> Recording {
        let reader = try RecordingReader(path: path, maxDecompressedBytes: maxDecompressedBytes)
        var events: [RecordingEvent] = []
        while let event = try reader.next() { events.append(event) }
        return Recording(header: reader.header, events: events)
    }

    /// Writes the recording to `path` as gzipped JSONL, redacting secrets with `redactor`.
    /// The file appears only when complete; on failure nothing is left behind.
    public func write(to path: String, redactor: Redactor = Redactor()) throws {
        let writer = try RecordingWriter(path: path, header: header, redactor: redactor)
        do {
            for event in events { try writer.write(event) }
            try writer.finish()
        } catch {
            writer.abandon()
            throw error
        }
    }

    /// The exchanges, in start order.
    public var exchanges: [Exchange] {
        events.compactMap { event in
            if case .exchange(let exchange) = event { return exchange }
            return nil
        }
    }

    /// The events stably sorted by start time, for recorders that collect spans as they end.
    public mutating func sortEventsByStart() {
        events = events.enumerated()
            .sorted { $0.element.startMicros != $1.element.startMicros ? $0.element.startMicros < $1.element.startMicros : $0.offset < $1.offset }
            .map(\.element)
    }
}
