import PerfbenchPipeline
import PerfbenchRecording

/// ReccoBeats rules:
/// - recommendation: the items of recorded answers with the same seed set first (whatever
///   their size, negative seeds or feature targets), then of answers sharing a seed, then other
///   recorded ReccoBeats tracks from a seeded position; never a seed or a negative seed, never
///   twice; cut to `size`;
/// - audio features of a UUID: the recorded features; else **plausible features**: a recorded
///   feature set picked by a seeded draw, with its `id` replaced (the recording shows what
///   features look like in this catalogue; a 404 would bias quality down); a 404 only when the
///   recording holds no features at all;
/// - `ids=` batches: ``compose(_:request:key:)``.
extension ResponseSynthesizer {
    func reccobeats(_ request: HTTPRequest, key: RequestKey, seed: UInt64) -> (status: Int, body: String) {
        if let batch = BatchEndpoint(key) {
            return (200, compose(batch, request: request, key: key).body)
        }
        if key.path == "/v1/track/recommendation" {
            return (200, JSONWriter.object([("content", Self.array(recommendation(key, seed: seed)))]))
        }
        let segments = key.path.split(separator: "/").map(String.init)
        if segments.count == 4, segments[1] == "track", segments[3] == "audio-features" {
            return features(uuid: segments[2], seed: seed)
        }
        return (404, #"{"error":"Not Found"}"#)
    }

    private func recommendation(_ key: RequestKey, seed: UInt64) -> [JSONValue] {
        let seeds = key.list("seeds")
        let size = max(0, Int(key.value("size") ?? "") ?? 10)
        let excluded = Set(seeds + key.list("negativeSeeds"))
        let seedSet = Set(seeds)
        var picked: [JSONValue] = []
        var taken = Set<String>()
        func take(_ item: JSONValue) {
            guard picked.count < size else { return }
            let ids = BatchEndpoint.reccobeatsTracks.identities(of: item)
            guard let first = ids.first, !taken.contains(first), ids.allSatisfy({ !excluded.contains($0) }) else { return }
            taken.insert(first)
            picked.append(item)
        }
        for recorded in catalogue.recommendations where recorded.seeds == seedSet {
            recorded.items.forEach(take)
        }
        for recorded in catalogue.recommendations where recorded.seeds != seedSet && !recorded.seeds.isDisjoint(with: seedSet) {
            recorded.items.forEach(take)
        }
        if picked.count < size {
            catalogue.reccoTracks.pick(catalogue.reccoTracks.count, seed: seed, excluding: taken).forEach { take($0.item) }
        }
        return picked
    }

    private func features(uuid: String, seed: UInt64) -> (status: Int, body: String) {
        if let recorded = catalogue.features[uuid] { return (200, JSONWriter.write(recorded)) }
        guard let drawn = catalogue.features.pick(1, seed: seed).first?.item.objectValue else {
            return (404, #"{"error":"Not Found"}"#)
        }
        return (200, JSONWriter.write(drawn, replacing: "id", with: JSONWriter.quoted(uuid)))
    }

    /// An `ids=` batch answer built from per-id items, in the order the request names them.
    ///
    /// Each id resolves, in order of preference, to: the item a recorded batch of the same
    /// endpoint returned for it; "absent" when a recorded batch asked for it and the server
    /// left it out (ReccoBeats omits it again, Spotify answers `null`); an item for it from any
    /// other recorded answer (a ReccoBeats track seen in a recommendation, a Spotify track
    /// seen in a search); or nothing (omitted / `null`). The answer is `composed` when every id
    /// resolved through recorded batches (first two cases), otherwise `synthesized`.
    func compose(_ batch: BatchEndpoint, request: HTTPRequest, key: RequestKey) -> (body: String, composed: Bool) {
        let catalogue = catalogue
        let derive = { (id: String) -> JSONValue? in
            switch batch {
            case .reccobeatsTracks: return catalogue.reccoTrack(id)
            case .spotifyTracks: return catalogue.tracks[id]
            case .spotifyArtists: return catalogue.artists[id]
            }
        }
        guard let answer = Self.compose(batch, request: request, record: catalogue.batches[batch] ?? BatchItems(), derive: derive)
        else { preconditionFailure("with a deriving closure every id resolves, so there is always an answer") }
        return answer
    }

    /// ``compose(_:request:key:)`` from the recorded batches alone: nil when an id needs
    /// another answer's item (`derive` nil), else the same answer, `composed`.
    static func compose(
        _ batch: BatchEndpoint, request: HTTPRequest, record: BatchItems, derive: ((String) -> JSONValue?)?
    ) -> (body: String, composed: Bool)? {
        var out = JSONBytes(capacity: 4096)
        out.byte(UInt8(ascii: "{"))
        out.key(batch.wrapper)
        out.byte(UInt8(ascii: "["))
        var first = true
        var composed = true
        var seen = Set<String>()
        let ids = request.query.filter { $0.name == "ids" }.flatMap { $0.value.split(separator: ",").map(String.init) }
        for id in ids where seen.insert(id).inserted {
            if let item = record.items[id] {
                out.separator(&first)
                JSONWriter.write(item, into: &out)
                continue
            }
            if record.absent.contains(id) {
                if !batch.omitsUnknown {
                    out.separator(&first)
                    out.raw("null")
                }
                continue
            }
            guard let derive else { return nil }
            composed = false
            if let derived = derive(id) {
                out.separator(&first)
                JSONWriter.write(derived, into: &out)
            } else if !batch.omitsUnknown {
                out.separator(&first)
                out.raw("null")
            }
        }
        out.raw("]}")
        return (out.string, composed)
    }
}
