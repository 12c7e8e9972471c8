import PerfbenchRecording
import PerfbenchRuntime

/// run state: how warm the backend's persistent cache is when a workflow starts.
///
/// Baseline keeps every cache in process memory, so each workflow starts cold. Once the
/// backend kept its caches in Redis/Valkey (2025-11-10), earlier runs left ReccoBeats id
/// mappings (validated for 60 days, missing ones for 14) and audio features (1 hour) behind: the
/// 2025-11-11 log resolves most ids and features from the cache before the workflow has asked for
/// them once (`Converted 69/100 … cached={65} known_missing={31} newly_converted={4}`). This value
/// is the share of those lookups a warm cache answers: which ids are warm is decided by a stable
/// hash of the id, so a replay gives the same answers every time. The answers come from the
/// transport's `warmCacheAnswer` (a replay composes them from the recording's items); a transport
/// that cannot say (a live or simulated upstream) leaves the cache cold.
public struct WarmCache: Sendable, Hashable {
    /// The shares of one part of the workflow.
    public struct Shares: Sendable, Hashable {
        /// Share of ReccoBeats id mappings (Spotify id → ReccoBeats id, or known missing) cached.
        public var ids: Double
        /// Share of audio-feature sets cached.
        public var features: Double

        /// Creates shares (each clamped to 0…1).
        public init(ids: Double, features: Double) {
            self.ids = min(1, max(0, ids))
            self.features = min(1, max(0, features))
        }
    }

    /// During seed gathering: the prompt's own candidates, which earlier runs of similar prompts
    /// looked up too (the 2025-11-11 log: 190 of 195 ids).
    public var seedGathering: Shares
    /// During generation: album samples and recommendations, mostly new to the cache (the same
    /// log's first generator run: 14 of 44 ids).
    public var generation: Shares

    /// Creates shares for both parts.
    public init(seedGathering: Shares, generation: Shares) {
        self.seedGathering = seedGathering
        self.generation = generation
    }

    /// The same shares for the whole workflow.
    public init(ids: Double, features: Double) {
        self.init(seedGathering: Shares(ids: ids, features: features), generation: Shares(ids: ids, features: features))
    }

    /// Whether a warm cache holds the key `kind` + `key` at this `share`: a stable FNV-1a hash
    /// of the key, so the same keys are warm on every run, in every process. The two parts are
    /// hashed in turn, as one string would be, without joining them.
    static func holds(_ kind: String, _ key: String, share: Double) -> Bool {
        guard share > 0 else { return false }
        guard share < 1 else { return true }
        // FNV-1a alone leaves the high bits of similar keys correlated; splitmix64's finalizer
        // spreads them so that the share holds for ids that differ in a character or two.
        let hash = SplitMix64.mix(StableHash.fnv1a(key, continuing: StableHash.fnv1a(kind)))
        return Double(hash >> 11) / Double(1 << 53) < share
    }

    /// The shares in force for work under stage `path`.
    public func shares(at path: String) -> Shares {
        Self.isUnderSeedGathering(path) ? seedGathering : generation
    }

    /// Whether stage path `path` has a component starting `seed_gathering`, found by its bytes:
    /// `String.contains` with a string resolves to Foundation's, which goes through `NSString`
    /// on every call (≈ 3.5 % of `optimize nov07.jsonl.gz`, whose warm-cache candidates ask for
    /// every track), and the standard library's `firstRange(of:)` cost as much again in generic
    /// metadata lookups. Stage names are ASCII, so bytes and characters agree.
    static func isUnderSeedGathering(_ path: String) -> Bool {
        let bytes = path.utf8
        let needle = "/seed_gathering".utf8
        var start = bytes.startIndex
        while let slash = bytes[start...].firstIndex(of: UInt8(ascii: "/")) {
            if bytes[slash...].starts(with: needle) { return true }
            start = bytes.index(after: slash)
        }
        return false
    }

    /// Whether the mapping of Spotify id `id` is warm for work under stage `path`.
    public func holdsID(_ id: String, at path: String) -> Bool { Self.holds("id:", id, share: shares(at: path).ids) }

    /// Whether the audio features of ReccoBeats id `uuid` are warm for work under stage `path`.
    public func holdsFeatures(_ uuid: String, at path: String) -> Bool {
        Self.holds("features:", uuid, share: shares(at: path).features)
    }
}

extension WarmCache {
    private static let syntax =
        "off | IDS/FEATURES[/GEN_IDS/GEN_FEATURES], shares 0-1: seed gathering, then generation (default: the same)"

    /// `0.97/0.97/0.32/0.55`, or `0.9/0.8` for the whole workflow.
    static let codec = PhaseCodec<WarmCache>(
        kind: .composite([
            PhaseValuePart("ids", .number(0...1)),
            PhaseValuePart("features", .number(0...1)),
            PhaseValuePart("generation-ids", .number(0...1), optional: true),
            PhaseValuePart("generation-features", .number(0...1), optional: true),
        ]),
        syntax: syntax,
        parse: { text throws(PhaseValueProblem) in
            let parts = try PhaseText.parts(text, minimum: 2, maximum: 4, syntax: syntax)
            guard parts.count != 3 else { throw PhaseValueProblem("give 2 shares (the whole workflow) or 4") }
            let labels = ["ids", "features", "generation ids", "generation features"]
            var values: [Double] = []
            for (part, label) in zip(parts, labels) { values.append(try PhaseText.decimal(part, in: 0...1, label: label)) }
            let seed = Shares(ids: values[0], features: values[1])
            let generation = values.count == 4 ? Shares(ids: values[2], features: values[3]) : seed
            return WarmCache(seedGathering: seed, generation: generation)
        },
        render: { warm in
            let parts = [warm.seedGathering.ids, warm.seedGathering.features]
                + (warm.generation == warm.seedGathering ? [] : [warm.generation.ids, warm.generation.features])
            return parts.map { PhaseText.render(decimal: $0) }.joined(separator: "/")
        })
}
