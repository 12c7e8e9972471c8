import PerfbenchPipeline
import PerfbenchRecording

/// The simulated ReccoBeats API: UUID or Spotify ids, repeated or comma-separated arrays, 404 for
/// audio features it lacks (APIS.md).
struct ReccoBeatsAPI {
    let catalogue: Catalogue

    /// The largest id list `/v1/track` accepts: 40 documented, 50 seen working.
    static let maxTrackIDs = 50
    /// The largest id list `/v1/audio-features` accepts.
    static let maxFeatureIDs = 40

    func reply(to request: HTTPRequest, route: Route) throws -> WorldReply {
        let query = QueryReader(items: request.query)
        switch route.endpoint {
        case .reccoBeatsRecommendation: return try recommendation(query, salt: StableHasher.hash(request.pathAndQuery))
        case .reccoBeatsTracks: return try tracks(query)
        case .reccoBeatsAudioFeatures: return try features(route.pathID)
        case .reccoBeatsAudioFeaturesBatch: return try featuresBatch(query)
        case .reccoBeatsArtistSearch: return try artistSearch(query)
        case .reccoBeatsArtistTracks: return try artistTracks(route.pathID, query)
        default: return .error(.reccobeats, status: 404, message: "No endpoint \(request.path)")
        }
    }

    /// Feature targets the recommendation endpoint takes, with their valid ranges.
    private static let targetRanges: [(String, ClosedRange<Double>)] = [
        ("acousticness", 0...1), ("danceability", 0...1), ("energy", 0...1),
        ("instrumentalness", 0...1), ("key", -1...11), ("liveness", 0...1), ("loudness", -60...2),
        ("mode", 0...1), ("popularity", 0...100), ("speechiness", 0...1), ("tempo", 0...250),
        ("valence", 0...1),
    ]

    private func recommendation(_ query: QueryReader, salt: UInt64) throws -> WorldReply {
        let seedIDs = query.list("seeds")
        guard (1...5).contains(seedIDs.count) else { throw BadRequest(message: "seeds must hold 1 to 5 ids") }
        let size = try query.int("size", default: 10, in: 1...100)
        let negativeIDs = query.list("negativeSeeds")
        guard negativeIDs.count <= 5 else { throw BadRequest(message: "negativeSeeds must hold at most 5 ids") }
        _ = try query.int("featureWeight", default: 3, in: 1...5)
        var targets: [(name: String, value: Double)] = []
        for (name, range) in Self.targetRanges {
            if let value = try query.double(name, in: range) { targets.append((name, value)) }
        }
        let seeds = reccoBeatsTracks(seedIDs)
        let negatives = reccoBeatsTracks(negativeIDs)
        let query = Catalogue.RecommendationQuery(
            seeds: seeds, negativeSeeds: negatives, size: size, targets: targets, salt: salt)
        let found = seeds.isEmpty ? [] : catalogue.recommend(query)
        return contentReply(found) { catalogue.writeReccoBeatsTrack($0, into: &$1) }
    }

    /// The tracks of `ids` that ReccoBeats knows; others are ignored, as unknown seeds are.
    private func reccoBeatsTracks(_ ids: [Substring]) -> [Int] {
        ids.compactMap { catalogue.entityIndex($0, kind: .track) }.filter { catalogue.tracks[$0].inReccoBeats }
    }

    private func tracks(_ query: QueryReader) throws -> WorldReply {
        let ids = query.list("ids")
        guard !ids.isEmpty else { throw BadRequest(message: "ids is required") }
        guard ids.count <= Self.maxTrackIDs else { throw BadRequest(message: "Too many ids (max \(Self.maxTrackIDs))") }
        var seen = Set<Int>()
        var found: [Int] = []
        for id in ids {
            if let track = catalogue.entityIndex(id, kind: .track), catalogue.tracks[track].inReccoBeats,
                seen.insert(track).inserted
            {
                found.append(track)
            }
        }
        var reply = contentReply(found) { catalogue.writeReccoBeatsTrack($0, into: &$1) }
        reply.items = ids.count
        return reply
    }

