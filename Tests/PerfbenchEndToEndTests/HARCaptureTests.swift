import Foundation
import PerfbenchImport
import PerfbenchRecording
import PerfbenchReplay
import PerfbenchReport
import PerfbenchServer
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Capturing the real backend (issue 13 §4): mitmproxy's `mitmdump` as a reverse proxy in front
/// of the upstreams writes a HAR of everything that passes, and `import har` turns it into a
/// recording. Tested end to end against `perfbench serve`'s world instead of the real services:
/// one live `perfbench record` through `mitmdump`, captured both ways (the native recording and
/// the proxy's HAR), and both replayed. Needs `mitmdump` (`.ci/run` installs PyPI `mitmproxy`
/// into `.build/mitmproxy`; `PERFBENCH_MITMDUMP` names another): without it the test is skipped
/// and says why.
@Suite("HAR capture through mitmproxy", .serialized)
struct HARCaptureTests {
    /// Where `mitmdump` is: `PERFBENCH_MITMDUMP`, the venv `.ci/run` makes, or the PATH.
    static let mitmdump: String? = {
        let environment = ProcessInfo.processInfo.environment
        var candidates = [environment["PERFBENCH_MITMDUMP"]].compactMap { $0 }
        candidates.append(PerfbenchCLI.packageRoot.appendingPathComponent(".build/mitmproxy/bin/mitmdump").path)
        candidates += (environment["PATH"] ?? "").split(separator: ":").map { "\($0)/mitmdump" }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    /// The capture runs K times faster than the world: mitmproxy's own time per request (a
    /// millisecond or two) reads as K of them in the world, on the HAR's side only: at 2 the totals
    /// differed by 0.7–0.9 %, too near the 1 % bound, so the capture runs in real time (≈ 75 s).
    static let scale = 1.0

    /// What the HAR cannot say and the native recording's header does: the configuration the
    /// recorded workflow ran (`RecordCommandTests.smallWorkflow`'s toggles).
    static let recordedAs = "max-iterations=0,anchor-artist-limit=2,anchor-genre-limit=2,discovery-artist-limit=5/5/2"

    @Test(.enabled(if: mitmdump != nil, "mitmdump not found: pip install mitmproxy, or run .ci/run"))
    func aHARCapturedThroughMitmproxyReplaysLikeTheNativeRecording() async throws {
        // A live run on a real clock: the native recording holds the proxy's own time per
        // request, the HAR does not. Idle, the totals agree within 0.33–0.54 %; with builds
        // running beside it on 2 cores, 1.8–2.6 % (≈ 8 ms a request). Up to two captures; the
        // totals must agree within 5 % in one of them (a HAR import that lost its timings is off
        // by tens of percent), and everything else in every one.
        var errors: [Double] = []
        for _ in 0..<2 {
            let error = try await Self.captureAndCompare()
            errors.append(error)
            if error <= 0.05 { break }
        }
        #expect(errors.contains { $0 <= 0.05 }, "HAR replay total off the native one by \(errors.map { $0 * 100 }) %")
    }

    /// One live run captured both ways and replayed: checks requests, outcomes and coverage, and
    /// returns the relative difference of the two replays' totals.
    static func captureAndCompare() async throws -> Double {
        let mitmdump = try #require(Self.mitmdump)
        let folder = try PerfbenchCLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let native = folder.appendingPathComponent("native.jsonl.gz").path
        let har = folder.appendingPathComponent("capture.har").path
        let imported = folder.appendingPathComponent("imported.jsonl.gz").path
        let configuration = WorldServerConfiguration(profile: .guide197, seed: 6, timeScale: Self.scale)
        let (recorded, importedRun) = try await WorldServer.withRunning(configuration) { served in
            let target = "http://127.0.0.1:\(served.port)"
            let proxyPort = try Self.freePort()
            let proxy = Process()
            // Started through a small Python shim that clears the signal mask and dispositions
            // the test runner's threads pass on to a child (blocked or ignored SIGINT/SIGTERM),
            // so mitmdump stops, and writes its HAR, when told to.
            proxy.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            proxy.arguments = [
                "python3", "-c", Self.resetSignalsThenExec, mitmdump,
                "--mode", "reverse:\(target)", "--listen-host", "127.0.0.1", "--listen-port", String(proxyPort),
                "--set", "hardump=\(har)", "-q",
            ]
            let log = folder.appendingPathComponent("mitmdump.log")
            _ = FileManager.default.createFile(atPath: log.path, contents: nil)
            let logHandle = try FileHandle(forWritingTo: log)
            proxy.standardOutput = logHandle
            proxy.standardError = logHandle
            proxy.standardInput = FileHandle.nullDevice
            let exited = Self.termination(of: proxy)
            try proxy.run()
            try await Self.waitUntilListening(port: proxyPort, process: proxy)
            let base = "http://127.0.0.1:\(proxyPort)"
            let recorded = try await PerfbenchCLI.runAsync(
                ["record", "--spotify-url", base, "--reccobeats-url", base + "/reccobeats", "--llm-url", base,
                 "--time-scale", String(Self.scale), "--output", native] + RecordCommandTests.smallWorkflow)
            // mitmdump writes the HAR when it stops.
            proxy.interrupt()
            _ = await exited.value
            // The HAR names the proxy's target; the capture ran at the world's time scale.
            let importedRun = try await PerfbenchCLI.runAsync(
                ["import", "har", har, "--output", imported, "--time-scale", String(Self.scale),
                 "--spotify-url", target, "--reccobeats-url", target + "/reccobeats", "--llm-url", target,
                 "--prompt", "relaxed vibes", "--user-id", "user-6", "--recorded-as", Self.recordedAs])
            return (recorded, importedRun)
        }
        #expect(recorded.status == 0, "\(recorded.stderr)")
        #expect(importedRun.status == 0, "\(importedRun.stderr)")

        let nativeRun = try Self.replay(native)
        let harRun = try Self.replay(imported)
        // The same requests to the same services with the same outcomes, every one answered
        // exactly from its own capture; the totals are compared by the caller.
        #expect(harRun.requests.total == nativeRun.requests.total)
        #expect(harRun.requests.byService == nativeRun.requests.byService)
        #expect(harRun.requests.errors == nativeRun.requests.errors)
        #expect(harRun.requests.timeouts == nativeRun.requests.timeouts)
        #expect(harRun.requests.exact == harRun.requests.total)
        #expect(nativeRun.requests.exact == nativeRun.requests.total)
        #expect(harRun.warnings.isEmpty, "\(harRun.warnings)")
        let error = abs(harRun.totalSeconds - nativeRun.totalSeconds) / nativeRun.totalSeconds
        print("HARCaptureTests: HAR replay \(harRun.totalSeconds) s, native replay \(nativeRun.totalSeconds) s, error \(error * 100) %")
        return error
    }

    /// Python: unblock every signal, restore SIGINT and SIGTERM to their defaults, exec argv[1:].
    static let resetSignalsThenExec = """
        import os, signal, sys
        signal.pthread_sigmask(signal.SIG_SETMASK, [])
        for number in (signal.SIGINT, signal.SIGTERM):
            signal.signal(number, signal.SIG_DFL)
        os.execv(sys.argv[1], sys.argv[1:])
        """

    static func replay(_ path: String) throws -> RunResult {
        try ReplayRunner.replay(
            index: ReplayIndex(recording: Recording.load(from: path)), path: path, config: nil, options: ReplayOptions()
        ).run
    }

    /// A task that finishes when `process` exits (set before `run()`).
    static func termination(of process: Process) -> Task<Int32, Never> {
        let (stream, continuation) = AsyncStream.makeStream(of: Int32.self)
        process.terminationHandler = { finished in
            continuation.yield(finished.terminationStatus)
            continuation.finish()
        }
        return Task {
            for await status in stream { return status }
            return -1
        }
    }

    /// A port on 127.0.0.1 nothing listens on now (the kernel's pick for port 0).
    static func freePort() throws -> Int {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw POSIXError(.EMFILE) }
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { raw -> Int32 in
                guard bind(socket, raw, length) == 0 else { return -1 }
                return getsockname(socket, raw, &length)
            }
        }
        guard bound == 0 else { throw POSIXError(.EADDRINUSE) }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// Waits until something accepts connections on `port` (mitmdump takes a second or two to
    /// start; generous for a loaded machine), or fails when `process` has exited.
    static func waitUntilListening(port: Int, process: Process) async throws {
        for _ in 0..<600 {
            guard process.isRunning else { throw CancellationError() }
            let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            address.sin_port = UInt16(port).bigEndian
            let connected = withUnsafePointer(to: &address) { pointer in
                pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
                }
            }
            close(socket)
            if connected == 0 { return }
            try await Task.sleep(for: .milliseconds(100))
        }
        Issue.record("mitmdump did not listen on port \(port) within 60 s")
        throw CancellationError()
    }
}
