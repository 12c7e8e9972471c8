import PerfbenchRecording

/// Turns a HAR 1.2 file (Chrome, Firefox, mitmproxy; `.har`, `.har.gz` or zlib `.zhar`) into a
/// native recording, redacting secrets on the way.
///
/// - Entries are sorted by `startedDateTime` (stably: equal times keep file order); writers
///   do not guarantee order. Offset 0 is the earliest entry's start.
/// - Duration: the sum of the `timings` phases `blocked`, `dns`, `connect`, `send`, `wait`,
///   `receive` that are numbers ≥ 0 (−1, `null` and absent phases count as 0), plus `ssl` only
///   when it is outside `connect`: the HAR spec puts it inside, mitmproxy does not. It is taken
///   as outside when the creator is mitmproxy, when `connect` is missing, or when `ssl` exceeds
///   `connect`. With no usable phase, the entry's `time` (ms) is used; with neither, 0.
/// - Service by host (`api.spotify.com`, `api.reccobeats.com`) or a `/chat/completions` path.
/// - Status 0 or a missing response is a failed exchange: `timeout` when the `_error` text
///   says so (`net::ERR_TIMED_OUT`, "timed out"), else `connection_error`.
/// - `content.encoding: base64` bodies are decoded; bodies that are not UTF-8 text are
///   dropped (counted in `droppedBinaryBodies`). HTTP/2 pseudo-headers (`:path` …) are dropped.
public struct HARImporter: Sendable {
    /// The result of an import: the recording and facts worth telling the user.
    public struct Result: Sendable, Equatable {
        /// The imported recording (already redacted).
        public var recording: Recording
        /// `name version` of the tool that wrote the HAR.
        public var creator: String
        /// Bodies dropped because they were binary.
        public var droppedBinaryBodies: Int
        /// Entries whose duration came from `time` because `timings` had no usable phase.
        public var durationsFromTime: Int
    }

    /// The redactor applied to every exchange.
    public var redactor: Redactor
    /// The configuration name written into the header (the HAR cannot say).
    public var configName: String
    /// The prompt written into the header, when known.
    public var prompt: String
    /// The user the workflow ran for, when known.
    public var userID: String?
    /// The toggles the captured backend ran away from baseline (`--recorded-as`), and where that
    /// came from; empty and nil when the capture cannot say.
    public var phases: [String: String] = [:]
    public var configSource: String?
    /// Where the capture reached each service, when not at its public host (a capture through
    /// a local reverse proxy, or of `perfbench serve`): URLs under a base are rewritten to the
    /// service's public base (`Service.publicBase`), so they replay as that service.
    public var upstreams: [(service: Service, base: String)] = []
    /// The capture's time scale: a capture of `perfbench serve --time-scale K` runs K times
    /// faster than the world it serves, so starts, durations and Retry-After values are
    /// multiplied by K (1: real time).
    public var timeScale: Double = 1

    /// An importer with the given redaction and header facts.
    public init(redactor: Redactor = Redactor(), configName: String = "baseline", prompt: String = "") {
        self.redactor = redactor
        self.configName = configName
        self.prompt = prompt
    }

    /// Reads and converts the HAR file at `path` (compression detected by content).
    public func importFile(
        path: String, maxDecompressedBytes: UInt64 = GzipReader.defaultMaxDecompressedBytes
    ) throws -> Result {
        let bytes = try GzipReader(path: path, maxDecompressedBytes: maxDecompressedBytes).readAll()
        return try importHAR(bytes, path: path)
    }

