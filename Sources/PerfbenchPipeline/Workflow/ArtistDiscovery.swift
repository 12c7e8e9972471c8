/// Artist discovery (PIPELINE.md §3): suggested artists, then artists per genre, pruned and
/// validated by the LLM; at most 20 artists come out.
enum ArtistDiscovery {
    static func run(_ context: WorkflowContext, _ understanding: Understanding) async throws -> [Artist] {
        let limits = context.config.discoveryLimits
        var found: [Artist] = []
        for name in understanding.mood.suggestedArtists.prefix(8) {
            if let artist = try await context.spotify.searchArtists(name, limit: 3).first {
                found.append(artist)
            }
        }
        for genre in understanding.mood.genres.prefix(limits.genreCount) {
            found += try await context.spotify.searchArtists("genre:\(genre)", limit: limits.artistSearchLimit)
            let tracks = try await context.spotify.searchTracks("genre:\(genre)", limit: limits.trackSearchLimit)
            for track in tracks {
                guard let id = track.artistIDs.first else { continue }
                found.append(Artist(id: id, name: track.primaryArtist, genres: [genre], popularity: track.popularity ?? 50))
            }
        }
        var seen = Set<String>(minimumCapacity: found.count)
        let unique = found.filter { seen.insert($0.id).inserted }
        // Prune to 30: suggested artists first (they lead the list), then by popularity.
        let suggested = min(understanding.mood.suggestedArtists.count, 8)
        let head = Array(unique.prefix(suggested))
        let tail = unique.dropFirst(suggested).enumerated().sorted { lhs, rhs in
            lhs.element.popularity != rhs.element.popularity
                ? lhs.element.popularity > rhs.element.popularity : lhs.offset < rhs.offset
        }.map(\.element)
        var pruned = Array((head + tail).prefix(30))
        if pruned.count > 10 {
            pruned = try await validate(context, pruned, count: 20)
            if pruned.count < 5 {
                pruned = try await validate(context, Array((head + tail).prefix(30)), count: 10)
            }
        }
        return Array(pruned.prefix(20))
    }

    private static func validate(_ context: WorkflowContext, _ artists: [Artist], count: Int) async throws -> [Artist] {
        let input = LLMRequestInput(
            prompt: context.input.prompt,
            artists: artists.map { LLMArtistInput(id: $0.id, name: $0.name, genres: $0.genres) }, count: count)
        let answer = try await context.llm.ask(.artistValidation, input)
        guard let ids = answer?["ids"]?.arrayValue?.compactMap(\.stringValue) else { return artists }
        let keep = Set(ids)
        return artists.filter { keep.contains($0.id) }
    }
}
