import Foundation
import PerfbenchRecording

/// How a host's latency followed its load in the recording: per service, the elasticity of a
/// call's latency in the number of that service's calls in flight when it was sent (the client's
/// view: a server that queues or slows under load shows both as longer calls when more are out).
///
/// The fit is least squares of ln(latency) − (its tool's mean ln latency) on ln(calls in
/// flight), over the recording's answered calls (2xx and 404; timeouts and failures describe the
/// server's state, not a speed). A slope is kept only when it is positive and at least twice its
/// standard error, and at most ``maxElasticity``: a host whose recorded latency did not follow its
/// load (every calibrated world's but the loaded ones) gets none, and its replays are unchanged.
///
/// The replay cannot know what a host does beyond the load the recording put on it; this is one
/// guess, used by the interval's load draws (``ReplayOptions/loadFollowsRecording``): a call's
/// latency is its recorded one × (in flight now / in flight when recorded)^elasticity.
struct LoadModel: Sendable {
    /// Service → elasticity of latency in calls in flight (only services with a significant one).
    let elasticity: [Service: Double]
    /// Per recorded answer (index position): its service's calls in flight when it was sent,
    /// itself included.
    let inFlightAtSend: [Int]
    /// Per service, the median of ``inFlightAtSend``: the load an unrecorded call stands for.
    let typicalInFlight: [Service: Int]
    /// Per service, the most calls the recording had in flight at once.
    let peakInFlight: [Service: Int]

    /// The steepest elasticity kept (a latency that grows with the square of the load is past
    /// anything a queue does: a k-worker queue grows at most linearly).
    static let maxElasticity = 1.0

    init(answers: [RecordedAnswer], keys: [RequestKey], tools: [String?]) {
        inFlightAtSend = Self.inFlight(answers: answers, keys: keys)
        var typical: [Service: Int] = [:]
        var peak: [Service: Int] = [:]
        var counts: [Service: [Int]] = [:]
        for (position, count) in inFlightAtSend.enumerated() { counts[keys[position].service, default: []].append(count) }
        for (service, values) in counts {
            let sorted = values.sorted()
            typical[service] = sorted[sorted.count / 2]
            peak[service] = sorted.last ?? 1
        }
        typicalInFlight = typical
        peakInFlight = peak
        var samples: [Service: [(group: String, load: Double, latency: Double)]] = [:]
        for (position, answer) in answers.enumerated() where answer.isDefinitive && answer.latency > .zero {
            let key = keys[position]
            samples[key.service, default: []].append(
                (Self.group(of: key, tool: tools[position]), log(Double(inFlightAtSend[position])), log(answer.latency.seconds)))
        }
        var fitted: [Service: Double] = [:]
        for (service, points) in samples {
            if let slope = Self.significantSlope(points) { fitted[service] = slope }
        }
        elasticity = fitted
    }

    /// What a call's latency is centred within: its LLM task, else its tool, else its method and
    /// the path's first two segments. Cheaper than the endpoint template (which walks the whole
    /// URL, ≈ 9 % of a corpus replay when done per answer), and as fine for centring.
    static func group(of key: RequestKey, tool: String?) -> String {
        if let task = key.task { return "llm " + task }
        if let tool { return key.service.rawValue + " " + tool }
        return key.service.rawValue + " " + key.method + " " + key.path.split(separator: "/").prefix(2).joined(separator: "/")
    }

    /// The slope of centred log latency on log load, when positive and significant.
    static func significantSlope(_ points: [(group: String, load: Double, latency: Double)]) -> Double? {
        guard points.count >= 8 else { return nil }
        var sums: [String: (total: Double, count: Double)] = [:]
        for point in points {
            let sum = sums[point.group, default: (0, 0)]
            sums[point.group] = (sum.total + point.latency, sum.count + 1)
        }
        let ys = points.map { point -> Double in
            let sum = sums[point.group] ?? (0, 1)
            return point.latency - sum.total / sum.count
        }
        let xs = points.map(\.load)
        let n = Double(points.count)
        let meanX = xs.reduce(0, +) / n
        let meanY = ys.reduce(0, +) / n
        var sxx = 0.0
        var sxy = 0.0
        for (x, y) in zip(xs, ys) {
            sxx += (x - meanX) * (x - meanX)
            sxy += (x - meanX) * (y - meanY)
        }
        guard sxx > 1e-9 else { return nil }
        let slope = sxy / sxx
        var residuals = 0.0
        for (x, y) in zip(xs, ys) {
            let fit = meanY + slope * (x - meanX)
            residuals += (y - fit) * (y - fit)
        }
        let standardError = (residuals / max(n - 2, 1) / sxx).squareRoot()
        guard slope > 0, slope >= 2 * standardError else { return nil }
        return min(slope, maxElasticity)
    }

    /// Per answer, its service's calls in flight at its start (itself included): a sweep over
    /// start and end times in order, ends before starts at the same instant.
    static func inFlight(answers: [RecordedAnswer], keys: [RequestKey]) -> [Int] {
        var result = Array(repeating: 1, count: answers.count)
        var byService: [Service: [Int]] = [:]
        for position in answers.indices { byService[keys[position].service, default: []].append(position) }
        for service in Service.allCases {
            guard let positions = byService[service] else { continue }
            // (time, 0 = end / 1 = start, position)
            var events: [(time: Int, kind: Int, position: Int)] = []
            events.reserveCapacity(positions.count * 2)
            for position in positions {
                let start = answers[position].startMicros
                events.append((start, 1, position))
                events.append((start + Int(answers[position].latency.microseconds), 0, position))
            }
            events.sort { ($0.time, $0.kind, $0.position) < ($1.time, $1.kind, $1.position) }
            var open = 0
            for event in events {
                if event.kind == 0 {
                    open -= 1
                } else {
                    open += 1
                    result[event.position] = open
                }
            }
        }
        return result
    }
}
