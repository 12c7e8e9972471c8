import PerfbenchPipeline
import PerfbenchRecording

/// What the replay's answer models read of an LLM request's user message: the tracks (id and
/// features) or artists it offers and the count it asks for.
///
/// Read from the pipeline's own call as values, or from a recorded body's JSON, whatever its
/// shape: a member that is missing or of another type reads as absent, and a number as the
/// text wrote it (values are rounded to the four decimals the body carries), so both give the
/// same view of the same request.
struct LLMUserInput: Sendable {
    struct Track: Sendable {
        let id: String?
        /// The numeric features, nil when the track carries none.
        let features: [String: Double]?
    }

    let tracks: [Track]?
    let artistIDs: [String?]?
    let count: Int?

    /// The view of a user message's JSON (the ``LLMRequestInput`` object, or anything else).
    init(json: JSONValue) {
        tracks = json["tracks"]?.arrayValue?.map { item in
            var features: [String: Double]?
            if let object = item["features"]?.objectValue {
                var numbers: [String: Double] = [:]
                for member in object.members { if let value = member.value.doubleValue { numbers[member.key] = value } }
                features = numbers
            }
            return Track(id: item["id"]?.stringValue, features: features)
        }
        artistIDs = json["artists"]?.arrayValue?.map { $0["id"]?.stringValue }
        count = json["count"]?.intValue
    }

    /// The view of the pipeline's own input, numbers as its body writes them.
    init(_ input: LLMRequestInput) {
        tracks = input.tracks?.map { Track(id: $0.id, features: $0.features?.mapValues(JSONText.readBack)) }
        artistIDs = input.artists?.map(\.id)
        count = input.count
    }

    /// The user message of a chat-completions body; nil when the body has none.
    init?(body: String) {
        guard let json = ResponseSynthesizer.userInput(body) else { return nil }
        self.init(json: json)
    }

    /// The user message `request` sends: its values for the pipeline's calls, else its body's.
    init?(request: HTTPRequest) {
        if let call = request.llmCall {
            self.init(call.input)
        } else if let body = request.body {
            self.init(body: body)
        } else {
            return nil
        }
    }

    /// The ids of the offered items of `member` (`tracks` or `artists`); nil when not offered.
    func offeredIDs(_ member: String) -> [String?]? {
        switch member {
        case "artists": return artistIDs
        case "tracks": return tracks?.map(\.id)
        default: return nil
        }
    }
}
