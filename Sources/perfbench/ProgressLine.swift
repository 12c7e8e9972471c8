import Foundation
import Synchronization

/// "replayed 412/1000" on standard error, redrawn in place: only on a terminal, only once the
/// work has run for more than a second, never in reports or pipes (CLI.md).
final class ProgressLine: Sendable {
    private let total: Int
    private let start = ContinuousClock.now
    private let shown = Mutex(false)

    /// A progress line for `total` items, or nil when standard error is not a terminal.
    init?(total: Int) {
        guard total > 1, isatty(STDERR_FILENO) != 0 else { return nil }
        self.total = total
    }

    func update(_ done: Int) {
        guard ContinuousClock.now - start > .seconds(1) else { return }
        shown.withLock { $0 = true }
        FileHandle.standardError.write(Data("\rreplayed \(done)/\(total)".utf8))
    }

    /// Clears the line if it was drawn.
    func finish() {
        guard shown.withLock({ $0 }) else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
