/// plan 5.1: how many recommendations each seed chunk asks for, and how many chunks there are.
///
/// Baseline sizes a chunk as `min(10, max(⌊2·seedTarget/chunks⌋ + 2, 3))` over chunks of three
/// seeds; the plan proposes 10–15 per chunk and twice as many chunks. The workflow clamps its
/// computed size into `minimum...maximum` and multiplies the chunk count by `chunkMultiplier`.
public struct ChunkSizing: Sendable, Hashable {
    /// Smallest `size` a chunk asks for (baseline 3).
    public var minimum: Int
    /// Largest `size` a chunk asks for (baseline 10).
    public var maximum: Int
    /// Factor on the number of seed chunks (baseline 1).
    public var chunkMultiplier: Int

    /// Creates a sizing rule.
    public init(minimum: Int, maximum: Int, chunkMultiplier: Int = 1) {
        self.minimum = minimum
        self.maximum = maximum
        self.chunkMultiplier = chunkMultiplier
    }

    /// The backend at its baseline: 3…10 per chunk, chunk count unchanged.
    public static let baseline = ChunkSizing(minimum: 3, maximum: 10)

    /// Accepted sizes (ReccoBeats' `size` is 1–100).
    static let sizeRange = 1...100
    /// Accepted chunk-count factors.
    static let multiplierRange = 1...4
}

extension ChunkSizing {
    private static let syntax = "[MIN-]MAX[/Nx], sizes 1-100, N 1-4"

    /// `3-10/1x`, `10-15/2x`; `12` alone sets the maximum, keeping minimum 3 and 1x.
    static let codec = PhaseCodec<ChunkSizing>(
        kind: .composite([
            PhaseValuePart("sizes (MIN-MAX or MAX)", .integer(sizeRange)),
            PhaseValuePart("chunk-multiplier", .integer(multiplierRange), optional: true),
        ]),
        syntax: syntax,
        parse: { text throws(PhaseValueProblem) in
            let parts = try PhaseText.parts(text, minimum: 1, maximum: 2, syntax: syntax)
            var sizing = ChunkSizing.baseline
            let bounds = parts[0].split(separator: "-", omittingEmptySubsequences: false).map(String.init)
            guard bounds.count <= 2 else { throw PhaseValueProblem("must be \(syntax)") }
            sizing.maximum = try PhaseText.integer(bounds[bounds.count - 1], in: sizeRange, label: "maximum size")
            if bounds.count == 2 {
                sizing.minimum = try PhaseText.integer(bounds[0], in: sizeRange, label: "minimum size")
            }
            guard sizing.minimum <= sizing.maximum else {
                throw PhaseValueProblem("minimum size \(sizing.minimum) must not exceed maximum \(sizing.maximum)")
            }
            if parts.count == 2 {
                let factor = parts[1].hasSuffix("x") ? String(parts[1].dropLast()) : parts[1]
                sizing.chunkMultiplier = try PhaseText.integer(factor, in: multiplierRange, label: "chunk multiplier")
            }
            return sizing
        },
        render: { "\($0.minimum)-\($0.maximum)/\($0.chunkMultiplier)x" })
}
