/// guide 2.1: how the top tracks of several artists are fetched at once.
public enum TopTracksFetch: Sendable, Hashable {
    /// Batches of this size, each batch fully concurrent, batches one after another (baseline 5,
    /// the guide's proposal 10).
    case batches(size: Int)
    /// A sliding window of this many requests in flight (what shipped instead: 2, then 4).
    case semaphore(permits: Int)

    /// Accepted batch sizes and permit counts.
    static let range = 1...50
}

extension TopTracksFetch {
    private static let syntax = "N (batches of N) | semaphore/N, N 1-50"

    /// `5`, `10` or `semaphore/4`.
    static let codec = PhaseCodec<TopTracksFetch>(
        kind: .oneOf([
            .integer(range),
            .composite([PhaseValuePart("mode", .choice(["semaphore"])), PhaseValuePart("permits", .integer(range))]),
        ]),
        syntax: syntax,
        parse: { text throws(PhaseValueProblem) in
            let parts = try PhaseText.parts(text, minimum: 1, maximum: 2, syntax: syntax)
            if parts.count == 2 {
                guard parts[0] == "semaphore" else { throw PhaseValueProblem("must be \(syntax)") }
                return .semaphore(permits: try PhaseText.integer(parts[1], in: range, label: "permits"))
            }
            return .batches(size: try PhaseText.integer(parts[0], in: range))
        },
        render: { fetch in
            switch fetch {
            case .batches(let size): String(size)
            case .semaphore(let permits): "semaphore/\(permits)"
            }
        })
}
