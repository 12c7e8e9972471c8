import Foundation
import Testing
import PerfbenchPipeline
import PerfbenchRecording
@testable import PerfbenchWorld

/// The world behaviours calibration added: run prompts, LLM judgement tuning, the split `/me/top`.
@Suite struct RunProfileTests {
    /// The full-size catalogue: the small one has too few artists per genre for five mentions.
    let world = Self.fullWorld()

    static func fullWorld(_ profile: WorldProfile = .standard) -> UpstreamWorld {
        var quiet = profile
        quiet.faults = .none
        return UpstreamWorld(profile: quiet, seed: 9)
    }

    @Test func aRunPromptIsPromptZeroAndNamesArtistsOfItsGenre() throws {
        let run = RunPrompt(template: "laid-back g-funk, think {artists}.", mentionGenre: "g-funk", mentionCount: 3)
        let prompts = WorldPrompts(catalogue: world.catalogue, seed: 9, runPrompt: run)
        let first = prompts.prompt(0)
        let names = world.catalogue.artistIndices(inGenre: "g-funk").prefix(3).map { world.catalogue.artist($0).name }
        #expect(names.count == 3)
        #expect(first.text == "laid-back g-funk, think \(names[0]), \(names[1]) and \(names[2]).")
        // The simulated LLM reads the same artists as the user's mentions.
        #expect(first.mentionedArtists == names)
        // Other indices stay generated, identical to a world without the run prompt.
        #expect(prompts.prompt(1) == WorldPrompts(catalogue: world.catalogue, seed: 9).prompt(1))
    }

    @Test func theCalibratedProfilesAskTheirRunsPrompts() {
        let catalogue = world.catalogue
        let nov07 = WorldProfile.nov07.runPrompt?.prompt(in: catalogue)
        #expect(nov07?.text.hasPrefix("Caribbean rhythms, Latin beats") == true)
        #expect(nov07?.mentionedArtists.isEmpty == true)
        let oct31 = WorldProfile.oct31.runPrompt?.prompt(in: catalogue)
        #expect(oct31?.mentionedArtists.count == 5)
        #expect(WorldProfile.standard.runPrompt == nil)
    }

    @Test func theEvaluationOffsetShiftsTheLLMScore() throws {
        func score(_ offset: Double) throws -> Double {
            var profile = WorldProfile.standard
            profile.answers.evaluationOffset = offset
            let world = testWorld(seed: 9, profile: profile)
            let tracks = (0..<10).map { index -> LLMTrackInput in
                let track = world.catalogue.track(index * 3)
                return LLMTrackInput(id: track.spotifyID, name: track.title, artist: "a", features: track.features?.dictionary)
            }
            let reply = body(world, llmRequest(.qualityEvaluation, LLMRequestInput(prompt: "chill neo soul", tracks: tracks)))
            let text = try #require(reply.json["choices"]?.arrayValue?.first?["message"]?["content"]?.stringValue)
            return try #require(try JSONValue.parse(text)["score"]?.doubleValue)
        }
        let plain = try score(0)
        #expect(abs(try score(-0.2) - (plain - 0.2)) < 0.011)
        #expect(try score(2) == 1)
    }

    @Test func theValidationLimitCapsTheArtistsKept() throws {
        func kept(_ limit: Int?) throws -> Int {
            var profile = WorldProfile.standard
            profile.answers.validatedArtistLimit = limit
            let world = Self.fullWorld(profile)
            let artists = world.catalogue.artistIndices(inGenre: "funk").prefix(30).map { index -> LLMArtistInput in
                let artist = world.catalogue.artist(index)
                return LLMArtistInput(id: artist.spotifyID, name: artist.name, genres: artist.genres)
            }
            let input = LLMRequestInput(prompt: "groovy funk", artists: artists, count: 20)
            let reply = body(world, llmRequest(.artistValidation, input))
            let text = try #require(reply.json["choices"]?.arrayValue?.first?["message"]?["content"]?.stringValue)
            return try #require(try JSONValue.parse(text)["ids"]?.arrayValue).count
        }
        #expect(try kept(nil) > 4)
        #expect(try kept(4) == 4)
    }

    @Test func topArtistsHaveTheirOwnLatency() {
        var profile = WorldProfile.standard
        profile.latency.spotifyMeTop = .fixed(0.4)
        profile.latency.spotifyMeTopArtists = .fixed(6.35)
        let world = testWorld(seed: 9, profile: profile)
        let tracks = world.handle(spotifyGET("/v1/me/top/tracks", [("limit", "20")]), at: .zero)
        let artists = world.handle(spotifyGET("/v1/me/top/artists", [("limit", "15")]), at: .zero)
        #expect(tracks.latency == .milliseconds(400))
        #expect(artists.latency == .milliseconds(6350))
    }

    @Test func artistAlbumPagesCanListFewerAlbums() throws {
        func listed(_ limit: Int?) throws -> Int {
            var profile = WorldProfile.standard
            profile.listedAlbumsPerArtist = limit
            let world = Self.fullWorld(profile)
            let artist = try #require(world.catalogue.artistIndices(inGenre: "funk").first)
            let path = "/v1/artists/\(world.catalogue.artist(artist).spotifyID)/albums"
            let reply = body(world, spotifyGET(path, [("limit", "10")]))
            #expect(reply.status == 200)
            return try #require(reply.json["items"]?.arrayValue).count
        }
        #expect(try listed(nil) >= 2)
        #expect(try listed(1) == 1)
        #expect(WorldProfile.oct31.listedAlbumsPerArtist == 1)
    }
}
