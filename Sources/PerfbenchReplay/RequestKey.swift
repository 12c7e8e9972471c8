import PerfbenchPipeline
import PerfbenchRecording

/// A request reduced to what decides its answer, so that a live request and a recorded exchange
/// that ask the same thing get equal keys (and the same ``text``).
///
/// Normalization rules:
/// - service, method and path are compared as they are (the path is never decoded);
/// - query parameters are compared as a multiset: their order does not matter, and repeated
///   names (`ids=a&ids=b`) count like one comma list (`ids=a,b`);
/// - the values of list parameters (`ids`, `seeds`, `negativeSeeds`, `include_groups`) are split on commas and sorted, so id order does not matter;
/// - recorded query strings are percent-decoded (`+` reads as a space, as in forms);
/// - an LLM call is keyed by its task (the `task: …` line that starts the system message), not
///   by its body: bodies carry run-dependent inputs, so calls match by task and occurrence.
struct RequestKey: Sendable, Hashable {
    let service: Service
    let method: String
    let path: String
    /// Parameters sorted by name then value, list values sorted (for templates and synthesis).
    let query: [HTTPRequest.QueryItem]
    /// The LLM task named in the body, for chat-completions calls.
    let task: String?
    /// The parts' hash (``hash(parts:)``), worked out once: a send looks its key up in two or
    /// three tables, and hashing the parts again for each was ≈ 1 % of a search.
    private let digest: Int

    /// The endpoint coverage counts a request under: its service and tool, or for an LLM call
    /// its task (one endpoint serves every task).
    struct Endpoint: Hashable, Sendable {
        let service: Service
        let tool: String

        /// `service tool`, or `llm TASK`.
        var name: String { service.rawValue + " " + tool }
    }

    /// The coverage endpoint of this request, sent by `tool`.
    func endpoint(tool: String) -> Endpoint {
        Endpoint(service: service, tool: service == .llm ? task ?? tool : tool)
    }

    /// The key of a request the pipeline is about to send.
    init(_ request: HTTPRequest) {
        let task = request.service == .llm
            ? request.llmCall.map(\.task.rawValue) ?? request.body.flatMap(Self.task(inBody:)) : nil
        self.init(service: request.service, method: request.method, path: request.path, query: request.query, task: task)
    }

    /// The key of a recorded exchange.
    init(_ exchange: Exchange) {
        let (path, query) = Self.split(url: exchange.url)
        let task = exchange.service == .llm ? exchange.requestBody.flatMap(Self.task(inBody:)) : nil
        self.init(service: exchange.service, method: exchange.method, path: path, query: query, task: task)
    }

    private init(
        service: Service, method: String, path: String, query rawQuery: [HTTPRequest.QueryItem], task: String?
    ) {
        self.service = service
        self.method = method
        self.path = path
        self.task = task
        let query = Self.normalized(rawQuery)
        self.query = query
        digest = Self.hash(service: service, method: method, path: path, query: query, task: task)
    }

    /// The canonical form as text: `service method path` then each parameter as
    /// `\u{1F}name\u{1E}value`; for an LLM call `service method task=TASK` (its path depends on
    /// the base URL only; the task is what it asks). Built on demand, for messages and tables:
    /// matching compares and hashes the parts themselves (building this string for every request
    /// a replay sends was ≈ 3 % of a search).
    var text: String {
        var text = ""
        forEachTextPart { text.append($0) }
        return text
    }

    /// `StableHash.fnv1a(text)`, hashed over the same bytes in place, without the string.
    var stableTextHash: UInt64 {
        var hash = StableHash.fnv1a("")
        forEachTextPart { hash = StableHash.fnv1a($0, continuing: hash) }
        return hash
    }

    /// Hands `visit` the pieces of ``text`` in order: the one definition of its form, for the
    /// string and for its hash.
    @inline(__always)
    private func forEachTextPart(_ visit: (String) -> Void) {
        visit(service.rawValue)
        visit(" ")
        visit(method)
        visit(" ")
        if service == .llm {
            visit("task=")
            visit(task ?? "")
            return
        }
        visit(path)
        for item in query {
            visit("\u{1F}")
            visit(item.name)
            visit("\u{1E}")
            visit(item.value)
        }
    }

    /// Keys are equal when their ``text`` would be: an LLM call by its task alone (its path
    /// follows the base URL), any other request by method, path and normalized query.
    static func == (lhs: RequestKey, rhs: RequestKey) -> Bool {
        guard lhs.digest == rhs.digest, lhs.service == rhs.service, lhs.method == rhs.method else { return false }
        if lhs.service == .llm { return (lhs.task ?? "") == (rhs.task ?? "") }
        return lhs.path == rhs.path && lhs.query == rhs.query
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(digest)
    }

