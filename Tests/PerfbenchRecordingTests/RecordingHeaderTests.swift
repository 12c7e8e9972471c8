import PerfbenchRecording
import Testing

/// What a header says about where its recording came from.
@Suite("Recording header")
struct RecordingHeaderTests {
    static func header(recorder: String) -> RecordingHeader {
        RecordingHeader(createdAt: "2025-11-11T15:13:44Z", recorder: recorder, configName: "baseline", prompt: "calm")
    }

    @Test func theImportSourceIsTheWordAfterImport() {
        #expect(Self.header(recorder: "perfbench 0.1.0 import moodlist-log").importSource == "moodlist-log")
        #expect(Self.header(recorder: "perfbench 0.1.0 import har (Firefox 120)").importSource == "har")
        #expect(Self.header(recorder: "perfbench 0.1.0").importSource == nil)
    }

    @Test func onlyABackendLogImportIsAnImportedLog() {
        #expect(Self.header(recorder: "perfbench 0.1.0 import moodlist-log").isImportedLog)
        #expect(!Self.header(recorder: "perfbench 0.1.0 import har (mitmproxy 11.0.2)").isImportedLog)
        #expect(!Self.header(recorder: "perfbench 0.1.0").isImportedLog)
    }
}
