/// The machine-readable reports of CLI.md: `perfbench.replay/1` for one run and
/// `perfbench.corpus/1` for several. Keys come in a fixed order (CLI.md's, extra keys after),
/// maps are sorted by key, times are seconds rounded to the microsecond; output ends in a newline.
public enum JSONReport {
    /// The schema of one replay.
    public static let replaySchema = "perfbench.replay/1"
    /// The schema of a replay over several recordings.
    public static let corpusSchema = "perfbench.corpus/1"

    /// One run as `perfbench.replay/1`, pretty (two-space indents) unless told otherwise.
    public static func render(_ run: RunResult, pretty: Bool = true) -> String {
        replayObject(run).rendered(pretty: pretty) + "\n"
    }

    /// Several runs as `perfbench.corpus/1`: every replay object, then the percentiles.
    public static func render(corpus runs: [RunResult], pretty: Bool = true) -> String {
        var text: [UInt8] = []
        writeCorpus(runs, pretty: pretty) { text.append(contentsOf: $0) }
        return String(decoding: text, as: UTF8.self)
    }

    /// About how many bytes ``writeCorpus(_:pretty:to:)`` hands its sink at a time.
    static let pieceSize = 1 << 16

    /// Several runs as `perfbench.corpus/1`, the text that ``render(corpus:pretty:)`` returns,
    /// handed to `sink` in pieces as it is written: each run's object is built, written and
    /// dropped in turn, and each run's tree is built once, for its object and the percentiles.
    ///
    /// Why: the report of 1,000 recordings is 20 MB of text, and as one object tree it took
    /// ≈ 80 MB more at its peak (`replay` of 1,000 recordings: 132 MB against 53 MB as text).
    public static func writeCorpus<Failure: Error>(
        _ runs: [RunResult], pretty: Bool = true, to sink: (ArraySlice<UInt8>) throws(Failure) -> Void
    ) throws(Failure) {
        var output: [UInt8] = []
        output.reserveCapacity(pieceSize + pieceSize / 4)
        output.append(UInt8(ascii: "{"))
        OrderedJSON.writeMemberStart("schema", first: true, pretty: pretty, indent: 0, to: &output)
        OrderedJSON.string(corpusSchema).write(to: &output, pretty: pretty, indent: 1)
        OrderedJSON.writeMemberStart("runs", first: false, pretty: pretty, indent: 0, to: &output)
        var columns = TimingColumns()
        if runs.isEmpty {
            OrderedJSON.append("[]", to: &output)
        } else {
            output.append(UInt8(ascii: "["))
            for (index, run) in runs.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                if pretty { OrderedJSON.newline(&output, 2) }
                let tree = run.timingTree
                columns.add(tree)
                replayObject(run, tree: tree).write(to: &output, pretty: pretty, indent: 2)
                if output.count >= pieceSize {
                    try sink(output[...])
                    output.removeAll(keepingCapacity: true)
                }
            }
            if pretty { OrderedJSON.newline(&output, 1) }
            output.append(UInt8(ascii: "]"))
        }
        var rest: [(String, OrderedJSON)] = [("percentiles", percentilesObject(CorpusPercentiles(columns)))]
        if let session = SessionSummary(runs) { rest.append(("session", session.json)) }
        for (key, value) in rest {
            OrderedJSON.writeMemberStart(key, first: false, pretty: pretty, indent: 0, to: &output)
            value.write(to: &output, pretty: pretty, indent: 1)
        }
        if pretty { OrderedJSON.newline(&output, 0) }
        output.append(contentsOf: [UInt8(ascii: "}"), UInt8(ascii: "\n")])
        try sink(output[...])
    }

    /// The `perfbench.replay/1` object of one run.
    public static func replayObject(_ run: RunResult) -> OrderedJSON {
        replayObject(run, tree: run.timingTree)
    }

    /// The `perfbench.replay/1` object of `run`, whose timing tree is `tree`.
    static func replayObject(_ run: RunResult, tree: TimingTree) -> OrderedJSON {
        .members([
            ("schema", .string(replaySchema)),
            ("recording", .string(run.recording)),
            ("config", configObject(run.config)),
            ("total_seconds", .seconds(run.totalSeconds)),
            ("tree", treeObject(tree)),
            ("requests", requestsObject(run.requests)),
            ("waits", waitsObject(run.waits)),
            ("cache", cacheObject(run.cache)),
            ("quality", qualityObject(run.quality)),
            ("largest", .array(tree.largestPaths.map(OrderedJSON.string))),
            ("counters", .sorted(run.counters) { .number($0, decimals: 6) }),
            ("warnings", .array(run.warnings.map(OrderedJSON.string))),
            ("weak_stages", .sorted(run.weakStages) { .string($0.rawValue) }),
        ] + (run.interval.map { [("interval", intervalObject($0))] } ?? [])
            + (SessionSummary([run]).map { [("session", $0.json)] } ?? [])
            + (run.criticalPathSummary.map { [("critical_path", criticalPathObject($0))] } ?? []))
    }

    /// `{ "seconds_by_kind": {request, wait, step}, "largest": [{name, seconds}] }` (five).
    static func criticalPathObject(_ path: CriticalPathSummary) -> OrderedJSON {
        .members([
            ("seconds_by_kind", .members([
                ("request", .seconds(path.seconds(of: .request))), ("wait", .seconds(path.seconds(of: .wait))),
                ("step", .seconds(path.seconds(of: .step))),
            ])),
            ("largest", .array(path.byName.prefix(5).map { .members([("name", .string($0.name)), ("seconds", .seconds($0.seconds))]) })),
        ])
    }

    /// `{ "name": …, "phases": { id: value, … } }`, phases sorted by id.
    public static func configObject(_ config: RunConfig) -> OrderedJSON {
        .members([("name", .string(config.name)), ("phases", .sorted(config.phases) { .string($0) })])
    }

    /// The tree: each node `name`, `seconds`, `start` (CLI.md), then `path`, `percent` of the
    /// workflow, `self_seconds`, `largest`, and `children` last.
    public static func treeObject(_ tree: TimingTree) -> OrderedJSON {
        func object(_ node: TimingNode) -> OrderedJSON {
            .members([
                ("name", .string(node.name)),
                ("seconds", .seconds(node.seconds)),
                ("start", .seconds(node.startSeconds)),
                ("path", .string(node.path)),
                ("percent", .number(tree.percent(of: node), decimals: 3)),
                ("self_seconds", .seconds(Double(node.selfMicros) / 1_000_000)),
                ("largest", .bool(tree.isLargest(node.path))),
                ("children", .array(node.children.map(object))),
            ])
        }
        return object(tree.root)
    }

    /// `{ "method": "nearest-rank", "runs": n, "total_seconds": {p50,p95,p99},
    /// "stages": { path: {p50,p95,p99} } }`, stages sorted by path.
    public static func percentilesObject(_ percentiles: CorpusPercentiles) -> OrderedJSON {
        .members([
            ("method", .string("nearest-rank")),
            ("runs", .int(percentiles.runCount)),
            ("total_seconds", summaryObject(percentiles.total)),
            ("stages", .sorted(percentiles.stages, summaryObject)),
        ])
    }

    /// `{ "p50": …, "p95": …, "p99": … }` in seconds.
    public static func summaryObject(_ summary: PercentileSummary) -> OrderedJSON {
        .object(summary.labelled.map { OrderedJSON.Member($0.key, .seconds($0.value)) })
    }

    /// `{ "draws": n, "total_seconds": {p10,p50,p90}, "stages": {path: {…}}, "generator_runs": {runs: share},
    /// "unfinished_share": share, "run_limit_seconds": s }`.
    static func intervalObject(_ interval: PredictionInterval) -> OrderedJSON {
        func band(_ value: (p10: Double, p50: Double, p90: Double)) -> OrderedJSON {
            .members([("p10", .seconds(value.p10)), ("p50", .seconds(value.p50)), ("p90", .seconds(value.p90))])
        }
        return .members([
            ("draws", .int(interval.draws)),
            ("total_seconds", band(interval.total)),
            ("stages", .sorted(interval.stages, band)),
            ("generator_runs", .sorted(Dictionary(uniqueKeysWithValues: interval.generatorRuns.map { (String($0.key), $0.value) })) {
                .number($0, decimals: 6)
            }),
            ("unfinished_share", .number(interval.unfinished, decimals: 6)),
            ("run_limit_seconds", .seconds(PredictionInterval.runLimitSeconds)),
        ])
    }

    static func requestsObject(_ requests: RequestCounts) -> OrderedJSON {
        .members([
            ("total", .int(requests.total)),
            ("by_service", .sorted(requests.byService) { .int($0) }),
            ("exact", .int(requests.exact)),
            ("composed", .int(requests.composed)),
            ("synthesized", .int(requests.synthesized)),
            ("errors", .int(requests.errors)),
            ("timeouts", .int(requests.timeouts)),
            ("time_by_source", .sorted(requests.timeBySource) { times in
                .members([
                    ("observed_seconds", .seconds(Double(times.observed) / 1_000_000)),
                    ("inferred_seconds", .seconds(Double(times.inferred) / 1_000_000)),
                    ("fitted_seconds", .seconds(Double(times.fitted) / 1_000_000)),
                    ("modelled_seconds", .seconds(Double(times.modelled) / 1_000_000)),
                ])
            }),
            ("by_endpoint", .sorted(requests.byEndpoint) { answers in
                .members([
                    ("exact", .int(answers.exact)), ("composed", .int(answers.composed)),
                    ("synthesized", .int(answers.synthesized)),
                ])
            }),
        ])
    }

    static func waitsObject(_ waits: WaitCounts) -> OrderedJSON {
        .members([
            ("window_count", .int(waits.windowCount)),
            ("window_seconds", .seconds(waits.windowSeconds)),
            ("retry_after_count", .int(waits.retryAfterCount)),
            ("retry_after_seconds", .seconds(waits.retryAfterSeconds)),
            ("min_interval_count", .int(waits.minIntervalCount)),
            ("min_interval_seconds", .seconds(waits.minIntervalSeconds)),
            ("semaphore_count", .int(waits.semaphoreCount)),
            ("semaphore_seconds", .seconds(waits.semaphoreSeconds)),
        ])
    }

    static func cacheObject(_ cache: CacheCounts) -> OrderedJSON {
        .members([
            ("hits", .int(cache.hits)), ("misses", .int(cache.misses)),
            ("hit_rate", .number(cache.hitRate, decimals: 6)),
        ])
    }

    static func qualityObject(_ quality: QualityScores) -> OrderedJSON {
        .members([
            ("overall", .number(quality.overall, decimals: 6)),
            ("cohesion", .number(quality.cohesion, decimals: 6)),
            ("tracks", .int(quality.tracks)),
        ])
    }
}
