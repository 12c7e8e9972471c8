import NIOCore
import NIOHTTP1
import NIOPosix
import PerfbenchWorld

/// The simulated upstream world over real HTTP on one port: Spotify under `/v1/…`, ReccoBeats
/// under `/reccobeats/v1/…`, the LLM at `POST /v1/chat/completions`, with the world's catalogue,
/// latencies, limits, `429` + `Retry-After` and faults, on time scaled by K.
///
/// Each request is asked of the world at world time (real time since start × K); the answer
/// waits the world's latency / K, and `Retry-After` is sent in real seconds (the world's / K, up
/// to six decimals). Every response carries `X-Perfbench-Time-Scale: K`. A world connection
/// error closes the connection without an answer. Requests on one connection are answered in
/// order (HTTP/1.1 keep-alive and pipelining).
public enum WorldServer {
    /// The header every response carries with K, so a client can turn real seconds back into
    /// world seconds.
    public static let timeScaleHeader = "X-Perfbench-Time-Scale"

    /// Starts the server on real time, runs `body` with its addresses, then shuts it down (also
    /// when `body` throws or the task is cancelled): the listening socket and every connection
    /// are closed before return, in-flight requests dropped. Latencies wait on the connections'
    /// event loops, so an answer costs no thread hop.
    public static func withRunning<T: Sendable>(
        _ configuration: WorldServerConfiguration, _ body: @Sendable (ServedWorld) async throws -> T
    ) async throws -> T {
        try await serve(configuration, clock: ContinuousClock(), timing: .eventLoop, body)
    }

    /// ``withRunning(_:_:)`` with world time read from `clock` and every latency slept on it (in
    /// a child task per delayed answer), for tests and clocks other than real time.
    public static func withRunning<T: Sendable>(
        _ configuration: WorldServerConfiguration, clock: some Clock<Duration>,
        _ body: @Sendable (ServedWorld) async throws -> T
    ) async throws -> T {
        let (sends, timer) = AsyncStream<DelayedSend>.makeStream()
        return try await withThrowingTaskGroup(of: Void.self, returning: T.self) { group in
            group.addTask { await ClockTimerService.run(sends, clock: clock) }
            defer {
                timer.finish()
                group.cancelAll()
            }
            return try await serve(configuration, clock: clock, timing: .clock(timer), body)
        }
    }

    /// Serves until SIGINT or SIGTERM (the command line), calling `onReady` with the addresses
    /// once the port is bound; returns after a clean shutdown.
    public static func run(
        _ configuration: WorldServerConfiguration, onReady: @Sendable (ServedWorld) -> Void
    ) async throws {
        try await ShutdownSignals.whileWaiting { waitForSignal in
            try await withRunning(configuration) { served in
                onReady(served)
                await waitForSignal()
            }
        }
    }

    private static func serve<T: Sendable>(
        _ configuration: WorldServerConfiguration, clock: some Clock<Duration>, timing: ResponseTiming,
        _ body: @Sendable (ServedWorld) async throws -> T
    ) async throws -> T {
        try configuration.validate()
        let world = UpstreamWorld(profile: configuration.profile, seed: configuration.seed)
        let responder = WorldResponder(world: world, scale: TimeScale(factor: configuration.timeScale), clock: clock)
        let registry = ConnectionRegistry()
        let maxBodyBytes = configuration.maxBodyBytes
        let idle = TimeAmount.microseconds(configuration.idleTimeout.microseconds)
        let listener = try await bind(configuration) { channel in
            let handler = WorldHTTPHandler(
                responder: responder, timing: timing, registry: registry, maxBodyBytes: maxBodyBytes)
            // Nothing read for `idle`: the handler closes the connection unless an answer is due.
            try channel.pipeline.syncOperations.addHandler(IdleStateHandler(readTimeout: idle))
            try channel.pipeline.syncOperations.configureHTTPServerPipeline(withErrorHandling: true)
            try channel.pipeline.syncOperations.addHandler(handler)
        }
        let port = listener.localAddress?.port ?? configuration.port
        let served = ServedWorld(host: configuration.host, port: port, timeScale: configuration.timeScale)
        let result: Result<T, any Error>
        do {
            result = .success(try await body(served))
        } catch {
            result = .failure(error)
        }
        // Stop accepting first, then close what was accepted.
        try? await listener.close()
        await registry.closeAll()
        return try result.get()
    }

    /// Binds the listening socket; `setUp` installs each accepted connection's handlers.
    static func bind(
        _ configuration: WorldServerConfiguration, setUp: @escaping @Sendable (any Channel) throws -> Void
    ) async throws(WorldServerError) -> any Channel {
        let host =
            configuration.host.hasPrefix("[") && configuration.host.hasSuffix("]")
            ? String(configuration.host.dropFirst().dropLast()) : configuration.host
        do {
            return try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
                .serverChannelOption(.backlog, value: 512)
                .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
                .childChannelOption(.tcpOption(.tcp_nodelay), value: 1)
                // A client that half-closes after its request still gets the answer.
                .childChannelOption(.allowRemoteHalfClosure, value: true)
                .childChannelInitializer { channel in
                    channel.eventLoop.makeCompletedFuture { try setUp(channel) }
                }
                .bind(host: host, port: configuration.port).get()
        } catch let error as IOError {
            throw .cannotListen(host: configuration.host, port: configuration.port, reason: Self.reason(error.errnoCode))
        } catch let error as SocketAddressError {
            if case .unknown = error {
                throw .cannotListen(
                    host: configuration.host, port: configuration.port,
                    reason: "the host name does not resolve; use an address such as 127.0.0.1")
            }
            throw .cannotListen(host: configuration.host, port: configuration.port, reason: "\(error)")
        } catch {
            throw .cannotListen(host: configuration.host, port: configuration.port, reason: "\(error)")
        }
    }

    private static func reason(_ code: CInt) -> String {
        switch code {
        case EADDRINUSE: return "the port is in use (another perfbench serve?); choose another port, or 0 for a free one"
        case EADDRNOTAVAIL: return "the address is not one of this machine's; use 127.0.0.1"
        case EACCES: return "permission denied (ports below 1024 need privileges); choose a port of 1024 or more"
        default: return "error \(code)"
        }
    }
}
