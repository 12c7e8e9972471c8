/// What the reports read of a run's critical path, without the events it was walked from:
/// seconds on the path per kind and per name (``CriticalPath/byName``).
///
/// A run whose report draws no timeline (no `--html`, `--trace` or `--speedscope`) keeps this
/// instead of its exchanges and waits (``CriticalPath/keepingOnlySummary(of:)``): one entry per
/// name on the path rather than every event on it (with their URLs), which took a
/// 1,000-recording diff's peak from 254 to 105 MB.
public struct CriticalPathSummary: Sendable, Equatable, Hashable, Codable {
    /// One name's time on the path (`spotify get_album_tracks`, `wait window get_album_tracks`,
    /// `step (between_agents)`).
    public struct Part: Sendable, Equatable, Hashable, Codable {
        public var name: String
        public var micros: Int
    }

    /// Microseconds on the path that were requests, waits and pipeline steps.
    public var requestMicros: Int
    public var waitMicros: Int
    public var stepMicros: Int
    /// Per name, largest first, equal ones by name.
    public var parts: [Part]

    /// The summary of `path`.
    public init(_ path: CriticalPath) {
        var byKind: [CriticalPath.Segment.Kind: Int] = [:]
        var totals: [String: Int] = [:]
        for segment in path.segments {
            byKind[segment.kind, default: 0] += segment.durationMicros
            totals[segment.name, default: 0] += segment.durationMicros
        }
        requestMicros = byKind[.request] ?? 0
        waitMicros = byKind[.wait] ?? 0
        stepMicros = byKind[.step] ?? 0
        parts = totals.map { Part(name: $0.key, micros: $0.value) }
            .sorted { $0.micros != $1.micros ? $0.micros > $1.micros : $0.name < $1.name }
    }

    /// Seconds on the path per name, largest first (as ``CriticalPath/byName``).
    public var byName: [(name: String, seconds: Double)] {
        parts.map { (name: $0.name, seconds: Double($0.micros) / 1_000_000) }
    }

    /// Seconds on the path of `kind` (as ``CriticalPath/seconds(of:)``).
    public func seconds(of kind: CriticalPath.Segment.Kind) -> Double {
        switch kind {
        case .request: Double(requestMicros) / 1_000_000
        case .wait: Double(waitMicros) / 1_000_000
        case .step: Double(stepMicros) / 1_000_000
        }
    }
}
