import PerfbenchRecording

/// What the recording's successful answers say about the upstream's data: the tracks, artists,
/// albums, search pages, recommendations and audio features it served, by id and in first-seen
/// order. Synthesized and composed answers are built from it, so a counterfactual run meets
/// the same catalogue as the recorded one.
struct ReplayCatalogue: Sendable {
    // Spotify
    var tracks = CatalogueItems()
    var artists = CatalogueItems()
    var albums = CatalogueItems()
    /// `type␟q` → the recorded page with the largest limit.
    var searches: [String: RecordedPage] = [:]
    /// Artist id → the first non-empty top-tracks answer (any market); empty when every
    /// recorded answer was empty.
    var topTracks: [String: [JSONValue]] = [:]
    var artistAlbums: [String: [JSONValue]] = [:]
    var albumTracks: [String: [JSONValue]] = [:]
    /// How many items each recorded album listing and album-tracks listing held, in send order:
    /// an unrecorded listing takes one of these sizes, not a fixed one (nov07's artists had 6–10
    /// albums and its albums 1–4 tracks; how many a listing holds decides how many calls follow).
    var albumListingSizes: [Int] = []
    var albumTrackListingSizes: [Int] = []
    /// The popularity of every track the recording fetched one by one (`/v1/tracks/{id}`), in
    /// send order: a full object of a track the recording only saw in a listing (which omits
    /// popularity) takes one of these, since the pipeline keeps or drops an album's track by it
    /// (nov07: 31 of 61 fetched album tracks lay in 20–80; a missing popularity dropped every
    /// one, and each drop fetched one more album).
    var fetchedTrackPopularities: [Int] = []
    var userTopTracks: RecordedPage?
    var userTopArtists: RecordedPage?
    /// Artist id → ids of recorded tracks whose first artist it is, in first-seen order.
    var tracksByArtist: [String: [String]] = [:]

    // ReccoBeats
    /// ReccoBeats track objects by UUID.
    var reccoTracks = CatalogueItems()
    /// Recorded recommendation answers in send order: their seed sets and items.
    var recommendations: [(seeds: Set<String>, items: [JSONValue])] = []
    /// Audio-feature objects by UUID (2xx answers only).
    var features = CatalogueItems()
    /// Spotify id (the tail of a ReccoBeats track's `href`) → its UUID.
    var uuidBySpotifyID: [String: String] = [:]

    // Batches and the LLM
    var batches: [BatchEndpoint: BatchItems] = [:]
    /// LLM task → the response bodies of its successful calls, in send order.
    var llmAnswers: [String: [String]] = [:]

    /// Reads every successful answer of an index (`keys` its answers' keys), in send order.
    init(answers: [RecordedAnswer], keys: [RequestKey]) {
        for (position, answer) in answers.enumerated() where answer.isSuccess {
            let key = keys[position]
            guard case .response(let response) = answer.result else { continue }
            if key.service == .llm {
                llmAnswers[key.task ?? "", default: []].append(response.body)
                continue
            }
            guard let json = response.unkeptJSON else { continue }
            if let batch = BatchEndpoint(key) {
                addBatch(batch, key: key, json: json)
                continue
            }
            switch key.service {
            case .spotify: addSpotify(key, json)
            case .reccobeats: addReccoBeats(key, json)
            case .llm, .other: break
            }
        }
        for uuid in reccoTracks.order {
            guard let href = reccoTracks[uuid]?["href"]?.stringValue,
                let tail = href.split(separator: "/").last.map(String.init), uuidBySpotifyID[tail] == nil
            else { continue }
            uuidBySpotifyID[tail] = uuid
        }
        for id in tracks.order {
            guard let artist = tracks[id]?["artists"]?.arrayValue?.first?["id"]?.stringValue else { continue }
            tracksByArtist[artist, default: []].append(id)
        }
    }

    /// A full track object (with popularity) beats a simplified one (album listings omit it).
    private static func fuller(_ new: JSONValue, _ old: JSONValue) -> Bool {
        old["popularity"] == nil && new["popularity"] != nil
    }

    private mutating func addTracks(_ items: [JSONValue]) {
        for item in items { addTrack(item) }
    }

    private mutating func addTrack(_ item: JSONValue) {
        if let id = item["id"]?.stringValue { tracks.add(id, item, better: Self.fuller) }
    }

    private mutating func addArtists(_ items: [JSONValue]) {
        for item in items { addArtist(item) }
    }

    private mutating func addArtist(_ item: JSONValue) {
        if let id = item["id"]?.stringValue { artists.add(id, item) }
    }

