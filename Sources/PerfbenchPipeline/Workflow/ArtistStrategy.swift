import PerfbenchRuntime

/// Artist-based generation: per artist, top tracks plus a sample of album tracks, with features
/// (PIPELINE.md §3). Artists go one by one with a 0.1 s pause, or several at once (plan 0.2).
enum ArtistStrategy {
    static func run(
        _ context: WorkflowContext, _ understanding: Understanding, _ artists: [Artist], target: Int,
        harvest: Harvest, sample: Int = 0
    ) async throws -> [Track] {
        let chosen = Array(artists.prefix(20))
        guard !chosen.isEmpty, target > 0 else { return [] }
        let perArtist = tracksPerArtist(target: target, artists: chosen.count)
        if let parallel = context.config.parallelArtists {
            let results = try await concurrentMap(chosen, maxConcurrent: parallel) { artist in
                if harvest.isEnough { return [Track]() }
                let tracks = try await hybrid(context, artist, count: perArtist, sample: sample)
                harvest.add(tracks, mood: understanding.mood)
                return tracks
            }
            return results.flatMap { $0 }
        }
        var all: [Track] = []
        for (index, artist) in chosen.enumerated() {
            if harvest.isEnough { break }
            if index > 0 { try await context.clock.sleep(for: .milliseconds(100)) }
            let tracks = try await hybrid(context, artist, count: perArtist, sample: sample)
            harvest.add(tracks, mood: understanding.mood)
            all += tracks
        }
        return all
    }

    /// max(3, min(⌊2.5·target/n⌋ + 2, 5)).
    static func tracksPerArtist(target: Int, artists: Int) -> Int {
        max(3, min(Int(2.5 * Double(target) / Double(max(artists, 1))) + 2, 5))
    }

    /// About a third from top tracks (at least one), the rest sampled from up to five albums:
    /// each album's middle track (`sample` tracks further on, wrapping: another generator run
    /// under `album-sampling=per-run`), kept when its popularity is 20–80, until the count is
    /// met; then the picks' features, unless `withFeatures` is false.
    static func hybrid(
        _ context: WorkflowContext, _ artist: Artist, count: Int, sample: Int = 0, withFeatures: Bool = true
    ) async throws -> [Track] {
        let top = try await context.spotify.topTracks(of: artist)
        var picked = Array(top.prefix(max(1, Int(0.3 * Double(count)))))
        let albums = try await context.spotify.albums(of: artist.id)
        for album in albums.prefix(5) {
            guard picked.count < count else { break }
            let tracks = try await context.spotify.tracks(ofAlbum: album.id)
            guard !tracks.isEmpty else { continue }
            // The middle track of the album: a stable, non-first pick (moved on per run).
            let candidate = tracks[(tracks.count / 2 + sample) % tracks.count]
            guard !picked.contains(where: { $0.id == candidate.id }),
                let full = try await context.spotify.track(candidate.id),
                let popularity = full.popularity, (20...80).contains(popularity)
            else { continue }
            picked.append(full)
        }
        let tagged = picked.map { track -> Track in
            var copy = track
            copy.source = .artist
            copy.confidence = 0.75
            return copy
        }
        return withFeatures ? try await context.reccobeats.features(for: tagged) : tagged
    }
}

/// User-anchor generation: for each artist the user named, search it and run the hybrid fetch.
/// Its tracks carry no features: the backend marks them protected anchor tracks and never
/// fetches theirs (every log with user mentions: no feature fetch inside the strategy).
enum UserAnchorStrategy {
    static func run(
        _ context: WorkflowContext, _ understanding: Understanding, target: Int, harvest: Harvest, sample: Int = 0
    ) async throws -> [Track] {
        let names = understanding.mentionedArtists + understanding.mentionedTracks.map(\.artist)
        let unique = names.uniqued()
        guard !unique.isEmpty, target > 0 else { return [] }
        let perArtist = max(3, min(target / unique.count + 1, 8))
        var all: [Track] = []
        for name in unique {
            if harvest.isEnough { break }
            guard let artist = try await context.spotify.searchArtists(name, limit: 3).first else { continue }
            let tracks = try await ArtistStrategy.hybrid(
                context, artist, count: perArtist, sample: sample, withFeatures: false
            ).map { track -> Track in
                var copy = track
                copy.source = .anchor
                copy.confidence = 0.85
                return copy
            }
            harvest.add(tracks, mood: understanding.mood)
            all += tracks
        }
        return all
    }
}
