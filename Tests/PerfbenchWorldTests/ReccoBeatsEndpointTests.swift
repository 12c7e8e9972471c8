import Testing
import PerfbenchPipeline
import PerfbenchRecording
@testable import PerfbenchWorld

@Suite struct ReccoBeatsEndpointTests {
    let world = testWorld()
    var catalogue: Catalogue { world.catalogue }

    private func tracks(where predicate: (Catalogue.Track) -> Bool) -> [Catalogue.Track] {
        (0..<catalogue.trackCount).map(catalogue.track).filter(predicate)
    }

    @Test func multiGetMapsSpotifyIDsAndUUIDsAndOmitsUnknownTracks() throws {
        let known = tracks { $0.inReccoBeats }.prefix(3)
        let unknown = try #require(tracks { !$0.inReccoBeats }.first)
        let ids = known.map(\.spotifyID) + [unknown.spotifyID]
        let repeated = body(world, reccoGET("/v1/track", ids.map { ("ids", $0) }))
        let commas = body(world, reccoGET("/v1/track", [("ids", ids.joined(separator: ","))]))
        #expect(repeated.json == commas.json)
        let content = try #require(repeated.json["content"]?.arrayValue)
        #expect(content.count == 3)
        let first = try #require(content.first)
        #expect(first["href"]?.stringValue == "https://open.spotify.com/track/\(known.first?.spotifyID ?? "")")
        #expect(first["id"]?.stringValue == known.first?.reccoBeatsID)
        let allowed: Set<String> = ["artists", "availableCountries", "durationMs", "href", "id", "isrc", "popularity", "trackTitle"]
        #expect(keys(first).allSatisfy { allowed.contains($0) })
        let byUUID = body(world, reccoGET("/v1/track", [("ids", known.map(\.reccoBeatsID).joined(separator: ","))]))
        #expect(byUUID.json["content"]?.arrayValue?.count == 3)
    }

    @Test func someTracksLackDurationMs() throws {
        let lacking = try #require(tracks { $0.inReccoBeats && !$0.reccoBeatsHasDuration }.first)
        let reply = body(world, reccoGET("/v1/track", [("ids", lacking.spotifyID)]))
        let record = try #require(reply.json["content"]?.arrayValue?.first)
        #expect(record["durationMs"] == nil)
    }

    @Test func audioFeaturesAnswerTheirShapeOr404() throws {
        let with = try #require(tracks { $0.features != nil }.first)
        let reply = body(world, reccoGET("/v1/track/\(with.reccoBeatsID)/audio-features"))
        #expect(reply.status == 200)
        #expect(keys(reply.json) == [
            "acousticness", "danceability", "energy", "href", "id", "instrumentalness", "key",
            "liveness", "loudness", "mode", "speechiness", "tempo", "valence",
        ])
        #expect(reply.json["energy"]?.doubleValue == with.features?.energy)
        let without = try #require(tracks { $0.inReccoBeats && $0.features == nil }.first)
        #expect(body(world, reccoGET("/v1/track/\(without.reccoBeatsID)/audio-features")).status == 404)
        let absent = try #require(tracks { !$0.inReccoBeats }.first)
        #expect(body(world, reccoGET("/v1/track/\(absent.reccoBeatsID)/audio-features")).status == 404)
        #expect(body(world, reccoGET("/v1/track/\(with.spotifyID)/audio-features")).status == 400)
    }

    @Test func batchAudioFeaturesListOnlyKnownFeatures() throws {
        let sample = tracks { $0.inReccoBeats }.prefix(30)
        let reply = body(world, reccoGET("/v1/audio-features", [("ids", sample.map(\.reccoBeatsID).joined(separator: ","))]))
        #expect(reply.json["content"]?.arrayValue?.count == sample.filter { $0.features != nil }.count)
        let tooMany = tracks { $0.inReccoBeats }.prefix(41).map(\.reccoBeatsID).joined(separator: ",")
        #expect(body(world, reccoGET("/v1/audio-features", [("ids", tooMany)])).status == 400)
    }

    @Test func recommendationsReturnTheRequestedSizeWithoutSeeds() throws {
        let seeds = tracks { $0.features != nil }.prefix(3)
        let query = [("seeds", seeds.map(\.spotifyID).joined(separator: ",")), ("size", "8"), ("energy", "0.7")]
        let reply = body(world, reccoGET("/v1/track/recommendation", query))
        #expect(reply.status == 200)
        let content = try #require(reply.json["content"]?.arrayValue)
        #expect(content.count == 8)
        let returned = Set(content.compactMap { $0["id"]?.stringValue })
        #expect(returned.isDisjoint(with: seeds.map(\.reccoBeatsID)))
        #expect(unsortedKey(in: reply.json) == nil)
    }

    @Test(arguments: [
        [("size", "5")],
        [("seeds", "a,b,c,d,e,f"), ("size", "5")],
        [("seeds", "x"), ("size", "101")],
        [("seeds", "x"), ("energy", "1.5")],
        [("seeds", "x"), ("negativeSeeds", "a,b,c,d,e,f")],
    ])
    func badRecommendationParametersAnswer400(query: [(String, String)]) {
        let reply = body(world, reccoGET("/v1/track/recommendation", query))
        #expect(reply.status == 400)
        #expect(keys(reply.json) == ["error", "message", "status"])
    }

    @Test func artistSearchAndArtistTracksArePaged() throws {
        let artist = catalogue.artist(21)
        let search = body(world, reccoGET("/v1/artist/search", [("searchText", artist.name), ("size", "5")]))
        #expect(keys(search.json) == ["content", "page", "size", "totalElements", "totalPages"])
        let first = try #require(search.json["content"]?.arrayValue?.first)
        #expect(keys(first) == ["href", "id", "name"])
        #expect(first["id"]?.stringValue == artist.reccoBeatsID)
        let tracks = body(world, reccoGET("/v1/artist/\(artist.reccoBeatsID)/track", [("size", "50")]))
        let expected = artist.trackIndices.filter { catalogue.track($0).inReccoBeats }.count
        #expect(tracks.json["content"]?.arrayValue?.count == expected)
        #expect(tracks.json["totalElements"]?.intValue == expected)
    }

    @Test func unknownPathsAnswer404() {
        #expect(body(world, reccoGET("/v1/tracks")).status == 404)
        #expect(body(world, reccoGET("/v1/artist/\(catalogue.artist(0).reccoBeatsID)")).status == 404)
    }
}
