import PerfbenchPipeline
import PerfbenchRecording
import PerfbenchReport
import PerfbenchRuntime

/// The search behind `perfbench optimize`: which combination of toggles gives the lowest metric
/// (a corpus percentile, or one recording's total) without breaking the requirements, and what
/// each step down costs in quality and API calls (the Pareto front of the three).
///
/// Deterministic for a seed: candidates come from a SplitMix64 stream, are evaluated in
/// batches by the injected `evaluate` (a replay of every recording under each configuration),
/// and no dictionary order reaches a choice. First every toggle alone at each of its values
/// (named ones, and for numbers a few points across their range), then generations of
/// combinations: the front's and the best configurations' toggles changed, and their changes
/// crossed, favouring values that saved time alone.
public struct ConfigurationSearch: Sendable {
    /// One evaluated configuration.
    public struct Candidate: Sendable, Equatable {
        /// The configuration (named by its spec).
        public var config: PipelineConfiguration
        /// `id=value` for every toggle that differs from the base, in id order.
        public var changes: [String]
        public var metric: Double
        public var overall: Double
        public var cohesion: Double
        public var requestsPerWorkflow: Double
        public var timeouts: Int
        public var errors: Int
        /// Each requirement over this configuration's runs.
        public var criteria: [CriterionResult]
        /// Whether some run sent a host faster than its recording ever did, so its rate limits
        /// are the model's extrapolation (``RunResult/extrapolatedRatePrefix``).
        public var extrapolated: Bool
        /// Whether every requirement holds (and, when the search refuses extrapolation, the
        /// figures rest on rates the recordings showed).
        public var feasible: Bool

    }

    /// What the search found.
    public struct Outcome: Sendable {
        /// The base, evaluated first.
        public var base: Candidate
        /// Every configuration evaluated, in evaluation order (the base first).
        public var evaluated: [Candidate]
        /// The feasible configurations no other feasible one beats on the metric, quality and
        /// calls all at once; lowest metric first.
        public var front: [Candidate]
        /// The feasible configuration with the lowest metric (ties: higher quality, fewer
        /// changes, name); nil when none meets the requirements.
        public var best: Candidate?
    }

    public var base: PipelineConfiguration
    /// The base as the user named it (`baseline`, a file, a comma list): the first item of
    /// every candidate's spec.
    public var baseSpec: String
    /// `p50`, `p95` or `p99` (one recording: its total).
    public var metricName: String
    public var requirements: [Criterion]
    /// How many configurations to evaluate, the base included.
    public var budget: Int
    public var seed: UInt64
    /// Configurations per `evaluate` call.
    public var batchSize: Int
    /// Count a configuration that sends a host faster than any recording did as not meeting
    /// the requirements (its rate-limit waits are an extrapolation).
    public var refusesExtrapolation = false
    /// How candidates are chosen.
    public var strategy = Strategy.adaptive

    /// How the search picks its candidates.
    public enum Strategy: String, Sendable, CaseIterable {
        /// Every toggle alone, then generations built from what the earlier ones found, then the
        /// best simplified: each step depends on the results before it.
        case adaptive
        /// Every toggle alone, then random combinations from the seed: the whole list is known
        /// before any replay, so it can be split across machines (`--shard`) and merged.
        case fixed
    }

    public init(
        base: PipelineConfiguration, baseSpec: String, metricName: String, requirements: [Criterion], budget: Int,
        seed: UInt64, batchSize: Int = 64
    ) {
        self.base = base
        self.baseSpec = baseSpec
        self.metricName = metricName
        self.requirements = requirements
        self.budget = max(1, budget)
        self.seed = seed
        self.batchSize = max(1, batchSize)
    }

