import Foundation
import PerfbenchTestSupport
import Testing

@testable import PerfbenchRecording

@Suite("Streaming gzip")
struct GzipTests {
    static let text = Array((0..<2000).map { "line \($0) of some recording text\n" }.joined().utf8)

    @Test func compressThenDecompressRoundTrips() throws {
        let compressed = try GzipWriter.compress(Self.text)
        #expect(compressed.count < Self.text.count / 4)
        let reader = try GzipReader(bytes: compressed, label: "x.gz")
        #expect(reader.format == .gzip)
        #expect(try reader.readAll() == Self.text)
        #expect(reader.decompressedBytes == UInt64(Self.text.count))
    }

    @Test func multiMemberFilesReadAsTheConcatenation() throws {
        let first = try GzipWriter.compress(Array("first member\n".utf8))
        let second = try GzipWriter.compress(Array("second member\n".utf8))
        let reader = try GzipReader(bytes: first + second, label: "cat.gz")
        #expect(String(decoding: try reader.readAll(), as: UTF8.self) == "first member\nsecond member\n")
    }

    @Test func writerCanStartANewMember() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let writer = try GzipWriter(path: folder.file("two.gz"))
        try writer.write("one\n")
        try writer.finishMember()
        try writer.write("two\n")
        try writer.finish()
        let bytes = try folder.read("two.gz")
        // Two gzip headers: the magic appears at the start and again where member two begins.
        let magics = (0..<(bytes.count - 2)).filter { bytes[$0] == 0x1F && bytes[$0 + 1] == 0x8B && bytes[$0 + 2] == 8 }
        #expect(magics.count == 2)
        #expect(String(decoding: try GzipReader(path: folder.file("two.gz")).readAll(), as: UTF8.self) == "one\ntwo\n")
    }

    @Test func multiMemberRecordingReadsAllEvents() throws {
        let header = try GzipWriter.compress(Array((Samples.headerLine + "\n").utf8))
        let events = try GzipWriter.compress(Array((Samples.exchangeLine(id: "a", start: 0) + "\n").utf8))
        let reader = try RecordingReader(bytes: header + events, label: "members.jsonl.gz")
        #expect(try reader.next() != nil)
        #expect(try reader.next() == nil)
    }

    @Test func truncatedInputIsReportedAsTruncated() throws {
        let compressed = try GzipWriter.compress(Self.text)
        for cut in [compressed.count - 4, compressed.count / 2, 12] {
            let error = recordingError { _ = try GzipReader(bytes: Array(compressed[0..<cut]), label: "cut.gz").readAll() }
            #expect(error?.problem.contains("truncated") == true, "cut at \(cut): \(String(describing: error))")
            #expect(error?.exitCode == 65)
        }
    }

    @Test func truncatedRecordingNamesTheLineBeingRead() throws {
        let lines = [Samples.headerLine] + (0..<400).map { Samples.exchangeLine(id: "e\($0)", start: $0) }
        let compressed = try Samples.handWritten(lines)
        let reader = try RecordingReader(bytes: Array(compressed.dropLast(100)), label: "cut.jsonl.gz")
        let error = recordingError { while try reader.next() != nil {} }
        #expect(error?.description.hasPrefix("cut.jsonl.gz:") == true)
        #expect(error?.line != nil)
        #expect(error?.field == "gzip")
    }

    @Test func corruptedCRCIsDetected() throws {
        var compressed = try GzipWriter.compress(Self.text)
        compressed[compressed.count - 8] ^= 0xFF  // first byte of the CRC-32 trailer
        let error = recordingError { _ = try GzipReader(bytes: compressed, label: "crc.gz").readAll() }
        #expect(error?.problem.contains("checksum mismatch") == true, "\(String(describing: error))")
        #expect(error?.exitCode == 65)
    }

    @Test func corruptedLengthIsDetected() throws {
        var compressed = try GzipWriter.compress(Self.text)
        compressed[compressed.count - 1] ^= 0x01  // ISIZE
        let error = recordingError { _ = try GzipReader(bytes: compressed, label: "len.gz").readAll() }
        #expect(error?.problem.contains("length mismatch") == true, "\(String(describing: error))")
    }

    /// Refused at the limit, not after inflating it all (no wall-clock bound: a loaded machine
    /// can be slow for reasons of its own; the error says the reader stopped at 1 MiB).
    @Test func gzipBombIsRefusedAtTheLimit() throws {
        // 16 MiB of zeros compress to about 16 KiB.
        let bomb = try GzipWriter.compress([UInt8](repeating: 0, count: 16 << 20), level: 9)
        #expect(bomb.count < 64 << 10)
        let error = recordingError {
            _ = try GzipReader(bytes: bomb, label: "bomb.gz", maxDecompressedBytes: 1 << 20).readAll()
        }
        #expect(error?.problem.contains("more than 1048576 bytes") == true, "\(String(describing: error))")
        #expect(error?.fix.contains("raise the limit") == true)
    }

    @Test func zlibInputIsDetected() throws {
        // zlib framing (78 9c …) as in .zhar, from Foundation-free zlib via compress2.
        let zlibBytes = try ZlibFixture.compress(Self.text)
        #expect(zlibBytes.starts(with: [0x78]))
        let reader = try GzipReader(bytes: zlibBytes, label: "x.zhar")
        #expect(reader.format == .zlib)
        #expect(try reader.readAll() == Self.text)
    }

    @Test func plainInputPassesThrough() throws {
        let reader = try GzipReader(bytes: Array("{\"a\":1}\n".utf8), label: "x.jsonl")
        #expect(reader.format == .plain)
        #expect(try reader.readAll() == Array("{\"a\":1}\n".utf8))
    }

    @Test func trailingGarbageAfterAMemberIsAnError() throws {
        let compressed = try GzipWriter.compress(Array("hello\n".utf8)) + Array("garbage".utf8)
        let error = recordingError { _ = try GzipReader(bytes: compressed, label: "junk.gz").readAll() }
        #expect(error?.problem.contains("unexpected data after the end") == true)
    }

    @Test func missingFileIsUnreadable() {
        let error = recordingError { _ = try GzipReader(path: "/nonexistent/\(UUID().uuidString).gz") }
        #expect(error?.kind == .unreadable)
        #expect(error?.exitCode == 66)
    }
}
