/// Suggestions for misspelt names ("Did you mean …?") by edit distance.
enum NearestName {
    /// The candidate closest to `name` by Levenshtein distance, when it is close enough to be a
    /// plausible typo (at most a third of the longer name's length, and at least one edit away
    /// from nothing).
    static func nearest(to name: String, in candidates: [String]) -> String? {
        var best: (name: String, distance: Int)?
        for candidate in candidates {
            let distance = editDistance(Array(name.lowercased().utf8), Array(candidate.lowercased().utf8))
            if best == nil || distance < best?.distance ?? Int.max {
                best = (candidate, distance)
            }
        }
        guard let best else { return nil }
        let allowed = max(2, max(name.utf8.count, best.name.utf8.count) / 3)
        return best.distance <= allowed ? best.name : nil
    }

    /// " Did you mean \"x\"?" style hint, or a list of the valid names when nothing is close.
    static func hint(for name: String, in candidates: [String]) -> String {
        if let nearest = nearest(to: name, in: candidates) {
            return "did you mean \"\(nearest)\"?"
        }
        return "valid names are " + candidates.sorted().map { "\"\($0)\"" }.joined(separator: ", ")
    }

    static func editDistance(_ a: [UInt8], _ b: [UInt8]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
