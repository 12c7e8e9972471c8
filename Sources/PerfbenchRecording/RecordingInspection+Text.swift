extension RecordingInspection {
    /// A human-readable report: a summary, an endpoint table and the stage tree; ends with a
    /// newline. Deterministic: the same inspection always renders the same text.
    public func renderText() -> String {
        var lines: [String] = []
        let kind: String
        switch format {
        case .har: kind = "HAR file"
        case .text: kind = "moodlist backend log (first complete workflow, imported)"
        case .native: kind = "native recording, format version \(header.version)"
        }
        lines.append("\(path): \(kind), \(eventCount) events")
        lines.append("recorded \(header.createdAt) by \(header.recorder); config \(header.configLabel)"
            + (header.phases.isEmpty || header.configSource != nil ? "" : " (\(header.phases.count) phases set)"))
        lines += header.configEvidence.map { "  evidence: " + $0.text }
        lines.append("span \(Self.seconds(spanMicros)) s")
        let services = exchangesByService.keys.sorted { $0.rawValue < $1.rawValue }
            .map { "\($0.rawValue) \(exchangesByService[$0] ?? 0)" }.joined(separator: ", ")
        lines.append("exchanges \(exchangeCount)" + (services.isEmpty ? "" : " (\(services))")
            + "; timeouts \(timeouts), connection errors \(connectionErrors)")
        lines.append("429s \(rateLimited), Retry-After total \(JSONOutput.format(retryAfterSeconds, decimals: 3)) s")
        lines.append("waits: window \(waits.windowCount) (\(Self.seconds(waits.windowMicros)) s), "
            + "min interval \(waits.minIntervalCount) (\(Self.seconds(waits.minIntervalMicros)) s), "
            + "retry-after \(waits.retryAfterCount) (\(Self.seconds(waits.retryAfterMicros)) s)"
            + (waits.semaphoreCount > 0 ? ", semaphore \(waits.semaphoreCount) (\(Self.seconds(waits.semaphoreMicros)) s)" : "") + "; "
            + "retries \(retries); cache hits \(cacheHits)")
        lines.append("events observed \(observedEvents), inferred \(inferredEvents)")
        lines.append("body bytes: request \(requestBodyBytes), response \(responseBodyBytes)")
        lines.append("secrets found \(secretsFound)")
        if !endpoints.isEmpty {
            lines.append("")
            lines.append(endpointTable())
        }
        if !stages.isEmpty {
            lines.append("")
            lines.append("stages (start s, total s, spans)")
            for stage in stages {
                let indent = String(repeating: "  ", count: 1 + stage.path.utf8.filter { $0 == UInt8(ascii: "/") }.count)
                let label = Self.pad(indent + stage.name, 40)
                lines.append("\(label) \(Self.leftPad(Self.seconds(stage.startMicros), 9)) \(Self.leftPad(Self.seconds(stage.totalMicros), 9))"
                    + (stage.count > 1 ? "  ×\(stage.count)" : ""))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func endpointTable() -> String {
        let templateWidth = max(8, endpoints.map { $0.template.count }.max() ?? 8)
        var rows: [String] = []
        rows.append(
            Self.pad("service", 10) + " " + Self.pad("method", 6) + " " + Self.pad("endpoint", templateWidth) + " "
                + Self.leftPad("count", 6) + " " + Self.leftPad("p50 ms", 10) + " " + Self.leftPad("p95 ms", 10) + " "
                + Self.leftPad("max ms", 10) + "  status")
        for endpoint in endpoints {
            let status = endpoint.statusCounts.keys.sorted().map { "\($0)×\(endpoint.statusCounts[$0] ?? 0)" }
                .joined(separator: " ")
            let retryAfter = endpoint.rateLimited > 0
                ? "  Retry-After \(JSONOutput.format(endpoint.retryAfterSeconds, decimals: 3)) s" : ""
            rows.append(
                Self.pad(endpoint.service.rawValue, 10) + " " + Self.pad(endpoint.method, 6) + " "
                    + Self.pad(endpoint.template, templateWidth) + " " + Self.leftPad(String(endpoint.count), 6) + " "
                    + Self.leftPad(Self.millis(endpoint.p50Micros), 10) + " " + Self.leftPad(Self.millis(endpoint.p95Micros), 10)
                    + " " + Self.leftPad(Self.millis(endpoint.maxMicros), 10) + "  " + status + retryAfter)
        }
        return rows.joined(separator: "\n")
    }

    /// Microseconds as seconds with two decimals.
    static func seconds(_ micros: Int) -> String { fixed(Double(micros) / 1_000_000, 2) }

    /// Microseconds as milliseconds with one decimal.
    static func millis(_ micros: Int) -> String { fixed(Double(micros) / 1000, 1) }

    /// `value` with exactly `decimals` decimals, the same on every platform.
    static func fixed(_ value: Double, _ decimals: Int) -> String {
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let units = Int64((abs(value) * scale).rounded())
        let whole = units / Int64(scale)
        let fraction = String(units % Int64(scale))
        let sign = value < 0 && units > 0 ? "-" : ""
        guard decimals > 0 else { return sign + String(whole) }
        return sign + String(whole) + "." + String(repeating: "0", count: decimals - fraction.count) + fraction
    }

    private static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }

    private static func leftPad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : String(repeating: " ", count: width - text.count) + text
    }
}
