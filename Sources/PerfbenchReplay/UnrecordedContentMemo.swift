import PerfbenchPipeline
import PerfbenchRecording
import Synchronization

/// Content made for requests the recording did not answer, kept for every replay of the index.
///
/// What a replay composes or synthesizes for such a request is a function of the request as
/// sent (method, path, query in its order) and the synthesis seed alone: a search that replays
/// the index under dozens of configurations sends many of the same requests, and composing each
/// body again, then parsing it again in the client, was ≈ 9 % of `optimize nov07.jsonl.gz`
/// (`perf record`). Kept bodies are parsed once (``ParsedBody``), as recorded ones are.
///
/// Requests with a body (LLM calls, whose answers follow the body) are not kept, and neither is
/// anything once the kept bodies reach ``byteBudget``: a search's what-ifs send ever new id
/// batches, and the memo must not grow with the search.
final class UnrecordedContentMemo: Sendable {
    /// The request as sent and the seed its content was synthesized with (nil: composed from
    /// recorded items, no seed drawn).
    struct Key: Hashable, Sendable {
        let service: Service
        let method: String
        let path: String
        let query: [HTTPRequest.QueryItem]
        let seed: UInt64?
    }

    /// The content and whether every item in it was recorded.
    typealias Content = (response: HTTPResponse, composed: Bool)

    /// The body bytes kept at most per index.
    static let byteBudget = 8 << 20

    private struct State {
        var entries: [Key: Content] = [:]
        var bytes = 0
    }

    private let state = Mutex(State())
    private let byteBudget: Int

    /// A memo keeping at most `byteBudget` bytes of bodies.
    init(byteBudget: Int = UnrecordedContentMemo.byteBudget) {
        self.byteBudget = byteBudget
    }

    /// The contents kept and their body bytes.
    var kept: (count: Int, bytes: Int) {
        state.withLock { ($0.entries.count, $0.bytes) }
    }

    /// The content kept for `request` with `seed`, else `make()`'s, kept when it fits.
    ///
    /// `make` runs outside the lock: two threads replaying the index may both make the same
    /// content, and either copy is the same bytes.
    func content(for request: HTTPRequest, seed: UInt64?, make: () -> Content) -> Content {
        guard !request.hasBody, request.service != .llm else { return make() }
        let key = Key(service: request.service, method: request.method, path: request.path, query: request.query, seed: seed)
        if let kept = state.withLock({ $0.entries[key] }) { return kept }
        let made = make()
        let size = made.response.body.utf8.count
        // Parsed only when it will be kept: past the budget a search makes ever new content.
        guard state.withLock({ $0.bytes + size <= byteBudget }) else { return made }
        var kept = made
        kept.response.parsedBody = ParsedBody(made.response.body)
        return state.withLock { state in
            if let other = state.entries[key] { return other }
            guard state.bytes + size <= byteBudget else { return kept }
            state.bytes += size
            state.entries[key] = kept
            return kept
        }
    }
}
