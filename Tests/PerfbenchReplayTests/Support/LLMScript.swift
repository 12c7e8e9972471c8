import PerfbenchPipeline
import PerfbenchRecording
import PerfbenchReplay

/// The scripted LLM: plausible answers per task, derived from the call's input.
enum LLMScript {
    static func answer(_ request: HTTPRequest) -> String {
        let body = request.body ?? ""
        let json = try? JSONValue.parse(body)
        let messages = json?["messages"]?.arrayValue ?? []
        let system = messages.first?["content"]?.stringValue ?? ""
        let input = messages.last?["content"]?.stringValue.flatMap { try? JSONValue.parse($0) }
        let task = LLMTask.named(inSystemMessage: system)
        let trackIDs = (input?["tracks"]?.arrayValue ?? []).compactMap { $0["id"]?.stringValue }
        let artistIDs = (input?["artists"]?.arrayValue ?? []).compactMap { $0["id"]?.stringValue }
        let count = input?["count"]?.intValue
        func ids(_ all: [String]) -> String {
            let kept = count.map { Array(all.prefix($0)) } ?? all
            return #"{"ids":[\#(kept.map { "\"\($0)\"" }.joined(separator: ","))]}"#
        }
        let answer: String
        switch task {
        case .intentAnalysis:
            answer = #"{"intent_type":"mood","mentioned_tracks":[],"mentioned_artists":[],"primary_genre":"indie"}"#
        case .moodAnalysis:
            answer = #"{"mood_label":"rainy","target_features":{"energy":[0.3,0.5],"valence":[0.3,0.6],"acousticness":[0.3,0.6],"danceability":[0.4,0.6],"tempo":[90,120]},"feature_weights":{"energy":0.9,"valence":0.8,"acousticness":0.6},"genre_keywords":["indie","dream pop","shoegaze","folk","lo-fi","slowcore"],"artist_recommendations":["Beach House","Slowdive","Low","Grouper","Alvvays","Wild Nothing"]}"#
        case .anchorMentions:
            answer = #"{"tracks":[],"artists":[]}"#
        case .anchorFilter:
            answer = ids(trackIDs.enumerated().filter { $0.offset % 3 != 2 }.map(\.element))
        case .anchorScoring:
            let rows = trackIDs.map { #"{"id":"\#($0)","score":\#(Double(UpstreamBodies.number("s" + $0, 100)) / 100)}"# }
            answer = #"{"scores":[\#(rows.joined(separator: ","))]}"#
        case .anchorFinalize, .seedSelection:
            answer = ids(trackIDs)
        case .artistValidation:
            answer = ids(artistIDs)
        case .anchorStrategy, .orderingStrategy:
            answer = #"{"strategies":["balanced"],"reasoning":"fits"}"#
        case .qualityEvaluation:
            answer = #"{"score":0.55,"issues":["outliers"]}"#
        case .improvementStrategy:
            answer = #"{"strategies":["filter_and_replace"],"reasoning":"outliers"}"#
        case .finalEvaluation:
            answer = #"{"score":0.8,"issues":[]}"#
        case .energyAnalysis:
            let rows = trackIDs.map { #"{"id":"\#($0)","energy":\#(Double(UpstreamBodies.number("e" + $0, 100)) / 100)}"# }
            answer = #"{"tracks":[\#(rows.joined(separator: ","))]}"#
        case nil:
            answer = "{}"
        }
        var escaped = ""
        for character in answer {
            if character == "\"" || character == "\\" { escaped.append("\\") }
            escaped.append(character)
        }
        return #"{"choices":[{"index":0,"message":{"role":"assistant","content":"\#(escaped)"},"finish_reason":"stop"}]}"#
    }
}
