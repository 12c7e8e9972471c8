import ArgumentParser
import Foundation
import PerfbenchRecording
import PerfbenchServer
import PerfbenchWorld

/// `perfbench serve`: the simulated upstream world over real HTTP, for a live backend or
/// `perfbench record` to talk to.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the simulated Spotify, ReccoBeats and LLM over HTTP on one local port.",
        discussion: """
            The world of `perfbench synth` (same catalogue, latencies, rate limits, 429 with \
            Retry-After, connection errors and 404s) answers real HTTP requests on one port:

              Spotify     http://HOST:PORT/v1/...             (api.spotify.com)
              ReccoBeats  http://HOST:PORT/reccobeats/v1/...  (api.reccobeats.com)
              LLM         POST http://HOST:PORT/v1/chat/completions

            --time-scale K runs the world K times faster: every latency, rate-limit window and \
            Retry-After is divided by K (Retry-After in seconds with up to six decimals), so a \
            300 s workflow runs in 300/K s. Every response carries X-Perfbench-Time-Scale: K. \
            A connection error of the world closes the connection without an answer. Request \
            bodies over 1 MiB get 413; unreadable requests get 400. A connection that sends \
            nothing for 60 s (real time) while no answer is due is closed, so an idle or \
            stalled client cannot hold it; a client that half-closes after its request still \
            gets the answer, then the connection closes.

            Binds 127.0.0.1 by default; --port 0 picks a free port (printed). Stops on Ctrl-C \
            or SIGTERM with exit 0. Exit 64 for bad options, 74 when the address cannot be \
            bound (the port is in use, say).

            Examples:
              perfbench serve --profile nov07 --seed 7 --port 8080 --time-scale 50
              curl 'http://127.0.0.1:8080/v1/search?q=jazz&type=artist&limit=3'
              curl 'http://127.0.0.1:8080/reccobeats/v1/artist/search?searchText=jazz'
              perfbench serve --port 0 --time-scale 1000   # any free port, 1000x

            To point a backend at it, replace https://api.spotify.com with http://HOST:PORT, \
            https://api.reccobeats.com with http://HOST:PORT/reccobeats, and an OpenAI client's \
            base URL (https://api.openai.com/v1) with http://HOST:PORT/v1.
            """
    )

    @OptionGroup var world: WorldOptions

    @Option(help: "World seed: fixes the catalogue and every latency.")
    var seed: UInt64 = 1

    @Option(help: "Address to listen on. Anything but loopback exposes the world to the network.")
    var host: String = "127.0.0.1"

    @Option(help: "Port to listen on (0: a free one, printed at start).")
    var port: Int = 8080

    @Option(help: ArgumentHelp("Run the world K times faster than real time (0 < K <= 10000).", valueName: "K"))
    var timeScale: Double = 1

    func validate() throws {
        guard (0...65_535).contains(port) else {
            throw ValidationError("--port must be between 0 and 65535 (0 picks a free port).")
        }
        guard timeScale.isFinite, timeScale > 0, timeScale <= WorldServerConfiguration.maximumTimeScale else {
            throw ValidationError("--time-scale must be above 0 and at most 10000.")
        }
        guard !host.isEmpty, !host.contains(where: { $0 == " " || $0 == "/" }) else {
            throw ValidationError("--host must be an address or host name, such as 127.0.0.1.")
        }
    }

    func run() async throws {
        guard let profile = world.world else { return }
        let configuration = WorldServerConfiguration(
            profile: profile, seed: seed, host: host, port: port, timeScale: timeScale)
        if !configuration.bindsLoopbackOnly {
            printToStandardError(
                "perfbench serve: warning: listening on \(host), not loopback: other machines can reach the world.")
        }
        let scale = Self.number(timeScale)
        do {
            try await WorldServer.run(configuration) { served in
                let lines = [
                    "perfbench serve: profile \(profile.name), seed \(seed), time-scale \(scale)",
                    "spotify     \(Self.padded(served.spotifyBase))(api.spotify.com)",
                    "reccobeats  \(served.reccoBeatsBase)",
                    "llm         \(Self.padded(served.llmBase))(POST /v1/chat/completions)",
                    "Ctrl-C to stop.",
                ]
                // Written and flushed at once, so a script waiting for the addresses sees them.
                FileHandle.standardOutput.write(Data((lines.joined(separator: "\n") + "\n").utf8))
            }
        } catch let error as WorldServerError {
            switch error {
            case .invalidConfiguration(let message): throw ExitStatus.usage.fail(message)
            case .cannotListen: throw ExitStatus.ioError.fail(error.description)
            }
        }
        printToStandardError("perfbench serve: stopped.")
    }

    private static func padded(_ text: String) -> String {
        text.count >= 29 ? text + " " : text + String(repeating: " ", count: 29 - text.count)
    }

    private static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }
}
