import PerfbenchRuntime

/// Anchor selection (PIPELINE.md §3): mentions, artist anchors, genre anchors, then LLM filtering
/// and scoring. Skipped on a 15-minute anchor-cache hit for the same user and prompt.
enum AnchorSelection {
    static func run(_ context: WorkflowContext, _ understanding: Understanding) async throws -> [Track] {
        let cacheKey = "anchors \(context.input.userID) \(context.input.prompt)"
        if let cached = context.session.anchors.value(for: cacheKey, at: context.clock.now) {
            context.observer.count { $0.cacheHits += 1 }
            return cached
        }
        let config = context.config
        // 1. Which tracks and artists does the prompt mention?
        let mentions = try await context.llm.ask(.anchorMentions, LLMRequestInput(prompt: context.input.prompt))
        let mentionedTracks: [MentionedTrack] = (mentions?["tracks"]?.arrayValue ?? []).compactMap { item in
            guard let title = item["title"]?.stringValue, let artist = item["artist"]?.stringValue else { return nil }
            return MentionedTrack(title: title, artist: artist)
        }
        let mentionedArtists = mentions?["artists"]?.arrayValue?.compactMap(\.stringValue) ?? understanding.mentionedArtists

        var candidates: [Track] = []
        // 2. Up to five mentioned tracks, one after another, each with its features.
        for mention in (mentionedTracks.isEmpty ? understanding.mentionedTracks : mentionedTracks).prefix(5) {
            let found = try await context.spotify.searchTracks("\(mention.title) \(mention.artist)", limit: 5)
            guard var first = found.first else { continue }
            first.userMentioned = true
            first.source = .anchor
            candidates += try await context.reccobeats.features(for: [first])
        }
        let names = (mentionedArtists + understanding.mood.suggestedArtists).uniqued()
        let artistCount = min(config.anchorArtistLimit, names.count)
        let genres = Array(understanding.anchorGenres.prefix(config.anchorGenreLimit))
        if config.anchorSources == .together {
            // anchor-sources=together: every artist and genre search at once, then one batch.
            async let fromArtists = artistAnchors(context, Array(names.prefix(artistCount)))
            async let fromGenres = concurrentMap(genres, maxConcurrent: max(1, genres.count)) { genre in
                try await genreAnchors(context, genre)
            }
            let gathered = try await (candidates + fromArtists + fromGenres.flatMap { $0 }).uniquedByID()
            candidates = try await context.reccobeats.features(for: Array(gathered.prefix(100)))
        }
        // 3. Artist anchors: search all, fetch top tracks, features of the top three each.
        if config.anchorSources == .inTurn, artistCount > 0 {
            let picked = try await artistAnchors(context, Array(names.prefix(artistCount)))
            candidates += try await context.reccobeats.features(for: picked)
        }
        // 4. Genre anchors, strictly one genre after another.
        if config.anchorSources == .inTurn {
            for genre in genres { candidates += try await genreAnchors(context, genre) }
        }
        candidates = candidates.uniquedByID()
        guard !candidates.isEmpty else { return [] }
        let anchors = try await choose(context, understanding, candidates)
        context.observer.count { $0.anchors = anchors.count }
        context.session.anchors.store(anchors, for: cacheKey, ttl: .seconds(900), at: context.clock.now)
        return anchors
    }

    /// The top three tracks of each named artist found, without features.
    private static func artistAnchors(_ context: WorkflowContext, _ names: [String]) async throws -> [Track] {
        guard !names.isEmpty else { return [] }
        let artists = try await concurrentMap(names, maxConcurrent: names.count) { name in
            try await context.spotify.searchArtists(name, limit: 3).first
        }.compactMap { $0 }
        return try await topTracks(context, artists).flatMap { $0.prefix(3) }.map { track -> Track in
            var copy = track
            copy.source = .anchor
            return copy
        }
    }

