import PerfbenchRecording
import Testing

@testable import PerfbenchReplay

/// The answer writer's text: what composed and synthesized answers carry, so every byte of it
/// reaches the clients and the reports.
@Suite("JSON writer")
struct JSONWriterTests {
    @Test func writesNumbersInTheirShortestFormAndEscapesMinimally() throws {
        let value = try JSONValue.parse(
            #"{"b":1,"a":[-9223372036854775808,18446744073709551615,0.1,1e-5,1.0,-0.0,1e300],"s":"q\" \\ \n\r\t\u0001\u001f é/🎵","n":null,"t":true,"f":false}"#)
        #expect(
            JSONWriter.write(value)
                == #"{"b":1,"a":[-9223372036854775808,18446744073709551615,0.1,1e-05,1.0,-0.0,1e+300],"s":"q\" \\ \n\r\t\u0001\u001f é/🎵","n":null,"t":true,"f":false}"#)
        #expect(JSONWriter.write(.double(.nan)) == "null")
        #expect(JSONWriter.write(.array([])) == "[]")
    }

    @Test func readsBackAsTheSameValue() throws {
        let text = #"{"items":[{"id":"x","artists":[{"id":"a","name":"A \"B\""}],"popularity":61,"dup":1,"dup":2}],"total":1}"#
        let value = try JSONValue.parse(text)
        #expect(JSONWriter.write(value) == text)
        #expect(try JSONValue.parse(JSONWriter.write(value)) == value)
        #expect(JSONWriter.array(values: value["items"]?.arrayValue ?? []) == "[" + JSONWriter.write(value["items"]!.arrayValue![0]) + "]")
    }

    @Test func replacesAMemberInPlaceOrAddsItFirst() throws {
        let object = try #require(try JSONValue.parse(#"{"id":"t","popularity":null,"name":"n","popularity":3}"#).objectValue)
        #expect(JSONWriter.write(object, replacing: "popularity", with: "50") == #"{"id":"t","popularity":50,"name":"n"}"#)
        #expect(JSONWriter.write(object, replacing: "uri", with: #""u""#) == #"{"uri":"u","id":"t","popularity":null,"name":"n","popularity":3}"#)
        #expect(JSONWriter.object([("k\"", "1"), ("b", "[]")]) == #"{"k\"":1,"b":[]}"#)
    }

    @Test func aPageCarriesItsItemsAndLimit() throws {
        let items = [try JSONValue.parse(#"{"id":"a"}"#), try JSONValue.parse(#"{"id":"b"}"#)]
        #expect(ResponseSynthesizer.page(items, limit: 5) == #"{"items":[{"id":"a"},{"id":"b"}],"total":2,"limit":5,"offset":0,"next":null}"#)
    }
}
