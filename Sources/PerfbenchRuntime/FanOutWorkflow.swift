import Synchronization

/// A small request fan-out used to demonstrate, test and benchmark the runtime: requests with
/// known latencies run under a semaphore; a 429 is waited out (holding the permit) and retried;
/// a request slower than the timeout is cut off.
///
/// It is the toy workflow of the runtime feasibility study, generic over the clock so the same
/// code runs on virtual time and on `ContinuousClock`.
public struct FanOutWorkflow: Sendable {
    /// One scripted upstream request.
    public struct Request: Sendable, Equatable {
        /// How long the first attempt takes.
        public var latency: Duration
        /// The first attempt's status (429 triggers the Retry-After wait and one retry).
        public var status: Int
        /// The Retry-After of a 429.
        public var retryAfter: Duration
        /// How long the retry takes.
        public var retryLatency: Duration

        public init(
            latency: Duration, status: Int = 200, retryAfter: Duration = .zero,
            retryLatency: Duration = .zero
        ) {
            self.latency = latency
            self.status = status
            self.retryAfter = retryAfter
            self.retryLatency = retryLatency
        }
    }

    /// How a request meets its timeout.
    public enum TimeoutStyle: String, Sendable, CaseIterable {
        /// The request races a deadline in a task group; the loser is cancelled.
        case race
        /// The latency is known in advance (as in replay): one sleep of min(latency, timeout).
        case knownLatency
    }

    /// Something that happened to a request, at a virtual (or real) offset from the start.
    public struct Event: Sendable, Equatable, CustomStringConvertible {
        public enum Kind: String, Sendable {
            case start, response, retryAfterWait = "retry-after", retry, timeout
        }

        public var seconds: Double
        public var request: Int
        public var kind: Kind
        public var status: Int?

        public init(seconds: Double, request: Int, kind: Kind, status: Int? = nil) {
            self.seconds = seconds
            self.request = request
            self.kind = kind
            self.status = status
        }

        public var description: String {
            let statusText = status.map { " \($0)" } ?? ""
            return "\(seconds.formatted(decimals: 3)) r\(request) \(kind.rawValue)\(statusText)"
        }
    }

    public var requests: [Request]
    public var permits: Int
    public var timeout: Duration
    public var timeoutStyle: TimeoutStyle

    public init(
        requests: [Request], permits: Int, timeout: Duration, timeoutStyle: TimeoutStyle = .race
    ) {
        self.requests = requests
        self.permits = permits
        self.timeout = timeout
        self.timeoutStyle = timeoutStyle
    }

    /// The study's toy workflow: 12 requests under a semaphore of 3, request 3 answered 429 with
    /// Retry-After 20 s (retry 0.6 s), request 7 running into the 30 s timeout. Total: 31.9 s.
    public static let study = FanOutWorkflow(
        requests: [0.5, 1.2, 0.8, 2.0, 0.3, 1.5, 0.7, 45, 0.9, 1.6, 0.4, 1.0].enumerated().map {
            index, seconds in
            index == 3
                ? Request(
                    latency: .secondsRounded(seconds), status: 429, retryAfter: .seconds(20),
                    retryLatency: .milliseconds(600))
                : Request(latency: .secondsRounded(seconds))
        },
        permits: 3,
        timeout: .seconds(30)
    )

    /// A reproducible fan-out of `count` requests with latencies of 0.3–5 s drawn from `seed`;
    /// every 50th request meets a 429 (Retry-After 2 s), every 97th the 30 s timeout.
    public static func generated(
        count: Int, permits: Int = 3, seed: UInt64 = 1, timeoutStyle: TimeoutStyle = .knownLatency
    ) -> FanOutWorkflow {
        var random = SplitMix64(seed: seed)
        let requests = (0..<count).map { index -> Request in
            let latency = Duration.milliseconds(300 + Int64(random.next() % 4_700))
            if index % 97 == 96 { return Request(latency: .seconds(40)) }
            if index % 50 == 49 {
                return Request(
                    latency: latency, status: 429, retryAfter: .seconds(2),
                    retryLatency: .milliseconds(500))
            }
            return Request(latency: latency)
        }
        return FanOutWorkflow(
            requests: requests, permits: permits, timeout: .seconds(30), timeoutStyle: timeoutStyle)
    }

    /// The same workflow with every duration divided by `divisor` (to run it on a real clock).
    public func scaled(down divisor: Int) -> FanOutWorkflow {
        var copy = self
        copy.requests = requests.map {
            Request(
                latency: $0.latency / divisor, status: $0.status,
                retryAfter: $0.retryAfter / divisor, retryLatency: $0.retryLatency / divisor)
        }
        copy.timeout = timeout / divisor
        return copy
    }

    /// Runs the workflow on `clock` and returns what happened, in the order it happened.
    public func run<C: Clock>(on clock: C) async throws -> [Event] where C.Duration == Duration {
        let log = EventLog(start: clock.now, clock: clock)
        let semaphore = AsyncSemaphore(permits: permits)
        try await withThrowingDiscardingTaskGroup { group in
            for (index, request) in requests.enumerated() {
                group.addTask {
                    try await semaphore.withPermit {
                        try await perform(request, index: index, clock: clock, log: log)
                    }
                }
            }
        }
        return log.events
    }

    private func perform<C: Clock>(
        _ request: Request, index: Int, clock: C, log: EventLog<C>
    ) async throws where C.Duration == Duration {
        log.append(index, .start)
        do {
            try await call(request.latency, on: clock)
            guard request.status == 429 else {
                log.append(index, .response, status: request.status)
                return
            }
            log.append(index, .response, status: 429)
            try await clock.sleep(for: request.retryAfter)
            log.append(index, .retry)
            try await call(request.retryLatency, on: clock)
            log.append(index, .response, status: 200)
        } catch is TimeoutError {
            log.append(index, .timeout)
        }
    }

    private func call<C: Clock>(_ latency: Duration, on clock: C) async throws
    where C.Duration == Duration {
        switch timeoutStyle {
        case .race:
            try await withTimeout(timeout, on: clock) { try await clock.sleep(for: latency) }
        case .knownLatency:
            try await clock.sleep(for: min(latency, timeout))
            if latency > timeout { throw TimeoutError(limit: timeout) }
        }
    }
}

/// Collects events with their offset from the workflow's start.
private final class EventLog<C: Clock>: Sendable where C.Duration == Duration {
    private let start: C.Instant
    private let clock: C
    private let storage = Mutex<[FanOutWorkflow.Event]>([])

    init(start: C.Instant, clock: C) {
        self.start = start
        self.clock = clock
    }

    func append(_ request: Int, _ kind: FanOutWorkflow.Event.Kind, status: Int? = nil) {
        let seconds = start.duration(to: clock.now).seconds
        storage.withLock {
            $0.append(.init(seconds: seconds, request: request, kind: kind, status: status))
        }
    }

    var events: [FanOutWorkflow.Event] {
        storage.withLock { $0 }
    }
}
