import Foundation
import PerfbenchTestSupport
import Testing

@testable import PerfbenchRecording

@Suite("Recording write and read")
struct RecordingRoundTripTests {
    @Test func writeThenReadGivesAnEqualRecording() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let path = folder.file("run.jsonl.gz")
        let original = Samples.recording
        try original.write(to: path)
        let loaded = try Recording.load(from: path)
        #expect(loaded == original)
        #expect(loaded.header.seed == UInt64.max)
    }

    @Test func fileIsGzipAndReadableByEye() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        try Samples.recording.write(to: folder.file("run.jsonl.gz"))
        let bytes = try folder.read("run.jsonl.gz")
        #expect(bytes.starts(with: [0x1F, 0x8B]))
        let text = String(decoding: try GzipReader(bytes: bytes, label: "run").readAll(), as: UTF8.self)
        let lines = text.split(separator: "\n")
        #expect(lines.first?.hasPrefix(#"{"type":"header","format":"perfbench.recording","version":1,"#) == true)
        #expect(text.contains("é ✓"), "non-ASCII stays readable")
        #expect(text.contains(#""phases":{"skip-iteration":"off","top-tracks-batch":"5"}"#), "phases are sorted")
        #expect(text.contains(#""provenance":"inferred""#))
        #expect(!text.contains(#""provenance":"observed""#), "the default provenance is left out")
    }

    @Test func repeatedBodyIsStoredOnceAndResolved() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        try Samples.recording.write(to: folder.file("run.jsonl.gz"))
        let text = String(decoding: try GzipReader(path: folder.file("run.jsonl.gz")).readAll(), as: UTF8.self)
        // The body appears inline once (first use) and once in a body line; later uses refer to it.
        #expect(text.components(separatedBy: "Song 19 é").count - 1 == 2)
        #expect(text.contains(#"{"type":"body","id":"b1","content":"#))
        #expect(text.components(separatedBy: #""response_body_ref":"b1""#).count - 1 == 3)
        let exchanges = try Recording.load(from: folder.file("run.jsonl.gz")).exchanges
        #expect(exchanges.filter { $0.responseBody == Samples.longBody }.count == 4)
    }

    @Test func writingTheSameRecordingTwiceGivesIdenticalBytes() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        try Samples.recording.write(to: folder.file("a.jsonl.gz"))
        try Samples.recording.write(to: folder.file("b.jsonl.gz"))
        #expect(try folder.read("a.jsonl.gz") == folder.read("b.jsonl.gz"))
    }

    @Test func readerStreamsEventsWithLineNumbers() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        try Samples.recording.write(to: folder.file("run.jsonl.gz"))
        let reader = try RecordingReader(path: folder.file("run.jsonl.gz"))
        #expect(reader.header == Samples.header)
        #expect(reader.compression == .gzip)
        var count = 0
        while let event = try reader.next() {
            count += 1
            if count == 1 { #expect(event.typeName == "stage") }
        }
        #expect(count == Samples.recording.events.count)
        #expect(reader.line > count, "body lines count as lines too")
        #expect(try reader.next() == nil)
    }

    @Test func plainJSONLIsReadToo() throws {
        let text = Samples.headerLine + "\n" + Samples.exchangeLine(id: "a", start: 0) + "\n\n"
        let reader = try RecordingReader(bytes: Array(text.utf8), label: "plain.jsonl")
        #expect(reader.compression == .plain)
        guard case .exchange(let exchange)? = try reader.next() else {
            Issue.record("expected an exchange")
            return
        }
        #expect(exchange.id == "a")
        #expect(try reader.next() == nil)
    }

    @Test func writerRefusesEventsOutOfStartOrderAndLeavesNoFile() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        var recording = Samples.recording
        recording.events.swapAt(1, 4)
        let error = recordingError { try recording.write(to: folder.file("run.jsonl.gz")) }
        #expect(error?.field == "start_us")
        #expect(error?.exitCode == 65)
        #expect(try folder.contents().isEmpty, "neither the output nor the temporary file is left")
    }

    @Test func sortEventsByStartIsStable() {
        var recording = Samples.recording
        let expected = recording.events
        recording.events.reverse()
        recording.sortEventsByStart()
        #expect(recording.events.map(\.startMicros) == expected.map(\.startMicros))
    }

    @Test func abandonedWriterLeavesNothingAndKeepsTheOldFile() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let path = try folder.write("run.jsonl.gz", text: "old")
        let writer = try RecordingWriter(path: path, header: Samples.header)
        try writer.write(Samples.recording.events[0])
        #expect(try folder.contents().count == 2, "the temporary file sits next to the destination")
        writer.abandon()
        #expect(try folder.contents() == ["run.jsonl.gz"])
        #expect(try folder.read("run.jsonl.gz") == Array("old".utf8))
    }

    @Test func aWriteInProgressIsRegisteredSoAnInterruptCanRemoveIt() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let finished = try RecordingWriter(path: folder.file("done.jsonl.gz"), header: Samples.header)
        let pending = TemporaryFiles.pending.filter { $0.hasPrefix(folder.file("")) }
        #expect(pending.count == 1)
        #expect(pending.first?.contains("/.done.jsonl.gz.tmp-") == true)
        try finished.finish()
        #expect(!TemporaryFiles.pending.contains { $0.hasPrefix(folder.file("")) })
        // An abandoned one unregisters too. (`removeAll`, which an interrupt calls, is not called
        // here: other suites' writes run in this process at the same time; the command-line test
        // of an interrupted `synth` covers it.)
        let abandoned = try RecordingWriter(path: folder.file("cut.jsonl.gz"), header: Samples.header)
        try abandoned.write(Samples.recording.events[0])
        #expect(TemporaryFiles.pending.contains { $0.hasPrefix(folder.file(".cut.jsonl.gz.tmp-")) })
        abandoned.abandon()
        #expect(!TemporaryFiles.pending.contains { $0.hasPrefix(folder.file("")) })
        #expect(try folder.contents() == ["done.jsonl.gz"])
    }

    @Test func writerDroppedWithoutFinishDeletesItsTemporaryFile() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        do {
            let writer = try RecordingWriter(path: folder.file("run.jsonl.gz"), header: Samples.header)
            try writer.write(Samples.recording.events[0])
        }
        #expect(try folder.contents().isEmpty)
    }

    @Test func writingIntoAMissingFolderIsAWriteFailure() {
        let error = recordingError {
            try Samples.recording.write(to: "/nonexistent-folder-\(UUID().uuidString)/run.jsonl.gz")
        }
        #expect(error?.kind == .writeFailed)
        #expect(error?.exitCode == 74)
    }

    @Test func writerRedactsSecrets() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let exchange = Exchange(
            id: "x", startMicros: 0, durationMicros: 1, service: .spotify, method: "GET",
            url: "https://api.spotify.com/v1/me?access_token=abc123",
            requestHeaders: [HTTPHeader("Authorization", "Bearer abcdefghijkl")])
        let recording = Recording(header: Samples.header, events: [.exchange(exchange)])
        try recording.write(to: folder.file("run.jsonl.gz"))
        let loaded = try Recording.load(from: folder.file("run.jsonl.gz")).exchanges[0]
        #expect(loaded.url == "https://api.spotify.com/v1/me?access_token=[REDACTED]")
        #expect(loaded.requestHeaders == [HTTPHeader("Authorization", "[REDACTED]")])
        #expect(try SecretScanner.scan(path: folder.file("run.jsonl.gz")).isEmpty)
    }
}