    private mutating func addSpotify(_ key: RequestKey, _ json: JSONValue) {
        let segments = key.path.split(separator: "/")
        // The id segment as a key (the only segment kept).
        var id: String { String(segments[2]) }
        switch segments.count {
        case 2 where key.path == "/v1/search":
            let type = key.value("type") ?? ""
            let limit = Int(key.value("limit") ?? "") ?? 20
            let items = json[type == "artist" ? "artists" : "tracks"]?["items"]?.arrayValue ?? []
            type == "artist" ? addArtists(items) : addTracks(items)
            let name = type + "\u{1F}" + (key.value("q") ?? "")
            if (searches[name]?.limit ?? -1) < limit { searches[name] = RecordedPage(limit: limit, items: items) }
        case 3 where segments[1] == "tracks":
            addTrack(json)
            if let popularity = json["popularity"]?.intValue { fetchedTrackPopularities.append(popularity) }
        case 3 where segments[1] == "artists":
            addArtist(json)
        case 4 where segments[1] == "artists" && segments[3] == "top-tracks":
            let items = json["tracks"]?.arrayValue ?? []
            addTracks(items)
            if topTracks[id]?.isEmpty ?? true { topTracks[id] = items }
        case 4 where segments[1] == "artists" && segments[3] == "albums":
            let items = json["items"]?.arrayValue ?? []
            for item in items {
                if let id = item["id"]?.stringValue { albums.add(id, item) }
            }
            if artistAlbums[id] == nil {
                artistAlbums[id] = items
                albumListingSizes.append(items.count)
            }
        case 4 where segments[1] == "albums" && segments[3] == "tracks":
            let items = json["items"]?.arrayValue ?? []
            addTracks(items)
            if albumTracks[id] == nil {
                albumTracks[id] = items
                albumTrackListingSizes.append(items.count)
            }
        case 4 where key.path == "/v1/me/top/tracks":
            let items = json["items"]?.arrayValue ?? []
            addTracks(items)
            let limit = Int(key.value("limit") ?? "") ?? 20
            if (userTopTracks?.limit ?? -1) < limit { userTopTracks = RecordedPage(limit: limit, items: items) }
        case 4 where key.path == "/v1/me/top/artists":
            let items = json["items"]?.arrayValue ?? []
            addArtists(items)
            let limit = Int(key.value("limit") ?? "") ?? 20
            if (userTopArtists?.limit ?? -1) < limit { userTopArtists = RecordedPage(limit: limit, items: items) }
        default:
            break
        }
    }

    private mutating func addReccoBeats(_ key: RequestKey, _ json: JSONValue) {
        if key.path == "/v1/track/recommendation" {
            let items = json["content"]?.arrayValue ?? []
            for item in items {
                if let id = item["id"]?.stringValue { reccoTracks.add(id, item) }
            }
            recommendations.append((Set(key.list("seeds")), items))
        } else if key.path.hasSuffix("/audio-features"), key.path.hasPrefix("/v1/track/") {
            let uuid = key.path.split(separator: "/").dropFirst(2).first.map(String.init) ?? ""
            if json["energy"]?.doubleValue != nil || json["valence"]?.doubleValue != nil {
                features.add(uuid, json)
            }
        }
    }

    private mutating func addBatch(_ batch: BatchEndpoint, key: RequestKey, json: JSONValue) {
        // Taken out, so that adding to it does not copy every item the batches before it added.
        var record = batches.removeValue(forKey: batch) ?? BatchItems()
        for item in Self.add(batch, key: key, json: json, to: &record) {
            switch batch {
            case .reccobeatsTracks:
                if let uuid = item["id"]?.stringValue { reccoTracks.add(uuid, item) }
            case .spotifyTracks: addTrack(item)
            case .spotifyArtists: addArtist(item)
            }
        }
        batches[batch] = record
    }

    /// Files one recorded batch answer's items under every id they answer to, and the ids it
    /// asked for and did not get as absent; returns the items, in the answer's order.
    private static func add(_ batch: BatchEndpoint, key: RequestKey, json: JSONValue, to record: inout BatchItems) -> [JSONValue] {
        var seen = Set<String>()
        let items = (json[batch.wrapper]?.arrayValue ?? []).filter { $0 != .null }
        for item in items {
            let ids = batch.identities(of: item)
            for id in ids where record.items[id] == nil { record.items[id] = item }
            seen.formUnion(ids)
        }
        for id in key.list("ids") where !seen.contains(id) { record.absent.insert(id) }
        return items
    }

    /// The recorded `ids=` batches alone: the catalogue's ``batches``, read from the same
    /// answers in the same order without the rest. Composing a batch whose every id a recorded
    /// batch answered needs nothing else, and is most of what a what-if composes.
    static func batches(answers: [RecordedAnswer], keys: [RequestKey]) -> [BatchEndpoint: BatchItems] {
        var batches: [BatchEndpoint: BatchItems] = [:]
        for (position, answer) in answers.enumerated() where answer.isSuccess {
            let key = keys[position]
            guard key.service != .llm, let batch = BatchEndpoint(key), case .response(let response) = answer.result,
                let json = response.unkeptJSON
            else { continue }
            var record = batches.removeValue(forKey: batch) ?? BatchItems()
            _ = add(batch, key: key, json: json, to: &record)
            batches[batch] = record
        }
        return batches
    }

    /// A ReccoBeats track object for `id` (UUID or Spotify id) from any recorded answer.
    func reccoTrack(_ id: String) -> JSONValue? {
        if let item = reccoTracks[id] { return item }
        return uuidBySpotifyID[id].flatMap { reccoTracks[$0] }
    }
}
