/// The pending virtual timers of one replay: a min-heap on (deadline, registration order) over a
/// slab of slots, so that arming, cancelling and firing a timer allocate nothing.
///
/// Not thread-safe: ``VirtualScheduler`` keeps it behind its mutex. A cancelled timer frees its
/// slot at once and leaves a stale heap entry behind, skipped when it reaches the top, so
/// cancellation never moves time.
struct TimerQueue {
    typealias Continuation = UnsafeContinuation<Void, any Error>

    /// Names one slot for one sleep; the generation tells a reused slot from its earlier life.
    struct Ticket: Sendable, Equatable {
        var slot: Int32
        var generation: UInt32
    }

    private enum SlotState {
        case free
        case reserved
        case waiting(Continuation)
        case cancelledEarly
    }

    private struct Slot {
        var generation: UInt32 = 0
        var state: SlotState = .free
    }

    private struct Entry {
        var deadline: Duration
        var sequence: UInt64
        var ticket: Ticket

        func precedes(_ other: Entry) -> Bool {
            deadline < other.deadline || (deadline == other.deadline && sequence < other.sequence)
        }
    }

    private var slots: [Slot] = []
    private var freeSlots: [Int32] = []
    private var heap: [Entry] = []
    private var nextSequence: UInt64 = 0
    /// Timers armed and not yet fired or cancelled.
    private(set) var liveCount = 0

    /// Claims a slot for a sleep that is about to suspend.
    mutating func reserve() -> Ticket {
        let index: Int32
        if let reused = freeSlots.popLast() {
            index = reused
        } else {
            index = Int32(slots.count)
            slots.append(Slot())
        }
        slots[Int(index)].state = .reserved
        return Ticket(slot: index, generation: slots[Int(index)].generation)
    }

    /// Parks `continuation` until `deadline`; returns false when the sleep was cancelled before it
    /// could be armed (the caller then throws `CancellationError` itself).
    mutating func arm(_ ticket: Ticket, deadline: Duration, continuation: Continuation) -> Bool {
        let index = Int(ticket.slot)
        guard slots[index].generation == ticket.generation else { return false }
        if case .cancelledEarly = slots[index].state {
            release(index)
            return false
        }
        slots[index].state = .waiting(continuation)
        push(Entry(deadline: deadline, sequence: nextSequence, ticket: ticket))
        nextSequence &+= 1
        liveCount += 1
        return true
    }

    /// Cancels the sleep behind `ticket`; returns its continuation when it was parked, so the
    /// caller can resume it (outside the lock) with `CancellationError`.
    mutating func cancel(_ ticket: Ticket) -> Continuation? {
        let index = Int(ticket.slot)
        guard index < slots.count, slots[index].generation == ticket.generation else { return nil }
        switch slots[index].state {
        case .waiting(let continuation):
            release(index)
            liveCount -= 1
            return continuation
        case .reserved:
            slots[index].state = .cancelledEarly
            return nil
        case .free, .cancelledEarly:
            return nil
        }
    }

    /// Removes the earliest live timer and returns its deadline and continuation.
    mutating func popEarliest() -> (deadline: Duration, continuation: Continuation)? {
        while let top = heap.first {
            removeTop()
            let index = Int(top.ticket.slot)
            guard slots[index].generation == top.ticket.generation,
                case .waiting(let continuation) = slots[index].state
            else { continue }  // cancelled: stale entry, time does not move for it
            release(index)
            liveCount -= 1
            return (top.deadline, continuation)
        }
        return nil
    }

    private mutating func release(_ index: Int) {
        slots[index].state = .free
        slots[index].generation &+= 1
        freeSlots.append(Int32(index))
    }

    private mutating func push(_ entry: Entry) {
        heap.append(entry)
        var child = heap.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard heap[child].precedes(heap[parent]) else { break }
            heap.swapAt(child, parent)
            child = parent
        }
    }

    private mutating func removeTop() {
        let last = heap.removeLast()
        guard !heap.isEmpty else { return }
        heap[0] = last
        var parent = 0
        let count = heap.count
        while true {
            let left = 2 * parent + 1
            guard left < count else { break }
            let right = left + 1
            var smallest = left
            if right < count && heap[right].precedes(heap[left]) { smallest = right }
            guard heap[smallest].precedes(heap[parent]) else { break }
            heap.swapAt(parent, smallest)
            parent = smallest
        }
    }
}
