/// shipped only: how ReccoBeats audio features are fetched, one request per track.
///
/// Baseline: batches of 5 tracks, 3 concurrent inside a batch, batches sequential with a 1.2 s
/// sleep between. The backend shipped 20 / 10 / 0.5 s, later 20 / 3 / 1.5 s.
public struct AudioFeatureBatching: Sendable, Hashable {
    /// Tracks per batch.
    public var batchSize: Int
    /// Requests in flight inside a batch.
    public var concurrency: Int
    /// Sleep between consecutive batches.
    public var pause: Duration

    /// Creates a batching rule.
    public init(batchSize: Int, concurrency: Int, pause: Duration) {
        self.batchSize = batchSize
        self.concurrency = concurrency
        self.pause = pause
    }

    /// The backend at its baseline: 5 / 3 / 1.2 s.
    public static let baseline = AudioFeatureBatching(batchSize: 5, concurrency: 3, pause: .milliseconds(1200))

    static let sizeRange = 1...100
    static let concurrencyRange = 1...50
    static let pauseRange = Duration.zero...Duration.seconds(10)
}

extension AudioFeatureBatching {
    private static let syntax = "SIZE/CONCURRENCY/SLEEP, size 1-100, concurrency 1-50, sleep 0s-10s"

    /// `5/3/1.2s`, `20/10/0.5s`.
    static let codec = PhaseCodec<AudioFeatureBatching>(
        kind: .composite([
            PhaseValuePart("batch-size", .integer(sizeRange)),
            PhaseValuePart("concurrency", .integer(concurrencyRange)),
            PhaseValuePart("sleep", .seconds(0...10)),
        ]),
        syntax: syntax,
        parse: { text throws(PhaseValueProblem) in
            let parts = try PhaseText.parts(text, minimum: 3, maximum: 3, syntax: syntax)
            return AudioFeatureBatching(
                batchSize: try PhaseText.integer(parts[0], in: sizeRange, label: "batch size"),
                concurrency: try PhaseText.integer(parts[1], in: concurrencyRange, label: "concurrency"),
                pause: try PhaseText.duration(parts[2], in: pauseRange, style: .seconds, label: "sleep"))
        },
        render: {
            "\($0.batchSize)/\($0.concurrency)/" + PhaseText.render($0.pause, style: .seconds)
        })
}
