import PerfbenchPipeline
import PerfbenchRecording

/// Builds answers for requests the recording never saw, from the recording's own catalogue, so
/// that a counterfactual run meets the same tracks, artists and features as the recorded one.
///
/// Every pick is deterministic: it depends only on the request and a seed derived from it.
/// Rules per endpoint (Spotify):
/// - search: the recorded page of the same `type` and `q` (largest limit seen), cut to the
///   limit; when that page was full and the new limit is larger, or the query was never
///   recorded, recorded items that match the query by name (`track:T artist:A` or `T A`) and
///   then other recorded items fill it, starting at a seeded position;
/// - artist top tracks: the artist's recorded top tracks in any market; else recorded tracks
///   whose first artist it is (up to 10); else 5 other recorded tracks;
/// - artist: the recorded object; else a minimal object with that id;
/// - track: the recorded full object; a track seen only in a listing, or never, with a
///   popularity one of the recorded track fetches had (picked by the seed);
/// - albums and album tracks: the recorded listing; else recorded albums / tracks, as many as a
///   recorded listing of the same kind held (picked by the seed; 3 albums / 4 tracks when none was);
/// - user top tracks / artists: the recorded page, cut or filled like a search.
/// ReccoBeats and the LLM: see `ResponseSynthesizer+ReccoBeats` and `+LLM`.
struct ResponseSynthesizer: Sendable {
    let catalogue: ReplayCatalogue

