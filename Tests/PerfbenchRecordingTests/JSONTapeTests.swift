import PerfbenchRuntime
import Testing

@testable import PerfbenchRecording

@Suite("JSON tape")
struct JSONTapeTests {
    /// Documents of every shape the parser reads, a response body among them.
    static let documents: [String] = [
        #"{"a": [1, -2, 3.5, 1e3, true, false, null, "s"], "b": {}, "big": 18446744073709551615}"#,
        #"{"tracks":{"items":[{"id":"4uLU6hMCjMI75M1A2tKUQC","name":"Caf\u00e9 \"Bleu\"","artists":[{"id":"0OdUWJ0sBjDrqHygGUXeCF","name":"A"}],"duration_ms":213000,"popularity":61}],"total":1}}"#,
        " [ ] ",
        "\"only a string\"",
        "-0",
        "12345678901234567890123",
        "-9223372036854775808",
        "2.5E-3",
        "1e999999",
        "{\n  \"pretty\": [\n    1,\n    {\"x\": null}\n  ]\n}\n",
        #"{"id": 1, "id": 2, "\u0069d": 3}"#,
        #"{"\u212Aey": "kelvin sign", "Key": "ascii", "Ké": "nfc", "Ke\u0301": "nfd"}"#,
        #"{"energy": 0.61, "valence": 7, "tempo": 120.0, "loudness": -5e0, "mode": 1.5}"#,
        #"[[[[[]]]], {"": ""}, "\ud83c\udfb5", "\ud800x"]"#,
    ]

    /// Texts the parser refuses, for every reason it has.
    static let refused: [String] = [
        #"{"a":1,}"#, #"{"a" 1}"#, "[1 2]", "\"tab\there\"", #""\x""#, "01", #"{"a":1} x"#, #""open"#, "", "  ",
        "tru", "nul", "-", "1.", "1e", #"{"a":}"#, "[", "{", #"{"a":1"#, "[1,]", "{1:2}", #""\u12G4""#,
    ]

    @Test(arguments: documents)
    func acceptsWhatTheParserAcceptsAndReadsTheSameValues(_ text: String) throws {
        let tree = try JSONParser.parse(text)
        let tape = try #require(JSONTape(text))
        Self.expectSame(tape.root, tree)
        #expect(tape.tree == tree)
    }

    @Test(arguments: refused)
    func refusesWhatTheParserRefuses(_ text: String) {
        #expect((try? JSONParser.parse(text)) == nil, "\(text)")
        #expect(JSONTape(text) == nil, "\(text)")
    }

    @Test func refusesNestingDeeperThanTheParserDoes() {
        let limit = String(repeating: "[", count: 512) + String(repeating: "]", count: 512)
        let deeper = "[" + limit + "]"
        #expect(JSONTape(limit) != nil)
        #expect((try? JSONParser.parse(limit)) != nil)
        #expect(JSONTape(deeper) == nil)
        #expect((try? JSONParser.parse(deeper)) == nil)
    }

    @Test func looksUpMembersAsTheTreeDoes() throws {
        let duplicates = try #require(JSONTape(#"{"id": 1, "id": 2, "\u0069d": 3, "x\u0000": 4}"#)).root
        #expect(duplicates["id"]?.intValue == 1)
        #expect(duplicates["x\u{0}"]?.intValue == 4)
        #expect(duplicates["missing"] == nil)
        // String comparison is canonical: the Kelvin sign is "K", and é precomposed or not is é.
        let names = try #require(JSONTape(#"{"\u212Aey": 1, "Ke\u0301": 2}"#)).root
        #expect(names["Key"]?.intValue == 1)
        #expect(names["Ké"]?.intValue == 2)
        #expect(try JSONParser.parse(#"{"\u212Aey": 1}"#)["Key"]?.intValue == 1)
        // Only objects have members, only arrays elements.
        let array = try #require(JSONTape("[1]")).root
        #expect(array["0"] == nil)
        #expect(names.arrayValue == nil)
        #expect(array.arrayValue?.count == 1)
    }

