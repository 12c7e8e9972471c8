import PerfbenchRecording

/// The LLM calls the log brackets without timing them: the line the workflow wrote just before a
/// call and the line that reports its answer. Each becomes an `inferred` chat-completions
/// exchange of its task (PIPELINE.md §3 names the task each step asks) whose latency is the
/// bracket, so the replayed pipeline waits what the backend waited, and whose answer makes the
/// pipeline take the branch the log shows it took (no mentioned tracks, a tie at the anchor cut,
/// the artists the generator went on to use); answers the log does not reveal are left to the
/// pipeline's fallback or to neutral content.
extension MoodlistWorkflowBuilder {
    /// Lines that open a bracket: the task whose call starts right after them.
    private static func opening(_ event: String) -> String? {
        if event.hasPrefix("Selecting anchor tracks") { return "anchor_mentions" }
        if event.hasPrefix("Found "), event.hasSuffix("genre-based track candidates") { return "anchor_filter" }
        // A backend that fetches every candidate's features in one batch first (2025-11-11)
        // asks the filter only once they are attached.
        if event.hasPrefix("Successfully attached audio features to ") { return "anchor_filter" }
        if event.hasPrefix("✓ Guaranteed inclusion") { return "anchor_finalize" }
        if event.hasPrefix("After heuristic pruning") { return "artist_validation" }
        if event.hasPrefix("Found "), event.hasSuffix("unique artists from search") { return "artist_validation" }
        if event.hasPrefix("LLM selecting seeds") { return "seed_selection" }
        if event.hasPrefix("Starting final processing") { return "final_evaluation" }
        if event.hasPrefix("No tracks need enrichment") || event.hasPrefix("Track enrichment complete") { return "final_evaluation" }
        if event.hasPrefix("Analyzing energy characteristics") { return "energy_analysis" }
        if event.hasPrefix("Determining optimal ordering strategy") { return "ordering_strategy" }
        return nil
    }

    /// Reads one line for LLM brackets; true when it closed one (the line is then used up).
    mutating func applyLLMLine(_ line: MoodlistLogLine, now: Int) -> Bool {
        let event = line.event
        if let task = Self.opening(event) {
            llmOpen[task] = now
            if task == "final_evaluation", !inFinalProcessing {
                inFinalProcessing = true
                finalProcessingStart = now
            }
            return false
        }
        if event.hasPrefix("LLM found "), event.contains("mentioned") {
            closeLLM("anchor_mentions", now: now, content: event.contains("no specific") ? #"{"tracks":[]}"# : nil)
        } else if event.hasPrefix("LLM track filtering:") {
            closeLLM("anchor_filter", now: now, content: #"{"ids":[]}"#)
            llmOpen["anchor_strategy"] = now
        } else if event.hasPrefix("LLM determined anchor selection strategy") {
            closeLLM("anchor_strategy", now: now, content: #"{"strategies":["balanced"],"reasoning":"imported"}"#)
            llmOpen["anchor_scoring"] = now
        } else if event.hasPrefix("LLM scored ") {
            // The scores are written at the end, once the candidates' ids are known.
            closeLLM("anchor_scoring", now: now, content: nil)
        } else if event.hasPrefix("✓ LLM selected "), event.contains("anchor") {
            closeLLM("anchor_finalize", now: now, content: #"{"ids":[]}"#)
            anchorTieSeen = true
        } else if event.hasPrefix("LLM batch validation:") {
            // The kept artists are the ones the generator goes on to use: written at the end.
            closeLLM("artist_validation", now: now, content: nil)
        } else if event.hasPrefix("LLM selected "), event.contains(" seeds") {
            closeLLM("seed_selection", now: now, content: #"{"ids":[]}"#)
        } else if let score = line.message.after("LLM assessment: quality=").flatMap(Self.leadingNumber) {
            // (The message, not the event: without a logger name, `quality=0.75,` parses as a pair.)
            let content = #"{"score":"# + String(score) + #","issues":[]}"#
            if inFinalProcessing {
                closeLLM("final_evaluation", now: now, content: content)
            } else {
                // The evaluation runs from the generator's end to this line.
                let start = min(generatorEnds.last ?? now, now)
                llmFacts.calls.append(
                    MoodlistLLMCall(task: "quality_evaluation", start: start, duration: now - start, stage: "quality_evaluation",
                        content: content))
            }
        } else if let list = event.after("LLM strategy decision: ") {
            let start = min(iterationAt ?? now, now)
            llmFacts.strategies = MoodlistLLMFacts.pythonItems(list).map(\.key)
            llmFacts.calls.append(
                MoodlistLLMCall(task: "improvement_strategy", start: start, duration: now - start, stage: "improvement_strategies"))
        } else if event.hasPrefix("Successfully analyzed "),
            let batches = event.after(" across ")?.before(" batches").flatMap({ MoodlistWorkflowBuilder.count($0) })
        {
            // The batches run all at once; the log times only the slowest.
            guard !energyBatchLinesSeen, let start = llmOpen.removeValue(forKey: "energy_analysis") else { return true }
            for _ in 0..<batches {
                llmFacts.calls.append(
                    MoodlistLLMCall(task: "energy_analysis", start: start, duration: now - start, stage: "playlist_ordering",
                        content: #"{"tracks":[]}"#))
            }
        } else if let strategy = event.after("Selected strategy: ") {
            let content = #"{"strategies":["# + MoodlistLLMFacts.quoted(strategy) + #"],"reasoning":"imported"}"#
            closeLLM("ordering_strategy", now: now, content: content)
        } else {
            return false
        }
        return true
    }

    private mutating func closeLLM(_ task: String, now: Int, content: String?) {
        let start = min(llmOpen.removeValue(forKey: task) ?? now, now)
        llmFacts.calls.append(MoodlistLLMCall(task: task, start: start, duration: now - start, stage: stage, content: content))
    }

    /// Answers that need the whole log: the anchor scores (tied at the cut when the log shows the
    /// tie-breaking call, distinct otherwise) over every track the anchor stage's answers hold,
    /// and the artists discovery kept, which are those the first generator run went through.
    func resolvedLLMContent(_ call: MoodlistLLMCall, events: [RecordingEvent]) -> String? {
        switch call.task {
        case "anchor_scoring":
            var ids: [String] = []
            for case .exchange(let exchange) in events where exchange.stage == "anchor_selection" && exchange.service == .spotify {
                ids += MoodlistResponseBodies.trackIDs(in: exchange.responseBody ?? "")
            }
            var seen = Set<String>()
            let rows = ids.filter { seen.insert($0).inserted }.enumerated().map { index, id in
                let score = anchorTieSeen ? 0.8 : 0.9 - Double(index) * 0.001
                return #"{"id":"# + MoodlistLLMFacts.quoted(id) + #","score":"# + String(score) + "}"
            }
            return #"{"scores":["# + rows.joined(separator: ",") + "]}"
        case "quality_evaluation":
            // The verdict the backend acted on: when it went on to pick improvement strategies,
            // the playlist did not meet its bar, whatever the printed scores round to (11-11:
            // `Overall score=0.80` against a 0.80 bar, and it improved).
            guard let content = call.content, content.hasSuffix("}") else { return call.content }
            let verdict = llmFacts.strategies.isEmpty ? "met" : "not_met"
            return String(content.dropLast()) + #","verdict":""# + verdict + #""}"#
        case "artist_validation":
            let ids = (generatorArtists.first ?? []).map(MoodlistLLMFacts.quoted).joined(separator: ",")
            return #"{"ids":["# + ids + "]}"
        default:
            return call.content
        }
    }
}