    /// Converts HAR text already in memory (uncompressed); `path` names it in errors.
    public func importHAR(_ bytes: [UInt8], path: String) throws -> Result {
        let root = try JSONDocument.parse(bytes, path: path)
        let context = LineContext(path: path, line: root.line)
        guard case .object(let log)? = root["log"] else {
            throw context.fail("log", "not a HAR file: there is no \"log\" object", fix: "export the HAR again from the browser or mitmproxy")
        }
        var creator = "unknown"
        var isMitmproxy = false
        if case .object(let creatorObject)? = log["creator"] {
            let name = creatorObject["name"]?.stringValue ?? "unknown"
            let version = creatorObject["version"]?.stringValue ?? ""
            creator = version.isEmpty ? name : "\(name) \(version)"
            isMitmproxy = name.lowercased().contains("mitmproxy")
        }
        guard let entriesValue = log["entries"], case .array(let entries) = entriesValue else {
            throw LineContext(path: path, line: log.line).fail(
                "log.entries", "missing or not an array", fix: "a HAR file needs log.entries (it may be empty: [])")
        }
        var parsed: [(start: Int64, exchange: Exchange, startText: String)] = []
        parsed.reserveCapacity(entries.count)
        var dropped = 0
        var fromTime = 0
        for (index, value) in entries.enumerated() {
            guard case .object(let entry) = value else {
                throw LineContext(path: path, line: log.line).fail(
                    "log.entries[\(index)]", "expected an object, found \(value.typeDescription)", fix: "each entry must be an object")
            }
            let item = try entryExchange(
                entry, index: index, path: path, sslOutsideConnect: isMitmproxy, droppedBodies: &dropped,
                durationFromTime: &fromTime)
            parsed.append(item)
        }
        // Stable: equal start times keep their file order.
        let order = parsed.indices.sorted { parsed[$0].start != parsed[$1].start ? parsed[$0].start < parsed[$1].start : $0 < $1 }
        let origin = order.first.map { parsed[$0].start } ?? 0
        var events: [RecordingEvent] = []
        events.reserveCapacity(order.count)
        for (position, index) in order.enumerated() {
            var exchange = parsed[index].exchange
            exchange.id = "h\(position + 1)"
            exchange.startMicros = scaled(Int(min(parsed[index].start - origin, Int64(TimeBounds.maxMicros))))
            exchange.durationMicros = scaled(exchange.durationMicros)
            if timeScale != 1 { exchange.responseHeaders = exchange.responseHeaders.map(scaledRetryAfter) }
            (exchange.service, exchange.url) = mapped(exchange.url, service: exchange.service)
            events.append(.exchange(redactor.redact(exchange)))
        }
        let header = RecordingHeader(
            createdAt: order.first.map { parsed[$0].startText } ?? "1970-01-01T00:00:00Z",
            recorder: "perfbench \(PerfbenchVersion.current) import har (\(creator))", configName: configName,
            phases: phases, configSource: configSource, prompt: redactor.redactText(prompt), userID: userID)
        return Result(
            recording: Recording(header: header, events: events), creator: creator, droppedBinaryBodies: dropped,
            durationsFromTime: fromTime)
    }

    /// `micros` of capture time in world time.
    private func scaled(_ micros: Int) -> Int {
        // Saturates rather than traps: a time beyond the bounds (after scaling) stays at the bound.
        Int(min((Double(micros) * timeScale).rounded(), Double(TimeBounds.maxMicros)))
    }

    /// A `Retry-After` of whole or decimal seconds in world time.
    private func scaledRetryAfter(_ header: HTTPHeader) -> HTTPHeader {
        guard header.name.lowercased() == "retry-after", let seconds = Double(header.value), seconds.isFinite, seconds >= 0
        else { return header }
        return HTTPHeader(header.name, JSONOutput.format(seconds * timeScale, decimals: 3))
    }

    /// The service and URL of a capture reached at one of `upstreams`: the longest matching
    /// base wins; a base shared by the LLM and another service goes to the LLM for
    /// `…/chat/completions` and to the other one otherwise.
    private func mapped(_ url: String, service: Service) -> (Service, String) {
        let matching = upstreams.filter { url.hasPrefix($0.base) }
        guard let longest = matching.map(\.base.count).max() else { return (service, url) }
        let candidates = matching.filter { $0.base.count == longest }
        let isLLM = Service.classify(url: url) == .llm
        guard let chosen = candidates.first(where: { ($0.service == .llm) == isLLM }) ?? candidates.first else {
            return (service, url)
        }
        var rest = String(url.dropFirst(chosen.base.count))
        if !rest.isEmpty, !rest.hasPrefix("/"), !rest.hasPrefix("?") { return (service, url) }
        if rest.isEmpty { rest = "/" }
        return (chosen.service, chosen.service.publicBase + rest)
    }

