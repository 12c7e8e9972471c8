import Foundation

/// A per-process scratch folder for recordings written by tests.
enum TemporaryFiles {
    static let folder: String = {
        let path = NSTemporaryDirectory() + "perfbench-replay-tests-\(ProcessInfo.processInfo.processIdentifier)"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }()

    static func path(_ name: String) -> String { folder + "/" + name }
}
