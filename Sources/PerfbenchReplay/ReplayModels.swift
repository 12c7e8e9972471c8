import PerfbenchRecording
import Synchronization

/// The models behind counterfactual answers, each built from the recorded answers the first
/// time a replay of the index needs it, then shared by every transport made from the index.
///
/// One by one because most what-ifs need few of them: every what-if asks whether a host went
/// down (``outages``), while the catalogue of recorded tracks, artists and pages is read only to
/// compose or synthesize an answer the recording does not have. Building them all at once put
/// the catalogue (built and freed once per recording: ≈ 10 % of a 100-recording `diff` against
/// `plan-critical-path`, `perf record`) into what-ifs that answered everything from the recording.
final class ReplayModels: Sendable {
    // What the models are built from: the index's own arrays (shared storage, no copies), not
    // the index, which owns this object.
    private let answers: [RecordedAnswer]
    private let keys: [RequestKey]
    private let exchanges: [Exchange]
    private let comparesLLMInputs: Bool
    private let lazyLatencies = Mutex<LatencyBook?>(nil)
    private let lazyCatalogue = Mutex<ReplayCatalogue?>(nil)
    private let lazyBatches = Mutex<[BatchEndpoint: BatchItems]?>(nil)
    private let lazyJudgment = Mutex<JudgmentModel??>(nil)
    private let lazyOutages = Mutex<OutageModel?>(nil)
    /// Content made for unrecorded requests, kept for the index's later replays.
    let unrecordedContent = UnrecordedContentMemo()

    init(index: ReplayIndex) {
        answers = index.answers
        keys = index.keys
        exchanges = index.exchanges
        comparesLLMInputs = index.comparesLLMInputs
    }

    /// The models built so far, by name (`latencies`, `catalogue`, `batches`, `judgment`, `outages`).
    var built: [String] {
        var names: [String] = []
        if lazyLatencies.withLock({ $0 != nil }) { names.append("latencies") }
        if lazyCatalogue.withLock({ $0 != nil }) { names.append("catalogue") }
        if lazyBatches.withLock({ $0 != nil }) { names.append("batches") }
        if lazyJudgment.withLock({ $0 != nil }) { names.append("judgment") }
        if lazyOutages.withLock({ $0 != nil }) { names.append("outages") }
        return names
    }

    /// Latency distributions and batch fits.
    var latencies: LatencyBook {
        lazyLatencies.once { LatencyBook(answers: answers, keys: keys) }
    }

    /// The recorded tracks, artists, pages, recommendations, features and LLM answers.
    var catalogue: ReplayCatalogue {
        lazyCatalogue.once { ReplayCatalogue(answers: answers, keys: keys) }
    }

    /// The recorded `ids=` batches alone (``ReplayCatalogue/batches(answers:keys:)``); the
    /// catalogue's own when it is built already.
    var batches: [BatchEndpoint: BatchItems] {
        if let catalogue = lazyCatalogue.withLock({ $0 }) { return catalogue.batches }
        return lazyBatches.once { ReplayCatalogue.batches(answers: answers, keys: keys) }
    }

    /// The LLM's quality judgment as a function of the playlist, when the recording allows one.
    var judgment: JudgmentModel? {
        lazyJudgment.once {
            JudgmentModel(answers: answers, keys: keys, exchanges: exchanges, comparesLLMInputs: comparesLLMInputs)
        }
    }

    /// Where the recording shows a host down.
    var outages: OutageModel {
        lazyOutages.once { OutageModel(answers: answers, keys: keys) }
    }
}
