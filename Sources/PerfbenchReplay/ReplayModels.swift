/// The models behind counterfactual answers, built from every recorded body once per index.
final class ReplayModels: Sendable {
    /// Latency distributions and batch fits.
    let latencies: LatencyBook
    /// The recorded tracks, artists, pages, recommendations, features and LLM answers.
    let catalogue: ReplayCatalogue

    init(index: ReplayIndex) {
        latencies = LatencyBook(answers: index.answers, keys: index.keys)
        catalogue = ReplayCatalogue(index: index)
    }
}
