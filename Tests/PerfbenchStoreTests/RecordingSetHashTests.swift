import Foundation
import Testing

@testable import PerfbenchStore

@Suite("RecordingSetHash")
struct RecordingSetHashTests {
    @Test func fnv1a128MatchesThePublishedVectors() {
        #expect(FNV1a128().hexDigest == "6c62272e07bb014262b821756295c58d")
        var a = FNV1a128()
        a.update("a".utf8)
        #expect(a.hexDigest == "d228cb696f1a8caf78912b704e4a8964")
        var foobar = FNV1a128()
        foobar.update("foo".utf8)
        foobar.update("bar".utf8)  // in pieces: the same as at once
        #expect(foobar.hexDigest == "343e1662793c64bf6f0d3597ba446f18")
        #expect(foobar.byteCount == 6)
    }

    @Test func theOrderFilesAreListedInDoesNotMatter() {
        let files: [String: [UInt8]] = ["b.jsonl.gz": [1, 2, 3], "a.jsonl.gz": [4, 5]]
        let forward = RecordingSetHash.compute(paths: ["a.jsonl.gz", "b.jsonl.gz"]) { $1.update(files[$0] ?? []) }
        let backward = RecordingSetHash.compute(paths: ["b.jsonl.gz", "a.jsonl.gz"]) { $1.update(files[$0] ?? []) }
        #expect(forward == backward)
        #expect(forward == RecordingSetHash.compute(contents: files))
        #expect(forward.hasPrefix("fnv1a128:") && forward.count == 9 + 32)
    }

    @Test func theFolderTheSetIsNamedFromDoesNotMatter() {
        let bytes: (String, inout FNV1a128) -> Void = { path, hasher in hasher.update(Array(path.suffix(4).utf8)) }
        let relative = RecordingSetHash.compute(paths: ["Recordings/corpus/a.jsonl.gz", "Recordings/corpus/b.jsonl.gz"], contents: bytes)
        let absolute = RecordingSetHash.compute(paths: ["/work/Recordings/corpus/b.jsonl.gz", "/work/Recordings/corpus/a.jsonl.gz"], contents: bytes)
        #expect(relative == absolute)
        #expect(relative == RecordingSetHash.compute(paths: ["a.jsonl.gz", "b.jsonl.gz"], contents: bytes))
    }

    @Test func anyChangeOfNameBytesOrBoundaryChangesTheHash() {
        let base = RecordingSetHash.compute(contents: ["a": [1, 2], "b": [3]])
        #expect(RecordingSetHash.compute(contents: ["a": [1, 2], "b": [4]]) != base)
        #expect(RecordingSetHash.compute(contents: ["a": [1, 2], "c": [3]]) != base)
        // The same bytes split differently between the files.
        #expect(RecordingSetHash.compute(contents: ["a": [1], "b": [2, 3]]) != base)
        #expect(RecordingSetHash.compute(contents: ["a": [1, 2]]) != base)
        #expect(RecordingSetHash.compute(contents: [:]) != RecordingSetHash.compute(contents: ["": []]))
    }

    @Test func filesOnDiskHashLikeTheSameBytesInMemory() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.cleanUp() }
        // Larger than a read chunk, so the streaming path is exercised.
        let big = (0..<(RecordingSetHash.chunkSize + 12_345)).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        let small: [UInt8] = Array("{\"kind\":\"header\"}\n".utf8)
        try Data(big).write(to: URL(fileURLWithPath: scratch.file("big.jsonl.gz")))
        try Data(small).write(to: URL(fileURLWithPath: scratch.file("small.jsonl.gz")))
        let paths = [scratch.file("small.jsonl.gz"), scratch.file("big.jsonl.gz")]
        let fromDisk = try RecordingSetHash.compute(files: paths)
        #expect(fromDisk == RecordingSetHash.compute(contents: [paths[0]: small, paths[1]: big]))
        let error = #expect(throws: StoreError.self) { try RecordingSetHash.compute(files: [scratch.file("gone")]) }
        #expect(error?.exitCode == 66)
    }
}
