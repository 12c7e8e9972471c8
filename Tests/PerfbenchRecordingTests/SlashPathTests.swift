import PerfbenchRecording
import Testing

/// Cutting paths by their bytes gives what cutting them by `Character` gives, for any text.
@Suite("SlashPath")
struct SlashPathTests {
    static let texts = [
        "", "/", "//", "abc", "a/b", "a/b/", "a/b//", "/x", "https://api.reccobeats.com/v1/track/4u7EnebtmKWzUH433cf5Qv",
        "é/ü♫", "a//b", "a/\u{301}b", "x/y/\u{301}", "orchestration/initial_generation/seed_gathering", "a/é\u{301}/c",
    ]

    @Test(arguments: texts)
    func lastComponentIsSplitsLast(_ text: String) {
        #expect(SlashPath.lastComponent(text) == text.split(separator: "/").last.map(String.init))
    }

    @Test(arguments: texts)
    func parentIsEverythingBeforeTheLastSlashCharacter(_ text: String) {
        let expected = text.lastIndex(of: "/").map { String(text[..<$0]) } ?? ""
        #expect(SlashPath.parent(of: text) == expected)
    }
}
