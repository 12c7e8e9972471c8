import Foundation
import Testing
import PerfbenchPipeline
import PerfbenchRecording
@testable import PerfbenchWorld

@Suite struct WorldPromptsTests {
    let world = testWorld(seed: 21)

    @Test func promptsAreTheSameForTheSameSeed() {
        let first = WorldPrompts(catalogue: world.catalogue, seed: 4).prompts(count: 30)
        let second = WorldPrompts(catalogue: world.catalogue, seed: 4).prompts(count: 30)
        let other = WorldPrompts(catalogue: world.catalogue, seed: 5).prompts(count: 30)
        #expect(first == second)
        #expect(first.map(\.text) != other.map(\.text))
    }

    @Test func promptsVaryInDetailMentionsAndGenres() {
        let prompts = WorldPrompts(catalogue: world.catalogue, seed: 4).prompts(count: 80)
        for specificity in WorldPrompt.Specificity.allCases {
            #expect(prompts.contains { $0.specificity == specificity })
        }
        #expect(prompts.contains { $0.mentionedArtists.isEmpty })
        #expect(prompts.contains { !$0.mentionedArtists.isEmpty })
        #expect(prompts.contains { !$0.mentionedTracks.isEmpty })
        #expect(Set(prompts.flatMap(\.genres)).count >= 15)
    }

    @Test func theSimulatedLLMFindsWhatEachPromptMentions() throws {
        for prompt in WorldPrompts(catalogue: world.catalogue, seed: 6).prompts(count: 40) {
            let response = world.response(to: llmRequest(.intentAnalysis, LLMRequestInput(prompt: prompt.text)))
            let envelope = try JSONValue.parse(response.body)
            let content = try #require(envelope["choices"]?.arrayValue?.first?["message"]?["content"]?.stringValue)
            let answer = try JSONDecoder().decode(IntentAnswer.self, from: Data(content.utf8))
            #expect(answer.mentionedArtists == prompt.mentionedArtists, "\(prompt.text)")
            #expect(answer.mentionedTracks == prompt.mentionedTracks, "\(prompt.text)")
        }
    }

    @Test func broadPromptsGetFewerTargetsThanSpecificOnes() throws {
        let prompts = WorldPrompts(catalogue: world.catalogue, seed: 8).prompts(count: 60)
        func targetCount(_ prompt: WorldPrompt) throws -> Int {
            let response = world.response(to: llmRequest(.moodAnalysis, LLMRequestInput(prompt: prompt.text)))
            let envelope = try JSONValue.parse(response.body)
            let content = try #require(envelope["choices"]?.arrayValue?.first?["message"]?["content"]?.stringValue)
            return try JSONDecoder().decode(MoodAnswer.self, from: Data(content.utf8)).targetFeatures?.count ?? 0
        }
        let broad = try prompts.filter { $0.specificity == .broad }.map(targetCount)
        let specific = try prompts.filter { $0.specificity == .specific }.map(targetCount)
        #expect(try #require(broad.max()) <= 5)
        #expect(try #require(specific.min()) >= 8)
    }
}

@Suite struct WorldProfileTests {
    @Test func everyNamedProfileExists() {
        for name in WorldProfile.names {
            #expect(WorldProfile.named(name)?.name == name)
        }
        #expect(WorldProfile.named("tuesday") == nil)
    }

    @Test func endpointLatenciesCanBeTunedOneEndpointAtATime() {
        var latencies = EndpointLatencies()
        latencies[.reccoBeatsTracks] = .fixed(2)
        #expect(latencies.reccoBeatsTracks == .fixed(2))
        #expect(latencies[.reccoBeatsTracks] == .fixed(2))
        #expect(latencies[.spotifySearch] == EndpointLatencies().spotifySearch)
    }
}
