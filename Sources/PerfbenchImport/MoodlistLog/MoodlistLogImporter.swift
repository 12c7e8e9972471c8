import PerfbenchRecording

/// Imports the moodlist backend's own log (plain or gzip/zlib, detected from the bytes) as one
/// recording per workflow.
///
/// A workflow starts at `Started workflow {id}` (or, in a log cut before that line, at
/// `Agent intent_analyzer starting execution`) and ends at `Workflow {id} completed in {s}s`. A
/// start while another workflow is open closes the open one as cut short; so does the end of the
/// file. Lines outside any workflow (startup, other requests) are read and ignored; lines of no
/// known shape are counted in `skippedLines`. Every text that reaches a recording goes through
/// the `Redactor`.
public struct MoodlistLogImporter: Sendable {
    /// The redactor applied to every URL and prompt taken from the log.
    public var redactor: Redactor
    /// The configuration the user states the backend ran (`--recorded-as`): its name and phase
    /// map. Nil: the importer infers it from the log's own lines (`MoodlistConfigInference`).
    public var recordedAs: (name: String, phases: [String: String])?

    /// Makes an importer.
    public init(redactor: Redactor = Redactor(), recordedAs: (name: String, phases: [String: String])? = nil) {
        self.redactor = redactor
        self.recordedAs = recordedAs
    }

    /// Reads and imports the log at `path`; throws a `RecordingError` (exit 65) when it holds no
    /// workflow, or (exit 66) when it cannot be read.
    public func importFile(
        path: String, maxDecompressedBytes: UInt64 = GzipReader.defaultMaxDecompressedBytes
    ) throws -> MoodlistLogImport {
        let reader = try GzipReader(path: path, maxDecompressedBytes: maxDecompressedBytes)
        let bytes = try reader.readAll()
        return try importText(String(decoding: bytes, as: UTF8.self), path: path)
    }

    /// Imports log text already in memory; `path` names it in errors.
    public func importText(_ text: String, path: String) throws -> MoodlistLogImport {
        var workflows: [MoodlistLogImport.Workflow] = []
        var open: MoodlistWorkflowBuilder?
        var skipped = 0
        var lineNumber = 0
        var prompt = ""
        var userID: String?
        var unnamed = 0

        var processStart = 0
        func close(_ builder: MoodlistWorkflowBuilder) {
            let numbered = { (range: Range<Int>) in
                range.compactMap { position in parsed[position].map { (number: position + 1, line: $0) } }
            }
            let evidence = MoodlistConfigInference.infer(
                process: numbered(processStart..<max(processStart, builder.firstLine - 1)),
                workflow: numbered((builder.firstLine - 1)..<min(parsed.count, builder.lastLine)),
                timedOutAttempts: builder.timedOutAttempts)
            processStart = builder.lastLine
            let configuration: MoodlistWorkflowBuilder.RecordedConfiguration
            if let recordedAs {
                configuration = .init(
                    name: recordedAs.name, phases: recordedAs.phases, source: "stated with --recorded-as", evidence: [])
            } else {
                configuration = .init(
                    name: "baseline", phases: Dictionary(evidence.map { ($0.phase, $0.value) }) { first, _ in first },
                    source: "inferred from the log", evidence: evidence)
            }
            workflows.append(
                MoodlistLogImport.Workflow(
                    id: builder.workflowID, recording: builder.recording(redactor: redactor, configuration: configuration),
                    inferredEvidence: evidence,
                    isComplete: builder.isComplete, firstLine: builder.firstLine, lastLine: builder.lastLine,
                    totalSeconds: builder.totalSeconds, backwardJumps: builder.backwardJumps,
                    largestBackwardJumpMicros: builder.largestBackwardJumpMicros,
                    printedSeconds: builder.printedSeconds.merging(builder.totalSeconds.map { ["workflow": $0] } ?? [:]) { $1 }))
        }

        var rawLines = text.split(separator: "\n", omittingEmptySubsequences: false)
        // A final newline ends the last line; it does not start another.
        if rawLines.last?.isEmpty == true { rawLines.removeLast() }
        var parsed = rawLines.map { MoodlistLogLine.parse(String($0)) }
        let raw = parsed.map { $0?.timestampMicros }
        Self.repairClocks(&parsed)
        for (position, rawLine) in rawLines.enumerated() {
            lineNumber += 1
            guard let line = parsed[position] else {
                if !rawLine.trimmingSpaces().isEmpty { skipped += 1 }
                continue
            }
            let event = line.event
            if event.hasPrefix("Starting recommendation workflow") {
                prompt = line.fields["mood_prompt"] ?? prompt
                userID = line.fields["user_id"] ?? userID
                continue
            }
            let startedID = event.after("Started workflow ").map { String($0.prefix { $0 != " " }) }
            let implicitStart = open == nil && event.hasPrefix("Agent intent_analyzer starting execution")
            if (startedID != nil || implicitStart), line.timestampMicros != nil {
                if let previous = open { close(previous) }
                var id = startedID ?? ""
                if id.isEmpty {
                    unnamed += 1
                    id = "unnamed-\(unnamed)"
                }
                let fallback = event.after("for mood: ") ?? ""
                open = MoodlistWorkflowBuilder(
                    workflowID: id, line: line, lineNumber: lineNumber,
                    prompt: prompt.isEmpty ? fallback : prompt, userID: userID)
                prompt = ""
                userID = nil
                if implicitStart { open?.apply(line, redactor: redactor) }
                continue
            }
            guard var builder = open else { continue }
            builder.advance(line, rawMicros: raw[position], lineNumber: lineNumber)
            if let rest = event.after("Workflow "), rest.hasPrefix(builder.workflowID) || builder.workflowID.hasPrefix("unnamed"),
                let seconds = rest.after(" completed in ").flatMap(MoodlistWorkflowBuilder.leadingNumber)
            {
                builder.finish(totalSeconds: seconds)
                close(builder)
                open = nil
                continue
            }
            builder.apply(line, redactor: redactor)
            open = builder
        }
        if let builder = open { close(builder) }
        guard !workflows.isEmpty else {
            throw RecordingError(
                .badData, path: path, field: "moodlist-log",
                problem: "no workflow found in \(lineNumber) lines (no 'Started workflow' or 'Agent intent_analyzer starting execution' line)",
                fix: "pass a log that covers at least one recommendation workflow")
        }
        return MoodlistLogImport(workflows: workflows, skippedLines: skipped, totalLines: lineNumber)
    }

