import Foundation
import PerfbenchRecording

/// Every latency model of a recording: an empirical distribution per endpoint, per service and
/// overall, and a batch-size model per `ids=` endpoint.
///
/// An endpoint is `service METHOD template` (`reccobeats GET /v1/track/{id}/audio-features`);
/// for the LLM it is the task (`llm POST task=energy_analysis`), because latency follows the
/// answer's length, which follows the task. Only answers that say something about the resource
/// enter a distribution (2xx and 404): 429s, 5xx, timeouts and connection errors describe the
/// server's state, not the endpoint's speed. A lookup falls back from endpoint to service to
/// the whole recording, and to 0.5 s for an empty recording.
final class LatencyBook: Sendable {
    private let byEndpoint: [String: LatencyDistribution]
    private let byService: [Service: LatencyDistribution]
    private let overall: LatencyDistribution?
    private let batches: [String: BatchLatencyModel]
    /// Per endpoint (and per service), the log-normal fitted with timeouts as censored data,
    /// where the recording has timeouts there.
    private let censoredByEndpoint: [String: CensoredLatencyModel]
    private let censoredByService: [Service: CensoredLatencyModel]
    /// Per endpoint with timeouts, how often and after how long its calls timed out.
    private let timeoutRecords: [String: TimeoutRecord]
    /// Per service, the mean spread of its endpoints that have enough calls to show one
    /// (``minimumSpreadSample``): the rerun spread of an endpoint with fewer.
    private let pooledSpreads: [Service: Double]
    /// Per LLM task, latency against request size (body bytes: the prompt's length), over the
    /// recording's own observed calls of the task.
    private let llmBySize: [String: BatchLatencyModel]
    /// The mean spread of the tasks' calls around their size fits: the spread of a task without one.
    private let llmPooledSpread: Double
    /// Request and answer size against time over every task: how a task without its own size
    /// fit moves with its request (nil: too few calls; then in proportion to the request).
    private let llmSize: LLMSizeModel?
    /// The spread of an LLM call's time for another input when the recording has no task with
    /// three calls to measure one: an assumption (±35 % for one standard deviation), wider than
    /// the simulated LLM's own jitter (15 %) because a real model's answer length, and so its
    /// time, changes with the input.
    static let llmPriorSpread = 0.3

    /// The latency used when the recording has no usable answer at all.
    static let fallback: Duration = .milliseconds(500)

    /// What a replay asks of every recorded key, worked out once (by key): its endpoint name
    /// (rendering the template walks the URL: 14 % of a what-if's draws before it was kept;
    /// `perf record` on `replay … --draws 200`) and its ``rerunSpread(for:)``, asked for every
    /// exact answer of a later draw.
    private let recordedKeys: [RequestKey: (endpoint: String, rerunSpread: Double)]

