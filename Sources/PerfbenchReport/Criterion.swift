import PerfbenchRecording

/// An absolute success criterion the gate checks besides the baseline comparison
/// (`--require total.p95<=90s`): a metric over the corpus, a comparison and a bound.
///
/// Metrics:
/// - `total.pNN` / `total.mean`: the workflow total, seconds (`s`);
/// - `stage.<path>.pNN`: one stage, seconds (`s`);
/// - `requests.pNN` / `requests.mean`: requests per workflow (a count);
/// - `rate.errors`: requests answered with an error (a 4xx/5xx or a failed connection) per
///   request, percent (`%`);
/// - `rate.timeouts` / `rate.timeouts.<service>`: timeouts per request, percent;
/// - `cache.hit_rate`: cache hits per lookup, percent;
/// - `cache.hit_rate.repeat`: the same over runs 2…N of warm sessions (`--session N`), percent;
/// - `quality.overall` / `quality.cohesion`: the playlist's scores (0–1), mean over the runs;
/// - `requests` alone: requests per workflow, mean over the runs.
///
/// Named sets: `plan` (the optimization plan's success criteria: P95 < 90 s, P50 < 60 s,
/// ReccoBeats timeout rate < 1 %, error rate < 2 %) and `guide` (the guide's targets: mean
/// workflow < 120 s, fewer than 200 API calls per workflow). The plan's "cache hit rate > 50 %
/// for repeat requests" and the guide's "> 80 % on subsequent runs" are `cache.hit_rate.repeat`,
/// which needs `--session N` (N ≥ 2); the sets leave them out so they apply to any gate, and
/// `plan-repeat` / `guide-repeat` add them.
public struct Criterion: Sendable, Equatable {
    public enum Comparison: String, Sendable, CaseIterable {
        case atMost = "<=", below = "<", atLeast = ">=", above = ">"

        func holds(_ value: Double, _ bound: Double) -> Bool {
            switch self {
            case .atMost: return value <= bound
            case .below: return value < bound
            case .atLeast: return value >= bound
            case .above: return value > bound
            }
        }
    }

    /// What a metric is measured in.
    public enum Unit: String, Sendable { case seconds = "s", percent = "%", count = "" }

    /// As written, e.g. `total.p95<=90s`.
    public var text: String
    public var metric: String
    public var comparison: Comparison
    /// The bound, in the metric's unit (percent as 0–100).
    public var bound: Double
    public var unit: Unit

    /// The named sets of criteria.
    public static let named: [String: [String]] = [
        "plan": ["total.p95<90s", "total.p50<60s", "rate.timeouts.reccobeats<1%", "rate.errors<2%"],
        "guide": ["total.mean<120s", "requests.p50<200"],
        "plan-repeat": ["cache.hit_rate.repeat>50%"],
        "guide-repeat": ["cache.hit_rate.repeat>80%"],
    ]

    /// Why a criterion cannot be read, with the accepted forms.
    public struct Invalid: Error, CustomStringConvertible, Sendable {
        public var text: String
        public var reason: String
        public var description: String {
            "--require \"\(text)\": \(reason). Write METRIC OP BOUND, e.g. total.p95<=90s, rate.errors<2%, "
                + "requests.p50<=200, quality.overall>=0.75, stage.orchestration/initial_generation.p95<=60s; or a named set: "
                + Criterion.named.keys.sorted().joined(separator: ", ") + "."
        }
    }

    /// The criteria `text` names: one criterion or a named set.
    public static func parse(_ text: String) throws(Invalid) -> [Criterion] {
        let trimmed = text.filter { !$0.isWhitespace }
        if let set = named[trimmed] {
            var criteria: [Criterion] = []
            for item in set { criteria += try parse(item) }
            return criteria
        }
        guard let (position, comparison) = Self.comparison(in: trimmed) else {
            throw Invalid(text: text, reason: "no comparison (<=, <, >=, >)")
        }
        let metric = String(trimmed[..<position])
        var rest = String(trimmed[trimmed.index(position, offsetBy: comparison.rawValue.count)...])
        let unit: Unit
        if rest.hasSuffix("%") {
            unit = .percent
            rest.removeLast()
        } else if rest.hasSuffix("s") {
            unit = .seconds
            rest.removeLast()
        } else {
            unit = .count
        }
        guard let bound = Double(rest), bound.isFinite, bound >= 0 else {
            throw Invalid(text: text, reason: "the bound \"\(rest)\" is not a number of zero or more")
        }
        let expected = try Self.unit(of: metric, text: text)
        guard unit == expected || (unit == .count && expected != .percent) else {
            throw Invalid(text: text, reason: "\(metric) is measured in \(expected == .count ? "a count" : expected.rawValue), not \(unit == .count ? "a count" : unit.rawValue)")
        }
        return [Criterion(text: trimmed, metric: metric, comparison: comparison, bound: bound, unit: expected)]
    }

