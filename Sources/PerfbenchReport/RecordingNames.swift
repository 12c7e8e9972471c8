/// Names of recordings that do not depend on how the command line named their folder.
///
/// `Recordings/corpus`, `./Recordings/corpus` and `/work/main/Recordings/corpus` name the same
/// files; a baseline made one way must be recognised when the gate is run another way (from
/// another directory in CI, say). Within a set, each recording is named by its path below the
/// deepest folder all of them share (a single file: its file name).
public enum RecordingNames {
    /// Each of `paths` relative to their deepest common folder, in the same order.
    public static func relative(_ paths: [String]) -> [String] {
        let split = paths.map { components($0) }
        guard var common = split.first.map({ Array($0.dropLast()) }) else { return [] }
        for parts in split.dropFirst() {
            let folder = parts.dropLast()
            var shared = 0
            while shared < min(common.count, folder.count), common[shared] == folder[shared] { shared += 1 }
            common = Array(common.prefix(shared))
        }
        return split.map { $0.dropFirst(common.count).joined(separator: "/") }
    }

    /// The path's components, with `.` and empty ones dropped (a leading `/` kept as a component).
    private static func components(_ path: String) -> [String] {
        let parts = path.split(separator: "/", omittingEmptySubsequences: true).map(String.init).filter { $0 != "." }
        return path.hasPrefix("/") ? ["/"] + parts : parts
    }
}
