import Foundation
import PerfbenchPipeline
import PerfbenchRecording

/// The simulated chat-completions endpoint: reads the task from the system message's first line
/// and the ``LLMRequestInput`` from the user message, answers with the matching Codable answer
/// type (sorted keys) inside a `chat.completion` envelope (the ``LLMWire`` shape).
struct LLMEndpoint {
    let answerer: LLMAnswerer

    init(catalogue: Catalogue, tuning: LLMAnswerTuning = LLMAnswerTuning(), judge: WorldMechanics.Judge = .meanMatch) {
        answerer = LLMAnswerer(catalogue: catalogue, tuning: tuning, judge: judge)
    }

    func reply(to request: HTTPRequest) throws -> WorldReply {
        guard let body = request.body, let envelope = try? JSONValue.parse(body) else {
            throw BadRequest(message: "The request body is not valid JSON.")
        }
        guard let messages = envelope["messages"]?.arrayValue, !messages.isEmpty else {
            throw BadRequest(message: "'messages' is a required property")
        }
        let system = messages.first { $0["role"]?.stringValue == "system" }?["content"]?.stringValue ?? ""
        guard let task = LLMTask.named(inSystemMessage: system) else {
            throw BadRequest(message: "The system message must start with 'task: <name>'.")
        }
        let userText = messages.last { $0["role"]?.stringValue == "user" }?["content"]?.stringValue ?? ""
        guard let user = try? JSONValue.parse(userText), let input = Self.input(from: user) else {
            throw BadRequest(message: "The user message must be an LLMRequestInput JSON object.")
        }
        let model = envelope["model"]?.stringValue ?? LLMWire.defaultModel
        let content = Self.encode(answerer.answer(task, input: input))
        let promptTokens = max(1, body.utf8.count / 4)
        let completionTokens = max(1, content.utf8.count / 4)

        var json = JSONWriter(capacity: content.utf8.count + 400)
        json.beginObject()
        json.key("choices")
        json.beginArray()
        json.beginObject()
        json.key("finish_reason")
        json.string("stop")
        json.key("index")
        json.int(0)
        json.key("message")
        json.beginObject()
        json.key("content")
        json.string(content)
        json.key("role")
        json.string("assistant")
        json.endObject()
        json.endObject()
        json.endArray()
        json.key("id")
        json.string("chatcmpl-" + String(StableHasher.hash(body), radix: 36))
        json.key("model")
        json.string(model)
        json.key("object")
        json.string("chat.completion")
        json.key("usage")
        json.beginObject()
        json.key("completion_tokens")
        json.int(completionTokens)
        json.key("prompt_tokens")
        json.int(promptTokens)
        json.key("total_tokens")
        json.int(promptTokens + completionTokens)
        json.endObject()
        json.endObject()

        var reply = WorldReply.json(json, items: input.tracks?.count ?? input.artists?.count ?? 0)
        reply.llmTask = task
        reply.promptTokens = promptTokens
        reply.completionTokens = completionTokens
        return reply
    }

    /// Reads an ``LLMRequestInput`` with the recording module's fast parser: the same fields its
    /// `Codable` conformance reads, at a fraction of `JSONDecoder`'s cost (≈ 300 µs for 25 tracks).
    static func input(from value: JSONValue) -> LLMRequestInput? {
        guard let prompt = value["prompt"]?.stringValue else { return nil }
        let tracks = value["tracks"]?.arrayValue?.compactMap { track -> LLMTrackInput? in
            guard let id = track["id"]?.stringValue else { return nil }
            return LLMTrackInput(
                id: id, name: track["name"]?.stringValue ?? "", artist: track["artist"]?.stringValue ?? "",
                features: track["features"]?.objectValue.map(numbers))
        }
        let artists = value["artists"]?.arrayValue?.compactMap { artist -> LLMArtistInput? in
            guard let id = artist["id"]?.stringValue else { return nil }
            return LLMArtistInput(
                id: id, name: artist["name"]?.stringValue ?? "",
                genres: artist["genres"]?.arrayValue?.compactMap(\.stringValue) ?? [])
        }
        return LLMRequestInput(
            prompt: prompt, tracks: tracks, artists: artists, count: value["count"]?.intValue,
            quality: value["quality"]?.objectValue.map(numbers))
    }

    private static func numbers(_ object: JSONObject) -> [String: Double] {
        var result: [String: Double] = [:]
        for member in object.members {
            if let number = member.value.doubleValue { result[member.key] = number }
        }
        return result
    }

    /// JSON with sorted keys, so the same answer is the same text in every process.
    static func encode(_ value: any Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(value) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }
}
