import Foundation
import PerfbenchPipeline
import PerfbenchRecording
import PerfbenchRuntime

/// What a later draw of a what-if does differently from the plain replay: every call is made
/// again (its latency, whether it times out); under the load alternative, a host's latency
/// follows the load the replay puts on it; under the outage alternative, a host the recording
/// shows down stays down. The plain replay (draw 0) and the recorded
/// configuration keep the recorded answers.
extension ReplayTransport {
    /// Under the outage alternative (``ReplayOptions/outagePersists``), a timeout for a call to
    /// a host the recording shows down (``OutageModel``) sent after its outage began; nil
    /// otherwise.
    func persistingOutage(_ key: RequestKey, now: Duration, timeout: Duration, state: inout State) -> PlannedAnswer? {
        guard options.outagePersists, let outage = outages(&state).byService[key.service],
            now.microseconds >= outage.startMicros
        else { return nil }
        state.counters.outageTimeouts += 1
        return PlannedAnswer(kind: .synthesized, delay: timeout, result: .timeout)
    }

    /// `answer` counted toward its host's load and, under the load alternative
    /// (``ReplayOptions/loadFollowsRecording``), its latency scaled by how much more (or less)
    /// the host is loaded now than when the call was recorded, by the host's elasticity in the
    /// recording (``LoadModel``); a call so slowed past `timeout` times out. Timeouts and
    /// refusals stay as planned; every call counts toward the load until the host is done with it.
    func underLoad(
        _ answer: PlannedAnswer, load: LoadModel, key: RequestKey, now: Duration, timeout: Duration, state: inout State
    ) -> PlannedAnswer {
        var ends = state.inFlightEnds[key.service] ?? []
        ends.removeAll { $0 <= now }
        var planned = answer
        var busy = answer.delay
        if options.loadFollowsRecording, let elasticity = load.elasticity[key.service],
            case .response(let response) = answer.result, response.status != 429
        {
            let recorded = state.servedPosition.map { load.inFlightAtSend[$0] } ?? load.typicalInFlight[key.service] ?? 1
            let factor = pow(Double(ends.count + 1) / Double(max(recorded, 1)), elasticity)
            busy = Duration.secondsRounded(answer.delay.seconds * factor)
            if busy > timeout {
                planned = PlannedAnswer(kind: answer.kind, delay: timeout, result: .timeout, source: answer.source)
            } else {
                planned.delay = busy
            }
        }
        // A call the client gave up on still loads the host until the host is done with it:
        // servers rarely notice a client that left, so its retry arrives on top of it.
        ends.append(now + busy)
        state.inFlightPeaks[key.service] = max(state.inFlightPeaks[key.service] ?? 0, ends.count)
        state.inFlightEnds[key.service] = ends
        return planned
    }

    /// The latency of a recorded answer in this replay: as recorded, except in a later draw of a
    /// what-if, where the same call made again takes another draw of the world's noise
    /// (log-normal with the endpoint's spread, ``LatencyBook/rerunSpread(for:)``). The truth a
    /// what-if predicts is one run, not the recorded one: an interval must hold a rerun's noise.
    func rerun(_ answer: RecordedAnswer, key: RequestKey, state: inout State) -> Duration {
        guard options.draw > 0, !options.atRecordedConfiguration, !answer.isTimeout else { return answer.latency }
        let spread = latencies(&state).rerunSpread(for: key)
        guard spread > 0 else { return answer.latency }
        let z = JudgmentModel.standardNormal(seed: nextSeed(key, &state))
        return .secondsRounded(answer.latency.seconds * exp(spread * z))
    }

    /// Whether a call of an endpoint that timed out in the recording times out when made again,
    /// in a later draw of a what-if (nil: no change, the recorded answer stands). The world's
    /// next run of a call times out as often as the endpoint's calls did in the recording,
    /// whatever the recording did with this one (its retries succeeded: the timeouts were
    /// transient). A timeout this time: at the caller's timeout, or under a longer one the
    /// censored tail beyond the recorded bound; an answer this time, for a recorded timeout: a
    /// latency drawn from the endpoint's answers, with the key's nearest answered content.
    /// Without it, later draws kept every recorded timeout and added the ones their noise made,
    /// and every interval of a world with timeouts leaned slow (bad-day: each draw at or above
    /// the plain replay).
    func redrawnOutcome(
        _ answer: RecordedAnswer, number: Int, _ request: HTTPRequest, key: RequestKey, timeout: Duration,
        state: inout State
    ) throws -> PlannedAnswer? {
        guard options.draw > 0, !options.atRecordedConfiguration, answer.isDefinitive || answer.isTimeout,
            let record = latencies(&state).timeouts(for: key)
        else { return nil }
        var random = SplitMix64(seed: nextSeed(key, &state))
        let timesOut = random.nextUnit() < record.share
        let content = { [self] (state: inout State) -> TransportResult in
            answer.isDefinitive ? answer.result : answeredContent(number, for: answer, request, key: key, state: &state)
        }
        if timesOut {
            guard timeout > record.bound + .milliseconds(1) else {
                return PlannedAnswer(kind: .synthesized, delay: timeout, result: .timeout)
            }
            try requireExact(request, key, &state)
            return beyondRecordedTimeout(after: record.bound, request, key: key, timeout: timeout, state: &state, content: content)
        }
        guard answer.isTimeout else { return nil }
        let latency = latencies(&state).draw(for: key, seed: nextSeed(key, &state))
        guard latency < timeout else { return nil }
        state.counters.rerunSuccesses += 1
        return PlannedAnswer(kind: .synthesized, delay: latency, result: content(&state))
    }

    /// The content of a call that answers where the recording's `answer` timed out: the key's
    /// definitive answer recorded closest in time, else content synthesized from the catalogue.
    func answeredContent(
        _ number: Int, for answer: RecordedAnswer, _ request: HTTPRequest, key: RequestKey, state: inout State
    ) -> TransportResult {
        if let success = nearestDefinitive(number, to: answer) { return index.answers[success].result }
        let seed = nextSeed(key, &state)
        let (status, body) = ResponseSynthesizer(catalogue: models.catalogue).answer(request, key: key, seed: seed)
        return .response(HTTPResponse(status: status, body: body))
    }
}
