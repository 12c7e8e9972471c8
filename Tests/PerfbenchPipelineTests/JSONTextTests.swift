import Testing

@testable import PerfbenchPipeline
@testable import PerfbenchRecording

@Suite("JSONText")
struct JSONTextTests {
    @Test(arguments: ["plain", "quote \" and \\ backslash", "line\nbreak\ttab\r", "bell \u{07}", "café ♫"])
    func quotedStringsParseBackToThemselves(_ text: String) throws {
        let quoted = JSONText.quoted(text)
        #expect(try JSONValue.parse("[\(quoted)]").arrayValue?.first?.stringValue == text)
    }

    @Test func numbersAreFixedPointWithoutTrailingZeros() {
        #expect(JSONText.number(0.25) == "0.25")
        #expect(JSONText.number(3) == "3")
        #expect(JSONText.number(-0.5) == "-0.5")
        #expect(JSONText.number(0.12345) == "0.1235")
    }
}
