import Histogram

/// Accumulates a `RecordingInspection` from events one at a time, so a recording of any size
/// is inspected in one streaming pass. Latency percentiles come from one HdrHistogram per
/// endpoint (3 significant digits); the maximum is tracked exactly.
public struct RecordingInspector {
    private struct EndpointKey: Hashable {
        var service: Service
        var method: String
        var template: String
    }

    private struct EndpointAccumulator {
        var stats: RecordingInspection.Endpoint
        var latencies = Histogram<UInt64>(numberOfSignificantValueDigits: .three)
    }

    private var inspection: RecordingInspection
    private var endpoints: [EndpointKey: EndpointAccumulator] = [:]
    private var stages: [String: RecordingInspection.Stage] = [:]

    /// Starts an inspection of `path`.
    public init(path: String, format: RecordingFileFormat, header: RecordingHeader) {
        inspection = RecordingInspection(path: path, format: format, header: header)
    }

    /// Counts one event.
    public mutating func add(_ event: RecordingEvent) {
        inspection.eventCount += 1
        inspection.spanMicros = max(inspection.spanMicros, event.endMicros)
        if event.provenance == .observed { inspection.observedEvents += 1 } else { inspection.inferredEvents += 1 }
        switch event {
        case .exchange(let exchange): add(exchange)
        case .wait(let wait):
            switch wait.kind {
            case .window:
                inspection.waits.windowCount += 1
                inspection.waits.windowMicros += wait.durationMicros
            case .minInterval:
                inspection.waits.minIntervalCount += 1
                inspection.waits.minIntervalMicros += wait.durationMicros
            case .retryAfter:
                inspection.waits.retryAfterCount += 1
                inspection.waits.retryAfterMicros += wait.durationMicros
            case .semaphore:
                inspection.waits.semaphoreCount += 1
                inspection.waits.semaphoreMicros += wait.durationMicros
            }
        case .retry: inspection.retries += 1
        case .cacheHit: inspection.cacheHits += 1
        case .stage(let span):
            if var stage = stages[span.path] {
                stage.count += 1
                stage.totalMicros += span.durationMicros
                stage.startMicros = min(stage.startMicros, span.startMicros)
                stages[span.path] = stage
            } else {
                stages[span.path] = RecordingInspection.Stage(
                    name: span.name, path: span.path, count: 1, startMicros: span.startMicros, totalMicros: span.durationMicros)
            }
        }
    }

    private mutating func add(_ exchange: Exchange) {
        inspection.exchangesByService[exchange.service, default: 0] += 1
        let key = EndpointKey(
            service: exchange.service, method: exchange.method, template: EndpointTemplate.template(for: exchange.url))
        var accumulator =
            endpoints.removeValue(forKey: key)
            ?? EndpointAccumulator(
                stats: RecordingInspection.Endpoint(service: key.service, method: key.method, template: key.template))
        accumulator.stats.count += 1
        let latency = max(0, exchange.durationMicros)
        _ = accumulator.latencies.record(UInt64(latency))
        accumulator.stats.maxMicros = max(accumulator.stats.maxMicros, latency)
        switch exchange.outcome {
        case .ok:
            let status = exchange.status.map(String.init) ?? "none"
            accumulator.stats.statusCounts[status, default: 0] += 1
        case .timeout:
            accumulator.stats.timeouts += 1
            accumulator.stats.statusCounts["timeout", default: 0] += 1
        case .connectionError:
            accumulator.stats.connectionErrors += 1
            accumulator.stats.statusCounts["connection_error", default: 0] += 1
        }
        if exchange.status == 429 {
            accumulator.stats.rateLimited += 1
            accumulator.stats.retryAfterSeconds += exchange.retryAfterSeconds ?? 0
        }
        accumulator.stats.requestBodyBytes += exchange.requestBody?.utf8.count ?? 0
        accumulator.stats.responseBodyBytes += exchange.responseBody?.utf8.count ?? 0
        endpoints[key] = accumulator
    }

    /// The finished inspection, with endpoints and stages in a deterministic order.
    public func finish(secretsFound: Int = 0) -> RecordingInspection {
        var result = inspection
        result.secretsFound = secretsFound
        result.endpoints = endpoints.values.map { accumulator in
            var stats = accumulator.stats
            stats.p50Micros = Int(accumulator.latencies.valueAtPercentile(50))
            stats.p95Micros = Int(accumulator.latencies.valueAtPercentile(95))
            // The histogram reports the top of a value's bucket; never above the exact maximum.
            stats.p50Micros = min(stats.p50Micros, stats.maxMicros)
            stats.p95Micros = min(stats.p95Micros, stats.maxMicros)
            return stats
        }.sorted {
            ($0.service.rawValue, $0.template, $0.method) < ($1.service.rawValue, $1.template, $1.method)
        }
        result.stages = stages.values.sorted { ($0.startMicros, $0.path) < ($1.startMicros, $1.path) }
        return result
    }
}
