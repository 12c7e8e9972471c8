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
        let request = HTTPRequest(
            service: .llm, method: "POST", path: LLMWire.path,
            headers: [HTTPHeader("Content-Type", "application/json")],
            body: Self.body(task, input), tool: tool.name)
        let outcome = try await caller.call(tool, request)
        guard let envelope = TrackDecoding.parse(outcome.body),
            let content = envelope["choices"]?.arrayValue?.first?["message"]?["content"]?.stringValue,
            let answer = try? JSONValue.parse(content), answer.objectValue != nil
        else {
            caller.observer.count { $0.llmFallbacks += 1 }
            return nil
        }
        return answer
    }

    /// The request body; the user message is the input with sorted keys.
    static func body(_ task: LLMTask, _ input: LLMRequestInput) -> String {
        let system = task.systemLine + "\nAnswer with one JSON object."
        let messages = JSONText.array([
            JSONText.object([("role", JSONText.quoted("system")), ("content", JSONText.quoted(system))]),
            JSONText.object([("role", JSONText.quoted("user")), ("content", JSONText.quoted(encode(input)))]),
        ])
        return JSONText.object([
            ("messages", messages),
            ("model", JSONText.quoted(LLMWire.defaultModel)),
            ("response_format", JSONText.object([("type", JSONText.quoted("json_object"))])),
            ("temperature", JSONText.number(LLMWire.temperature)),
        ])
    }

    /// `LLMRequestInput` as JSON with keys in sorted order (what `JSONEncoder.sortedKeys` writes).
    static func encode(_ input: LLMRequestInput) -> String {
        var members: [(String, String)] = []
        if let artists = input.artists {
            members.append(("artists", JSONText.array(artists.map { artist in
                JSONText.object([
                    ("genres", JSONText.array(artist.genres.map(JSONText.quoted))),
                    ("id", JSONText.quoted(artist.id)), ("name", JSONText.quoted(artist.name)),
                ])
            })))
        }
        if let count = input.count { members.append(("count", String(count))) }
        members.append(("prompt", JSONText.quoted(input.prompt)))
        if let quality = input.quality {
            members.append(("quality", JSONText.object(quality.keys.sorted().map {
                ($0, JSONText.number(quality[$0] ?? 0))
            })))
        }
        if let tracks = input.tracks {
            members.append(("tracks", JSONText.array(tracks.map { track in
                var fields: [(String, String)] = [("artist", JSONText.quoted(track.artist))]
                if let features = track.features {
                    fields.append(("features", JSONText.object(features.keys.sorted().map {
                        ($0, JSONText.number(features[$0] ?? 0))
                    })))
                }
                fields.append(("id", JSONText.quoted(track.id)))
                fields.append(("name", JSONText.quoted(track.name)))
                return JSONText.object(fields)
            })))
        }
        return JSONText.object(members)
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
