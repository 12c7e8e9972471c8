import Testing
import PerfbenchRuntime
@testable import PerfbenchWorld

@Suite struct CatalogueTests {
    @Test func sameSeedBuildsTheSameCatalogue() {
        let first = Catalogue(seed: 42)
        let second = Catalogue(seed: 42)
        #expect(first.artistCount == second.artistCount)
        #expect(first.trackCount == second.trackCount)
        for index in stride(from: 0, to: first.trackCount, by: 97) {
            #expect(first.track(index) == second.track(index))
        }
        for index in stride(from: 0, to: first.artistCount, by: 31) {
            #expect(first.artist(index) == second.artist(index))
        }
        #expect(first.userTopTrackIndices == second.userTopTrackIndices)
    }

    @Test func differentSeedsBuildDifferentCatalogues() {
        let first = Catalogue(seed: 1)
        let second = Catalogue(seed: 2)
        #expect(first.artist(0).spotifyID != second.artist(0).spotifyID)
        #expect((0..<20).map { first.artist($0).name } != (0..<20).map { second.artist($0).name })
    }

    @Test func isSizedLikeARealSlice() {
        let catalogue = Catalogue(seed: 3)
        #expect(catalogue.artistCount == 900)
        #expect((900 * 5...900 * 10).contains(catalogue.trackCount))
        let tracks = (0..<catalogue.trackCount).map(catalogue.track)
        let inRecco = Double(tracks.filter(\.inReccoBeats).count) / Double(tracks.count)
        #expect((0.65...0.8).contains(inRecco))
        #expect(tracks.contains { $0.inReccoBeats && $0.features == nil })
        #expect(tracks.contains { $0.inReccoBeats && !$0.reccoBeatsHasDuration })
        #expect(catalogue.userTopArtistIndices.count == 50)
        #expect(catalogue.userTopTrackIndices.count == 50)
        for genre in catalogue.genreNames {
            #expect(catalogue.artistIndices(inGenre: genre).count >= 4, "genre \(genre)")
        }
    }

    @Test func spotifyIDsAreBase62OfTwentyTwoCharacters() {
        let catalogue = Catalogue(seed: 5, shape: .small)
        let alphabet = Set("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
        for index in 0..<catalogue.trackCount {
            let id = catalogue.track(index).spotifyID
            #expect(id.count == 22)
            #expect(id.allSatisfy(alphabet.contains))
            // 128 bits in base62 leave the first digit at 0–7, as on Spotify.
            #expect("01234567".contains(id.first ?? "x"))
        }
    }

    @Test func reccoBeatsIDsLookLikeVersionFourUUIDs() {
        let catalogue = Catalogue(seed: 5, shape: .small)
        for index in 0..<catalogue.trackCount {
            let uuid = Array(catalogue.track(index).reccoBeatsID)
            #expect(uuid.count == 36)
            #expect(uuid[8] == "-" && uuid[13] == "-" && uuid[18] == "-" && uuid[23] == "-")
            #expect(uuid[14] == "4")
            #expect("89ab".contains(uuid[19]))
        }
    }

    @Test func idsDecodeBackToTheirEntity() {
        let catalogue = Catalogue(seed: 9, shape: .small)
        for index in 0..<catalogue.trackCount {
            let track = catalogue.track(index)
            #expect(catalogue.track(id: track.spotifyID)?.index == index)
            if track.inReccoBeats {
                #expect(catalogue.track(id: track.reccoBeatsID)?.index == index)
            } else {
                #expect(catalogue.track(id: track.reccoBeatsID) == nil)
            }
        }
        let artist = catalogue.artist(3)
        #expect(catalogue.artist(id: artist.spotifyID)?.index == 3)
        #expect(catalogue.artist(id: artist.reccoBeatsID)?.index == 3)
        #expect(catalogue.track(id: artist.spotifyID) == nil)
        // Ids of another seed are well-formed but unknown here.
        #expect(catalogue.track(id: Catalogue(seed: 10, shape: .small).track(0).spotifyID) == nil)
        #expect(catalogue.track(id: "4uLU6hMCjMI75M1A2tKUQC") == nil)
    }

    @Test func artistNamesAreUniqueAndFindable() {
        let catalogue = Catalogue(seed: 11)
        let names = (0..<catalogue.artistCount).map { catalogue.artist($0).name }
        #expect(Set(names).count == names.count)
        #expect(catalogue.artist(named: names[17].uppercased())?.index == 17)
    }

    /// A large catalogue builds whole. (Its speed is not asserted here: a wall-clock bound failed
    /// at 254 ms against 250 on a loaded 2-core CI machine; speed belongs in Benchmarks/.)
    @Test func aLargeCatalogueBuildsWhole() {
        let catalogue = Catalogue(seed: 12, shape: CatalogueShape(artistCount: 1500))
        #expect(catalogue.artistCount == 1500)
        #expect(Set((0..<catalogue.artistCount).map { catalogue.artist($0).name }).count == 1500)
    }
}
