import PerfbenchRecording
import PerfbenchRuntime

/// The ReccoBeats calls the workflow makes, including the audio-feature procedure F(n).
struct ReccoBeatsClient: Sendable {
    let caller: ToolCaller
    var session: PipelineSession { caller.session }
    var tools: ToolCatalogue { session.tools }

    /// Recommendations for up to five seeds, steered towards the mood's feature targets.
    func recommendations(
        seeds: [String], size: Int, negativeSeeds: [String], mood: MoodProfile
    ) async throws -> [Track] {
        var query: [HTTPRequest.QueryItem] = [
            .init("seeds", seeds.joined(separator: ",")), .init("size", String(size)),
        ]
        if !negativeSeeds.isEmpty {
            query.append(.init("negativeSeeds", negativeSeeds.prefix(5).joined(separator: ",")))
        }
        for name in AudioFeatures.names {
            guard let range = mood.targets[name], name != "loudness", name != "tempo" else { continue }
            query.append(.init(name, JSONText.number((range.lowerBound + range.upperBound) / 2)))
        }
        let request = HTTPRequest(
            service: .reccobeats, path: "/v1/track/recommendation", query: query,
            tool: tools.recommendations.name)
        return try await caller.call(tools.recommendations, request).decoded(Self.contentKey, Self.content(of:))
    }

    /// `GET /v1/track?ids=…` for up to 50 ids (Spotify ids or UUIDs).
    func multipleTracks(_ ids: [String], tool: ToolSpec? = nil) async throws -> ToolOutcome {
        let tool = tool ?? tools.multipleTracks
        let request = HTTPRequest(
            service: .reccobeats, path: "/v1/track", query: [.init("ids", ids.joined(separator: ","))],
            tool: tool.name)
        return try await caller.call(tool, request)
    }

    /// Track details (duration backfill) for `ids`, one call or chunked per configuration.
    func trackDetails(_ ids: [String]) async throws -> [Track] {
        guard !ids.isEmpty else { return [] }
        let chunks: [[String]]
        let concurrency: Int
        if let batching = session.config.trackDetailsBatching {
            chunks = ids.chunked(batching.chunkSize)
            concurrency = batching.concurrency ?? chunks.count
        } else {
            chunks = [ids]
            concurrency = 1
        }
        let results = try await concurrentMap(chunks, maxConcurrent: max(1, concurrency)) { chunk in
            let outcome = try await multipleTracks(chunk)
            return outcome.decoded(Self.contentKey, Self.content(of:))
        }
        return results.flatMap { $0 }
    }

    /// F(n): audio features for `tracks`. Maps Spotify ids to ReccoBeats ids (⌈n/50⌉ calls,
    /// 4 at once, 2 attempts 1.5 s apart), then fetches each uncached feature set in batches
    /// (baseline: 5 per batch, 3 at once, 1.2 s between batches). Tracks ReccoBeats lacks keep
    /// no features.
    func features(for tracks: [Track]) async throws -> [Track] {
        guard !tracks.isEmpty else { return tracks }
        var mapped = tracks
        let now = session.clock.now
        warmUp(mapped, at: now)
        for index in mapped.indices where mapped[index].reccoID == nil {
            if let known = session.registry.value(for: mapped[index].id, at: now), !known.isEmpty {
                mapped[index].reccoID = known
            }
        }
        let unmapped = mapped.indices.filter {
            mapped[$0].reccoID == nil && mapped[$0].features == nil
                && session.registry.value(for: mapped[$0].id, at: now) == nil
        }
        if !unmapped.isEmpty {
            let ids = unmapped.map { mapped[$0].id }.uniqued()
            let pages = try await concurrentMap(ids.chunked(50), maxConcurrent: 4) { chunk in
                try await mapIDs(chunk)
            }
            var found: [String: String] = [:]
            found.reserveCapacity(ids.count)
            for page in pages { found.merge(page) { first, _ in first } }
            let stamp = session.clock.now
            for id in ids {
                // Validated ids are remembered 60 days, missing ones 14 days.
                if let uuid = found[id] {
                    session.registry.store(uuid, for: id, ttl: .seconds(60 * 86_400), at: stamp)
                } else {
                    session.registry.store("", for: id, ttl: .seconds(14 * 86_400), at: stamp)
                }
            }
            for index in unmapped { mapped[index].reccoID = found[mapped[index].id] }
        }
        let wanted = mapped.indices.filter { mapped[$0].features == nil && mapped[$0].reccoID != nil }
        // Lazily: without a warm cache the ids are never read.
        warmUpFeatures(wanted.lazy.compactMap { mapped[$0].reccoID }, at: session.clock.now)
        let batching = session.config.audioFeatureBatching
        // Batches as slices of `wanted`, not copied out of it.
        let size = batching.batchSize > 0 ? batching.batchSize : max(1, wanted.count)
        let batchCount = (wanted.count + size - 1) / size
        for number in 0..<batchCount {
            let batch = wanted[(number * size)..<min(wanted.count, (number + 1) * size)]
            // Each id's cache key built once, for the check and the call.
            let lookups = batch.map { index in
                let uuid = mapped[index].reccoID ?? ""
                return (uuid: uuid, key: featureKey(uuid))
            }
            let uncached = lookups.contains { !isFeatureCached(key: $0.key) }
            let fetched = try await concurrentMap(lookups, maxConcurrent: batching.concurrency) { lookup in
                try await audioFeatures(lookup.uuid, cacheKey: lookup.key)
            }
            for (index, features) in zip(batch, fetched) { mapped[index].features = features }
            if uncached, number < batchCount - 1 {
                try await session.clock.sleep(for: batching.pause)
            }
        }
        return mapped
    }

