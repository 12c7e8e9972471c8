import PerfbenchRecording

/// Recorded JSON objects by id, in the order they were first seen (so that every pick from
/// them is deterministic; a dictionary is never iterated).
struct CatalogueItems: Sendable {
    private(set) var byID: [String: JSONValue] = [:]
    private(set) var order: [String] = []

    /// Adds `item` under `id`; a later item replaces an earlier one only when `better` says so.
    mutating func add(_ id: String, _ item: JSONValue, better: (JSONValue, JSONValue) -> Bool = { _, _ in false }) {
        if let existing = byID[id] {
            if better(item, existing) { byID[id] = item }
            return
        }
        byID[id] = item
        order.append(id)
    }

    /// The item recorded under `id`.
    subscript(id: String) -> JSONValue? { byID[id] }

    var isEmpty: Bool { order.isEmpty }
    var count: Int { order.count }

    /// Up to `count` items, starting at a position fixed by `seed` and wrapping around, skipping
    /// the ids in `excluding`: a deterministic, varied pick of "other recorded items".
    func pick(_ count: Int, seed: UInt64, excluding: Set<String> = []) -> [(id: String, item: JSONValue)] {
        guard count > 0, !order.isEmpty else { return [] }
        let start = Int(seed % UInt64(order.count))
        var picked: [(id: String, item: JSONValue)] = []
        for step in 0..<order.count {
            let id = order[(start + step) % order.count]
            guard !excluding.contains(id), let item = byID[id] else { continue }
            picked.append((id, item))
            if picked.count == count { break }
        }
        return picked
    }
}

/// A recorded search page (or user top-items page): the limit asked and the items returned.
struct RecordedPage: Sendable {
    let limit: Int
    let items: [JSONValue]

    /// The page is full: the server had at least `limit` results, so a larger limit would have
    /// returned more than were recorded.
    var isFull: Bool { items.count >= limit }
}

/// The `ids=` batch endpoints whose answers can be composed from per-id items.
enum BatchEndpoint: String, Sendable, CaseIterable {
    /// ReccoBeats `GET /v1/track?ids=` → `{"content":[Track]}`; unknown ids are left out.
    case reccobeatsTracks
    /// Spotify `GET /v1/tracks?ids=` → `{"tracks":[Track|null]}`.
    case spotifyTracks
    /// Spotify `GET /v1/artists?ids=` → `{"artists":[Artist|null]}`.
    case spotifyArtists

    /// The batch endpoint `key` calls, if any.
    init?(_ key: RequestKey) {
        guard key.method == "GET", key.value("ids") != nil else { return nil }
        switch (key.service, key.path) {
        case (.reccobeats, "/v1/track"): self = .reccobeatsTracks
        case (.spotify, "/v1/tracks"): self = .spotifyTracks
        case (.spotify, "/v1/artists"): self = .spotifyArtists
        default: return nil
        }
    }

    /// The member of the answer object that holds the items.
    var wrapper: String {
        switch self {
        case .reccobeatsTracks: return "content"
        case .spotifyTracks: return "tracks"
        case .spotifyArtists: return "artists"
        }
    }

    /// ReccoBeats leaves unknown ids out; Spotify answers `null` in their place.
    var omitsUnknown: Bool { self == .reccobeatsTracks }

    /// The ids a request may name an item by: a ReccoBeats track answers to its UUID and to the
    /// Spotify id at the end of its `href`.
    func identities(of item: JSONValue) -> [String] {
        var ids: [String] = []
        if let id = item["id"]?.stringValue { ids.append(id) }
        if self == .reccobeatsTracks, let href = item["href"]?.stringValue,
            let tail = href.split(separator: "/").last.map(String.init), !ids.contains(tail)
        {
            ids.append(tail)
        }
        return ids
    }
}

/// What the recorded batches of one endpoint say about individual ids.
struct BatchItems: Sendable {
    /// Items by every id they answer to.
    var items: [String: JSONValue] = [:]
    /// Ids a successful recorded batch asked for and did not get: the server lacks them.
    var absent: Set<String> = []
}
