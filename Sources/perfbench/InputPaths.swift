import Foundation

/// Expands the recording arguments of `replay`, `diff`, `baseline` and `gate`: files as given,
/// folders as every `*.jsonl.gz`, `*.har` and `*.har.gz` below them, sorted by path (CLI.md).
enum InputPaths {
    static let suffixes = [".jsonl.gz", ".har", ".har.gz"]

    static func expand(_ arguments: [String]) throws -> [String] {
        var paths: [String] = []
        for argument in arguments {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: argument, isDirectory: &isDirectory) else {
                throw ExitStatus.missingInput.fail(
                    "\(argument): no such file or folder. Pass a recording (.jsonl.gz, .har) or a folder of them.")
            }
            guard isDirectory.boolValue else {
                paths.append(argument)
                continue
            }
            let found = try recordings(below: argument)
            guard !found.isEmpty else {
                throw ExitStatus.missingInput.fail(
                    "\(argument): the folder holds no recordings (*.jsonl.gz, *.har, *.har.gz).")
            }
            paths += found
        }
        return paths
    }

    private static func recordings(below folder: String) throws -> [String] {
        guard let walker = FileManager.default.enumerator(atPath: folder) else {
            throw ExitStatus.missingInput.fail("\(folder): cannot read the folder.")
        }
        var found: [String] = []
        while let relative = walker.nextObject() as? String {
            guard suffixes.contains(where: { relative.hasSuffix($0) }) else { continue }
            found.append((folder as NSString).appendingPathComponent(relative))
        }
        // Byte order, not locale order: the same on every machine.
        return found.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
    }
}
