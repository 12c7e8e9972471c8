import Foundation

/// The git commit checked out in the working directory, read from `.git` without running git.
///
/// Reads `HEAD`; a symbolic ref (`ref: refs/heads/main`) is looked up as a loose ref file,
/// then in `packed-refs`. Finds `.git` in the working directory or the nearest parent, and
/// follows a `.git` file (`gitdir: …`, as in worktrees and submodules) and a worktree's
/// `commondir`. Any surprise gives nil: the commit is a nice-to-have in the history.
enum GitCommit {
    /// The full commit id, or nil when there is no repository or it cannot be read.
    static func current(from directory: String = FileManager.default.currentDirectoryPath) -> String? {
        guard let gitDirectory = gitDirectory(from: directory) else { return nil }
        guard let head = read(gitDirectory + "/HEAD") else { return nil }
        guard head.hasPrefix("ref: ") else { return commitID(head) }
        let ref = String(head.dropFirst("ref: ".count))
        // Branch refs live in the common directory; a worktree's own directory holds only HEAD.
        let common = read(gitDirectory + "/commondir").map { resolve($0, against: gitDirectory) } ?? gitDirectory
        for base in [gitDirectory, common] {
            if let loose = read(base + "/" + ref), let id = commitID(loose) { return id }
        }
        return packedRef(ref, in: common)
    }

    /// The git directory for `directory`: the nearest `.git` folder, or where a `.git` file
    /// points.
    static func gitDirectory(from directory: String) -> String? {
        var current = URL(fileURLWithPath: directory).standardizedFileURL
        while true {
            let candidate = current.appendingPathComponent(".git").path
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate, isDirectory: &isDirectory) {
                if isDirectory.boolValue { return candidate }
                guard let link = read(candidate), link.hasPrefix("gitdir: ") else { return nil }
                return resolve(String(link.dropFirst("gitdir: ".count)), against: current.path)
            }
            let parent = current.deletingLastPathComponent()
            if parent.path == current.path { return nil }
            current = parent
        }
    }

    /// The id a `packed-refs` line gives `ref`: lines read `<id> <ref>`.
    private static func packedRef(_ ref: String, in gitDirectory: String) -> String? {
        guard let packed = read(gitDirectory + "/packed-refs") else { return nil }
        for line in packed.split(separator: "\n") where !line.hasPrefix("#") && !line.hasPrefix("^") {
            let parts = line.split(separator: " ", maxSplits: 1)
            if parts.count == 2, parts[1] == ref { return commitID(String(parts[0])) }
        }
        return nil
    }

    /// `text` when it is a commit id: 40 (SHA-1) or 64 (SHA-256) hex digits.
    private static func commitID(_ text: String) -> String? {
        let id = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard id.count == 40 || id.count == 64, id.allSatisfy(\.isHexDigit) else { return nil }
        return id.lowercased()
    }

    /// A relative path from a git file, made absolute against `base`.
    private static func resolve(_ path: String, against base: String) -> String {
        path.hasPrefix("/") ? path : base + "/" + path
    }

    /// The file's text without its trailing newline, or nil when it cannot be read.
    private static func read(_ path: String) -> String? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
