import Foundation
import PerfbenchTestSupport
import Testing

@testable import PerfbenchImport
import PerfbenchRecording

@Suite("HAR import")
struct HARImporterTests {
    func importHAR(_ text: String, redactor: Redactor = Redactor()) throws -> HARImporter.Result {
        try HARImporter(redactor: redactor).importHAR(Array(text.utf8), path: "fixture.har")
    }

    func exchanges(_ result: HARImporter.Result) -> [Exchange] { result.recording.exchanges }

    @Test func chromeEntriesAreSortedByStartAndOffsetFromTheFirst() throws {
        let result = try importHAR(HARFixtures.chrome)
        let all = exchanges(result)
        #expect(result.creator == "WebInspector 537.36")
        #expect(all.map(\.id) == ["h1", "h2", "h3", "h4", "h5"])
        #expect(all.map(\.startMicros) == [0, 1_500_000, 2_000_000, 2_000_000, 3_000_000])
        #expect(all.map(\.service) == [.reccobeats, .spotify, .llm, .reccobeats, .other])
        // Equal start times keep file order: the LLM call was listed before the timeout.
        #expect(all[2].method == "POST")
        #expect(result.recording.header.createdAt == "2025-11-07T10:15:03.000Z")
        #expect(result.recording.header.recorder.hasSuffix("import har (WebInspector 537.36)"))
    }

    @Test func chromeDurationsSumTimingsWithSSLInsideConnect() throws {
        let all = exchanges(try importHAR(HARFixtures.chrome))
        // 0.5 + 2 + 50 (ssl 30 is inside connect) + 0.5 + 25 + 2 ms
        #expect(all[0].durationMicros == 80_000)
        // 1.2 + 0.3 + 220 + 10 ms; −1 phases count as 0
        #expect(all[1].durationMicros == 231_500)
        #expect(all[2].durationMicros == 1_600_250)
        #expect(all[3].durationMicros == 30_000_000)
    }

    @Test func chromeFailuresBecomeTimeoutsAndConnectionErrors() throws {
        let all = exchanges(try importHAR(HARFixtures.chrome))
        #expect(all[0].status == 429)
        #expect(all[0].retryAfterSeconds == 3)
        #expect(all[3].outcome == .timeout)
        #expect(all[3].status == nil)
        #expect(all[4].outcome == .connectionError)
        #expect(all[4].status == nil)
        #expect(all[1].outcome == .ok)
    }

    @Test func chromeHeadersKeepOrderWithoutPseudoHeadersAndSecretsRedacted() throws {
        let all = exchanges(try importHAR(HARFixtures.chrome))
        #expect(all[1].requestHeaders == [HTTPHeader("accept", "application/json"), HTTPHeader("authorization", "[REDACTED]")])
        #expect(all[2].requestHeaders[1] == HTTPHeader("x-goog-api-key", "[REDACTED]"))
        #expect(all[2].requestBody == #"{"model":"m","api_key":"[REDACTED]"}"#)
        #expect(all[2].responseBody == #"{"choices":[]}"#, "base64 bodies are decoded")
        #expect(all[1].responseBody == #"{"tracks":[]}"#)
    }

    @Test func mitmproxyDurationsCountSSLOutsideConnectAndSkipNulls() throws {
        let result = try importHAR(HARFixtures.mitmproxy)
        let all = exchanges(result)
        #expect(result.creator == "mitmproxy 10.1.5")
        #expect(all.map(\.startMicros) == [0, 750_000, 1_750_000, 2_750_000, 3_750_000])
        #expect(all[0].durationMicros == 95_000, "20 connect + 30 ssl + 1 + 40 + 4")
        #expect(all[1].durationMicros == 45_000, "null connect and ssl count as 0")
        #expect(all[2].durationMicros == 12_500, "every phase −1: the entry's time is used")
        #expect(all[3].durationMicros == 0, "no timings and no time")
        #expect(all[4].durationMicros == 20_000, "mitmproxy's ssl is added even when below connect")
        #expect(result.durationsFromTime == 1)
    }

