import PerfbenchRecording
import Synchronization

/// Collects everything one workflow run did — exchanges, waits, retries, cache hits, stage spans —
/// as recording events, plus the counters reports need.
///
/// Shared by all tasks of a run; appends happen in schedule order, which on the virtual executor
/// is deterministic.
public final class RunObserver: Sendable {
    private struct State {
        var events: [RecordingEvent] = []
        var counters = RunCounters()
        var inFlight = ServiceTally()
        var nextExchange = 0
    }

    private let state = Mutex(State())
    /// The instant the workflow started: every recorded time is measured from it.
    let origin: Duration
    /// Whether exchanges, waits, retries and cache hits are kept as events (stage spans always
    /// are; counters count everything either way): ``PipelineSession/keepsEvents``.
    let keepsEvents: Bool

    init(origin: Duration, keepsEvents: Bool = true) {
        self.origin = origin
        self.keepsEvents = keepsEvents
    }

    /// Events in the order they were recorded (stable-sorted by start when written out).
    public var events: [RecordingEvent] { state.withLock { $0.events } }

    /// The counters so far.
    public var counters: RunCounters { state.withLock { $0.counters } }

    func micros(_ instant: Duration) -> Int {
        Int((instant - origin).microseconds)
    }

    func exchangeStarted(_ service: Service) -> String {
        state.withLock { state in
            state.nextExchange += 1
            let now = (state.inFlight[service] ?? 0) + 1
            state.inFlight[service] = now
            state.counters.notePeak(service, now)
            return "x" + String(state.nextExchange)
        }
    }

    /// A finished exchange of `service`, counted; kept as an event when `exchange` is given.
    func exchangeFinished(_ service: Service, outcome: Outcome, status: Int?, keeping exchange: Exchange?) {
        state.withLock { state in
            state.inFlight[service] = (state.inFlight[service] ?? 1) - 1
            state.counters.note(service, outcome: outcome, status: status)
            if let exchange { state.events.append(.exchange(exchange)) }
        }
    }

    func waited(_ wait: Wait) {
        state.withLock { state in
            state.counters.note(wait)
            if keepsEvents { state.events.append(.wait(wait)) }
        }
    }

    func retried(_ retry: Retry) {
        state.withLock { state in
            state.counters.retries += 1
            if keepsEvents { state.events.append(.retry(retry)) }
        }
    }

    func cacheHit(_ event: CacheEvent) {
        state.withLock { state in
            state.counters.cacheHits += 1
            if keepsEvents { state.events.append(.cacheHit(event)) }
        }
    }

    func cacheMiss() {
        state.withLock { $0.counters.cacheMisses += 1 }
    }

    func stage(_ span: StageSpan) {
        state.withLock { $0.events.append(.stage(span)) }
    }

    func count(_ update: (inout RunCounters) -> Void) {
        state.withLock { update(&$0.counters) }
    }
}
