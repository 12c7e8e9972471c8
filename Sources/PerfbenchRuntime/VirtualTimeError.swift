/// Why a replay on virtual time could not finish.
///
/// Both cases are bugs in the code under replay, never in the recording: their descriptions
/// name the usual causes so the fix is one read away.
public enum VirtualTimeError: Error, Equatable, CustomStringConvertible, Sendable {
    /// Nothing was runnable and no virtual timer was pending, yet the root task had not finished.
    case stalled(at: VirtualInstant, jobsRun: Int, escapes: Int)
    /// Something touched the replay from another thread: real time would leak into the result.
    case escaped(String)

    public var description: String {
        switch self {
        case .stalled(let instant, let jobs, let escapes):
            let escapeNote = escapes > 0
                ? " \(escapes) call(s) reached this replay from another thread."
                : ""
            return """
                replay stalled at \(instant) after \(jobs) jobs: no task was runnable and no \
                virtual timer was pending, but the workflow had not finished.\(escapeNote) \
                Usual causes: an unstructured Task {} or Task.detached (use a task group or \
                async let), Task.sleep or ContinuousClock (sleep on the injected clock), a \
                MainActor hop or an actor with its own executor, or real I/O (inject the transport).
                """
        case .escaped(let what):
            return """
                \(what) ran outside the replay's thread, so wall-clock time would leak into \
                virtual time. It usually comes from an unstructured Task {} or Task.detached: \
                use a task group or async let so the work inherits the replay's executor.
                """
        }
    }
}
