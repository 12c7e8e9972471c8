import PerfbenchTestSupport
import Testing

@testable import PerfbenchImport
@testable import PerfbenchRecording

@Suite("Recording inspector")
struct RecordingInspectorTests {
    static func exchange(_ url: String, start: Int, millis: Int, status: Int? = 200, outcome: Outcome = .ok,
                         headers: [HTTPHeader] = [], body: String? = nil, service: Service = .spotify) -> RecordingEvent {
        .exchange(Exchange(
            id: "x\(start)", startMicros: start, durationMicros: millis * 1000, service: service, method: "GET", url: url,
            status: status, responseHeaders: headers, responseBody: body, outcome: outcome))
    }

    @Test(arguments: [
        ("https://api.spotify.com/v1/artists/0OdUWJ0sBjDrqHygGUXeCF/top-tracks?market=US", "/v1/artists/{id}/top-tracks"),
        ("https://api.reccobeats.com/v1/track/3f1c2a4e-7b7d-4c4e-9a51-2b3c4d5e6f70/audio-features", "/v1/track/{id}/audio-features"),
        ("https://api.spotify.com/v1/users/jmperezperez/playlists", "/v1/users/{id}/playlists"),
        ("https://api.example.com/v2/items/12345", "/v2/items/{id}"),
        ("https://api.reccobeats.com/v1/track/recommendation?seeds=a,b", "/v1/track/recommendation"),
        ("https://api.spotify.com/v1/me/top/tracks?limit=20", "/v1/me/top/tracks"),
        ("https://api.spotify.com", "/"),
        ("", "/"),
        ("/v1/artists/0OdUWJ0sBjDrqHygGUXeCF", "/v1/artists/{id}"),
        ("relative/123?x=1", "relative/{id}"),
        ("https://api.spotify.com/v1/users/", "/v1/users/"),
        ("https://api.example.com//123/", "//{id}/"),
        ("https://me:secret@api.example.com:8443/v1/7", "/v1/{id}"),
        ("https://api.example.com/v1/9#frag?not-a-query", "/v1/{id}"),
        ("https://api.example.com?q=/v1/9", "/"),
        ("https://api.example.com/v1/search/héllo/0OdUWJ0sBjDrqHygGUXeCF", "/v1/search/héllo/{id}"),
        ("https://api.example.com/v1/abcdefghijklmnopqrstuv", "/v1/abcdefghijklmnopqrstuv"),
    ])
    func endpointTemplatesReplaceIds(_ url: String, _ template: String) {
        #expect(EndpointTemplate.template(for: url) == template)
    }

    static var inspection: RecordingInspection {
        var inspector = RecordingInspector(path: "r.jsonl.gz", format: .native, header: Samples.header)
        let topTracks = "https://api.spotify.com/v1/artists/%@/top-tracks"
        let ids = ["0OdUWJ0sBjDrqHygGUXeCF", "4Z8W4fKeB5YxbusRsdQVPb", "6vWDO969PvNqNYHIOW5v0m"]
        inspector.add(.stage(StageSpan(name: "intent_analysis", startMicros: 0, durationMicros: 3_020_000)))
        for index in 0..<100 {
            let url = topTracks.replacingOccurrences(of: "%@", with: ids[index % 3])
            inspector.add(exchange(url, start: 10 + index, millis: index + 1, body: "abcd"))
        }
        inspector.add(exchange(topTracks.replacingOccurrences(of: "%@", with: ids[0]), start: 200, millis: 5,
                               status: 429, headers: [HTTPHeader("Retry-After", "4")]))
        inspector.add(exchange(topTracks.replacingOccurrences(of: "%@", with: ids[1]), start: 201, millis: 5,
                               status: 429, headers: [HTTPHeader("retry-after", "2.5")]))
        inspector.add(exchange("https://api.reccobeats.com/v1/track?ids=a", start: 300, millis: 30_000, status: nil,
                               outcome: .timeout, service: .reccobeats))
        inspector.add(.wait(Wait(kind: .window, tool: "spotify_top_tracks", startMicros: 400, durationMicros: 47_800_000)))
        inspector.add(.wait(Wait(kind: .window, tool: "spotify_top_tracks", startMicros: 500, durationMicros: 20_000_000)))
        inspector.add(.retry(Retry(tool: "t", startMicros: 600, attempt: 2, reason: .timeout, delayMicros: 500_000, provenance: .inferred)))
        inspector.add(.cacheHit(CacheEvent(tool: "t", key: "k", startMicros: 700)))
        inspector.add(.stage(StageSpan(name: "seed_based", path: "orchestration/initial_generation/recommendation_generation/seed_based", startMicros: 800, durationMicros: 1_000_000)))
        inspector.add(.stage(StageSpan(name: "seed_based", path: "orchestration/iterative_improvement/seed_based", startMicros: 900, durationMicros: 500_000)))
        return inspector.finish(secretsFound: 0)
    }