    /// Runs the search; `evaluate` returns, per configuration given, its runs over the
    /// recordings.
    public func run(
        evaluate: ([PipelineConfiguration]) throws -> [[RunResult]]
    ) throws -> Outcome {
        var random = SplitMix64(seed: seed)
        var seen = Set<[String]>()
        var evaluated: [Candidate] = []
        func submit(_ configs: [PipelineConfiguration]) throws {
            let room = budget - evaluated.count
            let batch = Array(configs.prefix(max(0, room)))
            guard !batch.isEmpty else { return }
            for (config, runs) in zip(batch, try evaluate(batch)) { evaluated.append(candidate(config, runs)) }
        }
        // `configs` in batches of `batchSize` until they or the budget run out.
        func submitInBatches(_ configs: [PipelineConfiguration]) throws {
            var start = 0
            while start < configs.count, evaluated.count < budget {
                try submit(Array(configs[start..<min(start + batchSize, configs.count)]))
                start += batchSize
            }
        }
        // The base, then every toggle alone: doc and shipped values first, the rest shuffled.
        seen.insert(changes(of: base))
        try submit([base])
        var named: [PipelineConfiguration] = []
        var others: [PipelineConfiguration] = []
        for phase in Phase.all {
            let current = phase.value(in: base)
            for value in Self.values(of: phase) where value != current {
                guard let config = changed(base, [(phase.id, value)]), seen.insert(changes(of: config)).inserted else { continue }
                if value == phase.doc || value == phase.shipped { named.append(config) } else { others.append(config) }
            }
        }
        random.shuffle(&others)
        let singles = named + others
        if strategy == .fixed {
            var list = singles
            var attempts = 0
            while list.count + 1 < budget, attempts < budget * 20 {
                attempts += 1
                var settings: [(PhaseID, String)] = []
                for _ in 0...(1 + random.index(3)) {
                    let phase = Phase.all[random.index(Phase.all.count)]
                    let values = Self.values(of: phase)
                    settings.removeAll { $0.0 == phase.id }
                    settings.append((phase.id, values[random.index(values.count)]))
                }
                guard let config = changed(base, settings), seen.insert(changes(of: config)).inserted else { continue }
                list.append(config)
            }
            try submitInBatches(list)
            return Outcome(base: evaluated[0], evaluated: evaluated, front: Self.front(evaluated), best: Self.best(evaluated))
        }
        try submitInBatches(singles)
        // Values that saved time alone (and still meet the requirements), best first.
        let baseMetric = evaluated[0].metric
        let helpful = evaluated.dropFirst().filter { $0.metric < baseMetric && $0.feasible }
            .sorted { $0.metric < $1.metric }
            .flatMap { single in single.changes.map(Self.setting) }
        // Generations of combinations until the budget is spent or nothing new turns up.
        var stale = 0
        while evaluated.count < budget, stale < 3 {
            let parents = Self.parents(evaluated)
            var children: [PipelineConfiguration] = []
            var attempts = 0
            while children.count < min(batchSize, budget - evaluated.count), attempts < batchSize * 20 {
                attempts += 1
                guard let child = child(of: parents, helpful: helpful, random: &random),
                    seen.insert(changes(of: child)).inserted
                else { continue }
                children.append(child)
            }
            if children.isEmpty { break }
            let bestBefore = Self.best(evaluated)?.metric
            try submit(children)
            stale = Self.best(evaluated)?.metric == bestBefore ? stale + 1 : 0
        }
        // The best without the changes that buy nothing: each one taken out in turn, keeping a
        // removal that is no slower, no worse in quality and still meets the requirements.
        while var best = Self.best(evaluated), best.changes.count > 1 {
            var variants: [PipelineConfiguration] = []
            for change in best.changes {
                let kept = best.changes.filter { $0 != change }.map(Self.setting)
                if let config = changed(base, kept), seen.insert(changes(of: config)).inserted { variants.append(config) }
            }
            guard !variants.isEmpty else { break }
            let results = try evaluate(variants)
            var simpler: Candidate?
            for (config, runs) in zip(variants, results) {
                let variant = candidate(config, runs)
                evaluated.append(variant)
                if variant.feasible, variant.metric <= best.metric, variant.overall >= best.overall,
                    simpler.map({ Self.isBetter(variant, $0) }) ?? true
                {
                    simpler = variant
                }
            }
            guard let simpler else { break }
            best = simpler
        }
        return Outcome(base: evaluated[0], evaluated: evaluated, front: Self.front(evaluated), best: Self.best(evaluated))
    }

    /// A new combination: a parent with one to three toggles changed (a helpful value two times
    /// in three, any value of any toggle otherwise), or two parents' changes together.
    private func child(
        of parents: [Candidate], helpful: [(PhaseID, String)], random: inout SplitMix64
    ) -> PipelineConfiguration? {
        guard !parents.isEmpty else { return nil }
        let parent = parents[random.index(parents.count)]
        var settings = parent.changes.map(Self.setting)
        if parents.count > 1, random.nextUnit() < 0.3 {
            let other = parents[random.index(parents.count)]
            for setting in other.changes.map(Self.setting) {
                settings.removeAll { $0.0 == setting.0 }
                settings.append(setting)
            }
        } else {
            for _ in 0...random.index(3) {
                let setting: (PhaseID, String)
                if !helpful.isEmpty, random.nextUnit() < 0.67 {
                    setting = helpful[random.index(min(helpful.count, 12))]
                } else {
                    let phase = Phase.all[random.index(Phase.all.count)]
                    let values = Self.values(of: phase)
                    setting = (phase.id, values[random.index(values.count)])
                }
                settings.removeAll { $0.0 == setting.0 }
                settings.append(setting)
            }
        }
        return changed(base, settings)
    }

    /// The configurations the next generation starts from: the front, and the eight lowest
    /// metrics among the feasible ones (all of them when none is feasible yet).
    private static func parents(_ evaluated: [Candidate]) -> [Candidate] {
        let feasible = evaluated.filter(\.feasible)
        let pool = feasible.isEmpty ? evaluated : feasible
        var parents = front(evaluated)
        for candidate in pool.sorted(by: isBetter).prefix(8) where !parents.contains(candidate) {
            parents.append(candidate)
        }
        return parents.isEmpty ? Array(evaluated.prefix(1)) : parents
    }

