/// Transforms every element of `items` with at most `maxConcurrent` transforms in flight,
/// returning the results in the order of `items` (not of completion).
///
/// Elements start in input order as slots free up. The first error cancels the transforms still
/// running and is rethrown. One element or one lane runs in the caller's task, one after
/// another: no child tasks to create (a replay makes hundreds of such calls; outputs are the
/// same either way, the regeneration check included).
///
/// Inlinable so that callers in other modules get it specialized for their types: as a generic
/// call across modules every task it made looked up its generic metadata at run time (≈ 1 % of
/// `optimize Recordings/corpus`).
@inlinable
public func concurrentMap<Element: Sendable, Result: Sendable>(
    _ items: [Element],
    maxConcurrent: Int,
    _ transform: @escaping @Sendable (Element) async throws -> Result
) async throws -> [Result] {
    precondition(maxConcurrent >= 1, "maxConcurrent must be at least 1")
    guard !items.isEmpty else { return [] }
    if items.count == 1 || maxConcurrent == 1 {
        var results: [Result] = []
        results.reserveCapacity(items.count)
        for item in items { results.append(try await transform(item)) }
        return results
    }
    return try await withThrowingTaskGroup(of: (Int, Result).self) { group in
        var results = [Result?](repeating: nil, count: items.count)
        var nextIndex = 0
        func startNext() {
            let index = nextIndex
            let item = items[index]
            nextIndex += 1
            group.addTask { (index, try await transform(item)) }
        }
        while nextIndex < min(maxConcurrent, items.count) { startNext() }
        while let (index, value) = try await group.next() {
            results[index] = value
            if nextIndex < items.count { startNext() }
        }
        // Every index was started once and its result stored before the group drained.
        return results.map { $0! }
    }
}