    /// Moves the lines of each clock's excursions back onto the clock's base (`MoodlistClockRepair`).
    static func repairClocks(_ lines: inout [MoodlistLogLine?]) {
        for clock in [MoodlistLogLine.Clock.utc, .local] {
            let positions = lines.indices.filter { lines[$0]?.clock == clock && lines[$0]?.timestampMicros != nil }
            let sleeps = positions.map { position -> Int64? in
                guard let event = lines[position]?.event, event.hasPrefix("Rate limit reached for "),
                    let seconds = event.after(", waiting ").flatMap(MoodlistWorkflowBuilder.leadingNumber)
                else { return nil }
                return Int64((seconds * 1_000_000).rounded())
            }
            let repaired = MoodlistClockRepair.repair(positions.compactMap { lines[$0]?.timestampMicros }, sleeps: sleeps)
            for (offset, position) in positions.enumerated() {
                lines[position]?.timestampMicros = repaired.stamps[offset]
                lines[position]?.lostMicros = repaired.lost[offset]
            }
        }
    }

    /// True when the file at `path` (plain or compressed) starts like a moodlist log.
    public static func looksLikeLog(path: String) throws -> Bool {
        let reader = try GzipReader(path: path)
        let head = try reader.read(maxBytes: 16 << 10) ?? []
        return looksLikeLog(head: head)
    }

    /// True when `head` (the first decompressed bytes of a file) looks like a moodlist log: a few
    /// of its first lines parse as structlog or uvicorn lines.
    public static func looksLikeLog(head: [UInt8]) -> Bool {
        let text = String(decoding: head, as: UTF8.self)
        let lines = text.split(separator: "\n").prefix(20).dropLast(head.count >= 4096 ? 1 : 0)
        guard !lines.isEmpty else { return false }
        let parsed = lines.filter { MoodlistLogLine.parse(String($0)) != nil }.count
        return parsed * 2 >= lines.count && parsed >= 1
    }
}
