import Foundation
import PerfbenchTestSupport
import Testing

@testable import PerfbenchRecording

@Suite("Recording file format detection")
struct RecordingFileFormatTests {
    /// Texts whose format turns on where the first line ends and what it says: headers shorter
    /// and longer than the first read, split across reads, padded past the whole sniff window,
    /// and look-alikes that are not headers.
    static var texts: [(name: String, text: String)] {
        let header = Samples.headerLine
        let exchange = Samples.exchangeLine(id: "e1", start: 0)
        // A header whose prompt makes its line longer than `firstSniffBytes` (and than the window).
        func longHeader(prompt length: Int) -> String {
            header.replacingOccurrences(of: #""prompt":"p""#, with: #""prompt":""# + String(repeating: "x", count: length) + #"""#)
        }
        let longHAR = #"{"comment":""# + String(repeating: "y", count: 5_000) + #"","log":{"version":"1.2","entries":[]}}"#
        return [
            ("short native", header + "\n" + exchange + "\n"),
            ("native after a byte order mark and blank lines", "\u{FEFF}\n\n  " + header + "\n" + exchange + "\n"),
            ("native header without a newline", header),
            ("native header longer than the first read", longHeader(prompt: 6_000) + "\n" + exchange + "\n"),
            ("native header just past several reads", longHeader(prompt: 20_000) + "\n"),
            ("native header longer than the window", longHeader(prompt: 70_000) + "\n" + exchange + "\n"),
            ("another format's header", header.replacingOccurrences(of: "perfbench.recording", with: "other.recording") + "\n"),
            ("an exchange first", exchange + "\n" + header + "\n"),
            ("a HAR on one line", #"{"log":{"version":"1.2","entries":[]}}"# + "\n"),
            ("a HAR whose log member comes late in a long first line", longHAR + "\n"),
            ("a HAR on many lines", "{\n  \"log\": {\n    \"version\": \"1.2\"\n  }\n}\n"),
            ("a text log", "2025-11-07 10:15:03 INFO started\n" + String(repeating: "a line of log\n", count: 600)),
            ("empty", ""),
            ("only whitespace", " \n\t\n"),
        ]
    }

    @Test(arguments: [false, true])
    func detectingAFileGivesWhatTheWholeWindowSays(compressed: Bool) throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        for (number, (name, text)) in Self.texts.enumerated() {
            let bytes = Array(text.utf8)
            let path = try folder.write(
                "f\(number)\(compressed ? ".gz" : "")", bytes: compressed ? try GzipWriter.compress(bytes) : bytes)
            let window = Array(bytes.prefix(RecordingFileFormat.sniffBytes))
            #expect(try RecordingFileFormat.detect(path: path) == RecordingFileFormat.detect(head: window), "\(name)")
        }
    }

    @Test func theLooksAlikeAreToldApart() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let expected: [String: RecordingFileFormat] = [
            "short native": .native, "native header longer than the first read": .native,
            "native header just past several reads": .native, "native header longer than the window": .text,
            "another format's header": .text, "a HAR whose log member comes late in a long first line": .har,
            "a text log": .text,
        ]
        for (number, (name, text)) in Self.texts.enumerated() {
            guard let format = expected[name] else { continue }
            let path = try folder.write("g\(number)", text: text)
            #expect(try RecordingFileFormat.detect(path: path) == format, "\(name)")
        }
    }
}
