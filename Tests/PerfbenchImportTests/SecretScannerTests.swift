import PerfbenchTestSupport
import Testing

@testable import PerfbenchImport
@testable import PerfbenchRecording

@Suite("Secret scanner")
struct SecretScannerTests {
    /// A text log with one planted secret per line (fake values).
    static let log = """
        2025-11-07T10:00:00Z [info] starting workflow
        2025-11-07T10:00:01Z [debug] calling spotify auth=Bearer BQDlogToken123456
        2025-11-07T10:00:02Z [debug] llm key sk-proj-ABCDEFGHIJKLMNOPQRSTUVWX
        2025-11-07T10:00:03Z [info] cache url redis://default:hunter2@valkey.internal:6379
        2025-11-07T10:00:04Z [info] callback GET /callback?code=AQBlongOAuthCode&state=1
        Cookie: sid=abc123
        2025-11-07T10:00:06Z [info] refreshed {"refresh_token": "AQDrefresh"}
        2025-11-07T10:00:07Z [info] done status_code=200
        2025-11-07T10:00:08Z [debug] headers={'authorization': 'Bearer BQDlogToken123456'} password="pw 1"
        """

    @Test func findsEachPlantedSecretInATextLogByLineAndKind() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let path = try folder.write("backend.log.gz", bytes: try GzipWriter.compress(Array(Self.log.utf8)))
        let findings = try SecretScanner.scan(path: path)
        #expect(findings.map { "\($0.line): \($0.kind)" } == [
            "2: bearer token", "3: sk- API key", "4: credentials in URL", "5: parameter code", "6: header cookie",
            "7: parameter refresh_token", "9: header authorization", "9: parameter password",
        ])
        #expect(findings.first?.description == "\(path):2: bearer token")
        for secret in ["BQDlogToken", "ABCDEFGHIJKL", "hunter2", "AQBlong", "abc123", "AQDrefresh"] {
            #expect(!findings.map(\.description).joined().contains(secret), "a finding must not show the secret")
        }
    }

    @Test func findsEachPlantedSecretInANativeRecording() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let lines = [
            Samples.headerLine,
            Samples.exchangeLine(id: "a", start: 0, extra: #","request_headers":[["Accept","*/*"],["Authorization","Bearer zzzzzzzzzzzz"]]"#),
            Samples.exchangeLine(id: "b", start: 1, extra: #","response_headers":[["X-Api-Key","k1"]]"#),
            #"{"type":"body","id":"b1","content":"{\"access_token\":\"BQD1\"}"}"#,
            Samples.exchangeLine(id: "c", start: 2, extra: #","response_body_ref":"b1""#),
            Samples.exchangeLine(id: "d", start: 3).replacingOccurrences(of: "/v1/me", with: "/v1/me?token=abc"),
            Samples.exchangeLine(id: "e", start: 4, extra: #","request_headers":[["Authorization","[REDACTED]"]]"#),
        ]
        let path = try folder.write("planted.jsonl.gz", bytes: try Samples.handWritten(lines))
        let findings = try SecretScanner.scan(path: path)
        #expect(findings.map { "\($0.line): \($0.kind)" } == [
            "2: header authorization", "3: header x-api-key", "4: parameter access_token", "6: parameter token",
        ])
    }

    @Test func findsEachPlantedSecretInAHARFile() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let path = try folder.write("capture.har", text: HARFixtures.mitmproxy)
        let findings = try SecretScanner.scan(path: path)
        let kinds = Set(findings.map(\.kind))
        #expect(kinds == [
            .header("x-api-key"), .header("set-cookie"), .header("cookie"), .parameter("refresh_token"),
            .parameter("client_secret"), .parameter("access_token"), .urlPassword,
        ])
        // mitmproxy writes one entry per line: entry 1 is on line 2.
        #expect(findings.filter { $0.line == 2 }.map(\.kind).sorted() == [.header("cookie"), .header("set-cookie"), .header("x-api-key")])
        let chrome = try SecretScanner.scan(path: try folder.write("chrome.har", text: HARFixtures.chrome))
        #expect(chrome.map { "\($0.line): \($0.kind)" } == [
            "24: header authorization", "80: header x-goog-api-key", "85: parameter api_key",
        ])
    }

    @Test func cleanFilesHaveNoFindings() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        try Samples.recording.write(to: folder.file("clean.jsonl.gz"))
        #expect(try SecretScanner.scan(path: folder.file("clean.jsonl.gz")).isEmpty)
        #expect(try SecretScanner.scan(path: try folder.write("ok.log", text: "all fine\nstatus_code=200\n")).isEmpty)
    }

    @Test func formatIsDetectedFromContent() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        try Samples.recording.write(to: folder.file("r.har"))  // a native recording with a misleading name
        #expect(try RecordingFileFormat.detect(path: folder.file("r.har")) == .native)
        #expect(try RecordingFileFormat.detect(path: try folder.write("h.jsonl", text: HARFixtures.chrome)) == .har)
        #expect(try RecordingFileFormat.detect(path: try folder.write("l.txt", text: Self.log)) == .text)
    }
}
