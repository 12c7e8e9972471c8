import Testing

@testable import PerfbenchPipeline

/// The catalogue against PIPELINE.md §7's table: ids, sections and baseline/doc/shipped values.
@Suite("Phase catalogue")
struct PhaseCatalogueTests {
    /// One row of §7 as the catalogue renders it: id, seed section, baseline, doc, shipped.
    struct Row: Sendable, CustomTestStringConvertible {
        let id: String, section: String, baseline: String, doc: String?, shipped: String?
        var testDescription: String { id }
    }

    static let table: [Row] = [
        Row(id: "skip-iteration", section: "guide 1.1", baseline: "off", doc: "0.75/0.65", shipped: "0.75/0.6/extra-eval"),
        Row(id: "anchor-genre-limit", section: "guide 1.2", baseline: "8", doc: "4", shipped: "5"),
        Row(id: "anchor-artist-limit", section: "guide 1.2", baseline: "8", doc: "5", shipped: "5"),
        Row(id: "discovery-artist-limit", section: "guide 1.3", baseline: "40/30/10", doc: "20/30/10", shipped: "20/15/6"),
        Row(id: "top-tracks-batch", section: "guide 2.1", baseline: "5", doc: "10", shipped: "semaphore/4"),
        Row(id: "fast-anchor-scoring", section: "guide 2.2", baseline: "off", doc: "on", shipped: nil),
        Row(id: "ordering-batch", section: "guide 2.3", baseline: "8", doc: "16", shipped: nil),
        Row(id: "max-iterations", section: "guide 3.1", baseline: "1", doc: "1", shipped: nil),
        Row(id: "quality-threshold", section: "guide 3.1", baseline: "planner", doc: "0.7", shipped: nil),
        Row(id: "anchor-selection-limit", section: "guide 3.1", baseline: "5", doc: "4", shipped: nil),
        Row(id: "top-tracks-cache-ttl", section: "plan 0.1", baseline: "30min", doc: "2h", shipped: "2h"),
        Row(id: "prefetch-artist-data", section: "plan 0.1", baseline: "off", doc: "on", shipped: "on"),
        Row(id: "parallel-artists", section: "plan 0.2", baseline: "off", doc: "12", shipped: "8"),
        Row(id: "reccobeats-timeout", section: "plan 1.1", baseline: "30s", doc: "60s", shipped: "180s"),
        Row(id: "slow-request-log", section: "plan 1.2", baseline: "off", doc: "20s", shipped: "20s"),
        Row(id: "seed-stagger", section: "plan 2.1", baseline: "0.2s", doc: "0s", shipped: "0s"),
        Row(id: "seed-chunk-concurrency", section: "plan 2.2", baseline: "3", doc: "6", shipped: "6"),
        Row(id: "batch-track-details", section: "plan 2.3", baseline: "off", doc: "50/all", shipped: "50/3"),
        Row(id: "skip-redundant-details", section: "plan 2.4", baseline: "off", doc: "on", shipped: "on"),
        Row(id: "parallel-details-features", section: "plan 3.1", baseline: "off", doc: "on", shipped: "on"),
        Row(id: "prefetch-details", section: "plan 3.2", baseline: "off", doc: "on", shipped: "on"),
        Row(id: "overlap-discovery", section: "plan 3.3", baseline: "off", doc: "full", shipped: "partial"),
        Row(id: "track-details-ttl", section: "plan 4.1", baseline: "30min", doc: "2h", shipped: "30d"),
        Row(id: "seed-chunk-cache", section: "plan 4.2", baseline: "off", doc: "15min", shipped: "7d"),
        Row(id: "cache-prewarm", section: "plan 4.3", baseline: "off", doc: "on", shipped: nil),
        Row(id: "chunk-size", section: "plan 5.1", baseline: "3-10/1x", doc: "10-15/2x", shipped: "3-10/1x"),
        Row(id: "request-cancellation", section: "plan 5.2", baseline: "off", doc: "all", shipped: "energy-batches/45s"),
        Row(id: "circuit-breaker", section: "plan 5.3", baseline: "off", doc: "3/30s", shipped: nil),
        Row(id: "skip-ordering", section: "plan 6.1", baseline: "off", doc: "on", shipped: nil),
        Row(id: "early-exit", section: "plan 6.2", baseline: "off", doc: "on", shipped: nil),
        Row(id: "reccobeats-semaphore", section: "shipped only", baseline: "6", doc: nil, shipped: "15"),
        Row(id: "audio-feature-batching", section: "shipped only", baseline: "5/3/1.2s", doc: nil, shipped: "20/3/1.5s"),
        Row(id: "retry-after-cap", section: "shipped only", baseline: "off", doc: nil, shipped: "300s"),
        Row(id: "anchor-sources", section: "shipped only", baseline: "in-turn", doc: nil, shipped: "together"),
        Row(id: "album-sampling", section: "shipped only", baseline: "stable", doc: nil, shipped: "per-run"),
        Row(id: "request-dedup", section: "guide, long term", baseline: "cached", doc: "in-flight", shipped: nil),
        Row(id: "cache-tier", section: "guide, long term", baseline: "memory", doc: "tiered/20ms", shipped: "remote/20ms"),
        Row(id: "partial-streaming", section: "guide, long term", baseline: "off", doc: "on", shipped: nil),
        Row(id: "warm-cache", section: "run state", baseline: "off", doc: "1/1", shipped: nil),
    ]

