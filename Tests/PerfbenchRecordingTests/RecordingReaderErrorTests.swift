import Foundation
import PerfbenchTestSupport
import Testing

@testable import PerfbenchRecording

@Suite("Recording validation errors")
struct RecordingReaderErrorTests {
    /// Reads every event of a hand-written gzipped recording and returns the error.
    func readError(_ lines: [String], label: String = "bad.jsonl.gz") throws -> RecordingError? {
        let bytes = try Samples.handWritten(lines)
        return recordingError {
            let reader = try RecordingReader(bytes: bytes, label: label)
            while try reader.next() != nil {}
        }
    }

    @Test func brokenJSONOnLine3Of5NamesLine3() throws {
        let lines = [
            Samples.headerLine,
            Samples.exchangeLine(id: "a", start: 0),
            #"{"type":"exchange","id":"b","start_us":5,"duration_us":1"#,  // cut short
            Samples.exchangeLine(id: "c", start: 10),
            Samples.exchangeLine(id: "d", start: 20),
        ]
        let error = try readError(lines)
        #expect(error?.line == 3)
        #expect(error?.exitCode == 65)
        #expect(error?.description.hasPrefix("bad.jsonl.gz:3: not valid JSON") == true, "\(String(describing: error))")
        #expect(error?.description.hasSuffix("fix or remove this line.") == true)
    }

    @Test func runsOfEmptyLinesAreSkippedAndStillCounted() throws {
        // Two million empty lines (LF and CRLF) between two events: read in one pass, and the
        // broken line after them is still named by its own number.
        let lines = [Samples.headerLine, Samples.exchangeLine(id: "a", start: 0)]
            + Array(repeating: "", count: 1_000_000) + Array(repeating: "\r", count: 1_000_000)
            + [Samples.exchangeLine(id: "b", start: 5), #"{"type":"exchange""#]
        let error = try readError(lines)
        #expect(error?.line == 2_000_004)
    }

    @Test func anErrorQuotingACredentialPrintsItRedacted() throws {
        // A JWT where a service name belongs: the message says what is wrong without the token.
        let token = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U"
        let line = #"{"type":"exchange","id":"x1","start_us":0,"duration_us":1,"service":""# + token
            + #"","method":"GET","url":"https://api.spotify.com/v1/search"}"#
        let error = try readError([Samples.headerLine, line])
        let text = try #require(error?.description)
        #expect(text.contains(#"service: unknown value "[REDACTED]""#), "\(text)")
        #expect(!text.contains(token), "\(text)")
        #expect(!text.contains("dozjgNryP4J3jVmNHl0w5N"))
    }

    @Test func newerFormatVersionIsRefusedNamingTheVersion() throws {
        let header = Samples.headerLine.replacingOccurrences(of: #""version":1"#, with: #""version":3"#)
        let error = try readError([header, Samples.exchangeLine(id: "a", start: 0)], label: "new.jsonl.gz")
        #expect(
            error?.description
                == "new.jsonl.gz:1: version: made by a newer perfbench: format version 3, this perfbench reads up to 1. upgrade perfbench."
        )
    }

    @Test func unknownEventTypeNamesTheNearestKnownType() throws {
        let line = Samples.exchangeLine(id: "a", start: 0).replacingOccurrences(of: #""type":"exchange""#, with: #""type":"exchnage""#)
        let error = try readError([Samples.headerLine, line])
        #expect(error?.line == 2)
        #expect(error?.field == "type")
        #expect(error?.problem == #"unknown event type "exchnage""#)
        #expect(error?.fix == #"the nearest known type is "exchange""#)
    }

    @Test func unknownFieldSuggestsTheNearestField() throws {
        let error = try readError([Samples.headerLine, Samples.exchangeLine(id: "a", start: 0, extra: #","duraton_us":5"#)])
        #expect(error?.description == #"bad.jsonl.gz:2: duraton_us: unknown exchange field. did you mean "duration_us"?"#)
    }

    @Test func underscoreFieldsAreExtensionsAndIgnored() throws {
        let line = Samples.exchangeLine(id: "a", start: 0, extra: #","_note":{"x":[1,2,"y"]}"#)
        #expect(try readError([Samples.headerLine, line]) == nil)
    }

    @Test func fieldOrderDoesNotMatter() throws {
        let line = #"{"id":"a","start_us":0,"duration_us":1,"service":"llm","method":"POST","url":"u","type":"exchange"}"#
        let reader = try RecordingReader(bytes: try Samples.handWritten([Samples.headerLine, line]), label: "x")
        guard case .exchange(let exchange)? = try reader.next() else {
            Issue.record("expected an exchange")
            return
        }
        #expect(exchange.service == .llm)
    }

    @Test func wrongTypeNamesTheFieldAndTheFix() throws {
        let line = Samples.exchangeLine(id: "a", start: 0).replacingOccurrences(of: #""start_us":0"#, with: #""start_us":"0""#)
        let error = try readError([Samples.headerLine, line])
        #expect(error?.field == "start_us")
        #expect(error?.problem == "expected a whole number of microseconds, found a string")
        #expect(error?.fix.contains("1500000") == true)
    }

    @Test func fractionalTimesAreRefused() throws {
        let line = Samples.exchangeLine(id: "a", start: 0).replacingOccurrences(of: #""start_us":0"#, with: #""start_us":1.5"#)
        #expect(try readError([Samples.headerLine, line])?.field == "start_us")
    }

    @Test func missingRequiredFieldIsNamed() throws {
        let line = #"{"type":"wait","kind":"window","tool":"t","start_us":0}"#
        let error = try readError([Samples.headerLine, line])
        #expect(error?.field == "duration_us")
        #expect(error?.problem == "required field missing from the wait line")
    }

    @Test func unknownEnumValueSuggestsTheNearest() throws {
        let line = Samples.exchangeLine(id: "a", start: 0).replacingOccurrences(of: #""spotify""#, with: #""spotfy""#)
        let error = try readError([Samples.headerLine, line])
        #expect(error?.field == "service")
        #expect(error?.fix == #"did you mean "spotify"?"#)
    }

    @Test func eventsOutOfStartOrderAreRefused() throws {
        let error = try readError([
            Samples.headerLine, Samples.exchangeLine(id: "a", start: 50), Samples.exchangeLine(id: "b", start: 10),
        ])
        #expect(error?.line == 3)
        #expect(error?.problem == "10 is before the previous event's start 50")
    }

    @Test func bodyReferenceWithoutItsBodyIsAnError() throws {
        let error = try readError([Samples.headerLine, Samples.exchangeLine(id: "a", start: 0, extra: #","response_body_ref":"b9""#)])
        #expect(error?.field == "response_body_ref")
    }

    @Test func firstLineMustBeTheHeader() throws {
        let error = try readError([Samples.exchangeLine(id: "a", start: 0)])
        #expect(error?.line == 1)
        #expect(error?.problem == "the first line is not a recording header")
    }

    @Test func emptyFileIsBadData() {
        let error = recordingError { _ = try RecordingReader(bytes: [], label: "empty.jsonl") }
        #expect(error?.problem == "the file is empty")
        #expect(error?.exitCode == 65)
    }

    @Test func missingFileIsExit66NamingIt() {
        let error = recordingError { _ = try Recording.load(from: "/nonexistent/run.jsonl.gz") }
        #expect(error?.exitCode == 66)
        #expect(error?.description.hasPrefix("/nonexistent/run.jsonl.gz: cannot open") == true)
    }
}
