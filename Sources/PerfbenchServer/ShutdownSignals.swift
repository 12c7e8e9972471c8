import Dispatch

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// SIGINT and SIGTERM as an awaitable event, so `perfbench serve` stops cleanly on Ctrl-C or a
/// service manager's stop instead of dying mid-write.
enum ShutdownSignals {
    /// Runs `body` with a function that returns at the first SIGINT or SIGTERM (or when the task
    /// is cancelled). While `body` runs those signals no longer end the process; the default
    /// handling is restored on return.
    static func whileWaiting<T>(
        _ body: (_ waitForSignal: @Sendable () async -> Void) async throws -> T
    ) async throws -> T {
        let (stream, continuation) = AsyncStream<Int32>.makeStream(bufferingPolicy: .bufferingNewest(1))
        let queue = DispatchQueue(label: "perfbench.serve.signals")
        var sources: [any DispatchSourceSignal] = []
        for number in [SIGINT, SIGTERM] {
            // Ignored as a process signal, seen by the dispatch source (as swift-service-lifecycle does).
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler { continuation.yield(number) }
            source.resume()
            sources.append(source)
        }
        defer {
            continuation.finish()
            for source in sources { source.cancel() }
            for number in [SIGINT, SIGTERM] { signal(number, SIG_DFL) }
        }
        return try await body {
            for await _ in stream { return }
        }
    }
}
