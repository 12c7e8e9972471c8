import Foundation
import PerfbenchReport
import Testing

/// The writer behind every JSON report: escapes, numbers, nesting and indentation, byte for byte.
@Suite struct OrderedJSONTests {
    @Test func stringsEscapeQuotesBackslashesAndControlsAndKeepEverythingElse() {
        let value = OrderedJSON.string("a \"quoted\" \\ path\nnext\r\tend \u{1}\u{8}\u{C}\u{1F} é → 🎵 long run of plain text")
        #expect(
            value.rendered()
                == #""a \"quoted\" \\ path\nnext\r\tend \u0001\u0008\u000c\u001f é → 🎵 long run of plain text""#)
    }

    @Test func compactAndPrettyFormsNestInTheGivenOrder() {
        let value = OrderedJSON.members([
            ("z", .int(-3)), ("a", .array([.number(1.250, decimals: 6), .null, .bool(true)])),
            ("empty", .array([])), ("none", .object([])), ("nan", .number(.nan, decimals: 2)),
        ])
        #expect(value.rendered() == #"{"z":-3,"a":[1.25,null,true],"empty":[],"none":{},"nan":null}"#)
        #expect(
            value.rendered(pretty: true)
                == "{\n  \"z\": -3,\n  \"a\": [\n    1.25,\n    null,\n    true\n  ],\n  \"empty\": [],\n  \"none\": {},\n  \"nan\": null\n}")
    }

    /// What the writer emits, any JSON parser reads back as the same strings.
    @Test func everyEscapedStringParsesBackToItself() throws {
        let texts = ["", "plain", "\u{0}\u{7F}", "tab\there", String(repeating: "x\"", count: 40), "naïve café\n"]
        let rendered = OrderedJSON.array(texts.map(OrderedJSON.string)).rendered()
        let parsed = try JSONSerialization.jsonObject(with: Data(rendered.utf8)) as? [String]
        #expect(parsed == texts)
    }
}
