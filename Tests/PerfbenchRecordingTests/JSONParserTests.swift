import Testing

@testable import PerfbenchRecording

@Suite("JSON parser")
struct JSONParserTests {
    @Test func parsesEveryValueKind() throws {
        let value = try JSONParser.parse(#" {"a": [1, -2, 3.5, 1e3, true, false, null, "s"], "b": {}, "big": 18446744073709551615} "#)
        let object = try #require(value.objectValue)
        #expect(object["a"] == .array([.int(1), .int(-2), .double(3.5), .double(1000), .bool(true), .bool(false), .null, .string("s")]))
        #expect(object["b"] == .object(JSONObject(members: [], line: 1)))
        #expect(object["big"] == .uint(UInt64.max))
    }

    @Test func decodesEscapesAndSurrogatePairs() throws {
        let value = try JSONParser.parse(#""q\" b\\ s\/ \n\t\r\b\f \u00e9 \ud83c\udfb5 \ud800x""#)
        #expect(value == .string("q\" b\\ s/ \n\t\r\u{8}\u{C} é 🎵 \u{FFFD}x"))
    }

    @Test(arguments: [
        (#"{"a":1,}"#, "expected a quoted member name"),
        (#"{"a" 1}"#, "expected ':' after member name \"a\""),
        (#"[1 2]"#, "expected ',' or ']' in an array"),
        ("\"tab\there\"", "a control character must be escaped inside a string"),
        (#""\x""#, "invalid escape '\\x'"),
        (#"01"#, "a number may not have leading zeros"),
        (#"{"a":1} x"#, "unexpected text after the JSON value"),
        (#""open"#, "unterminated string"),
    ])
    func reportsSyntaxErrors(_ text: String, _ message: String) {
        #expect(throws: JSONSyntaxError.self) { try JSONParser.parse(text) }
        do {
            _ = try JSONParser.parse(text)
        } catch let error as JSONSyntaxError {
            #expect(error.message == message)
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func countsLinesForPrettyPrintedDocuments() throws {
        let value = try JSONParser.parse("{\n  \"a\": {\n    \"b\": 1\n  }\n}")
        let object = try #require(value.objectValue)
        #expect(object.member("a")?.line == 2)
        #expect(object["a"]?.objectValue?.member("b")?.line == 3)
        do {
            _ = try JSONParser.parse("{\n\n  \"a\": tru\n}")
        } catch let error as JSONSyntaxError {
            #expect(error.line == 3)
        }
    }

    @Test func deepNestingIsRefusedNotCrashed() {
        let deep = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        #expect(throws: JSONSyntaxError.self) { try JSONParser.parse(deep) }
    }

    @Test func outputEscapesWhatTheParserReadsBack() throws {
        let tricky = "quote \" backslash \\ newline \n control \u{1F} unicode é 🎵 long " + String(repeating: "x", count: 100)
        var out = JSONOutput()
        out.string(tricky)
        #expect(try JSONParser.parse(String(decoding: out.bytes, as: UTF8.self)) == .string(tricky))
        #expect(String(decoding: out.bytes, as: UTF8.self).contains("\\u001f"))
    }

    /// The native format names backspace and form feed; the reports write them as `\u00xx`.
    @Test func outputNamesBackspaceAndFormFeedUnlessAskedNotTo() {
        var named: [UInt8] = []
        JSONOutput.appendQuoted("a\u{8}b\u{C}c", to: &named)
        #expect(String(decoding: named, as: UTF8.self) == #""a\bb\fc""#)
        var coded: [UInt8] = []
        JSONOutput.appendQuoted("a\u{8}b\u{C}c", to: &coded, namesBackspaceAndFormFeed: false)
        #expect(String(decoding: coded, as: UTF8.self) == #""a\u0008b\u000cc""#)
    }

    @Test func numbersAreFormattedPlainly() {
        #expect(JSONOutput.format(306.14, decimals: 6) == "306.14")
        #expect(JSONOutput.format(0.000001, decimals: 6) == "0.000001")
        #expect(JSONOutput.format(-2.5, decimals: 3) == "-2.5")
        #expect(JSONOutput.format(12, decimals: 3) == "12")
        #expect(JSONOutput.format(0.0004, decimals: 3) == "0")
    }
}
