import PerfbenchRecording

extension RecordingInspector {
    /// Inspects the file at `path`: a native recording (streamed), a HAR file or a moodlist
    /// backend log (imported in memory, redacted; a log shows its first complete workflow); with `scanSecrets`, the secret scanner runs over the file too.
    public static func inspect(
        path: String, scanSecrets: Bool = true, maxDecompressedBytes: UInt64 = GzipReader.defaultMaxDecompressedBytes
    ) throws -> RecordingInspection {
        let format = try RecordingFileFormat.detect(path: path, maxDecompressedBytes: maxDecompressedBytes)
        var inspector: RecordingInspector
        switch format {
        case .native:
            let reader = try RecordingReader(path: path, maxDecompressedBytes: maxDecompressedBytes)
            inspector = RecordingInspector(path: path, format: .native, header: reader.header)
            while let event = try reader.next() { inspector.add(event) }
        case .har:
            let recording = try HARImporter().importFile(path: path, maxDecompressedBytes: maxDecompressedBytes).recording
            inspector = RecordingInspector(path: path, format: .har, header: recording.header)
            for event in recording.events { inspector.add(event) }
        case .text where try MoodlistLogImporter.looksLikeLog(path: path):
            // A backend log: its first complete workflow, imported in memory like `replay` does.
            let imported = try MoodlistLogImporter().importFile(path: path, maxDecompressedBytes: maxDecompressedBytes)
            let recording = imported.firstUsable?.recording ?? Recording(
                header: RecordingHeader(createdAt: "1970-01-01T00:00:00Z", configName: "baseline", prompt: ""))
            inspector = RecordingInspector(path: path, format: .text, header: recording.header)
            for event in recording.events { inspector.add(event) }
        case .text:
            // Line 1 decides: a recording's header or a HAR's opening brace would be there.
            throw RecordingError.badData(
                path, line: 1,
                "neither a perfbench recording (line 1 is not its header) nor a HAR file (not a JSON object with \"log\")",
                fix: "import a backend log first (perfbench import moodlist-log), or pass --secrets to scan it for secrets")
        }
        let secrets = scanSecrets ? try SecretScanner.scan(path: path, maxDecompressedBytes: maxDecompressedBytes).count : 0
        return inspector.finish(secretsFound: secrets)
    }
}
