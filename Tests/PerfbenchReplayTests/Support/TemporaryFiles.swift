import Foundation

/// A per-process scratch folder for recordings written by tests, removed when the test
/// process exits.
enum TemporaryFiles {
    static let folder: String = {
        let path = folderPath()
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        // A C exit hook captures nothing: it works the path out again.
        atexit { try? FileManager.default.removeItem(atPath: TemporaryFiles.folderPath()) }
        return path
    }()

    private static func folderPath() -> String {
        NSTemporaryDirectory() + "perfbench-replay-tests-\(ProcessInfo.processInfo.processIdentifier)"
    }

    static func path(_ name: String) -> String { folder + "/" + name }
}
