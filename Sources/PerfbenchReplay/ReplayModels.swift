/// The models behind counterfactual answers, built from every recorded body once per index.
final class ReplayModels: Sendable {
    /// Latency distributions and batch fits.
    let latencies: LatencyBook
    /// The recorded tracks, artists, pages, recommendations, features and LLM answers.
    let catalogue: ReplayCatalogue
    /// The LLM's quality judgment as a function of the playlist, when the recording allows one.
    let judgment: JudgmentModel?
    /// Where the recording shows a host down.
    let outages: OutageModel

    init(index: ReplayIndex) {
        latencies = LatencyBook(answers: index.answers, keys: index.keys)
        catalogue = ReplayCatalogue(index: index)
        judgment = JudgmentModel(index: index)
        outages = OutageModel(answers: index.answers, keys: index.keys)
    }
}
