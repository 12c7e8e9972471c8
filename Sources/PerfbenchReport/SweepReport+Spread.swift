extension SweepReport {
    /// How a sweep or search row's figures spread over draws of the replay's models (`--draws N`,
    /// issue 14 §4): the row's metric and its saving against the base, each as P10…P90 over the
    /// draws, and the shares of draws that ran the improvement loop and that did not finish.
    ///
    /// Draw `d` of every configuration replays with the seeds of number `d`, so the saving is
    /// taken draw by draw — the same latencies, limiter and judge on both sides — and its band
    /// is the spread of the difference, narrower than two independent bands would suggest.
    public struct Spread: Sendable, Equatable {
        /// Draws per recording (the plain replay is draw 0, and counts).
        public var draws: Int
        /// P10…P90 of the metric over the draws, seconds.
        public var metric: ClosedRange<Double>
        /// P10…P90 of the saving against the base over the draws, seconds.
        public var saving: ClosedRange<Double>
        /// Share of the runs' draws that ran past ``PredictionInterval/runLimitSeconds``.
        public var unfinished: Double
        /// Share of the runs' draws whose generator ran more than once (the improvement loop).
        public var improvementLoop: Double

        public init(draws: Int, metric: ClosedRange<Double>, saving: ClosedRange<Double>, unfinished: Double, improvementLoop: Double) {
            self.draws = draws
            self.metric = metric
            self.saving = saving
            self.unfinished = unfinished
            self.improvementLoop = improvementLoop
        }

        /// The spread of `runs` on `metricName` (`total`, `p50`, `p95`, `p99`) against the base's
        /// runs `baseRuns` (whose metric is `baseMetric` without draws); nil when `runs` hold no
        /// draws.
        public init?(metricName: String, runs: [RunResult], baseRuns: [RunResult], baseMetric: Double) {
            // `total` (one recording) is any percentile of one run.
            let p = Double(metricName.dropFirst()) ?? 50
            guard let values = PredictionInterval.corpusDraws(p, of: runs) else { return nil }
            let baseValues = PredictionInterval.corpusDraws(p, of: baseRuns)
            let savings = values.indices.map { draw in
                let base = baseValues.map { draw < $0.count ? $0[draw] : baseMetric } ?? baseMetric
                return base - values[draw]
            }
            self.init(
                draws: values.count, metric: Self.band(values), saving: Self.band(savings),
                unfinished: Self.share(of: runs) { $0.unfinished } ifExact: { $0.totalSeconds > PredictionInterval.runLimitSeconds },
                improvementLoop: Self.share(of: runs) { interval in
                    interval.generatorRuns.filter { $0.key > 1 }.values.reduce(0, +)
                } ifExact: { ($0.counters["generator_runs"] ?? 0) > 1 })
        }

        /// P10…P90 by nearest rank, as the diff's and gate's corpus bands are taken.
        private static func band(_ values: [Double]) -> ClosedRange<Double> {
            let sorted = values.sorted()
            let low = Percentiles.nearestRank(10, sorted: sorted) ?? 0
            return low...max(low, Percentiles.nearestRank(90, sorted: sorted) ?? 0)
        }

        /// The mean over `runs` of a share of each run's draws: `drawn` of its interval, or, for
        /// a run without one, 1 when `exact` holds of it and 0 when not.
        private static func share(
            of runs: [RunResult], _ drawn: (PredictionInterval) -> Double, ifExact exact: (RunResult) -> Bool
        ) -> Double {
            guard !runs.isEmpty else { return 0 }
            return runs.map { run in run.interval.map(drawn) ?? (exact(run) ? 1 : 0) }.reduce(0, +) / Double(runs.count)
        }

        /// The JSON members a row gains with draws.
        var jsonMembers: [(String, OrderedJSON)] {
            [
                ("draws", .int(draws)), ("metric_p10_seconds", .seconds(metric.lowerBound)),
                ("metric_p90_seconds", .seconds(metric.upperBound)), ("saving_p10_seconds", .seconds(saving.lowerBound)),
                ("saving_p90_seconds", .seconds(saving.upperBound)), ("unfinished_share", .number(unfinished, decimals: 4)),
                ("improvement_loop_share", .number(improvementLoop, decimals: 4)),
            ]
        }
    }
}
