import PerfbenchRecording

/// The per-stage breakdown of a run: a node per stage path under a `workflow` root, each with
/// its wall time, its percent of the workflow, and the largest stages marked.
///
/// **Largest stages.** The `largestCount` (default 3) non-root stages with the most *self time*
/// (wall time when none of their children was running) are marked, ties broken by path; stages
/// with no self time are never marked. For a leaf, self time is all of its time, so the marks
/// land on the most specific stages where time goes (`anchor_selection`, not `orchestration`
/// around it), and an inner stage is marked only when its own, unexplained time is large.
public struct TimingTree: Sendable, Equatable {
    /// How many stages are marked largest unless told otherwise.
    public static let defaultLargestCount = 3

    /// The `workflow` node; its time is the run's total.
    public var root: TimingNode
    /// Paths of the stages marked largest, largest first.
    public var largestPaths: [String]

    /// Builds the tree from stage spans (any order).
    ///
    /// A node per distinct path; a path whose parent has no span of its own gets an implied
    /// parent spanning its children. The root starts at 0 and lasts `totalMicros`; when that is
    /// nil, as long as a span named `workflow` says, else until the last span ends. A span at
    /// path `workflow` is the root itself and a `workflow/` prefix is dropped, so spans from the
    /// pipeline (which records the whole run as `workflow`) and from imports both fit.
    public init(spans rawSpans: [StageSpan], totalMicros: Int? = nil, largestCount: Int = defaultLargestCount) {
        let (spans, workflow) = Self.normalized(rawSpans)
        let total = totalMicros ?? workflow.map { $0.startMicros + $0.durationMicros }
            ?? spans.map { $0.startMicros + $0.durationMicros }.max() ?? 0
        var ownTime: [String: [(start: Int, end: Int)]] = [:]
        var childPaths: [String: Set<String>] = ["": []]
        for span in spans {
            ownTime[span.path, default: []].append((span.startMicros, span.startMicros + span.durationMicros))
            // Register the whole chain of ancestors so implied parents exist.
            var path = span.path
            while true {
                let parent = Self.parentPath(of: path)
                childPaths[parent, default: []].insert(path)
                guard !parent.isEmpty else { break }
                path = parent
            }
        }
        let built = Self.build(path: "", ownTime: ownTime, childPaths: childPaths, rootMicros: total)
        self.init(root: built.node, largestCount: largestCount)
    }

    /// Wraps an already built root (e.g. an aggregate over runs) and marks its largest stages.
    public init(root: TimingNode, largestCount: Int = defaultLargestCount) {
        self.root = root
        let ranked = root.preorder.dropFirst().filter { $0.selfMicros > 0 }
            .sorted { ($1.selfMicros, $0.path) < ($0.selfMicros, $1.path) }
        largestPaths = ranked.prefix(max(0, largestCount)).map(\.path)
    }

    /// Paths of the stages that ran at the same time as a sibling (concurrent strategies):
    /// their times add up to more than their parent's.
    public var concurrentPaths: Set<String> {
        var concurrent = Set<String>()
        for node in nodes {
            let children = node.children.filter { $0.micros > 0 }
            for (index, child) in children.enumerated() {
                for other in children[(index + 1)...]
                where child.startMicros < other.startMicros + other.micros && other.startMicros < child.startMicros + child.micros {
                    concurrent.insert(child.path)
                    concurrent.insert(other.path)
                }
            }
        }
        return concurrent
    }

    /// The workflow's wall time in seconds.
    public var totalSeconds: Double { root.seconds }

    /// Every node, parents before children.
    public var nodes: [TimingNode] { root.preorder }

    /// The node at `path` (`""` is the root), or nil.
    public func node(at path: String) -> TimingNode? {
        nodes.first { $0.path == path }
    }

    /// A node's time as a percent of the workflow's (0 when the workflow took no time).
    public func percent(of node: TimingNode) -> Double {
        root.micros == 0 ? 0 : Double(node.micros) / Double(root.micros) * 100
    }

    /// Whether the stage at `path` is marked largest.
    public func isLargest(_ path: String) -> Bool { largestPaths.contains(path) }

    /// The root's name, and the path a span for the whole workflow has.
    public static let rootName = "workflow"

    /// The spans below the root with any `workflow/` prefix dropped, and the last span of the
    /// root itself, if there is one.
    static func normalized(_ spans: [StageSpan]) -> (stages: [StageSpan], workflow: StageSpan?) {
        var stages: [StageSpan] = []
        var workflow: StageSpan?
        let prefix = rootName + "/"
        for var span in spans {
            if span.path == rootName {
                workflow = span
                continue
            }
            // The prefix is ASCII: its characters are its bytes.
            if span.path.hasPrefix(prefix) {
                span.path.removeSubrange(..<span.path.utf8.index(span.path.startIndex, offsetBy: prefix.utf8.count))
            }
            stages.append(span)
        }
        return (stages, workflow)
    }

    /// `a/b/c` → `a/b`; a top-level path → `""` (the root).
    static func parentPath(of path: String) -> String {
        SlashPath.parent(of: path)
    }

    /// Builds the node at `path` and its subtree; returns it with the time it covers.
    private static func build(
        path: String, ownTime: [String: [(start: Int, end: Int)]], childPaths: [String: Set<String>],
        rootMicros: Int
    ) -> (node: TimingNode, time: IntervalSet) {
        let children = (childPaths[path] ?? []).map {
            build(path: $0, ownTime: ownTime, childPaths: childPaths, rootMicros: rootMicros)
        }
        let childTime = children.reduce(IntervalSet([])) { $0.union($1.time) }
        let time: IntervalSet
        if path.isEmpty {
            time = IntervalSet([(0, rootMicros)])
        } else if let own = ownTime[path] {
            time = IntervalSet(own)
        } else {
            time = childTime  // implied parent: exactly the time of what it holds
        }
        let name = path.isEmpty ? rootName : SlashPath.lastComponent(path) ?? path
        let node = TimingNode(
            name: name, path: path,
            // From the spans, not `time`: a zero-length span still has a start.
            startMicros: path.isEmpty
                ? 0 : ownTime[path]?.map(\.start).min() ?? children.map(\.node.startMicros).min() ?? 0,
            micros: path.isEmpty ? rootMicros : time.length,
            selfMicros: time.length - time.overlapLength(with: childTime),
            children: TimingNode.ordered(children.map(\.node)))
        return (node, time)
    }
}