    @Test func countsLatencyAndStatusPerEndpoint() throws {
        let inspection = Self.inspection
        #expect(inspection.endpoints.count == 2)
        let topTracks = try #require(inspection.endpoints.first { $0.template == "/v1/artists/{id}/top-tracks" })
        #expect(topTracks.count == 102)
        #expect(topTracks.statusCounts == ["200": 100, "429": 2])
        // 102 values: ranks 51 and 97 are 49 ms and 95 ms; HdrHistogram keeps 3 significant digits.
        #expect(abs(topTracks.p50Micros - 49_000) <= 49)
        #expect(abs(topTracks.p95Micros - 95_000) <= 95)
        #expect(topTracks.maxMicros == 100_000)
        #expect(topTracks.rateLimited == 2)
        #expect(topTracks.retryAfterSeconds == 6.5)
        #expect(topTracks.responseBodyBytes == 400)
        let track = try #require(inspection.endpoints.first { $0.service == .reccobeats })
        #expect(track.timeouts == 1)
        #expect(track.statusCounts == ["timeout": 1])
    }

    @Test func summarisesWaitsStagesSpanAndProvenance() {
        let inspection = Self.inspection
        #expect(inspection.exchangeCount == 103)
        #expect(inspection.exchangesByService == [.spotify: 102, .reccobeats: 1])
        #expect(inspection.waits.windowCount == 2)
        #expect(inspection.waits.windowMicros == 67_800_000)
        #expect(inspection.spanMicros == 47_800_400, "the first window wait ends last")
        #expect(inspection.retries == 1)
        #expect(inspection.cacheHits == 1)
        #expect(inspection.inferredEvents == 1)
        #expect(inspection.stages.map(\.path).first == "intent_analysis")
        #expect(inspection.secondsByStageName == ["intent_analysis": 3.02, "seed_based": 1.5])
    }

    @Test func jsonReportHasTheDocumentedKeysSorted() throws {
        let json = Self.inspection.renderJSON()
        let value = try JSONParser.parse(json)
        let root = try #require(value.objectValue)
        let keys = root.members.map(\.key)
        #expect(keys == keys.sorted())
        for key in ["schema", "format", "span_seconds", "stages", "exchanges", "endpoints", "waits", "secrets_found"] {
            #expect(keys.contains(key), "missing \(key)")
        }
        #expect(root["schema"] == .string("perfbench.inspect/1"))
        #expect(root["format"] == .string("native"))
        #expect(root["span_seconds"] == .double(47.8004))
        #expect(json.contains(#""stages":{"intent_analysis":3.02,"seed_based":1.5}"#))
        #expect(json.contains(#""exchanges":{"by_service":{"reccobeats":1,"spotify":102},"connection_errors":0,"rate_limited":2,"retry_after_seconds":6.5,"timeouts":1,"total":103}"#))
        #expect(json.contains(#""p50_ms":49.023,"p95_ms":95.039,"#))
        #expect(json.contains(#""status":{"200":100,"429":2}"#))
        #expect(json.contains(#""waits":{"min_interval_count":0,"min_interval_seconds":0,"retry_after_count":0,"retry_after_seconds":0,"semaphore_count":0,"semaphore_seconds":0,"window_count":2,"window_seconds":67.8}"#))
        #expect(json == Self.inspection.renderJSON(), "rendering is deterministic")
    }

    @Test func textReportShowsTheEndpointTable() {
        let text = Self.inspection.renderText()
        #expect(text.contains("span 47.80 s"))
        #expect(text.contains("429s 2, Retry-After total 6.5 s"))
        #expect(text.contains("waits: window 2 (67.80 s)"))
        let row = text.split(separator: "\n").first { $0.contains("/v1/artists/{id}/top-tracks") }
        #expect(row?.contains("102") == true)
        #expect(row?.contains("49.0") == true)
        #expect(row?.contains("200×100 429×2") == true)
        #expect(text.contains("      seed_based"), "stages are indented by depth")
    }

    @Test func inspectsNativeRecordingsAndHARFilesFromDisk() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        try Samples.recording.write(to: folder.file("run.jsonl.gz"))
        let native = try RecordingInspector.inspect(path: folder.file("run.jsonl.gz"))
        #expect(native.format == .native)
        #expect(native.exchangeCount == 6)
        #expect(native.secretsFound == 0)
        let har = try RecordingInspector.inspect(path: try folder.write("capture.har", text: HARFixtures.chrome))
        #expect(har.format == .har)
        #expect(har.exchangeCount == 5)
        #expect(har.rateLimited == 1)
        #expect(har.secretsFound == 3, "the raw HAR still holds its planted secrets")
        let error = recordingError { _ = try RecordingInspector.inspect(path: try folder.write("x.log", text: "hello\n")) }
        #expect(error?.exitCode == 65)
    }
}
