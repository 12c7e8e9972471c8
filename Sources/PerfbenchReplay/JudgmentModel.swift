import Foundation
import PerfbenchPipeline
import PerfbenchRecording
import PerfbenchRuntime

/// The LLM's quality judgment as a function of the playlist it judges (issue 14 §1).
///
/// A what-if hands the LLM another playlist than the recording did. Its score decides a branch
/// (the improvement loop runs or not), so reusing the recorded score for another playlist can
/// put the prediction on the wrong branch. What the replay can compute itself is how well the
/// request's tracks match the mood the recording's mood analysis set (``QualityScore/featureMatch(_:mood:)``,
/// averaged over the playlist), and how much of the playlist changed. The model moves the
/// recorded score by the match's difference and spreads it by the change:
///
///     score(new) = score(recorded) + slope · (match(new) − match(recorded)) + spread · z
///     spread     = √(residual² + (sensitivity · changed)²)
///
/// - `slope`: least squares on the recording's own evaluations, shrunk toward 1 ("the LLM moves
///   with the playlist's match") with the weight of one pair of evaluations 0.1 apart.
/// - `changed`: the share of the two playlists' tracks not in both (0: the same playlist).
/// - `sensitivity`: how far the score can move for a wholly new playlist. Not knowable from one
///   recording, so an assumption, ``priorSensitivity``, moved toward what the recording's own
///   evaluations of different playlists show (score change per share changed).
/// - `z`: a standard normal drawn per request in an interval's draws (0 in the plain replay,
///   whose score is the model's middle).
/// - In draw k of an interval the sensitivity is not the pooled one but one of its sources in
///   turn — each recorded move, or the prior — so the interval carries how little a recording
///   knows of its judge: nov07's judge gave two different playlists the same 0.51, which alone
///   made the judge look insensitive, while a stricter judge gave the next playlist 0.66.
///
/// Only recordings whose LLM request bodies perfbench wrote have the playlists to compare;
/// anything else has no model.
struct JudgmentModel: Sendable {
    /// One recorded evaluation: the playlist's match and the score the LLM gave it.
    struct Observation: Sendable {
        var match: Double
        var score: Double
        var ids: Set<String>
    }

    let mood: MoodProfile
    let observations: [Observation]
    let slope: Double
    let residualSpread: Double
    let sensitivity: Double
    /// Score change per share of the playlist changed, per pair of recorded evaluations.
    let moves: [Double]

    /// The weight of the prior slope of 1, in squared match units (one pair 0.1 apart).
    static let priorWeight = 0.01

    /// How far a judge's score can move, either way, for a wholly new playlist of the same prompt,
    /// before the recording says otherwise: half the scale. An assumption, checked on worlds we
    /// did build (AccuracyAcrossMechanicsTests): the simulated judge moved by at most 0.11 per
    /// share of the playlist changed, a strict one (scoring the share of fitting tracks) by up
    /// to 0.48. A recording cannot tell which judge it met, so the prior covers the stricter:
    /// at a quarter of the scale, no draw reached the strict judge's branch flips (nov07
    /// guide-short-term, truth 164.9 s outside 269.1–275.6 s); at half, 250 of the 280 pairs'
    /// truths lie inside P10–P90 (247 before), the point replays unchanged.
    static let priorSensitivity = 0.5

    /// The model of a recording (its indexed answers, their keys and exchanges), nil when it
    /// cannot have one (LLM inputs that cannot be compared, no mood answer, no evaluation with
    /// tracks whose features the mood targets).
    init?(answers: [RecordedAnswer], keys: [RequestKey], exchanges: [Exchange], comparesLLMInputs: Bool) {
        guard comparesLLMInputs else { return nil }
        let calls = keys.indices.compactMap { position -> (task: LLMTask, exchange: Exchange)? in
            guard keys[position].service == .llm, let task = keys[position].task.flatMap(LLMTask.init(rawValue:))
            else { return nil }
            return (task, exchanges[answers[position].exchangeIndex])
        }
        guard let moodCall = calls.first(where: { $0.task == .moodAnalysis }),
            let moodAnswer = Self.content(moodCall.exchange.responseBody)
        else { return nil }
        let mood = MoodProfile(answer: moodAnswer)
        guard mood != .fallback else { return nil }
        let observations = calls.compactMap { call -> Observation? in
            guard call.task == .qualityEvaluation || call.task == .finalEvaluation,
                let score = Self.content(call.exchange.responseBody)?["score"]?.doubleValue,
                let tracks = call.exchange.requestBody.flatMap({ LLMUserInput(body: $0)?.tracks }),
                let match = Self.match(tracks, mood: mood)
            else { return nil }
            return Observation(match: match, score: score, ids: Self.ids(tracks))
        }
        guard !observations.isEmpty else { return nil }
        self.mood = mood
        self.observations = observations
        let meanMatch = observations.map(\.match).reduce(0, +) / Double(observations.count)
        let meanScore = observations.map(\.score).reduce(0, +) / Double(observations.count)
        var covariance = 0.0
        var variance = 0.0
        for observation in observations {
            covariance += (observation.match - meanMatch) * (observation.score - meanScore)
            variance += (observation.match - meanMatch) * (observation.match - meanMatch)
        }
        let slope = (covariance + Self.priorWeight) / (variance + Self.priorWeight)
        self.slope = slope
        let residuals = observations.map { ($0.score - meanScore) - slope * ($0.match - meanMatch) }
        residualSpread = observations.count > 1
            ? (residuals.map { $0 * $0 }.reduce(0, +) / Double(observations.count - 1)).squareRoot() : 0
        // Each pair of recorded evaluations of different playlists shows how far the score moved.
        let moves = zip(observations, observations.dropFirst()).compactMap { earlier, later -> Double? in
            let changed = Self.changedShare(earlier.ids, later.ids)
            return changed > 0 ? abs(later.score - earlier.score) / changed : nil
        }
        self.moves = moves
        sensitivity = (moves.reduce(0, +) + Self.priorSensitivity) / Double(moves.count + 1)
    }