    @Test func catalogueHasExactlyThirtyNineUniqueIDsSortedByID() {
        let ids = Phase.all.map(\.id.rawValue)
        #expect(ids.count == 39)
        #expect(Set(ids).count == 39)
        #expect(ids == ids.sorted())
        #expect(Set(ids) == Set(PhaseID.allCases.map(\.rawValue)))
        #expect(Set(Self.table.map(\.id)) == Set(ids))
    }

    @Test(arguments: table)
    func phaseMatchesTheTableRow(_ row: Row) throws {
        let phase = try Phase.named(row.id)
        #expect(phase.seedSection == row.section)
        #expect(phase.baseline == row.baseline)
        #expect(phase.doc == row.doc)
        #expect(phase.shipped == row.shipped)
        #expect(!phase.summary.isEmpty && !phase.shippedNote.isEmpty)
        #expect((phase.shipped == nil) == (phase.shippedNote == "not shipped"))
    }

    @Test(arguments: PhaseID.sorted)
    func baselineDocAndShippedTextsParseBackToThemselves(_ id: PhaseID) throws {
        let phase = Phase.phase(id)
        for text in [phase.baseline, phase.doc, phase.shipped].compactMap({ $0 }) {
            var configuration = PipelineConfiguration.baseline
            try phase.apply(text, to: &configuration)
            #expect(phase.value(in: configuration) == text)
        }
        #expect(phase.value(in: .baseline) == phase.baseline)
    }

    @Test(arguments: PhaseID.sorted)
    func idAloneAndOnMeanTheProposalAndOffMeansBaseline(_ id: PhaseID) throws {
        let phase = Phase.phase(id)
        let proposal = try #require(phase.doc ?? phase.shipped)
        var configuration = PipelineConfiguration.baseline
        try phase.apply(nil, to: &configuration)
        #expect(phase.value(in: configuration) == proposal)
        try phase.apply("ON", to: &configuration)
        #expect(phase.value(in: configuration) == proposal)
        try phase.apply("off", to: &configuration)
        #expect(phase.value(in: configuration) == phase.baseline)
        if let shipped = phase.shipped {
            try phase.apply("shipped", to: &configuration)
            #expect(phase.value(in: configuration) == shipped)
        } else {
            #expect(throws: ConfigurationError.self) { try phase.apply("shipped", to: &configuration) }
        }
    }

    @Test func everySeedOptimizationMapsToASection() {
        let sections = Set(Phase.all.map(\.seedSection))
        let guide = ["1.1", "1.2", "1.3", "2.1", "2.2", "2.3", "3.1"].map { "guide \($0)" }
        let plan = ["0.1", "0.2", "1.1", "1.2", "2.1", "2.2", "2.3", "2.4", "3.1", "3.2", "3.3", "4.1", "4.2", "4.3",
                    "5.1", "5.2", "5.3", "6.1", "6.2"].map { "plan \($0)" }
        for section in guide + plan + ["shipped only", "guide, long term"] {
            #expect(sections.contains(section), "no toggle for \(section)")
        }
    }

    @Test func environmentNamesAreListedOnTheirPhases() {
        #expect(Phase.phase(.fastAnchorScoring).environmentNames == ["FAST_MODE"])
        #expect(Phase.phase(.discoveryArtistLimit).environmentNames == ["MAX_ARTISTS_FOR_DISCOVERY"])
        #expect(Phase.all.flatMap(\.environmentNames).count == 6)
    }
}