    /// The status and body to answer `request` with.
    func answer(_ request: HTTPRequest, key: RequestKey, seed: UInt64) -> (status: Int, body: String) {
        switch key.service {
        case .spotify: return spotify(key, seed: seed)
        case .reccobeats: return reccobeats(request, key: key, seed: seed)
        case .llm: return (200, llm(request, key: key, seed: seed))
        case .other: return (404, #"{"error":"not found"}"#)
        }
    }

    private func spotify(_ key: RequestKey, seed: UInt64) -> (status: Int, body: String) {
        let segments = key.path.split(separator: "/").map(String.init)
        let limit = Int(key.value("limit") ?? "").map { max(0, $0) }
        switch segments.count {
        case 2 where key.path == "/v1/search":
            return (200, search(key, limit: limit ?? 20, seed: seed))
        case 3 where segments[1] == "tracks":
            return (200, fullTrack(segments[2], seed: seed))
        case 3 where segments[1] == "artists":
            return (200, catalogue.artists[segments[2]].map(JSONWriter.write) ?? Self.minimalArtist(segments[2]))
        case 4 where segments[1] == "artists" && segments[3] == "top-tracks":
            let items = topTracks(artist: segments[2], seed: seed)
            return (200, JSONWriter.object([("tracks", Self.array(items))]))
        case 4 where segments[1] == "artists" && segments[3] == "albums":
            let items = catalogue.artistAlbums[segments[2]]
                ?? catalogue.albums.pick(Self.recorded(catalogue.albumListingSizes, or: 3, seed: seed), seed: seed).map(\.item)
            return (200, Self.page(Array(items.prefix(limit ?? 20)), limit: limit ?? 20))
        case 4 where segments[1] == "albums" && segments[3] == "tracks":
            let items = catalogue.albumTracks[segments[2]]
                ?? catalogue.tracks.pick(Self.recorded(catalogue.albumTrackListingSizes, or: 4, seed: seed), seed: seed).map(\.item)
            return (200, Self.page(Array(items.prefix(limit ?? 50)), limit: limit ?? 50))
        case 4 where key.path == "/v1/me/top/tracks":
            let items = filled(catalogue.userTopTracks, from: catalogue.tracks, limit: limit ?? 20, seed: seed)
            return (200, Self.page(items, limit: limit ?? 20))
        case 4 where key.path == "/v1/me/top/artists":
            let items = filled(catalogue.userTopArtists, from: catalogue.artists, limit: limit ?? 20, seed: seed)
            return (200, Self.page(items, limit: limit ?? 20))
        default:
            return (404, #"{"error":{"status":404,"message":"Not found."}}"#)
        }
    }

    private func search(_ key: RequestKey, limit: Int, seed: UInt64) -> String {
        let type = key.value("type") ?? "track"
        let query = key.value("q") ?? ""
        let isArtist = type == "artist"
        let pool = isArtist ? catalogue.artists : catalogue.tracks
        var items: [JSONValue] = []
        if let page = catalogue.searches[type + "\u{1F}" + query] {
            items = Array(page.items.prefix(limit))
            if !(page.isFull && limit > page.limit) {
                return JSONWriter.object([(isArtist ? "artists" : "tracks", Self.page(items, limit: limit))])
            }
        } else {
            items = Array(named(query, artists: isArtist).prefix(limit))
        }
        let taken = Set(items.compactMap { $0["id"]?.stringValue })
        items += pool.pick(limit - items.count, seed: seed, excluding: taken).map(\.item)
        return JSONWriter.object([(isArtist ? "artists" : "tracks", Self.page(items, limit: limit))])
    }

    /// Recorded items the query names: `track:T artist:A`, `T A` or an artist's name.
    private func named(_ query: String, artists: Bool) -> [JSONValue] {
        let wanted = query.lowercased()
        if artists {
            return catalogue.artists.order.compactMap { id in
                guard let item = catalogue.artists[id], item["name"]?.stringValue?.lowercased() == wanted else { return nil }
                return item
            }
        }
        return catalogue.tracks.order.compactMap { id in
            guard let item = catalogue.tracks[id], let name = item["name"]?.stringValue else { return nil }
            let artist = item["artists"]?.arrayValue?.first?["name"]?.stringValue ?? ""
            let forms = ["track:\(name) artist:\(artist)", "\(name) \(artist)"].map { $0.lowercased() }
            return forms.contains(wanted) ? item : nil
        }
    }

    /// The full object of track `id`: as recorded when the recording fetched it (or saw it with
    /// its popularity); a track seen only in a listing, or never, gets a popularity one of the
    /// recorded fetches had, by the seed.
    private func fullTrack(_ id: String, seed: UInt64) -> String {
        let popularity = { String(Self.recorded(self.catalogue.fetchedTrackPopularities, or: 50, seed: seed)) }
        guard let recorded = catalogue.tracks[id] else { return Self.minimalTrack(id, popularity: popularity()) }
        guard recorded["popularity"] == nil, case .object(let object) = recorded else { return JSONWriter.write(recorded) }
        return JSONWriter.write(object, replacing: "popularity", with: popularity())
    }

    private func topTracks(artist: String, seed: UInt64) -> [JSONValue] {
        if let recorded = catalogue.topTracks[artist] { return recorded }
        if let own = catalogue.tracksByArtist[artist] {
            return own.prefix(10).compactMap { catalogue.tracks[$0] }
        }
        return catalogue.tracks.pick(5, seed: seed).map(\.item)
    }

    /// A recorded page cut to `limit`, filled from `pool` when it was full and `limit` is larger.
    private func filled(_ page: RecordedPage?, from pool: CatalogueItems, limit: Int, seed: UInt64) -> [JSONValue] {
        var items = Array((page?.items ?? []).prefix(limit))
        guard page.map({ $0.isFull && limit > $0.limit }) ?? true else { return items }
        let taken = Set(items.compactMap { $0["id"]?.stringValue })
        items += pool.pick(limit - items.count, seed: seed, excluding: taken).map(\.item)
        return items
    }

    /// One of the recorded `values` (a listing's size, a track's popularity), chosen by the
    /// seed's high bits (its low bits pick a listing's items), or `fallback` when nothing of the
    /// kind was recorded.
    static func recorded(_ values: [Int], or fallback: Int, seed: UInt64) -> Int {
        values.isEmpty ? fallback : values[Int((seed >> 32) % UInt64(values.count))]
    }

    // MARK: writing

    static func array(_ items: [JSONValue]) -> String {
        JSONWriter.array(values: items)
    }

    /// A Spotify paging object.
    static func page(_ items: [JSONValue], limit: Int) -> String {
        var out = JSONBytes(capacity: 256 * items.count + 64)
        out.byte(UInt8(ascii: "{"))
        out.key("items")
        JSONWriter.array(items, into: &out)
        out.raw(#","total":"#)
        out.integer(items.count)
        out.raw(#","limit":"#)
        out.integer(limit)
        out.raw(#","offset":0,"next":null}"#)
        return out.string
    }

    static func minimalTrack(_ id: String, popularity: String = "50") -> String {
        JSONWriter.object([
            ("id", JSONWriter.quoted(id)), ("name", JSONWriter.quoted("Track \(id.prefix(6))")),
            ("duration_ms", "200000"), ("popularity", popularity), ("artists", "[]"),
            ("uri", JSONWriter.quoted("spotify:track:\(id)")),
        ])
    }

    static func minimalArtist(_ id: String) -> String {
        JSONWriter.object([
            ("id", JSONWriter.quoted(id)), ("name", JSONWriter.quoted("Artist \(id.prefix(6))")),
            ("genres", "[]"), ("popularity", "50"),
        ])
    }
}
