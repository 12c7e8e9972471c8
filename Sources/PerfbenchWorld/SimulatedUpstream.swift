import PerfbenchPipeline
import PerfbenchRuntime

/// The simulated world as an ``HTTPTransport``: answers on an injected clock, virtual or real.
///
/// Each request takes the world's latency on the clock. When that exceeds the request's timeout
/// the transport sleeps the timeout instead and returns `.timeout`: one sleep, no race, so a
/// replay costs a couple of executor jobs per request.
public struct SimulatedUpstream: HTTPTransport {
    /// The world behind the transport (catalogue, profile, server state).
    public let world: UpstreamWorld
    private let elapsed: @Sendable () -> Duration
    private let sleep: @Sendable (Duration) async throws -> Void

    /// A fresh world of `profile` and `seed` on `clock`; pass `catalogue` to reuse one.
    public init(
        profile: WorldProfile, seed: UInt64, clock: any Clock<Duration>, catalogue: Catalogue? = nil
    ) {
        self.init(world: UpstreamWorld(profile: profile, seed: seed, catalogue: catalogue), clock: clock)
    }

    /// `world` on `clock`. Server time starts now: the world's windows see time since this call.
    public init(world: UpstreamWorld, clock: any Clock<Duration>) {
        self.world = world
        (elapsed, sleep) = Self.bind(clock)
    }

    /// Sleeps the world's latency (or the timeout, then `.timeout`) and returns the answer.
    public func send(_ request: HTTPRequest, timeout: Duration) async throws -> TransportResult {
        let outcome = world.handle(request, at: elapsed())
        if outcome.latency > timeout {
            try await sleep(timeout)
            return .timeout
        }
        try await sleep(outcome.latency)
        return outcome.result
    }

    /// Opens the existential clock once, so each call pays no dynamic dispatch on `Instant`.
    private static func bind<C: Clock>(
        _ clock: C
    ) -> (@Sendable () -> Duration, @Sendable (Duration) async throws -> Void) where C.Duration == Duration {
        let start = clock.now
        return (
            { start.duration(to: clock.now) },
            { duration in try await clock.sleep(for: duration) }
        )
    }
}
