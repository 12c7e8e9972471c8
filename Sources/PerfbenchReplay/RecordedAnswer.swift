import PerfbenchPipeline
import PerfbenchRecording
import Synchronization

/// One recorded exchange prepared for serving: its answer is built once, at indexing, so that
/// serving it is a copy. A class, so that handing one to the code that serves it retains one
/// reference, not each of its five.
final class RecordedAnswer: Sendable {
    /// The exchange's position in the recording's exchanges (start order).
    let exchangeIndex: Int
    /// The exchange's id, e.g. `x42`.
    let id: String
    /// When the recorded request started, in microseconds from the workflow start.
    let startMicros: Int
    /// How long the recorded request took (until the client gave up, for a timeout).
    let latency: Duration
    /// What the transport returns when the recorded latency fits in the caller's timeout.
    let result: TransportResult
    /// The recorded request body (LLM calls prefer a recorded call with the very same body).
    let requestBody: String?
    /// The id's numeric tail, if any (see ``sequenceNumber(of:)``).
    let sequenceNumber: Int?
    /// How directly the recording knows this exchange (observed, inferred, fitted).
    let provenance: Provenance
    /// What the answer models read of the recorded LLM request, parsed once, when a replay first
    /// judges a call against it.
    private let recordedInput = Mutex<LLMUserInput??>(nil)
    /// The user message of the recorded LLM request body, for comparing calls with it.
    private let recordedMessage = Mutex<RecordedMessage?>(nil)
    /// The last call found to send exactly the recorded body (``matchedCall``).
    private let lastMatchedCall = Mutex<LLMCall?>(nil)

    /// The user message a recorded body carries for a task (nil: the body is not one this
    /// writer writes for that task).
    private struct RecordedMessage: Sendable {
        let task: LLMTask
        let bytes: [UInt8]?
    }

    init(exchange: borrowing Exchange, index: Int) {
        exchangeIndex = index
        id = exchange.id
        startMicros = exchange.startMicros
        latency = .microseconds(Int64(max(0, exchange.durationMicros)))
        requestBody = exchange.requestBody
        sequenceNumber = Self.sequenceNumber(of: exchange.id)
        provenance = exchange.provenance
        switch exchange.outcome {
        case .timeout:
            result = .timeout
        case .connectionError:
            result = .connectionError("recorded connection error")
        case .ok:
            if let status = exchange.status {
                // Parsed here, once per recording: every replay of the index hands the clients
                // this tree instead of the text to parse again.
                let body = exchange.responseBody ?? ""
                result = .response(
                    HTTPResponse(
                        status: status, headers: exchange.responseHeaders, body: body, parsedBody: ParsedBody(body)))
            } else {
                // An "ok" outcome without a status (a truncated HAR entry): nothing usable came back.
                result = .connectionError("recorded exchange has no status")
            }
        }
    }

    /// What the answer models read of the recorded request body (nil: no body, or no user
    /// message in it). Parsed on first use and kept: the index is shared by every replay.
    var requestInput: LLMUserInput? {
        guard let requestBody else { return nil }
        return recordedInput.once { LLMUserInput(body: requestBody) }
    }

    /// The user message of the recorded request body, when the body is exactly what a call of
    /// `task` writes around it (``LLMBodyParts/userMessage(in:task:)``); nil otherwise, or
    /// without a body. Worked out on first use and kept (an answer's task never changes).
    func userMessage(task: LLMTask) -> [UInt8]? {
        guard let requestBody else { return nil }
        let kept = recordedMessage.once {
            RecordedMessage(task: task, bytes: LLMBodyParts.userMessage(in: requestBody, task: task))
        }
        return kept.task == task ? kept.bytes : LLMBodyParts.userMessage(in: requestBody, task: task)
    }

    /// The last LLM call whose body was found to be exactly the recorded one, kept for every
    /// replay of the index: a call of the same task that certainly writes the same message
    /// (``LLMRequestInput/writesSameMessage(as:)``) matches without being written. A search
    /// replays one index under dozens of configurations whose calls mostly match (92 % of the
    /// comparisons in `optimize Recordings/corpus --budget 20`) and hold the same decoded
    /// tracks, whose strings then compare by address; writing each call's message to compare
    /// it was ≈ 4.6 % of that search.
    var matchedCall: LLMCall? {
        get { lastMatchedCall.withLock { $0 } }
        set { lastMatchedCall.withLock { $0 = newValue } }
    }

    /// The recorded outcome was a client-side timeout.
    var isTimeout: Bool {
        if case .timeout = result { return true }
        return false
    }

    /// The recorded status, when a response arrived.
    var status: Int? {
        if case .response(let response) = result { return response.status }
        return nil
    }

    /// A 2xx response.
    var isSuccess: Bool {
        status.map { (200..<300).contains($0) } ?? false
    }

    /// A response that says something about the resource (2xx or 404), as opposed to a
    /// transient failure (429, 5xx, timeout, connection error).
    var isDefinitive: Bool {
        guard let status else { return false }
        return (200..<300).contains(status) || status == 404
    }

    /// The numeric tail of an id (`x42` → 42): perfbench numbers exchanges in send order and
    /// HAR imports in start order, so it breaks ties between exchanges that started together.
    static func sequenceNumber(of id: String) -> Int? {
        let digits = id.utf8.reversed().prefix { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
        guard !digits.isEmpty, digits.count < 18 else { return nil }
        return digits.reversed().reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
    }
}