    /// What ``==`` compares, hashed: for an LLM call its task, else its path and query.
    private static func hash(service: Service, method: String, path: String, query: [HTTPRequest.QueryItem], task: String?) -> Int {
        var hasher = Hasher()
        hasher.combine(service)
        hasher.combine(method)
        if service == .llm {
            hasher.combine(task ?? "")
            return hasher.finalize()
        }
        hasher.combine(path)
        hasher.combine(query.count)
        for item in query {
            hasher.combine(item.name)
            hasher.combine(item.value)
        }
        return hasher.finalize()
    }

    /// The value of parameter `name` (list values come sorted).
    func value(_ name: String) -> String? {
        query.first { $0.name == name }?.value
    }

    /// The items of list parameter `name`, sorted; empty when absent.
    func list(_ name: String) -> [String] {
        guard let value = value(name), !value.isEmpty else { return [] }
        return value.split(separator: ",").map(String.init)
    }

    /// `METHOD path?name=value&…` for messages (LLM calls read `POST …completions [task]`).
    var display: String {
        if service == .llm { return "\(method) \(path) [task: \(task ?? "none")]" }
        guard !query.isEmpty else { return "\(method) \(path)" }
        return "\(method) \(path)?" + query.map { "\($0.name)=\($0.value)" }.joined(separator: "&")
    }

    /// The query as one string (`name=value&…`), for edit distances.
    var queryText: String {
        query.map { "\($0.name)=\($0.value)" }.joined(separator: "&")
    }

    // MARK: normalization

    /// Whether `name` is a list parameter (a switch: cheaper than hashing into a set).
    static func isList(_ name: String) -> Bool {
        switch name {
        case "ids", "seeds", "negativeSeeds", "include_groups": return true
        default: return false
        }
    }

    /// Sorts list values, sorts the parameters, then merges repeated list parameters.
    ///
    /// Written for the common case of a few parameters and at most one list: no allocation
    /// beyond the result unless a list has several values.
    static func normalized(_ raw: [HTTPRequest.QueryItem]) -> [HTTPRequest.QueryItem] {
        if isNormalized(raw) { return raw }
        var items: [HTTPRequest.QueryItem] = []
        items.reserveCapacity(raw.count)
        for item in raw {
            let listed = isList(item.name) && item.value.utf8.contains(UInt8(ascii: ","))
            items.append(listed ? HTTPRequest.QueryItem(item.name, sortedList(item.value)) : item)
        }
        sortByNameThenValue(&items)
        // Repeated list parameters (`ids=a&ids=b`) are now neighbours: merge them into one.
        var index = 1
        while index < items.count {
            if items[index].name == items[index - 1].name, isList(items[index].name) {
                items[index - 1].value = sortedList(items[index - 1].value + "," + items[index].value)
                items.remove(at: index)
            } else {
                index += 1
            }
        }
        return items
    }

    /// Whether `items` are already what ``normalized(_:)`` makes of them: names strictly
    /// increasing (so nothing to sort or merge) and no list with several values. Most requests
    /// are (a `limit` alone, one `ids` list of one id): they keep their own array, no copy.
    static func isNormalized(_ items: [HTTPRequest.QueryItem]) -> Bool {
        for index in items.indices {
            let item = items[index]
            if isList(item.name), item.value.utf8.contains(UInt8(ascii: ",")) { return false }
            // Byte order, as ``sortByNameThenValue(_:)`` sorts.
            if index > 0, !items[index - 1].name.utf8.lexicographicallyPrecedes(item.name.utf8) { return false }
        }
        return true
    }

    /// A comma list with its items sorted by their bytes (empty items dropped). Byte order is
    /// all matching needs, and sorting byte ranges is several times cheaper than sorting
    /// substrings in `String`'s Unicode order. The ranges sit in a temporary buffer and the
    /// result is written straight into its string: one allocation where there were three
    /// (every `ids=` list a replay sends goes through here).
    static func sortedList(_ value: String) -> String {
        var value = value
        return value.withUTF8 { bytes -> String in
            let items = bytes.reduce(1) { $0 + ($1 == UInt8(ascii: ",") ? 1 : 0) }
            return withUnsafeTemporaryAllocation(of: Range<Int>.self, capacity: items) { ranges -> String in
                var count = 0
                var start = 0
                for index in 0...bytes.count where index == bytes.count || bytes[index] == UInt8(ascii: ",") {
                    if index > start {
                        ranges[count] = start..<index
                        count += 1
                    }
                    start = index + 1
                }
                var kept = UnsafeMutableBufferPointer(rebasing: ranges[0..<count])
                kept.sort { lhs, rhs in
                    let common = min(lhs.count, rhs.count)
                    for offset in 0..<common where bytes[lhs.lowerBound + offset] != bytes[rhs.lowerBound + offset] {
                        return bytes[lhs.lowerBound + offset] < bytes[rhs.lowerBound + offset]
                    }
                    return lhs.count < rhs.count
                }
                let length = kept.reduce(max(0, count - 1)) { $0 + $1.count }
                return String(unsafeUninitializedCapacity: length) { out in
                    var written = 0
                    for (position, range) in kept.enumerated() {
                        if position > 0 {
                            out[written] = UInt8(ascii: ",")
                            written += 1
                        }
                        for index in range {
                            out[written] = bytes[index]
                            written += 1
                        }
                    }
                    return written
                }
            }
        }
    }