    private func features(_ id: Substring?) throws -> WorldReply {
        guard let id, catalogue.codec.decodeUUID(id) != nil || id.utf8.count == 36 else {
            throw BadRequest(message: "Invalid track id: expected a UUID")
        }
        guard let track = catalogue.entityIndex(id, kind: .track), catalogue.tracks[track].hasFeatures else {
            return .error(.reccobeats, status: 404, message: "Audio features not found for track \(id)")
        }
        var json = JSONWriter(capacity: 400)
        catalogue.writeReccoBeatsFeatures(track, into: &json)
        return .json(json, items: 1)
    }

    private func featuresBatch(_ query: QueryReader) throws -> WorldReply {
        let ids = query.list("ids")
        guard !ids.isEmpty else { throw BadRequest(message: "ids is required") }
        guard ids.count <= Self.maxFeatureIDs else {
            throw BadRequest(message: "Too many ids (max \(Self.maxFeatureIDs))")
        }
        let found = ids.compactMap { catalogue.entityIndex($0, kind: .track) }.filter {
            catalogue.tracks[$0].inReccoBeats && catalogue.tracks[$0].hasFeatures
        }
        var reply = contentReply(found) { catalogue.writeReccoBeatsFeatures($0, into: &$1) }
        reply.items = ids.count
        return reply
    }

    private func artistSearch(_ query: QueryReader) throws -> WorldReply {
        guard let text = query.string("searchText"), !text.trimmingSpaces.isEmpty else {
            throw BadRequest(message: "searchText is required")
        }
        let page = try query.int("page", default: 0, in: 0...1000)
        let size = try query.int("size", default: 25, in: 1...50)
        let matches = catalogue.artistMatches(text.trimmingSpaces, limit: (page + 1) * size)
        let slice = Array(matches.items.dropFirst(page * size).prefix(size))
        return pagedReply(slice, page: page, size: size, total: matches.total) {
            catalogue.writeReccoBeatsArtist($0, into: &$1)
        }
    }

    private func artistTracks(_ id: Substring?, _ query: QueryReader) throws -> WorldReply {
        let page = try query.int("page", default: 0, in: 0...1000)
        let size = try query.int("size", default: 25, in: 1...50)
        guard let id, id.utf8.count == 36 else { throw BadRequest(message: "Invalid artist id: expected a UUID") }
        guard let artist = catalogue.entityIndex(id, kind: .artist) else {
            return .error(.reccobeats, status: 404, message: "Artist not found")
        }
        let all = catalogue.artists[artist].trackRange.filter { catalogue.tracks[$0].inReccoBeats }
        let slice = Array(all.dropFirst(page * size).prefix(size))
        return pagedReply(slice, page: page, size: size, total: all.count) {
            catalogue.writeReccoBeatsTrack($0, into: &$1)
        }
    }

    /// `{"content":[…]}`.
    private func contentReply(_ indices: [Int], item: (Int, inout JSONWriter) -> Void) -> WorldReply {
        var json = JSONWriter(capacity: 420 * indices.count + 20)
        json.beginObject()
        json.key("content")
        json.beginArray()
        for index in indices { item(index, &json) }
        json.endArray()
        json.endObject()
        return .json(json, items: indices.count)
    }

    /// `{"content":[…],"page","size","totalElements","totalPages"}`.
    private func pagedReply(
        _ indices: [Int], page: Int, size: Int, total: Int, item: (Int, inout JSONWriter) -> Void
    ) -> WorldReply {
        var json = JSONWriter(capacity: 420 * indices.count + 100)
        json.beginObject()
        json.key("content")
        json.beginArray()
        for index in indices { item(index, &json) }
        json.endArray()
        json.key("page")
        json.int(page)
        json.key("size")
        json.int(size)
        json.key("totalElements")
        json.int(total)
        json.key("totalPages")
        json.int((total + size - 1) / size)
        json.endObject()
        return .json(json, items: indices.count)
    }
}