    /// Byte-level damage to the documents: wherever the parser accepts the result the tape
    /// reads the same values, and wherever it refuses, the tape refuses.
    @Test func agreesWithTheParserOnDamagedDocuments() throws {
        var random = SplitMix64(seed: 15)
        let alphabet = Array(#"{}[]":,\ u0123456789eE.-+tfnl"aéK"#.utf8) + [0x0A, 0x09, 0x01, 0xFF]
        var accepted = 0
        for _ in 0..<3_000 {
            var bytes = Array(Self.documents[Int(random.next() % UInt64(Self.documents.count))].utf8)
            for _ in 0..<(1 + Int(random.next() % 3)) where !bytes.isEmpty {
                let position = Int(random.next() % UInt64(bytes.count))
                switch random.next() % 3 {
                case 0: bytes[position] = alphabet[Int(random.next() % UInt64(alphabet.count))]
                case 1: bytes.remove(at: position)
                default: bytes.insert(alphabet[Int(random.next() % UInt64(alphabet.count))], at: position)
                }
            }
            let tree = bytes.withUnsafeBufferPointer { try? JSONParser.parse($0) }
            let tape = JSONTape(bytes: bytes)
            #expect((tape == nil) == (tree == nil), "\(String(decoding: bytes, as: UTF8.self))")
            if let tape, let tree {
                accepted += 1
                Self.expectSame(tape.root, tree)
            }
        }
        // Enough of both kinds to mean something.
        #expect(accepted > 300 && accepted < 2_700)
    }

    @Test(arguments: [
        (#""abc""#, "abc"), (#""a\u00e9\"b\\""#, "aé\"b\\"), (#""""#, ""), (#" "abc""#, nil), (#"" abc""#, " abc"), (#""abc" "#, nil),
        (#""abc"x"#, nil), (#""abc"#, nil), ("abc", nil), (#"""#, nil), (#""a\qb""#, nil), ("", nil),
    ] as [(String, String?)])
    func aStringLiteralIsReadOnlyWhenItIsTheWholeText(text: String, expected: String?) {
        let read = Array(text.utf8).withUnsafeBufferPointer(JSONStringDecoding.literal)
        #expect(read == expected)
        // What the parser makes of the same text, when it is a string with nothing around it.
        if let expected { #expect((try? JSONValue.parse(text))?.stringValue == expected) }
    }

    /// Every accessor of `node` gives what the same accessor of `value` gives, all the way down.
    /// With `checksText`, also that the node reads as the value parsed from its own ``JSONNode/text``.
    static func expectSame(
        _ node: JSONNode, _ value: JSONValue, checksText: Bool = true, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(node.stringValue == value.stringValue, sourceLocation: sourceLocation)
        #expect(node.doubleValue?.bitPattern == value.doubleValue?.bitPattern, sourceLocation: sourceLocation)
        #expect(node.int64Value == value.int64Value, sourceLocation: sourceLocation)
        #expect(node.intValue == value.intValue, sourceLocation: sourceLocation)
        #expect(node.boolValue == value.boolValue, sourceLocation: sourceLocation)
        #expect(node.isObject == (value.objectValue != nil), sourceLocation: sourceLocation)
        #expect(node.arrayValue?.count == value.arrayValue?.count, sourceLocation: sourceLocation)
        if let elements = value.arrayValue, let nodes = node.arrayValue, nodes.count == elements.count {
            for (element, value) in zip(nodes, elements) { expectSame(element, value, checksText: checksText, sourceLocation: sourceLocation) }
        }
        #expect(node.members?.map(\.key) == value.objectValue?.members.map(\.key), sourceLocation: sourceLocation)
        if let members = node.members, let expected = value.objectValue?.members, members.count == expected.count {
            for (member, value) in zip(members, expected) {
                expectSame(member.value, value.value, checksText: false, sourceLocation: sourceLocation)
            }
        }
        if checksText {
            // The text a node quotes reads back as the same value.
            if let reparsed = try? JSONValue.parse(node.text) {
                expectSame(node, reparsed, checksText: false, sourceLocation: sourceLocation)
            } else {
                Issue.record("the node's text \(node.text) is not JSON", sourceLocation: sourceLocation)
            }
        }
        if let object = value.objectValue {
            for member in object.members {
                guard let found = node[member.key], let expected = object[member.key] else {
                    Issue.record("member \(member.key) not found", sourceLocation: sourceLocation)
                    continue
                }
                expectSame(found, expected, checksText: checksText, sourceLocation: sourceLocation)
            }
            #expect(node["no such member"] == nil, sourceLocation: sourceLocation)
        }
    }
}