    /// Insertion sort for the usual handful of parameters; the library sort beyond that.
    static func sortByNameThenValue(_ items: inout [HTTPRequest.QueryItem]) {
        func less(_ a: HTTPRequest.QueryItem, _ b: HTTPRequest.QueryItem) -> Bool {
            a.name != b.name
                ? a.name.utf8.lexicographicallyPrecedes(b.name.utf8)
                : a.value.utf8.lexicographicallyPrecedes(b.value.utf8)
        }
        guard items.count > 1 else { return }
        guard items.count <= 8 else {
            items.sort(by: less)
            return
        }
        for index in 1..<items.count {
            var position = index
            while position > 0, less(items[position], items[position - 1]) {
                items.swapAt(position, position - 1)
                position -= 1
            }
        }
    }

    /// The path and the decoded query parameters of a URL (a fragment is dropped), scanned as
    /// bytes once, in place.
    static func split(url: String) -> (path: String, query: [HTTPRequest.QueryItem]) {
        var url = url
        return url.withUTF8 { bytes in
            let end = bytes.firstIndex(of: UInt8(ascii: "#")) ?? bytes.count
            let question = bytes[..<end].firstIndex(of: UInt8(ascii: "?"))
            let pathEnd = question ?? end
            var pathStart = 0
            // Skip `scheme://host` when present.
            if let colon = bytes[..<pathEnd].firstIndex(of: UInt8(ascii: ":")), colon + 2 < pathEnd,
                bytes[colon + 1] == UInt8(ascii: "/"), bytes[colon + 2] == UInt8(ascii: "/")
            {
                pathStart = bytes[(colon + 3)..<pathEnd].firstIndex(of: UInt8(ascii: "/")) ?? pathEnd
            }
            let path = String(decoding: bytes[pathStart..<pathEnd], as: UTF8.self)
            guard let question else { return (path, []) }
            var query: [HTTPRequest.QueryItem] = []
            var start = question + 1
            while start < end {
                let stop = bytes[start..<end].firstIndex(of: UInt8(ascii: "&")) ?? end
                if stop > start {
                    if let equals = bytes[start..<stop].firstIndex(of: UInt8(ascii: "=")) {
                        query.append(HTTPRequest.QueryItem(percentDecode(bytes[start..<equals]), percentDecode(bytes[(equals + 1)..<stop])))
                    } else {
                        query.append(HTTPRequest.QueryItem(percentDecode(bytes[start..<stop]), ""))
                    }
                }
                start = stop + 1
            }
            return (path, query)
        }
    }

    /// Percent-decoding of one query component; `+` is a space; bad escapes stay as written.
    static func percentDecode(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> String {
        guard bytes.contains(where: { $0 == UInt8(ascii: "%") || $0 == UInt8(ascii: "+") }) else {
            return String(decoding: bytes, as: UTF8.self)
        }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte == UInt8(ascii: "%"), index + 2 < bytes.endIndex,
                let high = HexDigit.value(bytes[index + 1]), let low = HexDigit.value(bytes[index + 2])
            {
                out.append(high << 4 | low)
                index += 3
                continue
            }
            out.append(byte == UInt8(ascii: "+") ? UInt8(ascii: " ") : byte)
            index += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The task on the system message's first line: the word after the first `task: ` in the
    /// body (the system message comes first in every chat-completions body the pipeline sends).
    static func task(inBody body: String) -> String? {
        let marker = Array("task: ".utf8)
        let bytes = body.utf8
        var matched = 0
        var index = bytes.startIndex
        while index != bytes.endIndex {
            let byte = bytes[index]
            index = bytes.index(after: index)
            if byte == marker[matched] {
                matched += 1
                if matched == marker.count { break }
            } else {
                matched = byte == marker[0] ? 1 : 0
            }
        }
        guard matched == marker.count else { return nil }
        var name: [UInt8] = []
        while index != bytes.endIndex {
            let byte = bytes[index]
            guard (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || byte == UInt8(ascii: "_") else { break }
            name.append(byte)
            index = bytes.index(after: index)
        }
        return name.isEmpty ? nil : String(decoding: name, as: UTF8.self)
    }
}
