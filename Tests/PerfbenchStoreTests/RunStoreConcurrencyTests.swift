import Foundation
import Synchronization
import Testing

@testable import PerfbenchStore

/// Two writers on one file, as two perfbench processes finishing at once would be.
@Suite("RunStore concurrency")
struct RunStoreConcurrencyTests {
    /// Each of two threads opens its own pool on the same new file (so the migrations race
    /// too) and records `perWriter` runs; every run must be there afterwards.
    @Test(arguments: 1...3)
    func twoPoolsWritingAtOnceLoseNothing(_ attempt: Int) throws {
        let scratch = try ScratchDirectory()
        defer { scratch.cleanUp() }
        let path = scratch.file("history.sqlite")
        // Enough to interleave many transactions; few enough that one writer recording back to
        // back cannot hold the other past the busy timeout on a loaded machine (seen at 40 each:
        // ≈ 0.25 s a transaction under a parallel test run, 10 s of waiting in all).
        let perWriter = 16
        // Written by both threads, read after both have finished.
        let results = Mutex<(ids: [Int64], errors: [String])>(([], []))
        DispatchQueue.concurrentPerform(iterations: 2) { writer in
            do {
                let store = try RunStore.open(path: path)
                for index in 0..<perWriter {
                    let config = writer == 0 ? StoreFixtures.baseline : StoreFixtures.fast
                    let second = index < 10 ? "0\(index)" : "\(index)"
                    let id = try store.record(
                        StoreFixtures.entry(config: config, createdAt: "2026-05-01T10:00:\(second)Z", count: 25))
                    results.withLock { $0.ids.append(id) }
                }
            } catch {
                results.withLock { $0.errors.append("writer \(writer): \(error)") }
            }
        }
        let (ids, errors) = results.withLock { ($0.ids, $0.errors) }
        #expect(errors.isEmpty)
        #expect(Set(ids).count == 2 * perWriter)
        let store = try RunStore.open(path: path)
        #expect(try store.count() == 2 * perWriter)
        let stored = try store.runs(limit: 1000)
        #expect(Set(stored.map(\.id)) == Set(ids))
        #expect(stored.allSatisfy { $0.entry.recordings.count == 25 && $0.entry.stages.count == 3 })
        #expect(try store.runs(limit: 1000, config: "fast").count == perWriter)
    }
}
