import PerfbenchPipeline
import PerfbenchRecording

/// A handler's answer before the world adds latency: status, body, and what the latency model
/// needs to know about its size.
struct WorldReply {
    var status: Int
    var body: String
    var headers: [HTTPHeader] = []
    /// Ids or items the request carried or the answer holds (per-item latency).
    var items: Int = 0
    /// For LLM answers: the task, and prompt and completion tokens.
    var llmTask: LLMTask?
    var promptTokens: Int = 0
    var completionTokens: Int = 0

    static let jsonHeader = HTTPHeader("Content-Type", "application/json; charset=utf-8")

    static func json(_ writer: JSONWriter, status: Int = 200, items: Int = 0) -> WorldReply {
        WorldReply(status: status, body: writer.text, headers: [jsonHeader], items: items)
    }

    /// The error body each service really sends for `status`.
    static func error(_ service: Service, status: Int, message: String) -> WorldReply {
        var writer = JSONWriter(capacity: 96)
        switch service {
        case .spotify:
            // {"error":{"message":…,"status":…}}
            writer.beginObject()
            writer.key("error")
            writer.beginObject()
            writer.key("message")
            writer.string(message)
            writer.key("status")
            writer.int(status)
            writer.endObject()
            writer.endObject()
        case .llm:
            // OpenAI: {"error":{"code":null,"message":…,"type":…}}
            writer.beginObject()
            writer.key("error")
            writer.beginObject()
            writer.key("code")
            writer.null()
            writer.key("message")
            writer.string(message)
            writer.key("type")
            let type = status == 429 ? "rate_limit_exceeded" : status >= 500 ? "server_error" : "invalid_request_error"
            writer.string(type)
            writer.endObject()
            writer.endObject()
        case .reccobeats, .other:
            writer.beginObject()
            writer.key("error")
            writer.string(reasonPhrase(status))
            writer.key("message")
            writer.string(message)
            writer.key("status")
            writer.int(status)
            writer.endObject()
        }
        return WorldReply.json(writer, status: status)
    }

    static func reasonPhrase(_ status: Int) -> String {
        switch status {
        case 400: return "Bad Request"
        case 403: return "Forbidden"
        case 404: return "Not Found"
        case 405: return "Method Not Allowed"
        case 429: return "Too Many Requests"
        case 500: return "Internal Server Error"
        case 502: return "Bad Gateway"
        case 503: return "Service Unavailable"
        default: return "Error"
        }
    }
}

/// A request the world refuses with 400.
struct BadRequest: Error {
    var message: String
}

/// Typed access to a request's query items, with the services' validation.
struct QueryReader {
    let items: [HTTPRequest.QueryItem]

    func string(_ name: String) -> String? {
        items.first { $0.name == name }?.value
    }

    /// An integer in `range`, `fallback` when absent; 400 when malformed or out of range.
    func int(_ name: String, default fallback: Int, in range: ClosedRange<Int>) throws -> Int {
        guard let text = string(name) else { return fallback }
        guard let value = Int(text), range.contains(value) else {
            throw BadRequest(message: "Invalid \(name): \(text) (expected \(range.lowerBound)–\(range.upperBound))")
        }
        return value
    }

    /// A number in `range`, nil when absent; 400 when malformed or out of range.
    func double(_ name: String, in range: ClosedRange<Double>) throws -> Double? {
        guard let text = string(name) else { return nil }
        guard let value = Double(text), range.contains(value) else {
            throw BadRequest(message: "Invalid \(name): \(text)")
        }
        return value
    }

    /// Every value of `name`, repeated (`ids=a&ids=b`) or comma-separated (`ids=a,b`).
    ///
    /// Splits on UTF-8 bytes: id lists run to 50 × 22 characters, and Character-wise splitting
    /// cost more than the rest of the request.
    func list(_ name: String) -> [Substring] {
        var values: [Substring] = []
        for item in items where item.name == name {
            let text = Substring(item.value)
            let utf8 = text.utf8
            var start = utf8.startIndex
            var position = start
            while true {
                let atEnd = position == utf8.endIndex
                if atEnd || utf8[position] == UInt8(ascii: ",") {
                    var first = start
                    while first < position, utf8[first] == UInt8(ascii: " ") { first = utf8.index(after: first) }
                    if first < position { values.append(text[first..<position]) }
                    if atEnd { break }
                    start = utf8.index(after: position)
                }
                position = utf8.index(after: position)
            }
        }
        return values
    }
}
