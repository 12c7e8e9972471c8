import PerfbenchRecording
import PerfbenchRuntime

/// Talks to upstreams that run `timeScale` times faster than real time (`perfbench serve
/// --time-scale K`) on behalf of a pipeline whose clock runs just as fast, so that everything
/// the pipeline sees is in world seconds.
///
/// - the caller's timeout is raced on the scaled clock (a 30 s timeout fires after 30 world
///   seconds, 0.6 s of real time at scale 50);
/// - `Retry-After`, which a scaled server divides by K (`0.6`), is multiplied back (`30`), so the
///   pipeline waits world seconds and the recording stores them;
/// - every response's `X-Perfbench-Time-Scale` (1 when absent, as for a real upstream) must equal
///   the clock's scale, or the run's times would mean nothing: a mismatch is reported to
///   `onTimeScaleMismatch` (the recorder stops the run) and the response passes unchanged.
public struct TimeScaledTransport: HTTPTransport {
    /// The header a `perfbench serve` response states its time scale in.
    public static let timeScaleHeader = "X-Perfbench-Time-Scale"

    /// The transport that does the I/O (a ``LiveTransport``).
    public let upstream: any HTTPTransport
    /// The pipeline's clock; its scale is the one the upstreams must run at.
    public let clock: ScaledClock
    private let onTimeScaleMismatch: @Sendable (_ service: Service, _ served: Double) -> Void

    /// Wraps `upstream` for a pipeline on `clock`.
    public init(
        upstream: any HTTPTransport, clock: ScaledClock,
        onTimeScaleMismatch: @escaping @Sendable (_ service: Service, _ served: Double) -> Void = { _, _ in }
    ) {
        self.upstream = upstream
        self.clock = clock
        self.onTimeScaleMismatch = onTimeScaleMismatch
    }

    public func send(_ request: HTTPRequest, timeout: Duration) async throws -> TransportResult {
        let upstream = upstream
        // The upstream's own timeout is a backstop only: the race on the scaled clock decides.
        let backstop = clock.real(timeout) + .seconds(5)
        let result: TransportResult
        do {
            result = try await withTimeout(timeout, on: clock) {
                try await upstream.send(request, timeout: backstop)
            }
        } catch is TimeoutError {
            return .timeout
        }
        guard case .response(var response) = result else { return result }
        let served = Self.timeScale(of: response)
        if !Self.sameScale(served, clock.timeScale) { onTimeScaleMismatch(request.service, served) }
        response.headers = Self.worldHeaders(response.headers, timeScale: clock.timeScale)
        return .response(response)
    }

    /// The scale a response says its server runs at (1 without the header or with a bad value).
    public static func timeScale(of response: HTTPResponse) -> Double {
        guard let text = response.header(timeScaleHeader), let value = Double(text.trimmingBlanks),
            value.isFinite, value > 0
        else { return 1 }
        return value
    }

    /// Whether two scales are the same up to decimal rounding of the header.
    public static func sameScale(_ a: Double, _ b: Double) -> Bool {
        abs(a - b) <= 1e-6 * max(a, b)
    }

    /// The headers with every numeric `Retry-After` multiplied by `timeScale` (to the
    /// millisecond; an HTTP-date is left alone).
    public static func worldHeaders(_ headers: [HTTPHeader], timeScale: Double) -> [HTTPHeader] {
        guard timeScale != 1 else { return headers }
        return headers.map { header in
            guard header.name.lowercased() == "retry-after", let served = Double(header.value.trimmingBlanks),
                served.isFinite, served >= 0
            else { return header }
            return HTTPHeader(header.name, decimalSeconds(served * timeScale))
        }
    }

    /// Seconds rounded to the millisecond without trailing zeros: `30`, `0.6`, `1.125`.
    static func decimalSeconds(_ seconds: Double) -> String {
        var text = seconds.formatted(decimals: 3)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }
}

extension String {
    fileprivate var trimmingBlanks: String {
        String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }
}
