import PerfbenchPipeline
import PerfbenchRecording

/// A recorded LLM selection (`artist_validation`, `anchor_filter`, `anchor_finalize`,
/// `seed_selection`: "keep these ids") made for another input, applied to this one.
///
/// Reused as it is, the recorded ids that this input does not offer are lost, and the pipeline
/// keeps fewer items than the LLM would have picked: nov07 under `shipped-11-13` offered the
/// validation another artist list, the recorded 12th artist was not on it, and the replay went
/// on with 11 artists where the world's LLM picked 12, so each artist was asked for one more
/// track and made 14 more album calls. Asked for a number (`count`), the LLM picks as many as
/// it picked before, so the answer keeps the recorded ids this input offers, in their recorded
/// order, and fills up to the recorded number (at most `count`) with the input's other ids in
/// input order, which is also what a selection the recording never answered gets. A selection
/// asked for no number (`anchor_filter`: keep what fits) is left as recorded.
enum SelectionAnswer {
    /// The member of the request input that lists the candidates, for selection tasks.
    static func candidatesMember(of task: LLMTask) -> String? {
        switch task {
        case .artistValidation: return "artists"
        case .anchorFilter, .anchorFinalize, .seedSelection: return "tracks"
        default: return nil
        }
    }

    /// `response` (a chat-completions response whose content is `{"ids": [...]}`) re-aimed at
    /// the candidates of the request's `input`; nil when either is not a selection (the answer
    /// stands). Returns the new response body.
    static func reselected(_ response: HTTPResponse, task: LLMTask, input: LLMUserInput) -> String? {
        guard let member = candidatesMember(of: task),
            let answer = JudgmentModel.answer(of: response), case .object(var object) = answer,
            let position = object.members.firstIndex(where: { $0.key == "ids" }),
            let recorded = object.members[position].value.arrayValue?.compactMap(\.stringValue),
            let offered = input.offeredIDs(member)?.compactMap({ $0 })
        else { return nil }
        // A filter without a count keeps what fits, which the recording shows for its own input
        // only: its offered ids stand, unfilled (the pipeline drops the others).
        guard let count = input.count else { return nil }
        let wanted = min(recorded.count, count)
        let offeredSet = Set(offered)
        var kept: [String] = []
        var seen = Set<String>()
        for id in recorded where offeredSet.contains(id) && seen.insert(id).inserted && kept.count < wanted {
            kept.append(id)
        }
        for id in offered where kept.count < wanted && seen.insert(id).inserted {
            kept.append(id)
        }
        guard kept != recorded else { return nil }
        object.members[position].value = .array(kept.map { .string($0) })
        return ResponseSynthesizer.envelope(JSONWriter.write(.object(object)))
    }
}
