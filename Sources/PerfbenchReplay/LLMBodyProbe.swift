import PerfbenchPipeline

/// An LLM request as the replay compares it with recorded calls: a call carrying its input as
/// values (``LLMCall``, every call the pipeline makes) by its user message, written once on the
/// first comparison and compared with the recorded bodies' (``LLMBodyParts``); a request
/// carrying only a body text by that text.
///
/// Comparing by the message gives the same answer as comparing whole bodies (the envelope is
/// the task's, and a recorded body another writer wrote matches no call) while skipping the
/// envelope and the second quoting. Two ways to compare without writing were built and
/// measured slower (`perf record` of `replay nov07 --preset plan-critical-path --draws 400`,
/// 2026-12-04): values against a recorded body parsed to values (the parse made `replay
/// Recordings`, each index replayed once, ≈ 19 % slower; comparing features as dictionaries
/// took 4.4 % of the what-if), and the body compared byte by byte as it would be written
/// (8.6 % against 7 % for writing it: the escape scan, the numbers and the sorted keys are the
/// cost, not the copy).
///
/// It holds only what it wrote: the request is handed to each question, so a replay's other
/// requests (most of them) pay nothing for the probe.
struct LLMBodyProbe {
    private var message: [UInt8]?
    private var written: String??

    /// Whether `request` sends exactly the body `recorded` was asked with (false when either
    /// has no body).
    mutating func request(_ request: HTTPRequest, sends recorded: RecordedAnswer) -> Bool {
        guard let recordedBody = recorded.requestBody, request.hasBody else { return false }
        if let call = request.llmCall {
            if let matched = recorded.matchedCall, matched.task == call.task,
                matched.input.writesSameMessage(as: call.input)
            {
                return true
            }
            guard let recordedMessage = recorded.userMessage(task: call.task) else { return false }
            let matches = userMessage(of: call) == recordedMessage
            if matches { recorded.matchedCall = call }
            return matches
        }
        return text(of: request) == recordedBody
    }

    /// The length in bytes of the body `request` sends (0 without one).
    mutating func byteCount(of request: HTTPRequest) -> Int {
        if let call = request.llmCall {
            return LLMBodyParts.bodyByteCount(task: call.task, userMessage: userMessage(of: call))
        }
        return text(of: request)?.utf8.count ?? 0
    }

    private mutating func userMessage(of call: LLMCall) -> [UInt8] {
        if let message { return message }
        let made = LLMBodyParts.userMessage(call.input)
        message = made
        return made
    }

    private mutating func text(of request: HTTPRequest) -> String? {
        if let written { return written }
        let body = request.body
        written = .some(body)
        return body
    }
}