    @Test func mitmproxySecretsAreRedacted() throws {
        let all = exchanges(try importHAR(HARFixtures.mitmproxy))
        #expect(all[0].requestHeaders.contains(HTTPHeader("X-Api-Key", "[REDACTED]")))
        #expect(all[0].responseHeaders.first == HTTPHeader("Set-Cookie", "[REDACTED]"))
        #expect(all[0].responseBody == #"{"content":[]}"#)
        #expect(all[1].requestBody == "grant_type=refresh_token&refresh_token=[REDACTED]&client_secret=[REDACTED]")
        #expect(all[1].responseBody == #"{"access_token":"[REDACTED]","token_type":"Bearer"}"#)
        #expect(all[3].url == "redis://[REDACTED]@cache.internal:6379/0")
    }

    @Test func keepHeaderLeavesTheNamedHeaderAlone() throws {
        let all = exchanges(try importHAR(HARFixtures.mitmproxy, redactor: Redactor(keepingHeaders: ["x-api-key"])))
        #expect(all[0].requestHeaders.contains(HTTPHeader("X-Api-Key", "mitmFakeKey123")))
        #expect(all[0].responseHeaders.first == HTTPHeader("Set-Cookie", "[REDACTED]"))
    }

    @Test(arguments: ["plain", "gzip", "zlib"])
    func compressedHARFilesImportTheSame(_ compression: String) throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let bytes = Array(HARFixtures.chrome.utf8)
        let path: String
        switch compression {
        case "gzip": path = try folder.write("capture.har.gz", bytes: try GzipWriter.compress(bytes))
        case "zlib": path = try folder.write("capture.zhar", bytes: try ZlibFixture.compress(bytes))
        default: path = try folder.write("capture.har", bytes: bytes)
        }
        #expect(try RecordingFileFormat.detect(path: path) == .har)
        let imported = try HARImporter().importFile(path: path)
        #expect(imported.recording.events == (try importHAR(HARFixtures.chrome)).recording.events)
    }

    @Test func importedRecordingRoundTripsAndHasNoSecretsLeft() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        for fixture in [HARFixtures.chrome, HARFixtures.mitmproxy] {
            let recording = try importHAR(fixture).recording
            try recording.write(to: folder.file("out.jsonl.gz"))
            #expect(try Recording.load(from: folder.file("out.jsonl.gz")) == recording)
            #expect(try SecretScanner.scan(path: folder.file("out.jsonl.gz")) == [])
        }
    }

    @Test func badStartTimeNamesTheEntryAndLine() throws {
        let broken = HARFixtures.chrome.replacingOccurrences(of: "2025-11-07T10:15:06.000Z", with: "yesterday")
        let error = recordingError { _ = try importHAR(broken) }
        #expect(error?.field == "log.entries[4].startedDateTime")
        #expect(error?.problem == #""yesterday" is not an ISO 8601 time"#)
        #expect(error?.line == 130, "the line of the entry's opening brace")
        #expect(error?.exitCode == 65)
    }

    @Test func jsonSyntaxErrorNamesTheLine() {
        let error = recordingError { _ = try importHAR("{\n  \"log\": {\n    \"entries\": [,]\n  }\n}") }
        #expect(error?.line == 3)
        #expect(error?.problem.hasPrefix("not valid JSON") == true)
    }

    @Test func documentWithoutLogIsNotAHAR() {
        let error = recordingError { _ = try importHAR(#"{"entries":[]}"#) }
        #expect(error?.problem == #"not a HAR file: there is no "log" object"#)
    }

    @Test func emptyHARGivesAnEmptyRecording() throws {
        let result = try importHAR(#"{"log":{"version":"1.2","creator":{"name":"x","version":"1"},"entries":[]}}"#)
        #expect(result.recording.events.isEmpty)
    }

    @Test func isoTimestampsParseWithFractionsAndZones() {
        #expect(ISO8601.microseconds("1970-01-01T00:00:00Z") == 0)
        #expect(ISO8601.microseconds("1970-01-01T00:00:01.5Z") == 1_500_000)
        #expect(ISO8601.microseconds("2025-11-07T11:00:00.250000+01:00") == ISO8601.microseconds("2025-11-07T10:00:00.25Z"))
        #expect(ISO8601.microseconds("2025-11-07T10:00:00.1234567-0130") == ISO8601.microseconds("2025-11-07T11:30:00.123456Z"))
        #expect(ISO8601.microseconds("2000-02-29T00:00:00Z") == 951_782_400_000_000)
        #expect(ISO8601.microseconds("2025-13-01T00:00:00Z") == nil)
        #expect(ISO8601.microseconds("2025-11-07") == nil)
    }
}
