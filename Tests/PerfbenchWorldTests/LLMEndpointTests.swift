import Foundation
import Testing
import PerfbenchPipeline
import PerfbenchRecording
@testable import PerfbenchWorld

@Suite struct LLMEndpointTests {
    let world = testWorld()
    var catalogue: Catalogue { world.catalogue }

    private func sampleTracks(_ count: Int) -> [LLMTrackInput] {
        (0..<count).map { offset in
            let track = catalogue.track(offset * 7)
            return LLMTrackInput(
                id: track.spotifyID, name: track.title,
                artist: catalogue.artist(track.artistIndices[0]).name,
                features: track.features?.dictionary)
        }
    }

    private func input(for task: LLMTask, prompt: String) -> LLMRequestInput {
        switch task {
        case .intentAnalysis, .moodAnalysis, .anchorMentions:
            return LLMRequestInput(prompt: prompt)
        case .artistValidation:
            let artists = (0..<30).map { index in
                let artist = catalogue.artist(index)
                return LLMArtistInput(id: artist.spotifyID, name: artist.name, genres: artist.genres)
            }
            return LLMRequestInput(prompt: prompt, artists: artists)
        case .anchorStrategy, .improvementStrategy:
            return LLMRequestInput(prompt: prompt, quality: ["cohesion": 0.49, "coverage": 1, "overall": 0.66])
        default:
            return LLMRequestInput(prompt: prompt, tracks: sampleTracks(12), count: 6)
        }
    }

    /// The answer content of a chat completion, checked for the envelope's shape on the way.
    private func content(_ request: HTTPRequest) throws -> Data {
        let reply = body(world, request)
        #expect(reply.status == 200)
        #expect(keys(reply.json) == ["choices", "id", "model", "object", "usage"])
        #expect(reply.json["object"]?.stringValue == "chat.completion")
        #expect(keys(reply.json["usage"]) == ["completion_tokens", "prompt_tokens", "total_tokens"])
        let choice = try #require(reply.json["choices"]?.arrayValue?.first)
        #expect(choice["finish_reason"]?.stringValue == "stop")
        let text = try #require(choice["message"]?["content"]?.stringValue)
        let parsed = try JSONValue.parse(text)
        #expect(unsortedKey(in: parsed) == nil)
        return Data(text.utf8)
    }

    @Test(arguments: LLMTask.allCases)
    func everyTaskAnswersDecodableJSON(task: LLMTask) throws {
        let data = try content(llmRequest(task, input(for: task, prompt: "chill and jazzy neo soul for a rooftop hangout")))
        let decoder = JSONDecoder()
        switch task {
        case .intentAnalysis: _ = try decoder.decode(IntentAnswer.self, from: data)
        case .moodAnalysis: _ = try decoder.decode(MoodAnswer.self, from: data)
        case .anchorMentions: _ = try decoder.decode(MentionAnswer.self, from: data)
        case .anchorFilter, .anchorFinalize, .artistValidation, .seedSelection:
            let answer = try decoder.decode(SelectionAnswer.self, from: data)
            #expect(answer.ids?.isEmpty == false)
        case .anchorStrategy, .improvementStrategy, .orderingStrategy:
            let answer = try decoder.decode(StrategyAnswer.self, from: data)
            #expect(answer.strategies?.isEmpty == false)
        case .anchorScoring:
            let answer = try decoder.decode(ScoresAnswer.self, from: data)
            #expect(answer.scores?.count == 12)
            #expect(answer.scores?.allSatisfy { (0...1).contains($0.score) } == true)
        case .qualityEvaluation, .finalEvaluation:
            let answer = try decoder.decode(EvaluationAnswer.self, from: data)
            #expect((0...1).contains(answer.score ?? -1))
        case .energyAnalysis:
            let answer = try decoder.decode(EnergyAnswer.self, from: data)
            #expect(answer.tracks?.map(\.id) == sampleTracks(12).map(\.id))
        }
    }

    @Test func intentFindsTheArtistsAndTracksThePromptNames() throws {
        let artist = catalogue.artist(40)
        let other = catalogue.artist(41)
        let track = catalogue.track(other.trackIndices.lowerBound)
        let prompt = "sunny reggae like \"\(track.title)\" by \(other.name), think \(artist.name)"
        let data = try content(llmRequest(.intentAnalysis, LLMRequestInput(prompt: prompt)))
        let answer = try JSONDecoder().decode(IntentAnswer.self, from: data)
        #expect(answer.mentionedTracks == [MentionedTrack(title: track.title, artist: other.name)])
        #expect(answer.mentionedArtists == [other.name, artist.name])
        #expect(answer.intentType == "track_similarity")
        #expect(answer.primaryGenre == "reggae")
    }

    @Test func moodTargetsFollowTheMoodWords() throws {
        let decoder = JSONDecoder()
        let calm = try decoder.decode(MoodAnswer.self, from: content(llmRequest(.moodAnalysis, LLMRequestInput(prompt: "sleepy"))))
        let loud = try decoder.decode(MoodAnswer.self, from: content(llmRequest(.moodAnalysis, LLMRequestInput(prompt: "aggressive workout"))))
        let calmEnergy = try #require(calm.targetFeatures?["energy"])
        let loudEnergy = try #require(loud.targetFeatures?["energy"])
        #expect(calmEnergy[1] < loudEnergy[0])
        // A broad prompt names few features; a detailed one names nearly all.
        #expect((calm.targetFeatures?.count ?? 0) <= 4)
        let detailed = "dark, brooding trip hop and shoegaze with deep basslines, hazy and moody late-night energy for the last hour of the night"
        let specific = try decoder.decode(MoodAnswer.self, from: content(llmRequest(.moodAnalysis, LLMRequestInput(prompt: detailed))))
        #expect((specific.targetFeatures?.count ?? 0) >= 8)
        #expect(specific.genreKeywords?.prefix(2) == ["trip hop", "shoegaze"])
        for name in specific.artistRecommendations ?? [] { #expect(catalogue.artist(named: name) != nil) }
    }

    @Test func selectionReturnsTheRequestedCountOfGivenIDs() throws {
        let tracks = sampleTracks(12)
        let data = try content(llmRequest(.seedSelection, LLMRequestInput(prompt: "happy", tracks: tracks, count: 5)))
        let ids = try #require(try JSONDecoder().decode(SelectionAnswer.self, from: data).ids)
        #expect(ids.count == 5)
        #expect(Set(ids).isSubset(of: tracks.map(\.id)))
    }

    @Test func malformedRequestsAnswer400() {
        var request = llmRequest(.intentAnalysis, LLMRequestInput(prompt: "x"))
        request.body = "{\"messages\":[{\"role\":\"system\",\"content\":\"no task line\"}]}"
        #expect(body(world, request).status == 400)
        request.body = "not json"
        #expect(body(world, request).status == 400)
        #expect(keys(body(world, request).json["error"]) == ["code", "message", "type"])
    }
}
