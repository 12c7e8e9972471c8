extension JSONReport {
    /// A diff as `perfbench.diff/1`: `schema`, `base` and `candidate` configurations, the merged
    /// `tree` (each node `name`, `base_seconds`, `candidate_seconds`, `delta_seconds`,
    /// `delta_percent` (null for a new stage), then `path`, `mover`, `children`), the movers, a
    /// `percentiles` block comparing P50/P95/P99 of the total and every stage, and `totals`
    /// with the counters of each side.
    public static func render(_ diff: DiffReport, pretty: Bool = true) -> String {
        diffObject(diff).rendered(pretty: pretty) + "\n"
    }

    /// The `perfbench.diff/1` object.
    public static func diffObject(_ diff: DiffReport) -> OrderedJSON {
        func object(_ node: DiffNode) -> OrderedJSON {
            .members([
                ("name", .string(node.name)),
                ("base_seconds", .seconds(node.baseSeconds)),
                ("candidate_seconds", .seconds(node.candidateSeconds)),
                ("delta_seconds", .seconds(node.deltaSeconds)),
                ("delta_percent", node.deltaPercent.map { .number($0, decimals: 3) } ?? .null),
                ("path", .string(node.path)),
                ("in_base", .bool(node.inBase)),
                ("in_candidate", .bool(node.inCandidate)),
                ("mover", .bool(diff.tree.isMover(node.path))),
                ("children", .array(node.children.map(object))),
            ])
        }
        let base = diff.basePercentiles
        let candidate = diff.candidatePercentiles
        let stagePaths = Set(base.stages.keys).union(candidate.stages.keys).sorted()
        let zero = PercentileSummary(p50: 0, p95: 0, p99: 0, count: 0)
        return .members([
            ("schema", .string(DiffReport.schema)),
            ("base", configObject(diff.baseConfig)),
            ("candidate", configObject(diff.candidateConfig)),
            ("runs", .members([("base", .int(base.runCount)), ("candidate", .int(candidate.runCount))])),
            ("tree", object(diff.tree.root)),
            ("movers", .array(diff.tree.moverPaths.map(OrderedJSON.string))),
            ("percentiles", .members([
                ("method", .string("nearest-rank")),
                ("total_seconds", comparisonObject(base.total, candidate.total)),
                ("stages", .members(stagePaths.map {
                    ($0, comparisonObject(base.stages[$0] ?? zero, candidate.stages[$0] ?? zero))
                })),
            ])),
            ("totals", .members([
                ("base", totalsObject(diff.baseTotals)),
                ("candidate", totalsObject(diff.candidateTotals)),
            ])),
            ("critical_path_moves", .array(diff.pathMoves.map { move in
                .members([
                    ("name", .string(move.label)), ("base_seconds", .seconds(move.base)),
                    ("candidate_seconds", .seconds(move.candidate)), ("delta_seconds", .seconds(move.deltaSeconds)),
                ])
            })),
        ] + (diff.bands.isEmpty ? [] : [("draws", drawsObject(diff))]))
    }

    /// `{ "total_seconds": { "p50": { "base": {p10,p90} | null, "candidate": … }, … },
    /// "unfinished_share": { "base", "candidate" } }`: the spread over `--draws`.
    static func drawsObject(_ diff: DiffReport) -> OrderedJSON {
        func band(_ value: (p10: Double, p90: Double)?) -> OrderedJSON {
            value.map { .members([("p10", .seconds($0.p10)), ("p90", .seconds($0.p90))]) } ?? .null
        }
        return .members([
            ("total_seconds", .members(diff.bands.map { ($0.label, .members([("base", band($0.base)), ("candidate", band($0.candidate))])) })),
            ("unfinished_share", .members([
                ("base", .number(diff.unfinishedShare.base, decimals: 6)),
                ("candidate", .number(diff.unfinishedShare.candidate, decimals: 6)),
            ])),
        ])
    }

    /// `{ "p50": { "base", "candidate", "delta_seconds", "delta_percent" }, "p95": …, "p99": … }`.
    static func comparisonObject(_ base: PercentileSummary, _ candidate: PercentileSummary) -> OrderedJSON {
        .object(zip(base.labelled, candidate.labelled).map { before, after in
            let delta = after.value - before.value
            let percent: OrderedJSON = before.value == 0
                ? (after.value == 0 ? .number(0, decimals: 3) : .null) : .number(delta / before.value * 100, decimals: 3)
            return OrderedJSON.Member(before.key, .members([
                ("base", .seconds(before.value)), ("candidate", .seconds(after.value)),
                ("delta_seconds", .seconds(delta)), ("delta_percent", percent),
            ]))
        })
    }

    /// One side's counters: `runs`, `requests`, `waits`, `cache`, mean `quality`, `counters`.
    static func totalsObject(_ totals: RunTotals) -> OrderedJSON {
        .members([
            ("runs", .int(totals.runCount)),
            ("requests", requestsObject(totals.requests)),
            ("waits", waitsObject(totals.waits)),
            ("cache", cacheObject(totals.cache)),
            ("quality", .members([
                ("overall", .number(totals.overall, decimals: 6)),
                ("cohesion", .number(totals.cohesion, decimals: 6)),
                ("tracks", .number(totals.tracks, decimals: 3)),
            ])),
            ("counters", .sorted(totals.counters) { .number($0, decimals: 6) }),
        ])
    }
}
