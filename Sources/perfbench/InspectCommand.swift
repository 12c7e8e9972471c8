import ArgumentParser
import PerfbenchImport
import PerfbenchRecording

/// `perfbench inspect`: what a recording or HAR file holds, or, with `--secrets`, where the
/// secrets in a recording, HAR file or log are.
struct InspectCommand: ParsableCommand {
    /// The report formats of `inspect`.
    enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Show what a recording or HAR file holds: endpoints, latency, 429s, waits, stages.",
        discussion: """
            FILE is a perfbench recording (.jsonl.gz, or plain .jsonl) or a HAR file (.har, \
            .har.gz, zlib .zhar); the format and compression are detected from the content, not \
            the name. The report lists every endpoint by service, method and path template \
            (ids become {id}, e.g. /v1/artists/{id}/top-tracks) with its count, latency \
            p50/p95/max (HdrHistogram, 3 significant digits), status counts, 429s with their \
            total Retry-After, timeouts and body bytes; then the time span, client-side waits, \
            retries, cache hits and the stage spans.

            --format json prints {"schema": "perfbench.inspect/1", …} with sorted keys (see \
            docs/CLI.md); times are seconds, latencies milliseconds.

            --secrets scans the file (a recording, a HAR file or any text log) for credentials \
            instead: Authorization/Cookie/API-key headers, bearer tokens, sk- keys, URL \
            passwords, and access_token, refresh_token, code, client_secret, token, password, \
            api_key parameters. It prints one 'file:line: kind' line per finding, never the \
            secret, and exits 65 when it finds any, 0 when the file is clean.

            Exit codes: 0 success, 65 malformed file or secrets found, 66 file missing or \
            unreadable.

            Examples:
              perfbench inspect Recordings/run-2025-11-07.jsonl.gz
              perfbench inspect capture.har --format json
              perfbench inspect --secrets backend.log.gz
            """
    )

    @Argument(help: "The recording, HAR file or (with --secrets) log to read.")
    var file: String

    @Option(help: "Output format: text or json.")
    var format: ReportFormat = .text

    @Flag(help: "Scan for secrets instead; exit 65 if any are found.")
    var secrets = false

    @OptionGroup var limits: InputLimitOptions

    func validate() throws {
    }

    func run() throws {
        let limit = limits.bytes
        do {
            if secrets {
                let findings = try SecretScanner.scan(path: file, maxDecompressedBytes: limit)
                try ReportOutput.write(findings.map { $0.description + "\n" }.joined(), to: nil)
                guard findings.isEmpty else {
                    throw ExitStatus.badInput.fail(
                        "\(file): \(findings.count) secret\(findings.count == 1 ? "" : "s") found. "
                            + "Remove them, or re-import the source with `perfbench import`, which redacts them.")
                }
                printToStandardError("perfbench: \(file): no secrets found")
                return
            }
            let inspection = try RecordingInspector.inspect(path: file, scanSecrets: true, maxDecompressedBytes: limit)
            try ReportOutput.write(format == .json ? inspection.renderJSON() : inspection.renderText(), to: nil)
        } catch let error as RecordingError {
            throw (ExitStatus(rawValue: error.exitCode) ?? .internalError).fail(error.description)
        }
    }
}
