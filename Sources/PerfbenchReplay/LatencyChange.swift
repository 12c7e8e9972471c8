import PerfbenchPipeline
import PerfbenchRecording
import PerfbenchReport

/// A what-if on the upstream's speed (`--latency TARGET=CHANGE`): every answer the replay gives
/// a matching request — exact, composed, synthesized, a 429 — takes `latency × factor + shift`
/// (never below zero) instead of its own latency, before the caller's timeout is applied.
///
/// Targets: a host (`spotify`, `reccobeats`, `llm`), a tool (`get_artist_top_tracks`), an LLM
/// task (`llm:energy_analysis`) or a host's endpoint template
/// (`spotify:/v1/artists/{id}/top-tracks`). Changes: a factor (`0.5`: twice as fast), or a
/// shift (`+2s`, `-300ms`). A recorded timeout only says the call took at least that long: made
/// faster, its end is drawn from the endpoint's censored fit (as for a longer timeout) and
/// scaled, so it may now succeed.
public struct LatencyChange: Sendable, Hashable, CustomStringConvertible {
    /// Which requests a change applies to.
    public enum Target: Sendable, Hashable {
        case service(Service)
        case tool(String)
        case llmTask(String)
        /// A host and an endpoint template (`/v1/artists/{id}/top-tracks`).
        case endpoint(Service, String)
    }

    public var target: Target
    /// What the latency is multiplied by (1: unchanged).
    public var factor: Double
    /// What is added after the factor (may be negative).
    public var shift: Duration

    public init(target: Target, factor: Double = 1, shift: Duration = .zero) {
        self.target = target
        self.factor = factor
        self.shift = shift
    }

    /// The tools the pipeline calls, by name: the targets `--latency` accepts besides hosts,
    /// tasks and templates (the ReccoBeats id mapping shares `get_multiple_tracks`).
    public static let toolNames: [String] = {
        let tools = ToolCatalogue(config: .baseline)
        return [
            tools.searchTracks, tools.searchArtists, tools.artistTopTracks, tools.artist, tools.artistAlbums,
            tools.albumTracks, tools.track, tools.userTopTracks, tools.userTopArtists, tools.recommendations,
            tools.multipleTracks, tools.audioFeatures,
        ].map(\.name)
    }()

    /// Parses `TARGET=CHANGE`, e.g. `reccobeats=0.5`, `llm=+2s`,
    /// `spotify:/v1/artists/{id}/top-tracks=0.5`.
    ///
    /// - Throws: ``LatencyChangeError`` naming what is wrong and what is accepted.
    public init(parsing text: String) throws(LatencyChangeError) {
        guard let equals = text.lastIndex(of: "=") else {
            throw LatencyChangeError(text: text, problem: "it has no '=': write TARGET=CHANGE, e.g. reccobeats=0.5 or llm=+2s")
        }
        let targetText = String(text[..<equals]).trimmingSpaces
        let change = String(text[text.index(after: equals)...]).trimmingSpaces
        target = try Self.target(targetText, in: text)
        factor = 1
        shift = .zero
        if let sign = change.first, sign == "+" || sign == "-" {
            guard let seconds = Self.seconds(change.dropFirst()), seconds <= 3_600 else {
                throw LatencyChangeError(
                    text: text, problem: "the shift '\(change)' is not a duration of at most an hour: write e.g. +2s or -300ms")
            }
            shift = .secondsRounded(sign == "-" ? -seconds : seconds)
        } else {
            let number = change.hasPrefix("x") ? String(change.dropFirst()) : change
            guard let value = Double(number), value.isFinite, value >= 0, value <= 1_000 else {
                throw LatencyChangeError(
                    text: text, problem: "the factor '\(change)' is not a number from 0 to 1000: write e.g. 0.5 (twice as fast)")
            }
            factor = value
        }
    }

    private static func target(_ text: String, in whole: String) throws(LatencyChangeError) -> Target {
        if let service = Service(rawValue: text), service != .other { return .service(service) }
        if toolNames.contains(text) { return .tool(text) }
        if let colon = text.firstIndex(of: ":") {
            let host = String(text[..<colon]), rest = String(text[text.index(after: colon)...])
            if host == "llm", LLMTask(rawValue: rest) != nil { return .llmTask(rest) }
            if let service = Service(rawValue: host), service != .other, service != .llm, rest.hasPrefix("/") {
                return .endpoint(service, rest)
            }
        }
        throw LatencyChangeError(
            text: whole,
            problem: "'\(text)' is not a target: name a host (spotify, reccobeats, llm), a tool ("
                + toolNames.joined(separator: ", ") + "), an LLM task (llm:" + LLMTask.allCases.map(\.rawValue).joined(separator: ", llm:")
                + ") or an endpoint (spotify:/v1/artists/{id}/top-tracks)")
    }

    /// `2s`, `300ms`, `1.5` (seconds): the value in seconds, nil when it is none of these.
    private static func seconds(_ text: Substring) -> Double? {
        let (number, scale): (Substring, Double) =
            text.hasSuffix("ms") ? (text.dropLast(2), 0.001) : text.hasSuffix("s") ? (text.dropLast(), 1) : (text, 1)
        guard let value = Double(number), value.isFinite, value >= 0 else { return nil }
        return value * scale
    }

    /// Whether the change applies to a request of `service`, tool `tool`, LLM task `task`, whose
    /// endpoint template `template()` gives (worked out only when a target needs it).
    func applies(service: Service, tool: String?, task: String?, template: () -> String) -> Bool {
        switch target {
        case .service(let target): return target == service
        case .tool(let name): return tool == name
        case .llmTask(let name): return service == .llm && task == name
        case .endpoint(let host, let path): return host == service && template() == path
        }
    }

    /// `latency` under this change.
    func apply(to latency: Duration) -> Duration {
        let changed = factor == 1 ? latency : .secondsRounded(latency.seconds * factor)
        return max(.zero, changed + shift)
    }

    /// The text form, as `--latency` takes it.
    public var description: String {
        let name: String
        switch target {
        case .service(let service): name = service.rawValue
        case .tool(let tool): name = tool
        case .llmTask(let task): name = "llm:" + task
        case .endpoint(let service, let path): name = service.rawValue + ":" + path
        }
        if shift != .zero {
            let seconds = shift.seconds
            return name + "=" + (seconds < 0 ? "-" : "+") + DecimalText.trimmed(abs(seconds), 6) + "s"
        }
        return name + "=" + DecimalText.trimmed(factor, 6)
    }
}

/// A `--latency` value that cannot be read.
public struct LatencyChangeError: Error, Sendable, CustomStringConvertible {
    public var text: String
    public var problem: String

    public var description: String { "--latency '\(text)': \(problem)." }
}

extension String {
    fileprivate var trimmingSpaces: String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}
