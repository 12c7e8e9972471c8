import Foundation

/// Runs the built `perfbench` binary the way a user would and captures what it prints.
enum PerfbenchCLI {
    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The `perfbench` executable next to the test bundle (SwiftPM builds it first because the
    /// test target depends on it).
    static var executable: URL {
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        // On Linux the test binary is `…/debug/perfbenchPackageTests.xctest`; on macOS a bundle.
        while !FileManager.default.fileExists(atPath: folder.appendingPathComponent("perfbench").path),
            folder.path != "/"
        {
            folder.deleteLastPathComponent()
        }
        return folder.appendingPathComponent("perfbench")
    }

    /// The package root (for bundled recordings).
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// A fresh temporary folder for one test.
    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("perfbench-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

extension PerfbenchCLI {
    /// Runs the binary without blocking a thread of the concurrency pool: with two cores, a test
    /// waiting synchronously for a child process holds one of the pool's two threads, and the
    /// suites running beside it (a served world, real-clock sleeps) stall. Output goes through
    /// temporary files.
    static func runAsync(
        _ arguments: [String], environment: [String: String] = [:], directory: URL? = nil, program: URL? = nil
    ) async throws -> Output {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let outURL = folder.appendingPathComponent("stdout")
        let errURL = folder.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL)
        let err = try FileHandle(forWritingTo: errURL)
        let process = Process()
        process.executableURL = program ?? executable
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        // The per-user run history goes to this run's temporary folder, not the tester's home.
        env["XDG_STATE_HOME"] = folder.path
        env["PERFBENCH_DB"] = nil
        for (key, value) in environment { env[key] = value }
        process.environment = env
        process.currentDirectoryURL = directory ?? packageRoot
        process.standardOutput = out
        process.standardError = err
        let status: Int32 = try await withCheckedThrowingContinuation { continuation in
            process.terminationHandler = { finished in continuation.resume(returning: finished.terminationStatus) }
            do {
                try process.run()
            } catch {
                process.terminationHandler = nil
                continuation.resume(throwing: error)
            }
        }
        try out.close()
        try err.close()
        return Output(
            status: status, stdout: try String(contentsOf: outURL, encoding: .utf8),
            stderr: try String(contentsOf: errURL, encoding: .utf8))
    }
}
