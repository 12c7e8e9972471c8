/// One stage of a tree diff: its time in the base and in the candidate, and the change.
public struct DiffNode: Sendable, Equatable {
    /// The stage's stable name; `workflow` for the root.
    public var name: String
    /// Its path (`""` for the root).
    public var path: String
    /// Wall time in the base, µs (0 when the base has no such stage).
    public var baseMicros: Int
    /// Wall time in the candidate, µs (0 when the candidate has no such stage).
    public var candidateMicros: Int
    /// Self time (no child running) in the base, µs.
    public var baseSelfMicros: Int
    /// Self time in the candidate, µs.
    public var candidateSelfMicros: Int
    /// Whether the base has this stage.
    public var inBase: Bool
    /// Whether the candidate has this stage.
    public var inCandidate: Bool
    /// The stages inside it: the base's in the base's order, then those only the candidate has.
    public var children: [DiffNode]

    /// Makes a node.
    public init(
        name: String, path: String, baseMicros: Int, candidateMicros: Int, baseSelfMicros: Int,
        candidateSelfMicros: Int, inBase: Bool, inCandidate: Bool, children: [DiffNode] = []
    ) {
        self.name = name
        self.path = path
        self.baseMicros = baseMicros
        self.candidateMicros = candidateMicros
        self.baseSelfMicros = baseSelfMicros
        self.candidateSelfMicros = candidateSelfMicros
        self.inBase = inBase
        self.inCandidate = inCandidate
        self.children = children
    }

    /// Base time in seconds.
    public var baseSeconds: Double { Double(baseMicros) / 1_000_000 }
    /// Candidate time in seconds.
    public var candidateSeconds: Double { Double(candidateMicros) / 1_000_000 }
    /// Candidate minus base, in seconds: negative is faster.
    public var deltaSeconds: Double { Double(candidateMicros - baseMicros) / 1_000_000 }
    /// The change as a percent of the base time; nil when the base took no time (a new stage).
    public var deltaPercent: Double? {
        baseMicros == 0 ? (candidateMicros == 0 ? 0 : nil) : Double(candidateMicros - baseMicros) / Double(baseMicros) * 100
    }
    /// The change in self time, µs: what the largest-mover rule ranks by.
    public var selfDeltaMicros: Int { candidateSelfMicros - baseSelfMicros }

    /// This node and every node below it, parents before children.
    public var preorder: [DiffNode] {
        [self] + children.flatMap(\.preorder)
    }
}

extension DiffNode: TreeShaped {}
