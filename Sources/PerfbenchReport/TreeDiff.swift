/// Two timing trees merged by stage path: base and candidate time, Δ seconds and Δ % per stage,
/// the largest movers marked.
///
/// **Largest movers.** The `moverCount` (default 3) non-root stages whose *self time* changed
/// most in absolute terms, ties by path, zero changes never. Self time, as for the largest
/// stages, keeps a mark from landing on `orchestration` merely because `anchor_selection` inside
/// it moved; the stage where the time actually changed is marked.
public struct TreeDiff: Sendable, Equatable {
    /// The merged `workflow` node.
    public var root: DiffNode
    /// Paths of the marked movers, largest change first.
    public var moverPaths: [String]

    /// Merges `base` and `candidate` by path.
    public init(base: TimingTree, candidate: TimingTree, moverCount: Int = TimingTree.defaultLargestCount) {
        root = Self.merge(base.root, candidate.root)
        let ranked = root.preorder.dropFirst().filter { $0.selfDeltaMicros != 0 }
            .sorted { (abs($1.selfDeltaMicros), $0.path) < (abs($0.selfDeltaMicros), $1.path) }
        moverPaths = ranked.prefix(max(0, moverCount)).map(\.path)
    }

    /// Every node, parents before children.
    public var nodes: [DiffNode] { root.preorder }

    /// The node at `path` (`""` is the root), or nil.
    public func node(at path: String) -> DiffNode? { nodes.first { $0.path == path } }

    /// Whether the stage at `path` is marked as a largest mover.
    public func isMover(_ path: String) -> Bool { moverPaths.contains(path) }

    /// Merges two nodes with the same path (either may be missing, not both).
    private static func merge(_ base: TimingNode?, _ candidate: TimingNode?) -> DiffNode {
        let baseChildren = base?.children ?? []
        let candidateChildren = candidate?.children ?? []
        let candidateByPath = Dictionary(candidateChildren.map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a })
        let basePaths = Set(baseChildren.map(\.path))
        // Base order first so a diff reads like the base's tree; stages only the candidate has
        // follow, in the candidate's order.
        let children = baseChildren.map { merge($0, candidateByPath[$0.path]) }
            + candidateChildren.filter { !basePaths.contains($0.path) }.map { merge(nil, $0) }
        let any = base ?? candidate
        return DiffNode(
            name: any?.name ?? TimingTree.rootName, path: any?.path ?? "",
            baseMicros: base?.micros ?? 0, candidateMicros: candidate?.micros ?? 0,
            baseSelfMicros: base?.selfMicros ?? 0, candidateSelfMicros: candidate?.selfMicros ?? 0,
            inBase: base != nil, inCandidate: candidate != nil, children: children)
    }
}
