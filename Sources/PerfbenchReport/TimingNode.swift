/// One stage of a timing tree: its wall time and the stages inside it.
public struct TimingNode: Sendable, Equatable {
    /// The stage's stable name, e.g. `seed_gathering`; `workflow` for the root.
    public var name: String
    /// Slash-separated names from the top stage down, e.g.
    /// `orchestration/initial_generation/seed_gathering`; empty for the root.
    public var path: String
    /// When the stage first started, in microseconds from the workflow start.
    public var startMicros: Int
    /// Its wall time in microseconds: how long at least one of its spans was running (a stage
    /// recorded twice counts the time of both spans, overlapping time once).
    public var micros: Int
    /// Its own time in microseconds: wall time during which none of its children was running.
    /// Equal to `micros` for a leaf; what the "largest stages" rule ranks by.
    public var selfMicros: Int
    /// The stages inside it, by start time, ties by name. They may overlap (concurrent
    /// strategies), so their times can add up to more than this stage's.
    public var children: [TimingNode]

    /// Makes a node.
    public init(
        name: String, path: String, startMicros: Int, micros: Int, selfMicros: Int,
        children: [TimingNode] = []
    ) {
        self.name = name
        self.path = path
        self.startMicros = startMicros
        self.micros = micros
        self.selfMicros = selfMicros
        self.children = children
    }

    /// The wall time in seconds.
    public var seconds: Double { Double(micros) / 1_000_000 }

    /// The start in seconds from the workflow start.
    public var startSeconds: Double { Double(startMicros) / 1_000_000 }

    /// Nesting depth: 0 for the root, 1 for a top-level stage.
    public var depth: Int {
        path.isEmpty ? 0 : 1 + path.utf8.reduce(0) { $0 + ($1 == UInt8(ascii: "/") ? 1 : 0) }
    }

    /// This node and every node below it, parents before children, children in order.
    public var preorder: [TimingNode] {
        var nodes: [TimingNode] = []
        visit { nodes.append($0) }
        return nodes
    }

    /// Calls `body` on this node and every node below it in preorder.
    func visit(_ body: (TimingNode) -> Void) {
        body(self)
        for child in children { child.visit(body) }
    }

    /// Children ordered as trees show them: by start, then by name, then by path.
    static func ordered(_ nodes: [TimingNode]) -> [TimingNode] {
        nodes.sorted {
            ($0.startMicros, $0.name, $0.path) < ($1.startMicros, $1.name, $1.path)
        }
    }
}
