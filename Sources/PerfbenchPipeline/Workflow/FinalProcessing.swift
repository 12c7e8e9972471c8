/// Final processing: resolve tracks lacking a Spotify URI, evaluate once more, and run the
/// generator again if the playlist is still short.
enum FinalProcessing {
    static func run(
        _ context: WorkflowContext, _ understanding: Understanding, _ pool: SeedPool, _ playlist: [Track]
    ) async throws -> (playlist: [Track], quality: QualityScore) {
        var playlist = playlist
        for index in playlist.indices where !isSpotifyID(playlist[index].id) {
            let query = "\(playlist[index].name) \(playlist[index].primaryArtist)"
            if let match = try await context.spotify.searchTracks(query, limit: 5).first {
                playlist[index].id = match.id
            }
        }
        var quality = try await Improvement.evaluate(context, understanding, playlist, task: .finalEvaluation)
        if playlist.count < understanding.target.target {
            let request = GenerationRequest(
                target: understanding.target.target - playlist.count, seeds: pool.seeds,
                negativeSeeds: Array(quality.outliers.prefix(5)), withUserAnchors: false)
            let fresh = try await Generators.run(context, understanding, pool, request)
            playlist = Improvement.select((playlist + fresh).uniquedByID(), understanding, limit: understanding.target.target)
            quality = QualityScore.evaluate(
                playlist, mood: understanding.mood, target: understanding.target,
                threshold: understanding.target.qualityThreshold, llmScore: nil)
        }
        return (playlist, quality)
    }

    /// Spotify ids are 22 base-62 characters; anything else (a ReccoBeats UUID) needs a search.
    static func isSpotifyID(_ id: String) -> Bool {
        id.utf8.count == 22 && id.utf8.allSatisfy { byte in
            (48...57).contains(byte) || (65...90).contains(byte) || (97...122).contains(byte)
        }
    }
}
