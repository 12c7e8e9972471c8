import PerfbenchRuntime

/// Seed gathering: six steps in sequence (PIPELINE.md §3), some of them overlapped by toggles.
enum SeedGathering {
    static func run(_ context: WorkflowContext, _ understanding: Understanding) async throws -> SeedPool {
        var pool = SeedPool()
        pool.userTracks = try await context.stage("search_user_tracks") {
            try await searchUserTracks(context, understanding)
        }
        switch context.config.discoveryOverlap {
        case .off:
            pool.anchors = try await anchorStage(context, understanding)
            pool.artists = try await discoveryStage(context, understanding)
            try await prefetchArtistData(context, pool.artists)
            try await finishPool(context, understanding, &pool)
        case .partial:
            // Anchor selection and artist discovery searches run side by side.
            async let anchors = anchorStage(context, understanding)
            async let artists = discoveryStage(context, understanding)
            pool.anchors = try await anchors
            pool.artists = try await artists
            try await prefetchArtistData(context, pool.artists)
            try await finishPool(context, understanding, &pool)
        case .full:
            // Discovery starts at once and overlaps everything up to the seed pool.
            async let artists = discoveryStage(context, understanding)
            pool.anchors = try await anchorStage(context, understanding)
            try await finishPool(context, understanding, &pool)
            pool.artists = try await artists
            try await prefetchArtistData(context, pool.artists)
        }
        return pool
    }

    private static func finishPool(
        _ context: WorkflowContext, _ understanding: Understanding, _ pool: inout SeedPool
    ) async throws {
        pool.topTracks = try await context.stage("fetch_top_tracks") { try await context.spotify.userTopTracks() }
        pool.topArtists = try await context.stage("fetch_top_artists") { try await context.spotify.userTopArtists() }
        let snapshot = pool
        pool.seeds = try await context.stage("build_seed_pool") {
            try await buildSeedPool(context, understanding, snapshot)
        }
    }

    static func searchUserTracks(_ context: WorkflowContext, _ understanding: Understanding) async throws -> [Track] {
        var found: [Track] = []
        for mention in understanding.mentionedTracks {
            let results = try await context.spotify.searchTracks(
                "track:\(mention.title) artist:\(mention.artist)", limit: 3)
            if var first = results.first {
                first.source = .user
                first.userMentioned = true
                first.confidence = 1.0
                found.append(first)
            }
        }
        return found
    }

    private static func anchorStage(_ context: WorkflowContext, _ understanding: Understanding) async throws -> [Track] {
        try await context.stage("anchor_selection") {
            try await AnchorSelection.run(context, understanding)
        }
    }

    private static func discoveryStage(_ context: WorkflowContext, _ understanding: Understanding) async throws -> [Artist] {
        try await context.stage("artist_discovery") {
            try await ArtistDiscovery.run(context, understanding)
        }
    }

    /// Plan 0.1: fetch discovered artists' top tracks now, so the artist pipeline hits the cache.
    private static func prefetchArtistData(_ context: WorkflowContext, _ artists: [Artist]) async throws {
        guard context.config.prefetchArtistData, !artists.isEmpty else { return }
        _ = try await concurrentMap(artists, maxConcurrent: 4) { artist in
            try await context.spotify.topTracks(of: artist).count
        }
    }

    /// F(20) over the user's top tracks (the backend's "Fetching audio features for 20 tracks"),
    /// then one LLM selection when the candidates — the user-mentioned tracks, the anchors and
    /// the featured top tracks — are more than needed. The anchors were featured in anchor
    /// selection and keep those features; a user-mentioned track takes its anchor's (every
    /// mentioned track ranks first among the anchors), so neither is looked up again.
    static func buildSeedPool(
        _ context: WorkflowContext, _ understanding: Understanding, _ pool: SeedPool
    ) async throws -> [Track] {
        let featuredTop = try await context.reccobeats.features(for: Array(pool.topTracks.prefix(20)))
        let anchorFeatures = Dictionary(
            pool.anchors.compactMap { anchor in anchor.features.map { (anchor.id, $0) } },
            uniquingKeysWith: { first, _ in first })
        let userTracks = pool.userTracks.map { track -> Track in
            var copy = track
            if copy.features == nil { copy.features = anchorFeatures[track.id] }
            return copy
        }
        let candidates = (userTracks + pool.anchors + featuredTop).uniquedByID()
        let matcher = MoodMatcher(understanding.mood)
        let scored = candidates.map { track -> Track in
            var copy = track
            copy.confidence = QualityScore.cohesion(of: track, matcher: matcher)
            return copy
        }
        let ideal = Generators.seedCount(target: understanding.target.target)
        guard scored.count > ideal else { return scored }
        let answer = try await context.llm.ask(.seedSelection, context.input(tracks: scored, count: ideal))
        let chosen = answer?["ids"]?.arrayValue?.compactMap(\.stringValue) ?? []
        let byID = Dictionary(scored.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let picked = chosen.compactMap { byID[$0] }.prefix(ideal)
        if picked.isEmpty {
            return Array(scored.sorted { $0.confidence > $1.confidence }.prefix(ideal))
        }
        return Array(picked)
    }
}

extension Array where Element == Track {
    /// First occurrence of each track id, order kept.
    func uniquedByID() -> [Track] {
        var seen = Set<String>(minimumCapacity: count)
        return filter { seen.insert($0.id).inserted }
    }
}
