/// The client-side waits of a run by kind: how many and how long in total.
public struct WaitCounts: Sendable, Equatable, Hashable, Codable {
    /// Waits because a per-minute window limiter was full.
    public var windowCount: Int
    /// Their total, in seconds.
    public var windowSeconds: Double
    /// Waits because a minimum interval between calls had not passed.
    public var minIntervalCount: Int
    /// Their total, in seconds.
    public var minIntervalSeconds: Double
    /// Waits the server asked for with HTTP 429 and Retry-After.
    public var retryAfterCount: Int
    /// Their total, in seconds.
    public var retryAfterSeconds: Double
    /// Waits in line for a semaphore permit other calls held (the global ReccoBeats one).
    public var semaphoreCount: Int
    /// Their total, in seconds.
    public var semaphoreSeconds: Double

    /// Makes wait counts; everything defaults to zero.
    public init(
        windowCount: Int = 0, windowSeconds: Double = 0, minIntervalCount: Int = 0,
        minIntervalSeconds: Double = 0, retryAfterCount: Int = 0, retryAfterSeconds: Double = 0,
        semaphoreCount: Int = 0, semaphoreSeconds: Double = 0
    ) {
        self.windowCount = windowCount
        self.windowSeconds = windowSeconds
        self.minIntervalCount = minIntervalCount
        self.minIntervalSeconds = minIntervalSeconds
        self.retryAfterCount = retryAfterCount
        self.retryAfterSeconds = retryAfterSeconds
        self.semaphoreCount = semaphoreCount
        self.semaphoreSeconds = semaphoreSeconds
    }

    /// Every wait's count.
    public var totalCount: Int { windowCount + minIntervalCount + retryAfterCount + semaphoreCount }

    /// Every wait's seconds.
    public var totalSeconds: Double { windowSeconds + minIntervalSeconds + retryAfterSeconds + semaphoreSeconds }

    /// The sum of two runs' waits, for corpus totals.
    public static func + (lhs: WaitCounts, rhs: WaitCounts) -> WaitCounts {
        WaitCounts(
            windowCount: lhs.windowCount + rhs.windowCount,
            windowSeconds: lhs.windowSeconds + rhs.windowSeconds,
            minIntervalCount: lhs.minIntervalCount + rhs.minIntervalCount,
            minIntervalSeconds: lhs.minIntervalSeconds + rhs.minIntervalSeconds,
            retryAfterCount: lhs.retryAfterCount + rhs.retryAfterCount,
            retryAfterSeconds: lhs.retryAfterSeconds + rhs.retryAfterSeconds,
            semaphoreCount: lhs.semaphoreCount + rhs.semaphoreCount,
            semaphoreSeconds: lhs.semaphoreSeconds + rhs.semaphoreSeconds)
    }
}
