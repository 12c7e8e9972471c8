import PerfbenchRuntime

/// Playlist ordering: energy analysis of the tracks in LLM batches (all at once), one strategy
/// call, then an energy arc.
enum Ordering {
    static func run(_ context: WorkflowContext, _ playlist: [Track]) async throws -> [Track] {
        if context.config.skipOrderingWhenOrdered, isAlreadyOrdered(playlist) { return playlist }
        let batches = playlist.chunked(max(1, context.config.orderingBatchSize))
        let analyses = try await concurrentMap(batches, maxConcurrent: max(1, batches.count)) { batch in
            let answer = try await context.llm.ask(.energyAnalysis, context.input(tracks: batch))
            var energies: [String: Double] = [:]
            for row in answer?["tracks"]?.arrayValue ?? [] {
                if let id = row["id"]?.stringValue, let energy = row["energy"]?.doubleValue { energies[id] = energy }
            }
            return energies
        }
        var energy: [String: Double] = [:]
        for analysis in analyses { energy.merge(analysis) { first, _ in first } }
        _ = try await context.llm.ask(.orderingStrategy, context.input(tracks: playlist))
        return arc(playlist) { energy[$0.id] ?? $0.features?["energy"] ?? 0.5 }
    }

    /// Rising to the middle, falling after: lower-energy tracks at both ends.
    static func arc(_ tracks: [Track], energy: (Track) -> Double) -> [Track] {
        let sorted = tracks.enumerated().sorted { lhs, rhs in
            let left = energy(lhs.element), right = energy(rhs.element)
            return left != right ? left < right : lhs.offset < rhs.offset
        }.map(\.element)
        var rising: [Track] = []
        var falling: [Track] = []
        for (index, track) in sorted.enumerated() {
            if index % 2 == 0 { rising.append(track) } else { falling.append(track) }
        }
        return rising + falling.reversed()
    }

    /// Plan 6.1: no energy jump above 0.15 between neighbours means the order already flows.
    static func isAlreadyOrdered(_ tracks: [Track]) -> Bool {
        let energies = tracks.compactMap { $0.features?["energy"] }
        guard energies.count == tracks.count, energies.count > 1 else { return false }
        return zip(energies, energies.dropFirst()).allSatisfy { abs($0 - $1) <= 0.15 }
    }
}
