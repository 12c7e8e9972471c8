import Foundation
import PerfbenchPipeline
import PerfbenchRecording
import Testing

@testable import PerfbenchReplay

/// Answers the recording never held are built like the recorded ones of their kind: as many
/// items as a recorded listing, the fields a recorded full object has (issue 14: content that
/// decides how many calls follow comes from the recording, not a fixed guess).
@Suite struct SynthesizedContentTests {
    @Test func anUnrecordedAlbumListingHoldsAsManyAlbumsAsARecordedOne() throws {
        let index = try RedrawnTimeoutTests.badDay()
        let catalogue = index.models.catalogue
        #expect(!catalogue.albumListingSizes.isEmpty)
        let synthesizer = ResponseSynthesizer(catalogue: catalogue)
        let request = HTTPRequest(
            service: .spotify, path: "/v1/artists/neverRecorded/albums", query: [.init("limit", "20")], tool: "get_artist_albums")
        var sizes = Set<Int>()
        for seed in UInt64(0)..<64 {
            let seeded = seed &* 0x9E37_79B9_7F4A_7C15
            let body = synthesizer.answer(request, key: RequestKey(request), seed: seeded).body
            let items = try #require(JSONParser.parse(body)["items"]?.arrayValue)
            sizes.insert(items.count)
        }
        #expect(sizes.isSubset(of: Set(catalogue.albumListingSizes.map { min($0, catalogue.albums.order.count) })))
        #expect(sizes.count > 1, "the size follows the recorded listings: \(sizes)")
    }

    @Test func aTrackSeenOnlyInAListingIsFetchedWithARecordedPopularity() throws {
        let index = ReplayIndex(recording: try Recording.load(from: WarmCacheTests.nov07))
        let catalogue = index.models.catalogue
        let popularities = Set(catalogue.fetchedTrackPopularities)
        #expect(!popularities.isEmpty)
        // A listed track the recording never fetched: its listing omits popularity, which the
        // pipeline needs to keep or drop it.
        let listedOnly = try #require(
            catalogue.albumTracks.values.joined().compactMap { $0["id"]?.stringValue }.sorted()
                .first { catalogue.tracks[$0]?["popularity"] == nil })
        let synthesizer = ResponseSynthesizer(catalogue: catalogue)
        var seen = Set<Int>()
        for id in [listedOnly, "neverRecorded00000000a"] {
            let request = HTTPRequest(service: .spotify, path: "/v1/tracks/\(id)", query: [], tool: "get_spotify_track")
            for seed in UInt64(0)..<32 {
                let body = synthesizer.answer(request, key: RequestKey(request), seed: seed &* 0x9E37_79B9_7F4A_7C15).body
                let json = try JSONParser.parse(body)
                #expect(json["id"]?.stringValue == id)
                seen.insert(try #require(json["popularity"]?.intValue))
            }
        }
        #expect(seen.isSubset(of: popularities))
        #expect(seen.count > 1, "the popularity follows the recorded fetches: \(seen)")
    }
}
