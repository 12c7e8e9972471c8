import ArgumentParser

/// The exit codes of CLI.md, the contract scripts and CI rely on.
enum ExitStatus: Int32 {
    case success = 0
    case internalError = 1
    case regression = 2
    case usage = 64
    case badInput = 65
    case missingInput = 66
    case ioError = 74

    /// Prints `message` to standard error as `perfbench: message` and returns the exit code to
    /// throw, e.g. `throw ExitStatus.badInput.fail("x.jsonl.gz:3: …")`.
    func fail(_ message: String) -> ExitCode {
        printToStandardError("perfbench: \(message)")
        return ExitCode(rawValue)
    }
}
