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
struct LLMBodyProbe {
    private let request: HTTPRequest
    private var written: String??

    init(_ request: HTTPRequest) {
        self.request = request
    }

    /// The body (nil without one).
    var text: String? {
        mutating get {
            if let written { return written }
            let body = request.body
            written = .some(body)
            return body
        }
    }

    /// The body's length in bytes (0 without a body).
    var byteCount: Int {
        mutating get { text?.utf8.count ?? 0 }
    }

    /// Whether the request sends exactly `recorded` (false when either has no body).
    mutating func isSame(as recorded: String?) -> Bool {
        guard let recorded, request.hasBody else { return false }
        return text == recorded
    }
}