    init(answers: [RecordedAnswer], keys: [RequestKey]) {
        var names: [RequestKey: String] = [:]
        for key in keys where names[key] == nil { names[key] = Self.endpoint(of: key) }
        var endpoint: [String: [Int64]] = [:]
        var service: [Service: [Int64]] = [:]
        var all: [Int64] = []
        var batchSamples: [String: [(count: Int, latency: Duration)]] = [:]
        var endpointTimeouts: [String: [Int64]] = [:]
        var serviceTimeouts: [Service: [Int64]] = [:]
        for (position, answer) in answers.enumerated() where answer.isTimeout {
            endpointTimeouts[names[keys[position]] ?? Self.endpoint(of: keys[position]), default: []].append(answer.latency.microseconds)
            serviceTimeouts[keys[position].service, default: []].append(answer.latency.microseconds)
        }
        var endpointService: [String: Service] = [:]
        for (position, answer) in answers.enumerated() where answer.isDefinitive {
            let key = keys[position]
            let micros = answer.latency.microseconds
            let name = names[key] ?? Self.endpoint(of: key)
            endpoint[name, default: []].append(micros)
            endpointService[name] = key.service
            service[key.service, default: []].append(micros)
            all.append(micros)
            if answer.isSuccess, key.value("ids") != nil {
                batchSamples[name, default: []].append((key.list("ids").count, answer.latency))
            }
        }
        byEndpoint = endpoint.compactMapValues { LatencyDistribution(micros: $0) }
        byService = service.compactMapValues { LatencyDistribution(micros: $0) }
        overall = LatencyDistribution(micros: all)
        batches = batchSamples.compactMapValues { BatchLatencyModel(samples: $0) }
        var llmSamples: [String: [(count: Int, latency: Duration)]] = [:]
        for (position, answer) in answers.enumerated() where answer.isSuccess && answer.provenance == .observed {
            guard let task = keys[position].task, let body = answer.requestBody else { continue }
            llmSamples[task, default: []].append((body.utf8.count, answer.latency))
        }
        llmBySize = llmSamples.compactMapValues { BatchLatencyModel(samples: $0) }
        let spreads = llmBySize.values.map(\.logSpread).filter { $0 > 0 }
        llmPooledSpread = spreads.isEmpty ? 0 : spreads.reduce(0, +) / Double(spreads.count)
        llmSize = LLMSizeModel(answers: answers, keys: keys)
        censoredByEndpoint = endpointTimeouts.reduce(into: [:]) { models, entry in
            models[entry.key] = CensoredLatencyModel(successes: endpoint[entry.key] ?? [], censored: entry.value)
        }
        var endpointSpreads: [Service: [Double]] = [:]
        // In name order: the mean is then the same on every run.
        for (name, distribution) in byEndpoint.sorted(by: { $0.key < $1.key })
        where distribution.sorted.count >= Self.minimumSpreadSample {
            if let service = endpointService[name] { endpointSpreads[service, default: []].append(distribution.logSpread) }
        }
        pooledSpreads = endpointSpreads.mapValues { $0.reduce(0, +) / Double($0.count) }
        timeoutRecords = endpointTimeouts.reduce(into: [:]) { records, entry in
            let timeouts = Double(entry.value.count)
            records[entry.key] = TimeoutRecord(
                share: timeouts / (timeouts + Double(endpoint[entry.key]?.count ?? 0)),
                bound: .microseconds(entry.value.max() ?? 0))
        }
        censoredByService = serviceTimeouts.reduce(into: [:]) { models, entry in
            models[entry.key] = CensoredLatencyModel(successes: service[entry.key] ?? [], censored: entry.value)
        }
        var recorded: [RequestKey: (endpoint: String, rerunSpread: Double)] = [:]
        for key in keys where recorded[key] == nil {
            let endpoint = names[key] ?? Self.endpoint(of: key)
            recorded[key] = (
                endpoint,
                Self.rerunSpread(endpoint: endpoint, service: key.service, byEndpoint: byEndpoint, pooledSpreads: pooledSpreads)
            )
        }
        recordedKeys = recorded
    }

    /// The latency of an LLM call of `task` whose request is `bytes` long and whose input the
    /// recording never saw: the task's size model (fixed cost + cost per byte, fitted on the
    /// recording's calls of the task) at that size; without one (every call of the task one
    /// size), `recorded` — the latency of the recorded call it reuses, `recordedBytes` long —
    /// moved by the recording's pooled cost per request kB (``LLMSizeModel``), else in
    /// proportion to the size.
    ///
    /// `z` (a standard normal; 0 in the plain replay) places the call within the spread of the
    /// task's calls around its fit (else the spread of every task's calls around theirs): an
    /// LLM's time for one input is not its time for another of the same size.
    func llmLatency(task: String, bytes: Int, recorded: Duration, recordedBytes: Int, z: Double = 0) -> Duration {
        let middle: Duration
        if let model = llmBySize[task], model.base != nil {
            middle = model.latency(count: bytes)
        } else if bytes != recordedBytes, let llmSize {
            middle = llmSize.latency(recorded: recorded, recordedBytes: recordedBytes, bytes: bytes)
        } else if bytes != recordedBytes, recordedBytes > 0 {
            middle = .microseconds(Int64((Double(recorded.microseconds) * Double(bytes) / Double(recordedBytes)).rounded()))
        } else {
            middle = recorded
        }
        guard z != 0 else { return middle }
        let spread = llmBySize[task].map(\.logSpread).flatMap { $0 > 0 ? $0 : nil }
            ?? (llmPooledSpread > 0 ? llmPooledSpread : Self.llmPriorSpread)
        return .microseconds(Int64((Double(middle.microseconds) * exp(spread * z)).rounded()))
    }

