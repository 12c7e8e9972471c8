import ArgumentParser
import Foundation
import PerfbenchImport
import PerfbenchPipeline
import PerfbenchRecording
import PerfbenchReplay
import PerfbenchReport

/// `perfbench import`: a group of converters from foreign captures to native recordings.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Convert a HAR capture (or a backend log) into a perfbench recording.",
        discussion: """
            Every importer writes a gzipped JSONL recording (Recordings/FORMAT.md) with secrets \
            redacted, to a temporary file that is renamed into place only when complete.

            Examples:
              perfbench import har capture.har --output Recordings/capture.jsonl.gz
              perfbench import moodlist-log backend.log.gz --output Recordings/logs
            """,
        subcommands: [ImportHARCommand.self, ImportMoodlistLogCommand.self]
    )
}

/// `perfbench import har`: a HAR 1.2 file from a browser or mitmproxy to a recording.
struct ImportHARCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "har",
        abstract: "Import a HAR 1.2 file (Chrome, Firefox, mitmproxy) as a recording.",
        discussion: """
            FILE may be .har, .har.gz or zlib-compressed .zhar (detected from the content). \
            Entries are sorted by startedDateTime; offset 0 is the first entry's start. Each \
            duration is the sum of the entry's timings (blocked, dns, connect, send, wait, \
            receive; -1, null and absent phases count as 0; ssl added only when outside connect, \
            as mitmproxy writes it), or its 'time' when no timing is usable. Hosts map to \
            services: api.spotify.com, api.reccobeats.com, any /chat/completions path (llm), \
            else other. Status 0 with an error becomes a timeout or a connection error; base64 \
            bodies are decoded.

            Secrets are redacted: Authorization, Cookie, Set-Cookie, Proxy-Authorization and \
            API-key/-token headers; access_token, refresh_token, code, client_secret, token, \
            password and api_key in queries and form or JSON bodies; URL passwords; bearer \
            tokens and sk- keys anywhere. --keep-header NAME keeps one header as it is.

            A capture made through a local reverse proxy (mitmproxy in front of the upstreams, \
            or of `perfbench serve`) names local URLs: --spotify-url, --reccobeats-url and \
            --llm-url say where each service was reached (the longest matching base wins), and \
            those URLs are rewritten to the public services so they replay as them. A capture of \
            `perfbench serve --time-scale K` ran K times faster than the world it served: \
            --time-scale K multiplies its starts, durations and Retry-After values back.

            Exit codes: 0 success, 65 malformed HAR, 66 FILE missing or unreadable, 74 the \
            output could not be written.

            Examples:
              perfbench import har capture.har --output Recordings/capture.jsonl.gz
              perfbench import har proxy.har -o run.jsonl.gz --time-scale 5 \\
                  --spotify-url http://127.0.0.1:8081 --reccobeats-url http://127.0.0.1:8081/reccobeats \\
                  --llm-url http://127.0.0.1:8081
              perfbench import har flows.zhar -o Recordings/mitm.jsonl.gz --keep-header X-Request-Id
              perfbench import har capture.har.gz -o Recordings/x.jsonl.gz --prompt "rainy day jazz"
            """
    )

    @Argument(help: "The HAR file to import (.har, .har.gz or .zhar).")
    var file: String

    @Option(name: .shortAndLong, help: "Where to write the recording (.jsonl.gz).")
    var output: String

    @Option(
        name: .customLong("keep-header"),
        help: ArgumentHelp("Keep this header unredacted (repeatable).", valueName: "NAME"))
    var keepHeaders: [String] = []

    @Option(
        name: .customLong("config-name"),
        help: "The configuration's name written into the header (with --recorded-as: that SPEC).")
    var configName = "baseline"

    @OptionGroup var recordedAs: RecordedAsOption

    @Option(help: "The workflow's prompt, written into the header.")
    var prompt = ""

    @Option(name: .customLong("user-id"), help: "The user the workflow ran for, written into the header.")
    var userID: String?

    @Option(name: .customLong("spotify-url"), help: "Where the capture reached Spotify (rewritten to api.spotify.com).")
    var spotifyURL: String?

    @Option(
        name: .customLong("reccobeats-url"), help: "Where the capture reached ReccoBeats (rewritten to api.reccobeats.com).")
    var reccobeatsURL: String?

    @Option(name: .customLong("llm-url"), help: "Where the capture reached the LLM (its /v1/chat/completions).")
    var llmURL: String?

    @Option(
        name: .customLong("time-scale"),
        help: "The capture ran this many times faster than real time (perfbench serve --time-scale K).")
    var timeScale: Double = 1

    @OptionGroup var limits: InputLimitOptions

    func validate() throws {
        guard !output.isEmpty else { throw ValidationError("--output needs a file name, e.g. Recordings/x.jsonl.gz.") }
        guard output != file else { throw ValidationError("--output must differ from the input file.") }
        guard timeScale.isFinite, timeScale >= 0.001, timeScale <= 100_000 else {
            throw ValidationError("--time-scale must be between 0.001 and 100000, e.g. 50 for a capture of serve --time-scale 50.")
        }
        for url in [spotifyURL, reccobeatsURL, llmURL].compactMap({ $0 }) where !(url.hasPrefix("http://") || url.hasPrefix("https://")) {
            throw ValidationError("\(url): a service URL starts with http:// or https://, e.g. http://127.0.0.1:8081.")
        }
    }

    func run() throws {
        var importer = HARImporter(
            redactor: Redactor(keepingHeaders: keepHeaders), configName: configName, prompt: prompt)
        importer.timeScale = timeScale
        importer.userID = userID
        if let stated = try recordedAs.stated() {
            importer.configName = stated.name
            importer.phases = stated.phases
            importer.configSource = "stated with --recorded-as"
        }
        importer.upstreams = [(Service.spotify, spotifyURL), (.reccobeats, reccobeatsURL), (.llm, llmURL)]
            .compactMap { service, url in url.map { (service, $0.hasSuffix("/") ? String($0.dropLast()) : $0) } }
        do {
            let result = try importer.importFile(path: file, maxDecompressedBytes: limits.bytes)
            try result.recording.write(to: output, redactor: importer.redactor)
            var counts: [Service: Int] = [:]
            for exchange in result.recording.exchanges { counts[exchange.service, default: 0] += 1 }
            let services = counts.keys.sorted { $0.rawValue < $1.rawValue }
                .map { "\($0.rawValue) \(counts[$0] ?? 0)" }.joined(separator: ", ")
            var summary = "\(output): \(result.recording.events.count) exchanges from \(result.creator)"
            if !services.isEmpty { summary += " (\(services))" }
            try ReportOutput.write(summary + "\n", to: nil)
            if result.droppedBinaryBodies > 0 {
                printToStandardError("perfbench: \(result.droppedBinaryBodies) binary response bodies were not kept.")
            }
        } catch let error as RecordingError {
            throw (ExitStatus(rawValue: error.exitCode) ?? .internalError).fail(error.description)
        }
    }
}

