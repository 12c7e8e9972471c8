import Benchmark
import Foundation
import PerfbenchRecording

/// Writes a recording of about `megabytes` MB of decompressed JSONL through the public writer:
/// Spotify-like exchanges (~950 bytes a line, JSON bodies with non-ASCII text) and a window wait
/// every 50 exchanges. Deterministic: the same size gives the same file. Returns the
/// decompressed size in bytes.
@discardableResult
func generateRecording(at path: String, megabytes: Int, compressionLevel: Int32 = 1) throws -> UInt64 {
    let header = RecordingHeader(
        createdAt: "2025-11-07T10:00:00Z", configName: "baseline", prompt: "benchmark")
    let writer = try RecordingWriter(path: path, header: header, compressionLevel: compressionLevel)
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    func next() -> UInt64 {  // SplitMix64, inline so the snippet needs nothing else
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    let target = UInt64(megabytes) * 1_000_000
    var written: UInt64 = 0
    var index = 0
    var start = 0
    while written < target {
        let tracks = Int(next() % 9) + 1
        let body = "{\"tracks\":[" + (0..<tracks).map { track in
            "{\"id\":\"4uLU6hMCjMI75M1A2t\(next() % 10_000)\",\"name\":\"Canción \(next() % 100_000) é\","
                + "\"popularity\":\(next() % 100),\"duration_ms\":\(180_000 + next() % 120_000)}"
        }.joined(separator: ",") + "]}"
        let exchange = Exchange(
            id: "x\(index)", startMicros: start, durationMicros: 200_000 + Int(next() % 200_000),
            service: .spotify, method: "GET",
            url: "https://api.spotify.com/v1/artists/0OdUWJ0sBjDrqHygGU\(index % 10_000)/top-tracks?market=US",
            requestHeaders: [HTTPHeader("Accept", "application/json")], status: 200,
            responseHeaders: [HTTPHeader("Content-Type", "application/json")], responseBody: body,
            tool: "spotify_top_tracks", stage: "artist_based")
        try writer.write(.exchange(exchange))
        if index % 50 == 0 {
            try writer.write(.wait(Wait(kind: .window, tool: "spotify_top_tracks", startMicros: start, durationMicros: 2_000_000)))
        }
        written += UInt64(body.utf8.count + 330)  // close enough to the line length; the reader reports the exact size
        index += 1
        start += 1_000
    }
    try writer.finish()
    return written
}

/// Reads every event; returns the decompressed bytes read.
func readAll(_ path: String) throws -> UInt64 {
    let reader = try RecordingReader(path: path)
    var events = 0
    while let event = try reader.next() {
        events += 1
        blackHole(event)
    }
    blackHole(events)
    return reader.decompressedBytes
}

let benchmarks: @Sendable () -> Void = {
    let folder = FileManager.default.temporaryDirectory.path
    let throughput = BenchmarkMetric.custom("decompressed MB/s", polarity: .prefersLarger, useScalingFactor: false)

    // (a) Read + parse throughput on one core (the reader is synchronous: one thread).
    //     Gate: decompressed MB/s p50 ≥ 150.
    Benchmark(
        "recording read+parse 256 MB (gzip)",
        configuration: .init(
            metrics: [.wallClock, .cpuTotal, .peakMemoryResident, throughput],
            maxDuration: .seconds(30), maxIterations: 10),
        closure: { benchmark, path in
            for _ in benchmark.scaledIterations {
                let started = ContinuousClock.now
                do {
                    let bytes = try readAll(path)
                    let seconds = (ContinuousClock.now - started) / .seconds(1)
                    benchmark.measurement(throughput, Int(Double(bytes) / 1_000_000 / seconds))
                } catch {
                    fatalError("benchmark recording unreadable: \(error)")
                }
            }
        },
        setup: {
            let path = folder + "/perfbench-bench-256mb.jsonl.gz"
            try generateRecording(at: path, megabytes: 256)
            return path
        },
        teardown: { try? FileManager.default.removeItem(atPath: folder + "/perfbench-bench-256mb.jsonl.gz") })

    // (b) Streaming a 1 GB recording in bounded memory. Gate: peakMemoryResident < 100 MB
    //     (measured: ~20 MB reading; the generator in setup peaked at 40 MB, its body table is
    //     capped at 16 MiB).
    Benchmark(
        "recording stream 1 GB (gzip)",
        configuration: .init(
            metrics: [.wallClock, .peakMemoryResident, throughput],
            maxDuration: .seconds(120), maxIterations: 1,
            thresholds: [.peakMemoryResident: .init(absolute: [.p100: 100_000_000])]),
        closure: { benchmark, path in
            for _ in benchmark.scaledIterations {
                let started = ContinuousClock.now
                do {
                    let bytes = try readAll(path)
                    precondition(bytes >= 1_000_000_000, "the generated recording is smaller than 1 GB")
                    let seconds = (ContinuousClock.now - started) / .seconds(1)
                    benchmark.measurement(throughput, Int(Double(bytes) / 1_000_000 / seconds))
                } catch {
                    fatalError("benchmark recording unreadable: \(error)")
                }
            }
        },
        setup: {
            let path = folder + "/perfbench-bench-1gb.jsonl.gz"
            try generateRecording(at: path, megabytes: 1_024)
            return path
        },
        teardown: { try? FileManager.default.removeItem(atPath: folder + "/perfbench-bench-1gb.jsonl.gz") })
}