    private func entryExchange(
        _ entry: JSONObject, index: Int, path: String, sslOutsideConnect: Bool, droppedBodies: inout Int,
        durationFromTime: inout Int
    ) throws -> (start: Int64, exchange: Exchange, startText: String) {
        let context = LineContext(path: path, line: entry.line)
        let field = "log.entries[\(index)]"
        guard let startText = entry["startedDateTime"]?.stringValue else {
            throw context.fail("\(field).startedDateTime", "missing or not a string", fix: "every entry needs an ISO 8601 startedDateTime")
        }
        guard let start = ISO8601.microseconds(startText) else {
            throw context.fail(
                "\(field).startedDateTime", "\"\(startText)\" is not an ISO 8601 time",
                fix: "write it like 2025-11-07T10:15:03.123Z")
        }
        guard case .object(let request)? = entry["request"], let method = request["method"]?.stringValue,
            let url = request["url"]?.stringValue
        else {
            throw context.fail("\(field).request", "missing, or without method and url", fix: "every entry needs request.method and request.url")
        }
        let response = entry["response"]?.objectValue
        let status = response?["status"]?.int64Value.map { Int($0) } ?? 0
        let errorText = response?["_error"]?.stringValue ?? entry["_error"]?.stringValue ?? ""
        var outcome = Outcome.ok
        if status <= 0 {
            let lower = errorText.lowercased()
            outcome = lower.contains("timed_out") || lower.contains("timed out") || lower.contains("timeout") ? .timeout : .connectionError
        }
        guard let (duration, usedTime) = Self.durationMicros(entry, sslOutsideConnect: sslOutsideConnect) else {
            throw context.fail(
                "\(field).timings", "a duration that is not a finite number of milliseconds within \(TimeBounds.description)",
                fix: "give time and timings in milliseconds, e.g. \"wait\": 245.3")
        }
        if usedTime { durationFromTime += 1 }
        let requestBody = Self.requestBody(request)
        var responseBody: String?
        if case .object(let content)? = response?["content"], let text = content["text"]?.stringValue {
            if content["encoding"]?.stringValue?.lowercased() == "base64" {
                if let decoded = Base64.decodeUTF8(text) {
                    responseBody = decoded
                } else {
                    droppedBodies += 1
                }
            } else {
                responseBody = text
            }
        }
        let exchange = Exchange(
            id: "", startMicros: 0, durationMicros: duration, service: Service.classify(url: url), method: method,
            url: url, requestHeaders: Self.headers(request["headers"]), requestBody: requestBody,
            status: status > 0 ? status : nil, responseHeaders: Self.headers(response?["headers"]),
            responseBody: responseBody, outcome: outcome)
        return (start, exchange, startText)
    }

    /// The duration in µs and whether it came from `time` (see the type's documentation); nil
    /// when it is not finite or beyond ``TimeBounds``.
    static func durationMicros(_ entry: JSONObject, sslOutsideConnect: Bool) -> (Int, Bool)? {
        func phase(_ timings: JSONObject, _ name: String) -> Double? {
            guard let value = timings[name]?.doubleValue, value >= 0 else { return nil }
            return value
        }
        if case .object(let timings)? = entry["timings"] {
            let phases = ["blocked", "dns", "connect", "send", "wait", "receive"].compactMap { phase(timings, $0) }
            var total = phases.reduce(0, +)
            var usable = !phases.isEmpty
            if let ssl = phase(timings, "ssl") {
                let connect = phase(timings, "connect")
                if sslOutsideConnect || connect == nil || ssl > (connect ?? 0) {
                    total += ssl
                    usable = true
                }
            }
            if usable { return TimeBounds.micros(total, unitMicros: 1_000).map { ($0, false) } }
        }
        if let time = entry["time"]?.doubleValue, time >= 0 { return TimeBounds.micros(time, unitMicros: 1_000).map { ($0, true) } }
        return (0, false)
    }

    private static func headers(_ value: JSONValue?) -> [HTTPHeader] {
        guard case .array(let items)? = value else { return [] }
        return items.compactMap { item in
            guard case .object(let header) = item, let name = header["name"]?.stringValue, !name.hasPrefix(":") else { return nil }
            return HTTPHeader(name, header["value"]?.stringValue ?? "")
        }
    }

    private static func requestBody(_ request: JSONObject) -> String? {
        guard case .object(let postData)? = request["postData"] else { return nil }
        if let text = postData["text"]?.stringValue {
            if postData["encoding"]?.stringValue?.lowercased() == "base64" {
                return Base64.decodeUTF8(text)
            }
            return text
        }
        guard case .array(let params)? = postData["params"] else { return nil }
        return params.compactMap { item -> String? in
            guard case .object(let param) = item, let name = param["name"]?.stringValue else { return nil }
            return name + "=" + (param["value"]?.stringValue ?? "")
        }.joined(separator: "&")
    }
}
