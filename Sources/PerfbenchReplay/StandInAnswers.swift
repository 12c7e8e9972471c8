import PerfbenchRecording

/// The recorded answers of an imported backend log, filed by where they happened: the stage
/// they ran in and their endpoint, in send order.
///
/// A backend log names almost none of the ids its calls carried, so the importer writes
/// placeholder requests, and the replayed pipeline (which asks for the catalogue's real ids)
/// matches few of them exactly. Drawing the latency of every unmatched call from the endpoint's
/// pooled distribution loses what the log does know: *which* calls were slow, timed out and
/// were retried, and in which stage. A stand-in keeps it: the n-th unmatched call of an
/// endpoint in a stage takes the timing and outcome of the n-th recorded call of that endpoint
/// in that stage (content still composed for the ids asked), so a generator run whose log shows
/// three timed-out feature fetches replays three, in that generator run.
///
/// Only imports of a backend log get stand-ins: a recording perfbench made (or a HAR) names its
/// ids, and a call it did not record is a counterfactual one, whose latency is a draw.
struct StandInAnswers: Sendable {
    /// `stage path␟endpoint` → answers (positions in the index's send order).
    private let queues: [String: [Int]]

    /// An empty table (recordings that name their ids).
    static let none = StandInAnswers(queues: [:])

    private init(queues: [String: [Int]]) {
        self.queues = queues
    }

    /// Files every definitive or timed-out answer of `answers` under the deepest recorded stage
    /// span that contains its start (the exchange's own stage name only says which agent ran it,
    /// not which generator run) and its endpoint. LLM calls are left out: they match by task.
    init(recording: Recording, answers: [RecordedAnswer], keys: [RequestKey]) {
        var spans: [(path: String, start: Int, end: Int, depth: Int)] = []
        for case .stage(let span) in recording.events {
            let depth = span.path.split(separator: "/").count
            spans.append((span.path, span.startMicros, span.startMicros + span.durationMicros, depth))
        }
        var queues: [String: [Int]] = [:]
        for (position, answer) in answers.enumerated() where answer.isDefinitive || answer.isTimeout {
            let key = keys[position]
            guard key.service != .llm else { continue }
            let deepest = spans.filter { $0.start <= answer.startMicros && answer.startMicros < $0.end }
                .max { $0.depth != $1.depth ? $0.depth < $1.depth : $0.start < $1.start }
            guard let path = deepest?.path else { continue }
            queues[Self.name(path, LatencyBook.endpoint(of: key)), default: []].append(position)
        }
        self.queues = queues
    }

    /// Whether the table has anything (imports of a backend log with timed calls).
    var isEmpty: Bool { queues.isEmpty }

    /// The queues a request sent in `stagePath` may take stand-ins from, most specific first: the
    /// stage itself, then each enclosing stage (the log times generator runs, not the
    /// strategies inside them).
    func candidates(stagePath: String, endpoint: String) -> [(name: String, queue: [Int])] {
        var path = Substring(stagePath)
        var found: [(String, [Int])] = []
        while !path.isEmpty {
            let name = Self.name(String(path), endpoint)
            if let queue = queues[name] { found.append((name, queue)) }
            guard let slash = path.lastIndex(of: "/") else { break }
            path = path[..<slash]
        }
        return found
    }

    private static func name(_ path: String, _ endpoint: String) -> String {
        path + "\u{1F}" + endpoint
    }
}