    /// With a warm cache (`warm-cache`), the registry already knows the warm share of `tracks`'
    /// ids that it does not hold yet: each answered by the transport's warm cache, at once.
    private func warmUp(_ tracks: [Track], at now: Duration) {
        guard let warm = session.config.warmCache else { return }
        let path = StageContext.path
        for track in tracks where track.reccoID == nil && track.features == nil && warm.holdsID(track.id, at: path)
            && session.registry.value(for: track.id, at: now) == nil
        {
            let request = HTTPRequest(
                service: .reccobeats, path: "/v1/track", query: [.init("ids", track.id)], tool: tools.trackMapping.name)
            guard let response = session.transport.warmCacheAnswer(for: request) else { continue }
            // Decoded as a mapping call's answer is, and kept with the body like it (a warm
            // answer is the same body in every replay of a recording).
            let content = response.decoded(Self.contentKey, Self.content(of:))
            let uuid = content.first { $0.id == track.id }?.reccoID
            session.registry.store(uuid ?? "", for: track.id, ttl: .seconds((uuid == nil ? 14 : 60) * 86_400), at: now)
            caller.observer.cacheHit(
                CacheEvent(
                    tool: tools.trackMapping.name, key: "warm:" + track.id, startMicros: caller.observer.micros(now),
                    stage: StageContext.path))
        }
    }

    /// With a warm cache, the warm share of `uuids`' audio features is in the response cache
    /// already, as a cache hit would find it.
    private func warmUpFeatures(_ uuids: some Sequence<String>, at now: Duration) {
        guard let warm = session.config.warmCache, let ttl = tools.audioFeatures.cacheTTL else { return }
        let path = StageContext.path
        for uuid in uuids where warm.holdsFeatures(uuid, at: path) {
            let key = featureKey(uuid)
            guard !isFeatureCached(key: key),
                let response = session.transport.warmCacheAnswer(for: featureRequest(uuid))
            else { continue }
            session.responses.store(response, for: key, ttl: ttl, at: now)
        }
    }

    private func mapIDs(_ ids: [String]) async throws -> [String: String] {
        for attempt in 0..<2 {
            let outcome = try await multipleTracks(ids, tool: tools.trackMapping)
            if case .ok(let response) = outcome {
                var found: [String: String] = [:]
                found.reserveCapacity(ids.count)
                for track in response.decoded(Self.contentKey, Self.content(of:)) {
                    if let uuid = track.reccoID { found[track.id] = uuid }
                }
                return found
            }
            if attempt == 0 { try await session.clock.sleep(for: .milliseconds(1500)) }
        }
        return [:]
    }

    /// What ``content(of:)`` decodes is kept under, with the body (``ParsedBody``).
    private static let contentKey = "recco.content"

    /// The tracks of a ReccoBeats answer's `content` list: recommendations, id lookups and
    /// mappings all answer so.
    private static func content(of json: JSONNode?) -> [Track] {
        (json?["content"]?.arrayValue ?? []).compactMap(TrackDecoding.reccoTrack)
    }

    private func featureRequest(_ uuid: String) -> HTTPRequest {
        HTTPRequest(service: .reccobeats, path: Self.featurePath(uuid), tool: tools.audioFeatures.name)
    }

    private static func featurePath(_ uuid: String) -> String {
        JoinedText.join("/v1/track/", uuid, "/audio-features")
    }

    /// The cache key of `featureRequest(uuid)`, without a request.
    private func featureKey(_ uuid: String) -> String {
        ToolCaller.cacheKey(tools.audioFeatures, method: "GET", path: Self.featurePath(uuid), query: [])
    }

    private func isFeatureCached(key: String) -> Bool {
        session.responses.value(for: key, at: session.clock.now) != nil
    }

    /// The audio features of ReccoBeats id `uuid`; `cacheKey` is ``featureKey(_:)``'s, when
    /// the caller has it already.
    func audioFeatures(_ uuid: String, cacheKey: String? = nil) async throws -> AudioFeatures? {
        let outcome = try await caller.call(tools.audioFeatures, featureRequest(uuid), cacheKey: cacheKey)
        return outcome.decoded("recco.features") { json in json.flatMap(TrackDecoding.features) }
    }
}

extension Array {
    /// Consecutive slices of at most `size` elements.
    func chunked(_ size: Int) -> [[Element]] {
        guard size > 0 else { return [self] }
        return stride(from: 0, to: count, by: size).map { Array(self[$0..<Swift.min($0 + size, count)]) }
    }
}

extension Array where Element: Hashable {
    /// The elements in order, first occurrence only (the set sized up front: growing it
    /// insert by insert rehashed it several times per call, ≈ 1 % of a search).
    func uniqued() -> [Element] {
        var seen = Set<Element>(minimumCapacity: count)
        return filter { seen.insert($0).inserted }
    }
}
