import PerfbenchRecording

/// Finds the recorded request closest to one the recording cannot answer, for strict mode's
/// error message: among recorded requests to the same service, method and endpoint template
/// (for the LLM: the same task, else any LLM call) the one whose normalized query has the
/// smallest edit distance; failing that, the same service by the distance of the whole
/// `METHOD path?query`. Ties go to the earliest sent.
enum NearestRecorded {
    /// Texts longer than this are compared by their first this-many characters (edit distance
    /// is quadratic, and the first ids of a list tell most).
    static let comparedLength = 600

    static func find(_ key: RequestKey, in index: ReplayIndex) -> String? {
        let sameService = index.keys.indices.filter { index.keys[$0].service == key.service }
        guard !sameService.isEmpty else { return nil }
        let template = LatencyBook.endpoint(of: key)
        let sameEndpoint = sameService.filter { LatencyBook.endpoint(of: index.keys[$0]) == template }
        let chosen: Int?
        if !sameEndpoint.isEmpty {
            chosen = closest(sameEndpoint, to: key.queryText) { index.keys[$0].queryText }
        } else {
            chosen = closest(sameService, to: key.display) { index.keys[$0].display }
        }
        return chosen.map { "\(index.answers[$0].id) \(index.keys[$0].display)" }
    }

    private static func closest(_ candidates: [Int], to target: String, text: (Int) -> String) -> Int? {
        let wanted = Array(target.utf8.prefix(comparedLength))
        var best: (position: Int, distance: Int)?
        for candidate in candidates {
            let distance = editDistance(wanted, Array(text(candidate).utf8.prefix(comparedLength)))
            if best.map({ distance < $0.distance }) ?? true { best = (candidate, distance) }
        }
        return best?.position
    }

    /// Levenshtein distance over bytes (insert, delete, substitute each cost 1).
    static func editDistance(_ a: [UInt8], _ b: [UInt8]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(substitution, previous[j] + 1, current[j - 1] + 1)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
