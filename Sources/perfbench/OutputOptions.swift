import ArgumentParser
import Foundation

/// Report formats of CLI.md.
enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, markdown, html
}

/// Where reports go: standard output, or a file written whole (temporary file, then rename) so
/// a failed run leaves no partial report.
enum ReportOutput {
    static func write(_ text: String, to path: String?) throws {
        guard let path else {
            FileHandle.standardOutput.write(Data(text.utf8))
            return
        }
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        do {
            try Data(text.utf8).write(to: temporary)
            // rename(2) replaces an existing file atomically. (FileManager.replaceItemAt on
            // Linux removed the existing report and then failed, "The file doesn't exist".)
            guard rename(temporary.path, url.path) == 0 else {
                throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
            }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw ExitStatus.ioError.fail("cannot write \(path): \(error.localizedDescription)")
        }
    }

    /// Refuses (exit 64, before any work) an output that is one of the inputs: `replay X
    /// --output X` would replace the recording with its own report. Paths are compared after
    /// resolving `.`, `..` and symbolic links.
    static func refuseOverwriting(inputs: [String], outputs: [(option: String, path: String?)]) throws {
        func canonical(_ path: String) -> String { URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path }
        let read = Set(inputs.map(canonical))
        for output in outputs {
            guard let path = output.path, read.contains(canonical(path)) else { continue }
            throw ExitStatus.usage.fail(
                "\(output.option) \(path) is one of the inputs: writing it would destroy the recording. Name another file.")
        }
    }

    /// Colour only on a terminal and never with NO_COLOR (docs/CLI.md).
    static var colourAllowed: Bool {
        ProcessInfo.processInfo.environment["NO_COLOR"] == nil && isatty(STDOUT_FILENO) != 0
    }
}
