import ArgumentParser
import Foundation
import PerfbenchPipeline
import PerfbenchRecording
import PerfbenchWorld

/// `perfbench record`: one live workflow over real HTTP, written as a native recording.
struct RecordCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "record",
        abstract: "Run the workflow live against real (or served) upstreams and record every exchange.",
        discussion: """
            Runs the pipeline (baseline unless configured) against the three upstreams over \
            HTTP, on the real clock, and writes a native recording of every exchange, wait, \
            retry and stage span to --output (written to a temporary file, then renamed). Times \
            are world seconds: with --time-scale K the clock runs K times faster than real time, \
            to match `perfbench serve --time-scale K`; Retry-After values from such a server are \
            multiplied back by K. Every response's X-Perfbench-Time-Scale must equal K (absent \
            means 1, as for a real upstream).

            Bases are scheme, host and port (and a path prefix), without the paths the pipeline \
            adds (/v1/search, /v1/chat/completions); against `perfbench serve` on port 8080 they \
            are http://127.0.0.1:8080, http://127.0.0.1:8080/reccobeats and \
            http://127.0.0.1:8080. Recorded URLs name the public services \
            (https://api.spotify.com/...), so the recording replays like one made against them.

            Credentials come only from the environment, never from flags: SPOTIFY_ACCESS_TOKEN \
            is sent as "Authorization: Bearer ..." to Spotify, LLM_API_KEY likewise to the LLM; \
            ReccoBeats needs none. They are never written: the recording is redacted (check \
            with 'perfbench inspect --secrets FILE').

            Without --prompt the workflow is asked the prompt of the bundled 2025-11-07 run: \
            "\(Self.defaultPrompt)".

            Before the run each upstream gets one request; an upstream that refuses the \
            connection, has no DNS name or does not answer within 5 s stops the command with \
            exit 66 and no file is written; so does one that becomes unreachable during the \
            run. Timeouts, 429s and 5xx during the run are part of the recording. Exit 64 when \
            a server's time scale differs from --time-scale, 74 when the file cannot be written.

            Stage progress goes to standard error on a terminal; the last line (standard \
            output) gives the world and wall seconds and the file.

            \(ConfigOptions.discussion)

            Examples:
              perfbench serve --profile nov07 --seed 7 --port 8080 --time-scale 50 &
              S=http://127.0.0.1:8080
              perfbench record --spotify-url $S --reccobeats-url $S/reccobeats --llm-url $S \\
                  --time-scale 50 --output /tmp/live.jsonl.gz
              perfbench replay /tmp/live.jsonl.gz
            """
    )

    /// The prompt of the bundled nov07 run, asked when `--prompt` is missing.
    static let defaultPrompt =
        WorldProfile.nov07.runPrompt?.template
        ?? "Caribbean rhythms, Latin beats, and island vibes with steel drums and sunny grooves for vacation mode"

    @Option(help: ArgumentHelp("Spotify Web API base, e.g. https://api.spotify.com.", valueName: "url"))
    var spotifyURL: String

    @Option(
        name: .customLong("reccobeats-url"),
        help: ArgumentHelp("ReccoBeats API base, e.g. https://api.reccobeats.com.", valueName: "url"))
    var reccoBeatsURL: String

    @Option(
        name: .customLong("llm-url"),
        help: ArgumentHelp("OpenAI-style LLM base (the pipeline adds /v1/chat/completions).", valueName: "url"))
    var llmURL: String

    @Option(
        help: ArgumentHelp(
            "Run the clock K times faster than real time, as the server does (0 < K <= 10000).",
            valueName: "K"))
    var timeScale: Double = 1

    @Option(help: "The user's prompt (default: the 2025-11-07 run's, see below).")
    var prompt: String?

    @Option(help: "The user id the workflow runs for (recorded in the header).")
    var userID: String = "user-1"

    @OptionGroup var config: ConfigOptions

    @Option(help: "The recording to write (.jsonl.gz).")
    var output: String

    func validate() throws {
        guard timeScale.isFinite, timeScale > 0, timeScale <= 10_000 else {
            throw ValidationError("--time-scale must be above 0 and at most 10000.")
        }
        for (flag, url) in [("spotify-url", spotifyURL), ("reccobeats-url", reccoBeatsURL), ("llm-url", llmURL)] {
            if let problem = Self.problem(with: url) { throw ValidationError("--\(flag) \(url): \(problem)") }
        }
        if let prompt, prompt.trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError("--prompt must not be empty.")
        }
    }

    /// What is wrong with a base URL, or nil.
    static func problem(with url: String) -> String? {
        guard let parts = URLComponents(string: url), let scheme = parts.scheme?.lowercased(),
            ["http", "https"].contains(scheme), let host = parts.host, !host.isEmpty
        else { return "not an http(s) URL with a host; use e.g. http://127.0.0.1:8080." }
        if parts.user != nil || parts.password != nil || parts.query != nil {
            return "a base takes no user, password or query; credentials come from SPOTIFY_ACCESS_TOKEN "
                + "and LLM_API_KEY in the environment."
        }
        return nil
    }

    func run() async throws {
        let configuration = try config.resolve(startingFrom: .baseline)
        try checkOutputFolder()
        let environment = ProcessInfo.processInfo.environment
        var headers: [Service: [HTTPHeader]] = [:]
        if let token = environment["SPOTIFY_ACCESS_TOKEN"], !token.isEmpty {
            headers[.spotify] = [HTTPHeader("Authorization", "Bearer \(token)")]
        }
        if let key = environment["LLM_API_KEY"], !key.isEmpty {
            headers[.llm] = [HTTPHeader("Authorization", "Bearer \(key)")]
        }
        let options = LiveRecorder.Options(
            bases: [
                .spotify: Self.trimmed(spotifyURL), .reccobeats: Self.trimmed(reccoBeatsURL), .llm: Self.trimmed(llmURL),
            ],
            headers: headers, timeScale: timeScale, config: configuration, prompt: prompt ?? Self.defaultPrompt,
            userID: userID, createdAt: Self.now())
        let showProgress = isatty(STDERR_FILENO) != 0
        let made: LiveRecorder.Output
        do {
            made = try await LiveRecorder.record(options) { stage, at in
                guard showProgress else { return }
                let path = stage.hasPrefix("workflow/") ? String(stage.dropFirst("workflow/".count)) : stage
                printToStandardError("record: \(at.seconds.formatted(decimals: 2).leftPadded(8)) s  \(path)")
            }
        } catch let error as LiveRecordingError {
            switch error {
            case .unreachable: throw ExitStatus.missingInput.fail("\(error)")
            case .timeScaleMismatch: throw ExitStatus.usage.fail("\(error)")
            }
        }
        do {
            try made.recording.write(to: output)
        } catch let error as RecordingError {
            throw ExitStatus(rawValue: error.exitCode)?.fail(error.description) ?? ExitCode(error.exitCode)
        }
        print(
            "\(output): \(made.result.total.seconds.formatted(decimals: 2)) s world, "
                + "\(made.wall.seconds.formatted(decimals: 2)) s wall"
                + (timeScale == 1 ? "" : " at time scale \(Self.scaleText(timeScale))")
                + ", \(made.result.counters.totalRequests) requests")
    }

    /// Fails early (exit 74) when the output's folder is missing or read-only, before a live
    /// run is spent on a file that cannot be written.
    private func checkOutputFolder() throws {
        let folder = (output as NSString).deletingLastPathComponent
        let directory = folder.isEmpty ? "." : folder
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ExitStatus.ioError.fail("cannot write \(output): folder \(directory) does not exist.")
        }
        guard FileManager.default.isWritableFile(atPath: directory) else {
            throw ExitStatus.ioError.fail("cannot write \(output): folder \(directory) is not writable.")
        }
    }

    private static func trimmed(_ url: String) -> String {
        var url = url
        while url.hasSuffix("/") { url.removeLast() }
        return url
    }

    private static func scaleText(_ scale: Double) -> String {
        scale == scale.rounded() ? String(Int64(scale)) : String(scale)
    }

    /// The current time, ISO 8601 in UTC to the second.
    private static func now() -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: Date())
    }
}

extension String {
    fileprivate func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