    /// The feasible candidates no other feasible one dominates, lowest metric first.
    static func front(_ evaluated: [Candidate]) -> [Candidate] {
        let feasible = evaluated.filter(\.feasible)
        func dominates(_ a: Candidate, _ b: Candidate) -> Bool {
            a.metric <= b.metric && a.overall >= b.overall && a.requestsPerWorkflow <= b.requestsPerWorkflow
                && (a.metric < b.metric || a.overall > b.overall || a.requestsPerWorkflow < b.requestsPerWorkflow)
        }
        // Of configurations with the very same figures, the simplest stands for them all.
        var front: [Candidate] = []
        for candidate in feasible.filter({ candidate in !feasible.contains { dominates($0, candidate) } }).sorted(by: isBetter)
        where !front.contains(where: {
            $0.metric == candidate.metric && $0.overall == candidate.overall && $0.requestsPerWorkflow == candidate.requestsPerWorkflow
        }) {
            front.append(candidate)
        }
        return front
    }

    static func best(_ evaluated: [Candidate]) -> Candidate? {
        evaluated.filter(\.feasible).min(by: isBetter)
    }

    /// Lower metric, then higher quality, then fewer changes, then the spec.
    static func isBetter(_ a: Candidate, _ b: Candidate) -> Bool {
        if a.metric != b.metric { return a.metric < b.metric }
        if a.overall != b.overall { return a.overall > b.overall }
        if a.changes.count != b.changes.count { return a.changes.count < b.changes.count }
        return a.config.name < b.config.name
    }

    /// The values a toggle is tried at: its baseline, doc and shipped values; every word of a
    /// choice; on and off; and for numbers five points across the range (both ends included).
    /// Canonical text, no repeats, in a fixed order.
    public static func values(of phase: Phase) -> [String] {
        var texts = [phase.baseline] + [phase.doc, phase.shipped].compactMap { $0 } + values(of: phase.kind)
        var canonical: [String] = []
        for text in texts {
            var config = PipelineConfiguration.baseline
            guard (try? config.set(phase.id, to: text)) != nil else { continue }
            let value = phase.value(in: config)
            if !canonical.contains(value) { canonical.append(value) }
        }
        texts = canonical
        return texts
    }

    private static func values(of kind: PhaseValueKind) -> [String] {
        switch kind {
        case .onOff: return ["on", "off"]
        case .choice(let words): return words
        case .integer(let range):
            let span = range.upperBound - range.lowerBound
            return [0, 1, 2, 3, 4].map { String(range.lowerBound + span * $0 / 4) }
        case .number(let range), .seconds(let range):
            let span = range.upperBound - range.lowerBound
            return [0.0, 1, 2, 3, 4].map { DecimalText.trimmed(range.lowerBound + span * $0 / 4, 3) }
        case .optional(let inner): return ["off"] + values(of: inner)
        case .oneOf(let kinds): return kinds.flatMap(values(of:))
        case .composite: return []
        }
    }

    private func candidate(_ config: PipelineConfiguration, _ runs: [RunResult]) -> Candidate {
        let totals = RunTotals(runs: runs)
        let criteria = requirements.map { CriterionResult($0, runs: runs) }
        let extrapolated = runs.contains(where: \.hasExtrapolatedRates)
        return Candidate(
            config: config, changes: changes(of: config), metric: SweepReport.metric(metricName, runs),
            overall: totals.overall, cohesion: totals.cohesion,
            requestsPerWorkflow: Double(totals.requests.total) / Double(max(runs.count, 1)),
            timeouts: totals.requests.timeouts, errors: totals.requests.errors, criteria: criteria,
            extrapolated: extrapolated,
            feasible: criteria.allSatisfy(\.holds) && !(refusesExtrapolation && extrapolated))
    }

    /// `id=value` for every toggle of `config` that differs from the base, in id order.
    func changes(of config: PipelineConfiguration) -> [String] {
        Phase.all.compactMap { phase in
            let value = phase.value(in: config)
            return value == phase.value(in: base) ? nil : phase.id.rawValue + "=" + value
        }
    }

    /// The base with `settings` applied, named by its spec; nil when a value does not apply.
    private func changed(_ config: PipelineConfiguration, _ settings: [(PhaseID, String)]) -> PipelineConfiguration? {
        var config = config
        for (id, value) in settings {
            guard (try? config.set(id, to: value)) != nil else { return nil }
        }
        config.name = ([baseSpec] + changes(of: config)).joined(separator: ",")
        return config
    }

    private static func setting(_ change: String) -> (PhaseID, String) {
        let parts = change.split(separator: "=", maxSplits: 1).map(String.init)
        return (PhaseID(rawValue: parts[0]) ?? Phase.all[0].id, parts.count > 1 ? parts[1] : "")
    }
}

extension SplitMix64 {
    /// A uniform index below `count` (which must be positive).
    mutating func index(_ count: Int) -> Int {
        Int(next() % UInt64(count))
    }

    /// Fisher–Yates with this stream.
    mutating func shuffle<T>(_ items: inout [T]) {
        guard items.count > 1 else { return }
        for position in stride(from: items.count - 1, to: 0, by: -1) {
            items.swapAt(position, index(position + 1))
        }
    }
}
