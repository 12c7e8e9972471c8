import NIOCore

/// How a connection holds an answer back for its delay: on the connection's event loop (real
/// time, no thread hop), or by a sleep on an injected clock in a child task of the server.
enum ResponseTiming: Sendable {
    /// `EventLoop.scheduleTask`: real time, the production path.
    case eventLoop
    /// Hands the delay and the send to ``ClockTimerService``, which sleeps on its clock.
    case clock(AsyncStream<DelayedSend>.Continuation)
}

/// An answer waiting for its delay: `send` writes it (it hops to the connection's event loop).
struct DelayedSend: Sendable {
    let delay: Duration
    let send: @Sendable () -> Void
}

/// Sleeps each ``DelayedSend``'s delay on a clock in its own child task, then sends it; runs
/// until its stream finishes or it is cancelled (the server stopping), dropping what is left.
enum ClockTimerService {
    static func run(_ sends: AsyncStream<DelayedSend>, clock: some Clock<Duration>) async {
        await withDiscardingTaskGroup { group in
            for await pending in sends {
                group.addTask {
                    do {
                        try await clock.sleep(for: pending.delay)
                    } catch {
                        return
                    }
                    pending.send()
                }
            }
            group.cancelAll()
        }
    }
}

extension Duration {
    /// The duration as NIO's `TimeAmount` (nanoseconds, saturating).
    var timeAmount: TimeAmount {
        let (seconds, attoseconds) = components
        let nanos = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        guard !nanos.overflow else { return .nanoseconds(Int64.max) }
        return .nanoseconds(nanos.partialValue + attoseconds / 1_000_000_000)
    }
}
