import PerfbenchRecording

/// Asks the chat-completions LLM one ``LLMTask`` and returns the parsed answer object.
///
/// A failed call or an answer that is not a JSON object returns nil and counts a fallback; the
/// caller then does what the backend does without an answer.
struct LLMClient: Sendable {
    let caller: ToolCaller

    func ask(_ task: LLMTask, _ input: LLMRequestInput) async throws -> JSONValue? {
        var tool = caller.session.tools.llm
        // Shipped request cancellation: energy-analysis batches are cut at their own deadline.
        if task == .energyAnalysis, case .energyBatches(let limit) = caller.session.config.requestCancellation {
            tool.timeout = limit
            tool.failsFastOnTimeout = true
        }
        // The body is written only where something reads it (a live call, a recording, a
        // replay's comparison with recorded bodies); a replay reads what the call asks from
        // its values.
        let request = HTTPRequest(
            service: .llm, method: "POST", path: LLMWire.path,
            headers: [HTTPHeader("Content-Type", "application/json")],
            llmCall: LLMCall(task: task, input: input), tool: tool.name)
        let outcome = try await caller.call(tool, request)
        guard let answer = Self.answer(outcome), answer.objectValue != nil else {
            caller.observer.count { $0.llmFallbacks += 1 }
            return nil
        }
        return answer
    }

    /// The answer object inside a success's envelope, parsed (or taken from the transport's parse).
    private static func answer(_ outcome: ToolOutcome) -> JSONValue? {
        guard case .ok(let response) = outcome else { return nil }
        return LLMWire.answer(of: response)
    }

    /// The request body; the user message is the input with sorted keys.
    ///
    /// Written into one buffer; the same bytes as the `JSONText` form
    /// `object([("messages", array([object([("role", quoted("system")), ("content", quoted(system))]),
    /// object([("role", quoted("user")), ("content", quoted(encode(input)))])])),
    /// ("model", quoted(model)), ("response_format", object([("type", quoted("json_object"))])),
    /// ("temperature", number(temperature))])`.
    static func body(_ task: LLMTask, _ input: LLMRequestInput) -> String {
        LLMBodyParts.body(task: task, userMessage: LLMBodyParts.userMessage(input)).string
    }

    /// The bytes of a task's body before the user message's text (its opening quote excluded)
    /// and after it (its closing quote excluded), indexed by ``LLMTask/ordinal``: a body is
    /// `prefix`, the user message quoted, `suffix`.
    static let envelopes: [(prefix: [UInt8], suffix: [UInt8])] = LLMTask.allCases.map { task in
        var prefix = JSONBytes(capacity: 128)
        prefix.raw(#"{"messages":[{"role":"system","content":"#)
        prefix.quoted(task.systemLine + "\nAnswer with one JSON object.")
        prefix.raw(#"},{"role":"user","content":"#)
        var suffix = JSONBytes(capacity: 128)
        suffix.raw(#"}],"model":"#)
        suffix.quoted(LLMWire.defaultModel)
        suffix.raw(#","response_format":{"type":"json_object"},"temperature":"#)
        suffix.number(LLMWire.temperature)
        suffix.byte(UInt8(ascii: "}"))
        return (prefix.bytes, suffix.bytes)
    }

    /// `LLMRequestInput` as JSON with keys in sorted order (what `JSONEncoder.sortedKeys` writes).
    static func encode(_ input: LLMRequestInput) -> String {
        String(decoding: LLMBodyParts.userMessage(input), as: UTF8.self)
    }

    /// Writes ``encode(_:)``'s text into `out`.
    static func encode(_ input: LLMRequestInput, into out: inout JSONBytes) {
        out.byte(UInt8(ascii: "{"))
        var first = true
        if let artists = input.artists {
            out.separator(&first)
            out.raw(#""artists":["#)
            var firstArtist = true
            for artist in artists {
                out.separator(&firstArtist)
                out.raw(#"{"genres":["#)
                var firstGenre = true
                for genre in artist.genres {
                    out.separator(&firstGenre)
                    out.quoted(genre)
                }
                out.raw(#"],"id":"#)
                out.quoted(artist.id)
                out.raw(#","name":"#)
                out.quoted(artist.name)
                out.byte(UInt8(ascii: "}"))
            }
            out.byte(UInt8(ascii: "]"))
        }
        if let count = input.count {
            out.separator(&first)
            out.raw(#""count":"#)
            out.integer(count)
        }
        out.separator(&first)
        out.raw(#""prompt":"#)
        out.quoted(input.prompt)
        if let quality = input.quality {
            out.raw(#","quality":"#)
            out.sortedNumbers(quality)
        }
        if let tracks = input.tracks {
            out.raw(#","tracks":["#)
            var firstTrack = true
            for track in tracks {
                out.separator(&firstTrack)
                out.raw(#"{"artist":"#)
                out.quoted(track.artist)
                if let features = track.features {
                    out.raw(#","features":"#)
                    out.sortedNumbers(features)
                }
                out.raw(#","id":"#)
                out.quoted(track.id)
                out.raw(#","name":"#)
                out.quoted(track.name)
                out.byte(UInt8(ascii: "}"))
            }
            out.byte(UInt8(ascii: "]"))
        }
        out.byte(UInt8(ascii: "}"))
    }
}

extension LLMTrackInput {
    /// The LLM's view of a track: id, name, first artist and its features.
    init(_ track: Track) {
        var features: [String: Double]?
        if let values = track.features?.values {
            features = values
        }
        self.init(id: track.id, name: track.name, artist: track.primaryArtist, features: features)
    }
}