    private static func comparison(in text: String) -> (String.Index, Comparison)? {
        guard let index = text.firstIndex(where: { $0 == "<" || $0 == ">" }) else { return nil }
        let next = text.index(after: index)
        let orEqual = next < text.endIndex && text[next] == "="
        switch (text[index], orEqual) {
        case ("<", true): return (index, .atMost)
        case ("<", false): return (index, .below)
        case (">", true): return (index, .atLeast)
        default: return (index, .above)
        }
    }

    private static func unit(of metric: String, text: String) throws(Invalid) -> Unit {
        let parts = metric.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        func statistic(_ name: String?) -> Bool { name == "mean" || name.map(percentileValue) != nil }
        switch parts.first {
        case "total" where parts.count == 2 && statistic(parts[1]): return .seconds
        case "stage" where parts.count >= 3 && percentileValue(parts[parts.count - 1]) != nil: return .seconds
        case "requests" where parts.count == 2 && statistic(parts[1]): return .count
        case "requests" where parts.count == 1: return .count
        case "quality" where metric == "quality.overall" || metric == "quality.cohesion": return .count
        case "rate" where metric == "rate.errors" || metric == "rate.timeouts": return .percent
        case "rate" where parts.count == 3 && parts[1] == "timeouts" && Service(rawValue: parts[2]) != nil: return .percent
        case "cache" where metric == "cache.hit_rate" || metric == "cache.hit_rate.repeat": return .percent
        default:
            throw Invalid(text: text, reason: "unknown metric \"\(metric)\"")
        }
    }

    static func percentileValue(_ name: String) -> Double? {
        guard name.hasPrefix("p"), let value = Double(name.dropFirst()), value > 0, value <= 100 else { return nil }
        return value
    }

    /// The metric over `runs`, in its unit.
    public func value(over runs: [RunResult]) -> Double {
        let parts = metric.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        func statistic(_ values: [Double], _ name: String) -> Double {
            if name == "mean" { return values.isEmpty ? 0 : values.reduce(0, +) / Double(values.count) }
            return Percentiles.nearestRank(Self.percentileValue(name) ?? 50, of: values) ?? 0
        }
        func percent(_ part: Int, _ whole: Int) -> Double { whole == 0 ? 0 : Double(part) / Double(whole) * 100 }
        switch parts[0] {
        case "total": return statistic(runs.map(\.totalSeconds), parts[1])
        case "stage":
            let path = parts[1..<(parts.count - 1)].joined(separator: ".")
            return statistic(runs.map { run in run.timingTree.node(at: path)?.seconds ?? 0 }, parts[parts.count - 1])
        case "requests": return statistic(runs.map { Double($0.requests.total) }, parts.count > 1 ? parts[1] : "mean")
        case "quality":
            let scores = runs.map { parts[1] == "overall" ? $0.quality.overall : $0.quality.cohesion }
            return scores.isEmpty ? 0 : scores.reduce(0, +) / Double(scores.count)
        case "rate" where parts.count == 3:
            let service = Service(rawValue: parts[2])
            let sent = runs.flatMap(\.exchanges).filter { $0.service == service }
            return percent(sent.filter { $0.outcome == .timeout }.count, sent.count)
        case "rate":
            let total = runs.map(\.requests.total).reduce(0, +)
            let timeouts = runs.map(\.requests.timeouts).reduce(0, +)
            return parts[1] == "timeouts" ? percent(timeouts, total) : percent(runs.map(\.requests.errors).reduce(0, +), total)
        case "cache" where parts.count == 3:
            let repeats = SessionSummary(runs)?.repeatCache ?? CacheCounts()
            return percent(repeats.hits, repeats.hits + repeats.misses)
        default:
            let hits = runs.map(\.cache.hits).reduce(0, +)
            return percent(hits, hits + runs.map(\.cache.misses).reduce(0, +))
        }
    }

    /// Whether the criterion reads every exchange of the runs (a host's timeout rate), not only
    /// their counts and critical paths.
    public var readsExchanges: Bool { metric.hasPrefix("rate.") && metric.split(separator: ".").count == 3 }

    /// Whether the criterion reads runs 2…N of warm sessions (`--session N` must be given).
    public var needsSession: Bool { metric == "cache.hit_rate.repeat" }

    /// `90 s`, `1 %` or `200`.
    public func formatted(_ value: Double) -> String {
        switch unit {
        case .seconds: return DecimalText.fixed(value, 2) + " s"
        case .percent: return DecimalText.fixed(value, 2) + " %"
        case .count where metric.hasPrefix("quality."): return DecimalText.fixed(value, 2)
        case .count: return DecimalText.fixed(value, value.rounded() == value ? 0 : 1)
        }
    }
}

/// A criterion checked: its value over the candidate's runs and whether it holds.
public struct CriterionResult: Sendable, Equatable {
    public var criterion: Criterion
    public var value: Double
    public var holds: Bool

    /// Checks `criterion` over `runs`.
    public init(_ criterion: Criterion, runs: [RunResult]) {
        self.criterion = criterion
        value = criterion.value(over: runs)
        holds = criterion.comparison.holds(value, criterion.bound)
    }
}