    /// The sensitivity of draw `draw`: the pooled one in the plain replay (draw 0), else each
    /// recorded move and the prior in turn.
    func sensitivity(draw: UInt64) -> Double {
        guard draw > 0 else { return sensitivity }
        let sources = moves + [Self.priorSensitivity]
        return sources[Int((draw - 1) % UInt64(sources.count))]
    }

    /// The track ids of a request's `tracks`.
    static func ids(_ tracks: [LLMUserInput.Track]) -> Set<String> { Set(tracks.compactMap(\.id)) }

    /// The share of the two playlists' tracks not in both.
    static func changedShare(_ lhs: Set<String>, _ rhs: Set<String>) -> Double {
        let union = lhs.union(rhs).count
        return union == 0 ? 0 : 1 - Double(lhs.intersection(rhs).count) / Double(union)
    }

    /// The mean feature match of the request's `tracks` (nil: none has targeted features).
    static func match(_ tracks: [LLMUserInput.Track], mood: MoodProfile) -> Double? {
        let matcher = MoodMatcher(mood)
        let matches = tracks.compactMap { track -> Double? in
            guard let features = track.features else { return nil }
            return QualityScore.featureMatch(features, matcher: matcher)
        }
        return matches.isEmpty ? nil : matches.reduce(0, +) / Double(matches.count)
    }

    /// The score the LLM gives the playlist of request `input`, moved from the recorded `score`
    /// of the request `recordedInput`; `z` is the standard normal of this draw (0: the plain
    /// replay). Nil when either playlist has no match.
    func score(
        for input: LLMUserInput, recordedScore: Double, recordedInput: LLMUserInput?, z: Double, draw: UInt64 = 0
    ) -> Double? {
        guard let tracks = input.tracks, let new = Self.match(tracks, mood: mood) else { return nil }
        let recordedTracks = recordedInput?.tracks
        let recordedMatch = recordedTracks.flatMap { Self.match($0, mood: mood) } ?? observations.last?.match ?? new
        let recordedIDs = recordedTracks.map(Self.ids) ?? observations.last?.ids ?? []
        let changed = Self.changedShare(Self.ids(tracks), recordedIDs)
        let sensitivity = sensitivity(draw: draw)
        let spread = (residualSpread * residualSpread + sensitivity * sensitivity * changed * changed).squareRoot()
        return min(1, max(0, recordedScore + slope * (new - recordedMatch) + spread * z))
    }

    /// A standard normal drawn from `seed`.
    static func standardNormal(seed: UInt64) -> Double {
        var random = SplitMix64(seed: seed)
        return random.nextGaussian()
    }

    /// The JSON answer inside a chat-completions response body.
    static func content(_ body: String?) -> JSONValue? {
        body.flatMap { LLMWire.answer(of: HTTPResponse(status: 200, body: $0)) }
    }

    /// The JSON answer of a chat-completions response: the transport's parse when it has one.
    static func answer(of response: HTTPResponse) -> JSONValue? {
        LLMWire.answer(of: response)
    }

    /// `response` (a chat-completions response) with its answer's `score` replaced, rounded to
    /// two decimals as LLMs write it (nil: the answer has no score).
    static func rescored(_ response: HTTPResponse, score: Double) -> String? {
        guard let answer = answer(of: response), case .object(var object) = answer,
            let position = object.members.firstIndex(where: { $0.key == "score" })
        else { return nil }
        object.members[position].value = .double((score * 100).rounded() / 100)
        return ResponseSynthesizer.envelope(JSONWriter.write(.object(object)))
    }
}