/// `perfbench import moodlist-log`: the backend's own structlog log to one recording per workflow.
struct ImportMoodlistLogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "moodlist-log",
        abstract: "Import the moodlist backend's log (one recording per workflow).",
        discussion: """
            LOG may be plain, gzip or zlib (detected from the content). structlog console lines \
            (ANSI colours stripped; ISO-8601 UTC and local timestamps), JSON lines and uvicorn \
            access lines are read; other lines are skipped and counted. The log's clock is \
            repaired first: stretches that run ahead (a step forward, then one back) move back, and \
            time it lost inside a window wait (a wait stated longer than the log shows it) is \
            added back; what is still backwards is clamped. Stage spans come from the agent lines \
            (printed figure plus any time lost) and the lines that open each seed-gathering step; \
            waits, retries, slow requests and request start/finish pairs become observed events. \
            The calls the log implies but does not time (LLM calls between two lines, audio \
            features, album sampling) are inferred from the pipeline's call structure, with \
            latencies fitted to the lines around them, and marked inferred; then a baseline \
            replay is compared with the log's stage spans and the inferred latencies inside each \
            stage off by more than 2 % are rescaled until it is (observed events never change; \
            the stages left off, and why, are printed). Secrets are redacted \
            as in `import har`.

            The configuration the backend ran is read from its own lines, toggle by toggle (its \
            cache backend, how many artists it had in flight, slow-request lines, batch sizes, \
            feature fetches in parallel), printed with the line numbers that show it, and \
            written into the header: a plain `replay` of the recording runs it, and `perfbench \
            inspect` shows the evidence. Toggles the log says nothing about stay at baseline. \
            --recorded-as states the configuration instead when you know it.

            Writes DIR/NAME-wN.jsonl.gz for workflow N (NAME: the log's file name without \
            .log/.gz). A workflow cut short is written too and reported with the line it stopped at.

            Exit codes: 0 success, 65 no workflow in the log, 66 LOG missing or unreadable, 74 \
            an output could not be written.

            Examples:
              perfbench import moodlist-log backend.log.gz --output Recordings/logs
              perfbench import moodlist-log backend.log.gz --output /tmp/runs --recorded-as shipped-11-10
              perfbench replay backend.log.gz
            """
    )

    @Argument(help: "The backend log (.log or .log.gz).")
    var file: String

    @OptionGroup var recordedAs: RecordedAsOption

    @Option(name: .shortAndLong, help: "The directory to write the recordings into.")
    var output: String

    func validate() throws {
        guard !output.isEmpty else { throw ValidationError("--output needs a directory, e.g. Recordings/logs.") }
    }

    /// One line on the fit: how many latencies it changed, and the stages still off.
    static func describe(_ report: ImportedLogFit.Report) -> String {
        var line = "  fitted \(report.changedExchanges) inferred latencies (\(report.replays) replays)"
        let misses = report.misses.filter { $0.logSeconds >= 3 }
        if misses.isEmpty { return line + "; every stage of ≥ 3 s within 2 %" }
        line += "; still off:"
        for stage in misses {
            let name = stage.path.isEmpty ? "workflow" : String(stage.path.split(separator: "/").last ?? "")
            let error = stage.error.map { String(format: "%+.1f %%", $0 * 100) } ?? "—"
            line += " \(name) \(error) (\(stage.verdict.rawValue));"
        }
        line.removeLast()
        return line
    }

    /// What each stage of ≥ 3 s rests on in a replay at the recording's own configuration:
    /// request time answered by observed, inferred and fitted exchanges and by the replay's
    /// models, the stages resting mostly on the fit or the models marked. Empty when the
    /// recording does not replay.
    static func sources(_ recording: Recording, path: String) -> [String] {
        guard let outcome = try? ReplayRunner.replay(
            index: ReplayIndex(recording: recording), path: path, config: nil, options: ReplayOptions())
        else { return [] }
        let run = outcome.run
        let weak = run.weakStages
        var lines = ["  request time by source (observed / inferred / fitted at import / modelled in replay):"]
        for (prefix, node) in TreeLines.walk(run.timingTree.root) where node.seconds >= 3 {
            let times = SourceTimes.subtree(node.path, in: run.requests.timeBySource)
            guard times.total > 0 else { continue }
            let mark = weak[node.path].map { " " + RunResult.weakMark($0) } ?? ""
            lines.append("    \(prefix)\(node.name): \(times.text)\(mark)")
        }
        return lines
    }

    func run() throws {
        do {
            let imported = try MoodlistLogImporter(recordedAs: try recordedAs.stated()).importFile(path: file)
            do {
                try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
            } catch {
                throw ExitStatus.ioError.fail("\(output): cannot create the directory. Check the path and permissions.")
            }
            var name = URL(fileURLWithPath: file).lastPathComponent
            for suffix in [".gz", ".log"] where name.hasSuffix(suffix) { name.removeLast(suffix.count) }
            for (index, workflow) in imported.workflows.enumerated() {
                let path = output + "/" + name + "-w\(index + 1).jsonl.gz"
                // Inferred latencies fitted so a baseline replay comes out at the log's stage
                // spans (a workflow the pipeline cannot replay is written as imported).
                let fitted: (recording: Recording, report: ImportedLogFit.Report)?
                var notFitted: String?
                do {
                    fitted = try ImportedLogFit.fit(workflow.recording, path: path)
                } catch {
                    fitted = nil
                    notFitted = "  not fitted (written as imported): \(error)"
                }
                try (fitted?.recording ?? workflow.recording).write(to: path)
                let split = workflow.provenanceCounts
                var summary = "\(path): workflow \(workflow.id), \(workflow.recording.events.count) events "
                    + "(\(split.observed) observed, \(split.inferred) inferred)"
                if let total = workflow.totalSeconds {
                    summary += ", total \(total) s"
                    if let repaired = workflow.repairedTotalSeconds, abs(repaired - total) >= 0.005 {
                        summary += " (\(String(format: "%.2f", repaired)) s on the repaired clock)"
                    }
                }
                if workflow.backwardJumps > 0 {
                    let seconds = Double(workflow.largestBackwardJumpMicros) / 1_000_000
                    summary += ", \(workflow.backwardJumps) steps back in the log's clock (largest \(seconds) s)"
                }
                if !workflow.isComplete { summary += "; cut short: log stops at line \(workflow.lastLine)" }
                try ReportOutput.write(summary + "\n", to: nil)
                try ReportOutput.write("  configuration: \(workflow.recording.header.configLabel)" + "\n", to: nil)
                for evidence in workflow.inferredEvidence {
                    try ReportOutput.write("    \(recordedAs.spec == nil ? "" : "(not applied) ")\(evidence.text)" + "\n", to: nil)
                }
                if let report = fitted?.report { try ReportOutput.write(Self.describe(report) + "\n", to: nil) }
                try ReportOutput.write(Self.sources(fitted?.recording ?? workflow.recording, path: path).map { $0 + "\n" }.joined(), to: nil)
                if let notFitted { try ReportOutput.write(notFitted + "\n", to: nil) }
            }
            try ReportOutput.write("\(file): \(imported.totalLines) lines, \(imported.skippedLines) skipped (unknown shape)" + "\n", to: nil)
        } catch let error as RecordingError {
            throw (ExitStatus(rawValue: error.exitCode) ?? .internalError).fail(error.description)
        }
    }
}
