import PerfbenchPipeline

/// An LLM request's body as the replay compares it with recorded ones: written once, on the
/// first comparison, and reused by every later one and by the size model.
///
/// A pipeline call carries its input as values (``LLMCall``) and its body is written only where
/// read. Two ways to compare without writing were built and measured slower (`perf record` of
/// `replay nov07 --preset plan-critical-path --draws 400`, 2026-12-04): values against a
/// recorded body parsed to values (the parse made `replay Recordings`, each index replayed once,
/// ≈ 19 % slower; comparing features as dictionaries took 4.4 % of the what-if), and the body
/// compared byte by byte as it would be written (8.6 % against 7 % for writing it: the escape
/// scan, the numbers and the sorted keys are the cost, not the copy).
///
/// It holds only the written body: the request is handed to each question, so a replay's other
/// requests (most of them) pay nothing for the probe.
struct LLMBodyProbe {
    private var written: String??

    /// `request`'s body (nil without one), written on the first ask.
    mutating func text(of request: HTTPRequest) -> String? {
        if let written { return written }
        let body = request.body
        written = .some(body)
        return body
    }

    /// The body's length in bytes (0 without a body).
    mutating func byteCount(of request: HTTPRequest) -> Int {
        text(of: request)?.utf8.count ?? 0
    }

    /// Whether `request` sends exactly `recorded` (false when either has no body).
    mutating func request(_ request: HTTPRequest, sends recorded: String?) -> Bool {
        guard let recorded, request.hasBody else { return false }
        return text(of: request) == recorded
    }
}
