/// A tree whose nodes hold their children, so one routine can draw every tree the reports show.
public protocol TreeShaped {
    /// The nodes directly below this one, in display order.
    var children: [Self] { get }
}

extension TimingNode: TreeShaped {}

/// The `├─ │ └─` drawing of a tree, as in the seeds' breakdowns.
public enum TreeLines {
    /// Every node in preorder with the prefix that draws its branch: empty for the root,
    /// `├─ ` / `└─ ` for its children, with `│  ` or three spaces per level above.
    public static func walk<Node: TreeShaped>(_ root: Node, space: String = " ") -> [(prefix: String, node: Node)] {
        var lines: [(prefix: String, node: Node)] = [("", root)]
        let pad = String(repeating: space, count: 2)
        func descend(_ node: Node, _ indent: String) {
            for (index, child) in node.children.enumerated() {
                let last = index == node.children.count - 1
                lines.append((indent + (last ? "└─" : "├─") + space, child))
                descend(child, indent + (last ? space + pad : "│" + pad))
            }
        }
        descend(root, "")
        return lines
    }
}
