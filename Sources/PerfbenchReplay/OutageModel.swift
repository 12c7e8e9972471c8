import Foundation
import PerfbenchRecording

/// Where a recording shows a host down: a run of its calls, in send order, that all timed out,
/// far longer than its timeouts happening apart would make (issue 14 §3: "does not finish" is
/// one of the answers an interval must be able to give).
///
/// bad-day under the `unfamiliar` mechanics: 43 of its 183 answered or timed-out ReccoBeats calls
/// timed out, 28 of them in a row from 571 s (calls that time out one time in four, apart, make
/// such a streak about 10⁻¹⁵ times); the host came back after that and the run finished in 1,271 s. Two of its what-ifs
/// that send the same calls never finished in that world: the outage did not end. Whether an
/// outage ends on its own or only because the client's load dropped, the recording cannot tell,
/// so the outage draws of an interval (``ReplayOptions/outagePersists(draw:)``) let it last:
/// every call to the host sent after the streak began times out.
struct OutageModel: Sendable {
    /// One host's outage: its longest streak of timeouts.
    struct Outage: Sendable, Equatable {
        /// When the streak's first call was sent (µs since the start).
        let startMicros: Int
        /// How many of the host's calls in a row timed out.
        let streak: Int
    }

    /// Per service the recording shows down, its outage.
    let byService: [Service: Outage]

    /// The chance below which a streak is not timeouts happening apart: the expected number of
    /// such streaks among the service's calls, calls × share^length.
    static let significance = 0.001
    /// The shortest streak that can be an outage.
    static let minimumStreak = 5

    init(answers: [RecordedAnswer], keys: [RequestKey]) {
        var positions: [Service: [Int]] = [:]
        for position in answers.indices where answers[position].isTimeout || answers[position].isDefinitive {
            positions[keys[position].service, default: []].append(position)
        }
        var outages: [Service: Outage] = [:]
        for service in Service.allCases {
            guard let sent = positions[service]?.sorted(by: { (answers[$0].startMicros, $0) < (answers[$1].startMicros, $1) })
            else { continue }
            let timeouts = sent.filter { answers[$0].isTimeout }.count
            guard timeouts >= Self.minimumStreak else { continue }
            var best = (length: 0, first: 0)
            var current = (length: 0, first: 0)
            for position in sent {
                if answers[position].isTimeout {
                    current = current.length == 0 ? (1, answers[position].startMicros) : (current.length + 1, current.first)
                    if current.length > best.length { best = current }
                } else {
                    current = (0, 0)
                }
            }
            let share = Double(timeouts) / Double(sent.count)
            let expected = Double(sent.count) * pow(share, Double(best.length))
            if best.length >= Self.minimumStreak, expected < Self.significance {
                outages[service] = Outage(startMicros: best.first, streak: best.length)
            }
        }
        byService = outages
    }
}
