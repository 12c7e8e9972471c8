/// Finds the valid name closest to a misspelt one, for "Did you mean …?" hints.
///
/// Uses the optimal-string-alignment edit distance (Levenshtein plus adjacent transpositions), so
/// `paralel-artists`, `parallel-artsits` and `Parallel-Artists` all find `parallel-artists`.
public enum NearestName {
    /// `Did you mean "x"?` for the nearest candidate, or nil when none is close enough.
    public static func suggestion(for name: String, among candidates: [String]) -> String? {
        nearest(to: name, among: candidates).map { "Did you mean \"\($0)\"?" }
    }

    /// The closest candidate within a distance that scales with the name's length, ties broken
    /// by candidate order so the hint is deterministic.
    public static func nearest(to name: String, among candidates: [String]) -> String? {
        let typed = name.lowercased()
        // A third of the length, at least 2: enough for two typos, not so loose that any short
        // word matches.
        let allowed = max(2, typed.count / 3)
        var best: (name: String, distance: Int)?
        for candidate in candidates {
            let distance = editDistance(typed, candidate.lowercased())
            if distance <= allowed, distance < (best?.distance ?? Int.max) {
                best = (candidate, distance)
            }
        }
        if let best { return best.name }
        // A unique candidate that starts with what was typed ("parallel" → "parallel-artists").
        let prefixed = candidates.filter { typed.count >= 4 && $0.lowercased().hasPrefix(typed) }
        return prefixed.count == 1 ? prefixed.first : nil
    }

    /// Optimal-string-alignment distance between two strings, by characters.
    public static func editDistance(_ lhs: String, _ rhs: String) -> Int {
        let a = Array(lhs)
        let b = Array(rhs)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        // Three rolling rows: the transposition step looks two rows back.
        var beforePrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let substitution = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + substitution)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    value = min(value, beforePrevious[j - 2] + 1)
                }
                current[j] = value
            }
            (beforePrevious, previous, current) = (previous, current, beforePrevious)
        }
        return previous[b.count]
    }

    /// The nearest candidate (same rule as ``nearest(to:among:)``).
    static func nearest(to name: String, in candidates: [String]) -> String? {
        nearest(to: name, among: candidates)
    }

    /// `did you mean "x"?`, or the list of valid names when nothing is close.
    static func hint(for name: String, in candidates: [String]) -> String {
        if let nearest = nearest(to: name, among: candidates) {
            return "did you mean \"\(nearest)\"?"
        }
        return "valid names are " + candidates.sorted().map { "\"\($0)\"" }.joined(separator: ", ")
    }
}
