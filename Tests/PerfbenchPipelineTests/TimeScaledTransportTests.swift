import PerfbenchPipeline
import PerfbenchRecording
import PerfbenchRuntime
import Synchronization
import Testing

@Suite("TimeScaledTransport")
struct TimeScaledTransportTests {
    /// Answers every request with `response` after `realLatency` on the continuous clock.
    struct FixedUpstream: HTTPTransport {
        var response: HTTPResponse
        var realLatency: Duration = .zero

        func send(_ request: HTTPRequest, timeout: Duration) async throws -> TransportResult {
            if realLatency > .zero { try await ContinuousClock().sleep(for: realLatency) }
            return .response(response)
        }
    }

    final class Mismatches: Sendable {
        let seen = Mutex<[Double]>([])
        @Sendable func note(_ service: Service, _ served: Double) { seen.withLock { $0.append(served) } }
    }

    let request = HTTPRequest(service: .spotify, path: "/v1/search", tool: "search_spotify_tracks")

    @Test func retryAfterInRealSecondsIsMultipliedBackToWorldSeconds() async throws {
        let served = HTTPResponse(
            status: 429, headers: [HTTPHeader("Retry-After", "0.6"), HTTPHeader("X-Perfbench-Time-Scale", "50")],
            body: "{}")
        let transport = TimeScaledTransport(upstream: FixedUpstream(response: served), clock: ScaledClock(timeScale: 50))
        let result = try await transport.send(request, timeout: .seconds(30))
        guard case .response(let response) = result else {
            Issue.record("expected a response, got \(result)")
            return
        }
        #expect(response.header("Retry-After") == "30")
        #expect(response.retryAfterSeconds == 30)
    }

    @Test(arguments: [("0.14", 50.0, "7"), ("0.333333", 3.0, "1"), ("1.5", 10.0, "15"), ("0.0225", 50.0, "1.125")])
    func retryAfterScalingRoundsToTheMillisecond(served: String, scale: Double, world: String) {
        let headers = TimeScaledTransport.worldHeaders([HTTPHeader("retry-after", served)], timeScale: scale)
        #expect(headers == [HTTPHeader("retry-after", world)])
    }

    @Test func anHTTPDateRetryAfterAndOtherHeadersPassUnchanged() {
        let headers = [HTTPHeader("Retry-After", "Wed, 21 Oct 2026 07:28:00 GMT"), HTTPHeader("X-Other", "2")]
        #expect(TimeScaledTransport.worldHeaders(headers, timeScale: 50) == headers)
    }

    @Test func theResponseParserReadsDecimalRetryAfter() {
        let response = HTTPResponse(status: 429, headers: [HTTPHeader("Retry-After", " 0.6 ")], body: "")
        #expect(response.retryAfterSeconds == 0.6)
        #expect(HTTPResponse(status: 429, headers: [HTTPHeader("Retry-After", "3")], body: "").retryAfterSeconds == 3)
    }

    @Test func aServerAtAnotherScaleIsReported() async throws {
        let mismatches = Mismatches()
        let served = HTTPResponse(status: 200, headers: [HTTPHeader("X-Perfbench-Time-Scale", "20")], body: "{}")
        let transport = TimeScaledTransport(
            upstream: FixedUpstream(response: served), clock: ScaledClock(timeScale: 50),
            onTimeScaleMismatch: mismatches.note)
        _ = try await transport.send(request, timeout: .seconds(30))
        #expect(mismatches.seen.withLock { $0 } == [20])
    }

    @Test func aMissingScaleHeaderMeansRealTime() async throws {
        let mismatches = Mismatches()
        let plain = FixedUpstream(response: HTTPResponse(status: 200, body: "{}"))
        let realTime = TimeScaledTransport(upstream: plain, clock: ScaledClock(timeScale: 1), onTimeScaleMismatch: mismatches.note)
        _ = try await realTime.send(request, timeout: .seconds(30))
        #expect(mismatches.seen.withLock { $0 }.isEmpty)
        let scaled = TimeScaledTransport(upstream: plain, clock: ScaledClock(timeScale: 50), onTimeScaleMismatch: mismatches.note)
        _ = try await scaled.send(request, timeout: .seconds(30))
        #expect(mismatches.seen.withLock { $0 } == [1])
    }

    @Test func theTimeoutFiresAfterWorldSecondsOnTheScaledClock() async throws {
        // 30 s world at scale 100 is 0.3 s real; the upstream would take 120 s. No upper bound on
        // the real time: a loaded machine delayed the wake-up past 60 s once (parallel suites held
        // the pool). The result itself says the timeout won: a late upstream answer would be a
        // response.
        let slow = FixedUpstream(response: HTTPResponse(status: 200, body: "{}"), realLatency: .seconds(120))
        let clock = ScaledClock(timeScale: 100)
        let transport = TimeScaledTransport(upstream: slow, clock: clock)
        let real = ContinuousClock()
        let started = real.now
        let result = try await transport.send(request, timeout: .seconds(30))
        let took = started.duration(to: real.now)
        #expect(result == .timeout)
        #expect(took >= .milliseconds(300), "\(took)")
    }
}