    /// A latency for a call the recording saw time out after `bound`, drawn with `seed` from the
    /// endpoint's censored fit (else the service's) conditioned on exceeding `bound`; nil when
    /// neither has one.
    func tailDraw(for key: RequestKey, beyond bound: Duration, seed: UInt64) -> Duration? {
        censoredModel(for: key)?.draw(beyond: bound, seed: seed)
    }

    /// The censored fit of `key`'s endpoint (else its service's); nil when neither timed out.
    func censoredModel(for key: RequestKey) -> CensoredLatencyModel? {
        censoredByEndpoint[endpointName(of: key)] ?? censoredByService[key.service]
    }

    /// How often `key`'s endpoint's recorded calls timed out (nil: none did). Asked for every
    /// call of a later draw: a recording without timeouts answers without naming the endpoint.
    func timeouts(for key: RequestKey) -> TimeoutRecord? {
        timeoutRecords.isEmpty ? nil : timeoutRecords[endpointName(of: key)]
    }

    /// ``endpoint(of:)``, from the names kept for the recorded keys when `key` is one.
    func endpointName(of key: RequestKey) -> String {
        recordedKeys[key]?.endpoint ?? Self.endpoint(of: key)
    }

    /// `service METHOD template`, or `llm POST task=…` for the LLM.
    static func endpoint(of key: RequestKey) -> String {
        if key.service == .llm { return key.text }
        return key.service.rawValue + " " + key.method + " " + EndpointTemplate.template(for: key.path)
    }

    /// How much one call of `key`'s endpoint varies from run to run, as a log-normal spread, at
    /// most 0.5 (the recorded calls differ in size too, which a rerun of the same call does
    /// not): the endpoint's own spread when it has ``minimumSpreadSample`` calls or more, else
    /// (one call shows none at all) its service's pooled one, else, for the LLM, the prior
    /// (``llmPriorSpread``). A task called once must not replay at its recorded time in every
    /// draw: the same LLM call can take three times as long on the next run.
    func rerunSpread(for key: RequestKey) -> Double {
        recordedKeys[key]?.rerunSpread
            ?? Self.rerunSpread(
                endpoint: Self.endpoint(of: key), service: key.service, byEndpoint: byEndpoint, pooledSpreads: pooledSpreads)
    }

    private static func rerunSpread(
        endpoint: String, service: Service, byEndpoint: [String: LatencyDistribution], pooledSpreads: [Service: Double]
    ) -> Double {
        if let own = byEndpoint[endpoint], own.sorted.count >= Self.minimumSpreadSample {
            return min(own.logSpread, Self.maxRerunSpread)
        }
        let pooled = pooledSpreads[service] ?? (service == .llm ? Self.llmPriorSpread : 0)
        return min(pooled, Self.maxRerunSpread)
    }

    /// The fewest calls of an endpoint whose spread is its own.
    static let minimumSpreadSample = 3

    /// The cap of ``rerunSpread(for:)``.
    static let maxRerunSpread = 0.5

    /// The most specific distribution that has data for `key`'s endpoint.
    func distribution(for key: RequestKey) -> LatencyDistribution? {
        byEndpoint[endpointName(of: key)] ?? byService[key.service] ?? overall
    }

    /// A latency for a synthesized answer, drawn with `seed` from `key`'s endpoint distribution.
    func draw(for key: RequestKey, seed: UInt64) -> Duration {
        distribution(for: key)?.draw(seed: seed) ?? Self.fallback
    }

    /// The latency of a composed batch of `count` ids at `key`'s endpoint: the batch model,
    /// else the endpoint's median.
    func batchLatency(for key: RequestKey, count: Int) -> Duration {
        if let model = batches[endpointName(of: key)] { return model.latency(count: count) }
        return distribution(for: key)?.median ?? Self.fallback
    }

    /// The batch model of `key`'s endpoint, when it has recorded batches.
    func batchModel(for key: RequestKey) -> BatchLatencyModel? {
        batches[endpointName(of: key)]
    }

    /// The slow tail of `key`'s endpoint (p90 − p50), zero without data.
    func tailExcess(for key: RequestKey) -> Duration {
        distribution(for: key)?.tailExcess ?? .zero
    }
}

/// How often one endpoint's recorded calls timed out, and after how long.
struct TimeoutRecord: Sendable {
    /// Timeouts over timeouts and answers (2xx, 404).
    let share: Double
    /// The longest recorded timeout: a call that times out lasted at least this long.
    let bound: Duration
}
