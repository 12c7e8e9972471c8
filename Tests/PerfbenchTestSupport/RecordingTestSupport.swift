import Foundation
import PerfbenchRecording
import Testing

/// A fresh folder under the system temporary directory, removed by `cleanUp()`.
public struct TemporaryFolder {
    public let path: String

    public init() throws {
        path = FileManager.default.temporaryDirectory
            .appendingPathComponent("perfbench-recording-tests-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    public func file(_ name: String) -> String { path + "/" + name }

    public func write(_ name: String, bytes: [UInt8]) throws -> String {
        let target = file(name)
        try Data(bytes).write(to: URL(fileURLWithPath: target))
        return target
    }

    public func write(_ name: String, text: String) throws -> String {
        try write(name, bytes: Array(text.utf8))
    }

    public func read(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: URL(fileURLWithPath: file(name))))
    }

    /// Every file name in the folder, hidden ones included, sorted.
    public func contents() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: path).sorted()
    }

    public func cleanUp() {
        try? FileManager.default.removeItem(atPath: path)
    }
}

/// Small recordings to round-trip and inspect.
public enum Samples {
    public static let header = RecordingHeader(
        createdAt: "2025-11-07T10:15:03Z", recorder: "perfbench tests", configName: "baseline",
        phases: ["top-tracks-batch": "5", "skip-iteration": "off"], prompt: "rainy day jazz, \"mellow\" é ✓",
        userID: "user-1", profile: "light", seed: UInt64.max)

    public static let longBody = "{\"tracks\":[" + (0..<20).map { "{\"id\":\"track\($0)\",\"name\":\"Song \($0) é\"}" }
        .joined(separator: ",") + "]}"

    /// One event of every kind, with escapes, unicode, optional fields and a repeated body.
    public static var recording: Recording {
        let topTracks = Exchange(
            id: "x1", startMicros: 0, durationMicros: 230_000, service: .spotify, method: "GET",
            url: "https://api.spotify.com/v1/artists/0OdUWJ0sBjDrqHygGUXeCF/top-tracks?market=US",
            requestHeaders: [HTTPHeader("Accept", "application/json"), HTTPHeader("Accept", "text/plain")],
            status: 200, responseHeaders: [HTTPHeader("Content-Type", "application/json")], responseBody: longBody,
            tool: "spotify_top_tracks", stage: "artist_based")
        var second = topTracks
        second.id = "x2"
        second.startMicros = 1_500
        let limited = Exchange(
            id: "x3", startMicros: 2_000, durationMicros: 40_000, service: .reccobeats, method: "GET",
            url: "https://api.reccobeats.com/v1/track?ids=a&ids=b", status: 429,
            responseHeaders: [HTTPHeader("Retry-After", "3")],
            responseBody: "{\"error\":\"slow down\"}\n\ttab\u{1}ctl", tool: "reccobeats_track")
        let timeout = Exchange(
            id: "x4", startMicros: 3_000, durationMicros: 30_000_000, service: .reccobeats, method: "GET",
            url: "https://api.reccobeats.com/v1/track/3f1c2a4e-7b7d-4c4e-9a51-2b3c4d5e6f70/audio-features",
            outcome: .timeout, provenance: .inferred)
        let llm = Exchange(
            id: "x5", startMicros: 4_000, durationMicros: 1_600_000, service: .llm, method: "POST",
            url: "https://llm.example/v1/chat/completions", requestBody: "{\"model\":\"m\",\"temperature\":0.25}",
            status: 200, responseBody: longBody, stage: "intent_analysis")
        var third = topTracks
        third.id = "x6"
        third.startMicros = 5_000
        return Recording(
            header: header,
            events: [
                .stage(StageSpan(name: "intent_analysis", startMicros: 0, durationMicros: 3_020_000)),
                .exchange(topTracks),
                .exchange(second),
                .wait(Wait(kind: .window, tool: "spotify_top_tracks", startMicros: 1_600, durationMicros: 47_800_000)),
                .exchange(limited),
                .retry(Retry(tool: "reccobeats_track", startMicros: 2_500, attempt: 2, reason: .rateLimited, delayMicros: 3_000_000, exchangeID: "x3")),
                .exchange(timeout),
                .cacheHit(CacheEvent(tool: "spotify_artist_search", key: "artist:miles", startMicros: 3_500, stage: "artist_discovery")),
                .exchange(llm),
                .exchange(third),
                .stage(StageSpan(name: "seed_gathering", path: "orchestration/initial_generation/seed_gathering", startMicros: 6_000, durationMicros: 114_030_000)),
                .wait(Wait(kind: .minInterval, tool: "reccobeats_track", startMicros: 7_000, durationMicros: 750_000, stage: "seed_based", provenance: .inferred)),
            ])
    }

    /// The text of a gzip-compressed native recording written by hand (no redaction).
    public static func handWritten(_ lines: [String]) throws -> [UInt8] {
        try GzipWriter.compress(Array((lines.joined(separator: "\n") + "\n").utf8))
    }

    public static let headerLine =
        #"{"type":"header","format":"perfbench.recording","version":1,"created_at":"2025-11-07T10:15:03Z","recorder":"hand","config":{"name":"baseline","phases":{}},"workflow":{"prompt":"p"}}"#

    public static func exchangeLine(id: String, start: Int, extra: String = "") -> String {
        #"{"type":"exchange","id":""# + id + #"","start_us":"# + String(start)
            + #","duration_us":1000,"service":"spotify","method":"GET","url":"https://api.spotify.com/v1/me","outcome":"ok""#
            + extra + "}"
    }
}

/// The error a throwing expression raised, as a `RecordingError`.
public func recordingError(_ body: () throws -> Void) -> RecordingError? {
    do {
        try body()
        return nil
    } catch let error as RecordingError {
        return error
    } catch {
        Issue.record("expected a RecordingError, got \(error)")
        return nil
    }
}
