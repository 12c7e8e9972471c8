import Foundation
import Testing

/// Malformed input of every kind through the command line (issue 18 §6): one clear error with
/// the documented exit code, the file (and line, where there is one) named, nothing written, no
/// trap and no hang.
@Suite("malformed input gets one clear error and leaves nothing behind", .serialized)
struct MalformedInputTests {
    static let header = #"{"type":"header","format":"perfbench.recording","version":1,"created_at":"2025-11-07T14:32:20Z","recorder":"test","config":{"name":"baseline","phases":{}}}"#

    static func exchange(id: String = "x1", start: String = "0", duration: String = "1000", extra: String = "") -> String {
        #"{"type":"exchange","id":"\#(id)","start_us":\#(start),"duration_us":\#(duration),"service":"spotify","method":"GET","url":"https://api.spotify.com/v1/me","status":200\#(extra)}"#
    }

    static let harEntry = #"{"startedDateTime":"2025-11-07T14:40:14.435Z","time":TIME,"request":{"method":"GET","url":"https://api.spotify.com/v1/me","headers":[]},"response":{"status":200,"headers":[],"content":{"text":"{}"}},"timings":{"send":0,"wait":TIME,"receive":0}}"#

    static func har(time: String) -> String {
        #"{"log":{"version":"1.2","creator":{"name":"x","version":"1"},"entries":["# + harEntry.replacingOccurrences(of: "TIME", with: time) + "]}}"
    }

    /// A case: a file to write (name and content), the arguments (`FILE` for its path, `OUT`
    /// for an output path that must not appear), the exit code, and what stderr must say.
    struct Case: Sendable, CustomStringConvertible {
        var name: String
        var file: (name: String, content: String)?
        var arguments: [String]
        var status: Int32
        var says: String
        var description: String { name }
    }