    /// One genre's anchor tracks, with their features.
    private static func genreAnchors(_ context: WorkflowContext, _ genre: String) async throws -> [Track] {
        let found = try await context.spotify.searchTracks("genre:\(genre)", limit: 15)
        let anchors = found.map { track -> Track in
            var copy = track
            copy.source = .anchor
            return copy
        }
        return try await context.reccobeats.features(for: anchors)
    }

    /// Top tracks of `artists`: in batches fetched together (baseline 5), or under a semaphore.
    static func topTracks(_ context: WorkflowContext, _ artists: [Artist]) async throws -> [[Track]] {
        switch context.config.topTracksFetch {
        case .batches(let size):
            var results: [[Track]] = []
            for batch in artists.chunked(size) {
                results += try await concurrentMap(batch, maxConcurrent: batch.count) { artist in
                    try await context.spotify.topTracks(of: artist)
                }
            }
            return results
        case .semaphore(let permits):
            return try await concurrentMap(artists, maxConcurrent: permits) { artist in
                try await context.spotify.topTracks(of: artist)
            }
        }
    }

    /// LLM filter, strategy and scoring (or the heuristic), then the final pick.
    private static func choose(
        _ context: WorkflowContext, _ understanding: Understanding, _ candidates: [Track]
    ) async throws -> [Track] {
        let limit = context.config.anchorSelectionLimit
        let filterAnswer = try await context.llm.ask(.anchorFilter, context.input(tracks: candidates))
        let keep = Set(filterAnswer?["ids"]?.arrayValue?.compactMap(\.stringValue) ?? [])
        var filtered = keep.isEmpty ? candidates : candidates.filter { keep.contains($0.id) || $0.userMentioned }
        if filtered.isEmpty { filtered = candidates }
        _ = try await context.llm.ask(.anchorStrategy, LLMRequestInput(prompt: context.input.prompt))
        var scores: [String: Double] = [:]
        let matcher = MoodMatcher(understanding.mood)
        if context.config.fastAnchorScoring {
            for track in filtered { scores[track.id] = QualityScore.cohesion(of: track, matcher: matcher) }
        } else {
            let answer = try await context.llm.ask(.anchorScoring, context.input(tracks: filtered))
            for row in answer?["scores"]?.arrayValue ?? [] {
                if let id = row["id"]?.stringValue, let score = row["score"]?.doubleValue { scores[id] = score }
            }
            for track in filtered where scores[track.id] == nil {
                scores[track.id] = QualityScore.cohesion(of: track, matcher: matcher)
            }
        }
        let ranked = filtered.enumerated().sorted { lhs, rhs in
            let left = (lhs.element.userMentioned ? 2 : 0) + (scores[lhs.element.id] ?? 0)
            let right = (rhs.element.userMentioned ? 2 : 0) + (scores[rhs.element.id] ?? 0)
            return left != right ? left > right : lhs.offset < rhs.offset
        }.map(\.element)
        // Ties at the cut: the LLM breaks them (heuristic mode keeps the ranking).
        if !context.config.fastAnchorScoring, ranked.count > limit,
            scores[ranked[limit - 1].id] == scores[ranked[limit].id]
        {
            let answer = try await context.llm.ask(.anchorFinalize, context.input(tracks: Array(ranked.prefix(limit * 2)), count: limit))
            let ids = answer?["ids"]?.arrayValue?.compactMap(\.stringValue) ?? []
            let byID = Dictionary(ranked.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
            let picked = ids.compactMap { byID[$0] }
            if !picked.isEmpty { return Array(picked.prefix(limit)).withConfidence(scores) }
        }
        return Array(ranked.prefix(limit)).withConfidence(scores)
    }
}

extension Array where Element == Track {
    fileprivate func withConfidence(_ scores: [String: Double]) -> [Track] {
        map { track in
            var copy = track
            copy.confidence = Swift.max(0.5, Swift.min(1, scores[track.id] ?? 0.7))
            return copy
        }
    }
}
