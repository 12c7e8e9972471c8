/// plan 2.3: the ReccoBeats track-details lookup split into chunks fetched in parallel.
///
/// Baseline makes one `GET /v1/track?ids=…` call with every id (the configuration holds nil);
/// the plan proposes chunks of 50 fetched in parallel; the backend shipped chunks of 50 under a
/// semaphore of 3.
public struct TrackDetailsBatching: Sendable, Hashable {
    /// Ids per request.
    public var chunkSize: Int
    /// Chunks in flight at once; nil means all of them.
    public var concurrency: Int?

    /// Creates a batching rule.
    public init(chunkSize: Int, concurrency: Int? = nil) {
        self.chunkSize = chunkSize
        self.concurrency = concurrency
    }

    /// Accepted chunk sizes.
    static let sizeRange = 1...100
    /// Accepted concurrency limits.
    static let concurrencyRange = 1...32
}

extension TrackDetailsBatching {
    private static let syntax = "SIZE[/CONCURRENCY|/all], size 1-100, concurrency 1-32"

    /// `50/all` (every chunk at once) or `50/3`; `50` alone means `50/all`.
    static let codec = PhaseCodec<TrackDetailsBatching>(
        kind: .composite([
            PhaseValuePart("chunk-size", .integer(sizeRange)),
            PhaseValuePart("concurrency", .oneOf([.choice(["all"]), .integer(concurrencyRange)]), optional: true),
        ]),
        syntax: syntax,
        parse: { text throws(PhaseValueProblem) in
            let parts = try PhaseText.parts(text, minimum: 1, maximum: 2, syntax: syntax)
            let size = try PhaseText.integer(parts[0], in: sizeRange, label: "chunk size")
            guard parts.count == 2, parts[1] != "all" else { return TrackDetailsBatching(chunkSize: size) }
            let concurrency = try PhaseText.integer(parts[1], in: concurrencyRange, label: "concurrency")
            return TrackDetailsBatching(chunkSize: size, concurrency: concurrency)
        },
        render: { "\($0.chunkSize)/\($0.concurrency.map(String.init) ?? "all")" })
}