    static let cases: [Case] = [
        // Recordings.
        Case(name: "empty recording", file: ("r.jsonl", ""), arguments: ["replay", "FILE", "--no-db"], status: 65, says: "r.jsonl"),
        Case(name: "not a header first", file: ("r.jsonl", exchange()), arguments: ["replay", "FILE", "--no-db"], status: 65, says: "r.jsonl:1"),
        Case(name: "negative start", file: ("r.jsonl", header + "\n" + exchange(start: "-5")), arguments: ["replay", "FILE", "--no-db"], status: 65, says: "r.jsonl:2"),
        Case(name: "start beyond ten years", file: ("r.jsonl", header + "\n" + exchange(start: "9223372036854775000")), arguments: ["inspect", "FILE"], status: 65, says: "r.jsonl:2"),
        Case(name: "duration beyond ten years", file: ("r.jsonl", header + "\n" + exchange(duration: "400000000000000")), arguments: ["replay", "FILE", "--no-db"], status: 65, says: "r.jsonl:2"),
        Case(name: "duration not a number", file: ("r.jsonl", header + "\n" + exchange(duration: "\"soon\"")), arguments: ["replay", "FILE", "--no-db"], status: 65, says: "r.jsonl:2"),
        Case(name: "start a fraction", file: ("r.jsonl", header + "\n" + exchange(start: "1.5")), arguments: ["replay", "FILE", "--no-db"], status: 65, says: "r.jsonl:2"),
        Case(name: "duplicate exchange id", file: ("r.jsonl", header + "\n" + exchange() + "\n" + exchange(start: "5")), arguments: ["replay", "FILE", "--no-db"], status: 65, says: "r.jsonl:3"),
        Case(name: "events out of order", file: ("r.jsonl", header + "\n" + exchange(id: "x1", start: "50") + "\n" + exchange(id: "x2", start: "5")), arguments: ["inspect", "FILE"], status: 65, says: "r.jsonl:3"),
        Case(name: "broken JSON line", file: ("r.jsonl", header + "\n{\"type\":\"exchange\","), arguments: ["replay", "FILE", "--no-db"], status: 65, says: "r.jsonl:2"),
        Case(name: "deeply nested line", file: ("r.jsonl", header + "\n" + String(repeating: "[", count: 100_000)), arguments: ["inspect", "FILE"], status: 65, says: "r.jsonl:2"),
        Case(name: "neither recording nor HAR, inspected", file: ("x.bin", "\u{1}garbage\nmore\n"), arguments: ["inspect", "FILE"], status: 65, says: "x.bin:1: neither a perfbench recording"),
        Case(name: "unknown service", file: ("r.jsonl", header + "\n" + exchange().replacingOccurrences(of: "\"spotify\"", with: "\"myspace\"")), arguments: ["replay", "FILE", "--no-db"], status: 65, says: "r.jsonl:2"),
        Case(name: "newer format version", file: ("r.jsonl", header.replacingOccurrences(of: "\"version\":1", with: "\"version\":99")), arguments: ["replay", "FILE", "--no-db"], status: 65, says: "r.jsonl:1"),
        Case(name: "missing recording", file: nil, arguments: ["replay", "/nonexistent/r.jsonl.gz", "--no-db"], status: 66, says: "/nonexistent/r.jsonl.gz"),
        // HAR files.
        Case(name: "HAR time beyond ten years", file: ("c.har", har(time: "1e16")), arguments: ["import", "har", "FILE", "--output", "OUT"], status: 65, says: "c.har:1"),
        Case(name: "HAR time infinite", file: ("c.har", har(time: "1e400")), arguments: ["import", "har", "FILE", "--output", "OUT"], status: 65, says: "c.har:1"),
        Case(name: "HAR time infinite, replayed", file: ("c.har", har(time: "1e400")), arguments: ["replay", "FILE", "--no-db"], status: 65, says: "c.har:1"),
        Case(name: "HAR time infinite, inspected", file: ("c.har", har(time: "1e400")), arguments: ["inspect", "FILE"], status: 65, says: "c.har"),
        Case(name: "HAR bad date", file: ("c.har", har(time: "5").replacingOccurrences(of: "2025-11-07T14:40:14.435Z", with: "yesterday")), arguments: ["import", "har", "FILE", "--output", "OUT"], status: 65, says: "c.har:1"),
        Case(name: "HAR without entries", file: ("c.har", #"{"log":{"version":"1.2"}}"#), arguments: ["import", "har", "FILE", "--output", "OUT"], status: 65, says: "c.har"),
        Case(name: "HAR nested 100,000 deep", file: ("c.har", String(repeating: "{\"a\":", count: 100_000)), arguments: ["import", "har", "FILE", "--output", "OUT"], status: 65, says: "c.har"),
        // Backend logs.
        Case(name: "log without a workflow", file: ("b.log", "2025-11-07T14:40:14.435Z [info     ] Server started [app]\n"), arguments: ["import", "moodlist-log", "FILE", "--output", "OUT"], status: 65, says: "b.log"),
        // Configuration files.
        Case(name: "config unknown key", file: ("c.toml", "preset = \"baseline\"\nspeed = 11\n"), arguments: ["replay", "Recordings/oct31.jsonl.gz", "--config", "FILE", "--no-db"], status: 65, says: "c.toml:2"),
        Case(name: "config bad value", file: ("c.toml", "[phases]\ntop-tracks-batch = \"many\"\n"), arguments: ["replay", "Recordings/oct31.jsonl.gz", "--config", "FILE", "--no-db"], status: 65, says: "c.toml:2"),
        Case(name: "config unknown preset", file: ("c.toml", "preset = \"turbo\"\n"), arguments: ["replay", "Recordings/oct31.jsonl.gz", "--config", "FILE", "--no-db"], status: 65, says: "c.toml:1"),
        Case(name: "TOML nested 100,000 deep", file: ("c.toml", "preset = " + String(repeating: "[", count: 100_000) + "\n"), arguments: ["replay", "Recordings/oct31.jsonl.gz", "--config", "FILE", "--no-db"], status: 65, says: "c.toml"),
        Case(name: "JSON config nested 100,000 deep", file: ("c.json", String(repeating: "{\"a\":", count: 100_000)), arguments: ["replay", "Recordings/oct31.jsonl.gz", "--config", "FILE", "--no-db"], status: 65, says: "c.json"),
        Case(name: "config require unreadable", file: ("c.toml", "require = [\"total.p95<=soon\"]\n"), arguments: ["gate", "Recordings/oct31.jsonl.gz", "--baseline", "none", "--config", "FILE", "--no-db"], status: 65, says: "c.toml:1"),
        Case(name: "missing config", file: nil, arguments: ["replay", "Recordings/oct31.jsonl.gz", "--config", "/nonexistent/c.toml", "--no-db"], status: 66, says: "/nonexistent/c.toml"),
        // Baselines.
        Case(name: "baseline negative total", file: ("b.json", baseline(total: "-5")), arguments: ["gate", "Recordings/oct31.jsonl.gz", "--baseline", "FILE", "--no-db"], status: 65, says: "total_seconds"),
        Case(name: "baseline infinite total", file: ("b.json", baseline(total: "1e400")), arguments: ["gate", "Recordings/oct31.jsonl.gz", "--baseline", "FILE", "--no-db"], status: 65, says: "total_seconds"),
        Case(name: "baseline of no recordings", file: ("b.json", baseline(total: nil)), arguments: ["gate", "Recordings/oct31.jsonl.gz", "--baseline", "FILE", "--no-db"], status: 65, says: "recordings"),
        Case(name: "baseline not JSON", file: ("b.json", "P95 was fine"), arguments: ["gate", "Recordings/oct31.jsonl.gz", "--baseline", "FILE", "--no-db"], status: 65, says: "b.json"),
        Case(name: "baseline of another schema", file: ("b.json", #"{"schema":"other/1"}"#), arguments: ["gate", "Recordings/oct31.jsonl.gz", "--baseline", "FILE", "--no-db"], status: 65, says: "schema"),
        Case(name: "missing baseline", file: nil, arguments: ["gate", "Recordings/oct31.jsonl.gz", "--baseline", "/nonexistent/b.json", "--no-db"], status: 66, says: "/nonexistent/b.json"),
        // Partial results.
        Case(name: "merge of a non-partial file", file: ("p.json", "{}"), arguments: ["merge", "FILE"], status: 65, says: "p.json"),
        Case(name: "merge of a missing file", file: nil, arguments: ["merge", "/nonexistent/p.json"], status: 66, says: "/nonexistent/p.json"),
        // Options.
        Case(name: "output over its input", file: nil, arguments: ["replay", "Recordings/oct31.jsonl.gz", "--output", "Recordings/oct31.jsonl.gz", "--no-db"], status: 64, says: "--output"),
        Case(name: "trace over its input", file: nil, arguments: ["replay", "Recordings/oct31.jsonl.gz", "--trace", "Recordings/oct31.jsonl.gz", "--no-db"], status: 64, says: "--trace"),
        Case(name: "gate trace over its input", file: nil, arguments: ["gate", "Recordings/oct31.jsonl.gz", "--baseline", "none", "--require", "plan", "--trace", "Recordings/oct31.jsonl.gz", "--no-db"], status: 64, says: "--trace"),
        Case(name: "unknown phase", file: nil, arguments: ["replay", "Recordings/oct31.jsonl.gz", "--phase", "warp-speed=on", "--no-db"], status: 64, says: "warp-speed"),
        Case(name: "unknown preset", file: nil, arguments: ["replay", "Recordings/oct31.jsonl.gz", "--preset", "turbo", "--no-db"], status: 64, says: "turbo"),
        Case(name: "draws out of range", file: nil, arguments: ["replay", "Recordings/oct31.jsonl.gz", "--draws", "0", "--no-db"], status: 64, says: "--draws"),
        Case(name: "shard out of range", file: nil, arguments: ["replay", "Recordings/oct31.jsonl.gz", "--shard", "5/4", "--partial", "OUT", "--no-db"], status: 64, says: "--shard"),
        Case(name: "criterion unreadable", file: nil, arguments: ["gate", "Recordings/oct31.jsonl.gz", "--baseline", "none", "--require", "fast", "--no-db"], status: 64, says: "--require"),
        Case(name: "unknown mechanics", file: nil, arguments: ["synth", "--output", "OUT", "--mechanics", "chaos"], status: 64, says: "chaos"),
    ]

    static func baseline(total: String?) -> String {
        let recordings = total.map { #"[{"recording":"Recordings/oct31.jsonl.gz","total_seconds":\#($0),"stages":{}}]"# } ?? "[]"
        return #"{"schema":"perfbench.baseline/1","perfbench_version":"x","recording_set_hash":"h","config":{"name":"baseline","phases":{}},"recordings":\#(recordings)}"#
    }

    @Test(arguments: cases)
    func getsItsExitCodeAndNamesTheInput(_ example: Case) async throws {
        let folder = try PerfbenchCLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var arguments = example.arguments
        if let file = example.file {
            let path = folder.appendingPathComponent(file.name)
            try Data(file.content.utf8).write(to: path)
            arguments = arguments.map { $0 == "FILE" ? path.path : $0 }
        }
        let output = folder.appendingPathComponent("out").path
        arguments = arguments.map { $0 == "OUT" ? output : $0 }
        let run = try await PerfbenchCLI.runAsync(arguments)
        #expect(run.status == example.status, "\(example.name): \(run.stderr)")
        #expect(run.stderr.contains(example.says), "\(example.name): \(run.stderr)")
        #expect(!run.stderr.contains("Fatal error") && !run.stderr.contains("crashed"), "\(example.name): \(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: output), "\(example.name) left \(output) behind")
    }
}
