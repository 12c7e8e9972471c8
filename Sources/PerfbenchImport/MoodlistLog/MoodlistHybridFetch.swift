import PerfbenchRecording

/// One artist's album sampling in the artist strategy's hybrid fetch, which the log brackets
/// (`Found N albums, sampling tracks for diversity` … `Hybrid strategy returned k diverse
/// tracks (… top: t, album: a)`) without logging its calls.
///
/// PIPELINE.md §3: after the top tracks and the album listing, up to five albums are sampled,
/// one after another, each with `GET /v1/albums/{id}/tracks?limit=50` and then `GET
/// /v1/tracks/{id}` of the sampled track, which is kept when its popularity is 20–80, until the
/// artist's album share (`target: 1 top + 2 album`) is met. So when the log reports the full
/// share, exactly that many albums were sampled and all passed; when it reports less, all
/// min(5, N) albums were sampled and that many passed. The inferred calls answer accordingly
/// (a passing track has popularity 50, a failing one 90), so the replayed pipeline makes the
/// same calls — which matters beyond their time: they count against the Spotify top-tracks
/// window limiter, whose 36–49 s waits in the logs come from them. Their latency is the
/// bracket, less any window wait logged inside it, shared equally.
struct MoodlistHybridFetch {
    var artist: String
    /// Which generator run this is for the artist (0 for the first).
    var run: Int
    var start: Int
    var end: Int
    var albums: Int
    var albumShare: Int
    var albumsPicked: Int
    var stage: String
    /// How many hybrid fetches the log shows for this artist in the whole workflow.
    var runs = 1

    static let maxAlbums = 5

    /// The id the album listing of `artist` gives its `index`th album.
    static func albumID(artist: String, index: Int) -> String { MoodlistResponseBodies.spotifyID("imp\(artist)al\(index)") }

    /// The id of the track sampled from album `index` in generator run `run`.
    static func sampledTrackID(artist: String, index: Int, run: Int) -> String {
        MoodlistResponseBodies.spotifyID("imp\(artist)l\(index)r\(run)")
    }

    /// The track ids album `album`'s listing holds. One fetch of the artist: the sampled track in
    /// the middle of three. Several (one per generator run; the backend samples at random): one
    /// track per fetch, placed so that the replay's pick in generator run k — the middle track,
    /// moved on k places under `album-sampling=per-run` — is the track the log's k-th fetch
    /// sampled; at `stable` every run picks the first fetch's track.
    static func listing(artist: String, album: Int, runs: Int) -> [String] {
        guard runs > 1 else {
            let sampled = sampledTrackID(artist: artist, index: album, run: 0)
            return [MoodlistResponseBodies.spotifyID(sampled + "a"), sampled, MoodlistResponseBodies.spotifyID(sampled + "c")]
        }
        var ids = Array(repeating: "", count: runs)
        for run in 0..<runs { ids[(runs / 2 + run) % runs] = sampledTrackID(artist: artist, index: album, run: run) }
        return ids
    }

    /// How many albums were sampled, and how many of them passed.
    var sampled: (count: Int, passed: Int) {
        let available = min(Self.maxAlbums, albums)
        if albumsPicked >= albumShare { return (min(albumsPicked, available), min(albumsPicked, available)) }
        return (available, min(albumsPicked, available))
    }

    /// The tracks the fetch picked from albums, in order.
    var pickedIDs: [String] {
        (0..<sampled.passed).map { Self.sampledTrackID(artist: artist, index: $0, run: run) }
    }

    /// The album-tracks and track calls, answered so the pipeline samples what the log shows.
    func calls(waitedMicros: Int, number: Int) -> [Exchange] {
        let (count, passed) = sampled
        guard count > 0 else { return [] }
        let latency = max(20_000, (end - start - waitedMicros) / (2 * count))
        var cursor = start
        var result: [Exchange] = []
        for index in 0..<count {
            let album = Self.albumID(artist: artist, index: index)
            let sampledID = Self.sampledTrackID(artist: artist, index: index, run: run)
            let listing = Self.listing(artist: artist, album: index, runs: runs).map {
                MoodlistResponseBodies.track(id: $0, name: "Album track", artistID: artist, artistName: artist, popularity: nil)
            }
            result.append(
                Exchange(id: "h\(number)-\(result.count)", startMicros: cursor, durationMicros: latency, service: .spotify,
                    method: "GET", url: "https://api.spotify.com/v1/albums/\(album)/tracks?limit=50", status: 200,
                    responseBody: #"{"items":["# + listing.joined(separator: ",") + #"],"total":"# + String(listing.count)
                        + #","limit":50,"offset":0}"#,
                    tool: "get_album_tracks", stage: stage, provenance: .inferred))
            cursor += latency
            if index == 0, waitedMicros > 0 { cursor += waitedMicros }
            let popularity = index < passed ? 50 : 90
            result.append(
                Exchange(id: "h\(number)-\(result.count)", startMicros: cursor, durationMicros: latency, service: .spotify,
                    method: "GET", url: "https://api.spotify.com/v1/tracks/\(sampledID)", status: 200,
                    responseBody: MoodlistResponseBodies.track(
                        id: sampledID, name: "Album track", artistID: artist, artistName: artist, popularity: popularity),
                    tool: "get_spotify_track", stage: stage, provenance: .inferred))
            cursor += latency
        }
        return result
    }
}
