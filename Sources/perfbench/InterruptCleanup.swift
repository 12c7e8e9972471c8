import Dispatch
import PerfbenchRecording

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Ctrl-C (SIGINT) or a stop (SIGTERM) during a command removes the temporary files of the
/// writes in progress (``TemporaryFiles``) and exits 130 or 143, as the shell would, so an
/// interrupted import, replay or baseline leaves nothing half-written behind. `serve` handles
/// the signals itself (a clean shutdown) and does not install this.
enum InterruptCleanup {
    /// The dispatch sources, kept alive for the process's life.
    nonisolated(unsafe) private static var sources: [any DispatchSourceSignal] = []

    static func install() {
        let queue = DispatchQueue(label: "perfbench.interrupt")
        for number in [SIGINT, SIGTERM] {
            // Ignored as a process signal, seen by the dispatch source.
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler {
                TemporaryFiles.removeAll()
                exit(128 + number)
            }
            source.resume()
            sources.append(source)
        }
    }
}
