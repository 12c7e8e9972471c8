import ArgumentParser
import Foundation
import PerfbenchRecording
import PerfbenchReport

/// Report formats of CLI.md.
enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, markdown, html
}

/// Where reports go: standard output, or a file written whole (temporary file, then rename) so
/// a failed run leaves no partial report. A path that is not a regular file (a FIFO, a device
/// such as /dev/null, or a symbolic link) is written through as a stream, never replaced.
enum ReportOutput {
    static func write(_ text: String, to path: String?) throws {
        try write(to: path) { piece in try piece(ArraySlice(text.utf8)) }
    }

    /// Writes the report that `produce` hands over in pieces (e.g. ``JSONReport/writeCorpus(_:pretty:to:)``)
    /// as it comes: a report of many recordings is never held whole. A regular file still
    /// appears only once every piece is written.
    static func write(
        to path: String?, _ produce: (_ piece: (ArraySlice<UInt8>) throws -> Void) throws -> Void
    ) throws {
        guard let path else {
            do {
                try produce { try FileHandle.standardOutput.write(contentsOf: Data($0)) }
            } catch let error as NSError where error.code == Int(EPIPE) || (error.userInfo[NSUnderlyingErrorKey] as? NSError)?.code == Int(EPIPE) {
                // The reader went away (`| head`): nothing more to say.
                throw ExitCode(ExitStatus.success.rawValue)
            } catch {
                throw ExitStatus.ioError.fail("cannot write to standard output: \(error.localizedDescription)")
            }
            return
        }
        if isStream(path) {
            // Through the link or into the FIFO or device, creating a link's missing target.
            let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
            guard descriptor >= 0 else {
                throw ExitStatus.ioError.fail("cannot open \(path) for writing: \(String(cString: strerror(errno)))")
            }
            let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
            defer { try? handle.close() }
            do {
                try produce { try handle.write(contentsOf: Data($0)) }
            } catch {
                throw ExitStatus.ioError.fail("cannot write \(path): \(error.localizedDescription)")
            }
            return
        }
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        TemporaryFiles.register(temporary.path)
        defer { TemporaryFiles.unregister(temporary.path) }
        do {
            // Created as `Data.write(to:)` creates a file: 0666 less the umask.
            let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_TRUNC, 0o666)
            guard descriptor >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
            let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
            defer { try? handle.close() }
            try produce { try handle.write(contentsOf: Data($0)) }
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

    /// Whether `path` exists and is not a plain regular file: a symbolic link (whatever it
    /// points to), a FIFO, a character or block device.
    static func isStream(_ path: String) -> Bool {
        var status = stat()
        guard lstat(path, &status) == 0 else { return false }
        return (status.st_mode & S_IFMT) != S_IFREG
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

/// `--trace FILE` and `--speedscope FILE`: the runs for the viewers people already open (a diff
/// writes both sides, base runs first).
struct ProfileOutputs: ParsableArguments {
    @Option(help: ArgumentHelp("Also write Chrome trace-event JSON of the runs (open in Perfetto) to FILE.", valueName: "file"))
    var trace: String?

    @Option(
        help: ArgumentHelp(
            "Also write a speedscope profile of the runs (the stages as a flame graph over time, and the critical path) to FILE.",
            valueName: "file"))
    var speedscope: String?

    /// The paths, for ``ReportOutput/refuseOverwriting(inputs:outputs:)``.
    var outputs: [(option: String, path: String?)] { [("--trace", trace), ("--speedscope", speedscope)] }

    /// Whether the runs must keep every exchange and wait (``ReplayOptions/keepsEveryEvent``):
    /// the trace and the speedscope profile draw every run's, and an HTML report (`html`, or
    /// `format` html) draws them for the run it shows in full when `htmlShowsEveryRun` (one
    /// recording); everything else reads only each run's critical-path summary. A corpus's HTML
    /// shows each run's total, and a replay's shows its P95 run in full, replayed again for it
    /// (``Replaying/keepingEventsOfTheRunShownInFull(_:config:jobs:draws:recordings:options:)``).
    func needEveryEvent(html: String?, format: ReportFormat, htmlShowsEveryRun: Bool) -> Bool {
        trace != nil || speedscope != nil || ((html != nil || format == .html) && htmlShowsEveryRun)
    }

    /// Writes what was asked for.
    func write(_ runs: [RunResult]) throws {
        if let trace { try ReportOutput.write(TraceEvents.render(runs: runs), to: trace) }
        if let speedscope { try ReportOutput.write(SpeedscopeProfile.render(runs: runs), to: speedscope) }
    }
}
