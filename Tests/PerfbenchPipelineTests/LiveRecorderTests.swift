import PerfbenchPipeline
import PerfbenchRecording
import Testing

@Suite("LiveRecorder")
struct LiveRecorderTests {
    @Test func aRefusedUpstreamStopsTheRecordingBeforeTheRunNamingServiceAndURL() async throws {
        // Port 9 on loopback: nothing listens there, the kernel refuses at once.
        let refused = "http://127.0.0.1:9"
        let options = LiveRecorder.Options(
            bases: [.spotify: refused, .reccobeats: refused + "/reccobeats", .llm: refused],
            timeScale: 50, prompt: "rainy day jazz", createdAt: "2026-01-01T00:00:00Z")
        do {
            _ = try await LiveRecorder.record(options)
            Issue.record("expected the recording to stop")
        } catch let error as LiveRecordingError {
            guard case .unreachable(let host) = error else {
                Issue.record("expected unreachable, got \(error)")
                return
            }
            #expect(host.base == "http://127.0.0.1:9")
            #expect(host.cause == "connection refused")
            #expect(error.description.contains("cannot reach llm at http://127.0.0.1:9 (connection refused)"))
            #expect(error.description.contains("perfbench serve"))
        }
    }

    @Test func anUnresolvableHostIsUnreachable() async throws {
        let nowhere = "http://perfbench-no-such-host.invalid"
        let options = LiveRecorder.Options(
            bases: [.spotify: nowhere, .reccobeats: nowhere, .llm: nowhere],
            prompt: "rainy day jazz", createdAt: "2026-01-01T00:00:00Z")
        await #expect(throws: LiveRecordingError.self) { _ = try await LiveRecorder.record(options) }
    }

    @Test func theRecorderNameStatesTheScale() {
        #expect(LiveRecorder.recorderName(timeScale: 50).hasSuffix("record (time scale 50)"))
        #expect(LiveRecorder.recorderName(timeScale: 1).hasSuffix(" record"))
        #expect(LiveRecorder.recorderName(timeScale: 2.5).hasSuffix("(time scale 2.5)"))
    }
}
