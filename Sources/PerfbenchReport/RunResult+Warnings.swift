extension RunResult {
    /// What a reader must know before trusting this run's figures, one sentence each: the
    /// coverage warning (most answers modelled, not recorded) and modelled rate limits on a host
    /// whose recording never saw one. Every report format and standard error carry them.
    public var warnings: [String] { kindedWarnings.map(\.text) }

    /// The warnings with their kind (`coverage`, `rate-limit`, `send-rate`, `load`, `outage`, `tail`, `fit`), by
    /// which a corpus report groups them.
    public var kindedWarnings: [(kind: String, text: String)] {
        var warnings: [(kind: String, text: String)] = []
        func append(_ kind: String, _ text: String) { warnings.append((kind, text)) }
        if let coverage = AnswerCoverage(requests).warning() { append("coverage", coverage) }
        if let unrecorded = counters[Self.unrecordedRateLimitCounter], unrecorded > 0 {
            append(
                "rate-limit",
                "\(DecimalText.trimmed(unrecorded, 0)) modelled 429 answers on hosts whose recording had none: "
                    + "this configuration sends faster than anything recorded there, so those waits are an "
                    + "extrapolation (replay_rate_limited_unrecorded)")
        }
        for key in counters.keys.sorted() where key.hasPrefix(Self.extrapolatedRatePrefix) {
            let name = String(key.dropFirst(Self.extrapolatedRatePrefix.count))
            let parts = name.split(separator: "_per_")
            guard parts.count == 2, let replayed = counters[key], let recorded = counters[Self.recordedRatePrefix + name] else { continue }
            append(
                "send-rate",
                "this configuration sends \(parts[0]) up to \(DecimalText.trimmed(replayed, 0)) calls per \(parts[1]) window, "
                    + "more than the recording ever did (\(DecimalText.trimmed(recorded, 0)))\(endpointRates(service: String(parts[0]), span: String(parts[1]))): "
                    + "what the rate-limit model answers there is an extrapolation")
        }
        for (service, replayed, recorded) in pairedCounters(Self.extrapolatedLoadPrefix, Self.recordedLoadPrefix) {
            append(
                "load",
                "this configuration has up to \(DecimalText.trimmed(replayed, 0)) \(service) calls in flight at once, more than "
                    + "the recording ever did (\(DecimalText.trimmed(recorded, 0))), and the recording's \(service) calls were "
                    + "slower the more were in flight: the figure keeps their recorded latencies; --draws shows them growing "
                    + "with the load")
        }
        for (service, streak, from) in pairedCounters(Self.outageStreakPrefix, Self.outageFromPrefix) {
            append(
                "outage",
                "the recording shows \(service) down for a stretch (\(DecimalText.trimmed(streak, 0)) calls in a row timed "
                    + "out from \(DecimalText.trimmed(from, 0)) s); the figure has it come back as it did, and --draws keeps "
                    + "it down in every fourth draw, where the run may not finish (\(Self.outageStreakPrefix)\(service))")
        }
        if let drawn = counters[Self.tailDrawCounter], drawn > 0 {
            append(
                "tail",
                "\(DecimalText.trimmed(drawn, 0)) calls the recording saw time out were answered from the endpoint's "
                    + "latency tail beyond the recorded timeout (a fit with timeouts as censored data): the recording "
                    + "only knows they took longer (\(Self.tailDrawCounter))")
        }
        if let fitted = counters[Self.fittedUnderWhatIfCounter], fitted > 0 {
            append(
                "fit",
                "\(DecimalText.fixed(fitted, 2)) s of request time rest on latencies the import fitted at the "
                    + "recorded configuration; this configuration changes how those calls overlap, so the fit may "
                    + "not carry over (\(Self.fittedUnderWhatIfCounter))")
        }
        return warnings
    }

    /// Counters of a host sent faster than recorded: `…spotify_per_30s` = the replay's busiest
    /// window, and the recording's.
    public static let extrapolatedRatePrefix = "replay_rate_extrapolated_"
    public static let recordedRatePrefix = "replay_rate_recorded_"

    /// Counters of a host with more calls in flight than recorded, where its recorded latency
    /// grew with its load: `…reccobeats` = the replay's most at once, and the recording's.
    public static let extrapolatedLoadPrefix = "replay_load_extrapolated_"
    /// Counters of a host the recording shows down: `…reccobeats` = how many of its calls in a
    /// row timed out, and when (seconds from the start) the first of them was sent.
    public static let outageStreakPrefix = "replay_outage_streak_"
    public static let outageFromPrefix = "replay_outage_from_s_"
    public static let recordedLoadPrefix = "replay_load_recorded_"

    /// Counters of the endpoints (by tool) that went furthest past the recording's busiest
    /// window of their host: `…spotify_get_album_tracks_per_30s`.
    public static let extrapolatedEndpointRatePrefix = "replay_rate_endpoint_extrapolated_"
    public static let recordedEndpointRatePrefix = "replay_rate_endpoint_recorded_"

    /// Per counter named `prefix` + name (in name order) that has a partner `partner` + name:
    /// the name and both values.
    private func pairedCounters(_ prefix: String, _ partner: String) -> [(name: String, value: Double, partner: Double)] {
        counters.keys.sorted().compactMap { key in
            guard key.hasPrefix(prefix), let value = counters[key] else { return nil }
            let name = String(key.dropFirst(prefix.count))
            return counters[partner + name].map { (name, value, $0) }
        }
    }

    /// `; most: get_album_tracks 41 (recorded 22), …` for `service`'s `span` window, or nothing.
    private func endpointRates(service: String, span: String) -> String {
        let prefix = Self.extrapolatedEndpointRatePrefix + service + "_"
        let suffix = "_per_" + span
        let tools = counters.keys.filter { $0.hasPrefix(prefix) && $0.hasSuffix(suffix) }.compactMap { key -> (String, Double, Double)? in
            let name = String(key.dropFirst(Self.extrapolatedEndpointRatePrefix.count))
            guard let replayed = counters[key], let recorded = counters[Self.recordedEndpointRatePrefix + name] else { return nil }
            return (String(key.dropFirst(prefix.count).dropLast(suffix.count)), replayed, recorded)
        }
        .sorted { ($0.2 - $0.1, $0.0) < ($1.2 - $1.1, $1.0) }
        guard !tools.isEmpty else { return "" }
        return "; most: " + tools.map { "\($0.0) \(DecimalText.trimmed($0.1, 0)) (recorded \(DecimalText.trimmed($0.2, 0)))" }
            .joined(separator: ", ")
    }

    /// The counter of recorded timeouts answered from a censored latency fit.
    public static let tailDrawCounter = "replay_tail_draws"

    /// The counter of request seconds on fitted latencies in a replay under another
    /// configuration than the recorded one.
    public static let fittedUnderWhatIfCounter = "replay_fitted_seconds_under_what_if"

    /// The stages (and the workflow, `""`) whose request time rests mostly on the import's fit
    /// or on the replay's models, with that source: what every report format marks.
    public var weakStages: [String: AnswerSource] {
        let times = requests.timeBySource
        guard !times.isEmpty else { return [:] }
        var weak: [String: AnswerSource] = [:]
        for path in Set(stages.map { SourceTimes.stagePath($0.path) }).union([""]) {
            if let source = SourceTimes.subtree(path, in: times).weakMajority { weak[path] = source }
        }
        return weak
    }

    /// The mark after a stage whose time rests mostly on `source`.
    public static func weakMark(_ source: AnswerSource) -> String { "⚠ mostly \(source.rawValue)" }

    /// The counter of modelled 429s on hosts without a recorded 429.
    public static let unrecordedRateLimitCounter = "replay_rate_limited_unrecorded"

    /// `warning: …` lines for a set of runs. One run: each warning. Several: one line per kind,
    /// how many recordings it concerns and the first of them as an example (a corpus would
    /// otherwise print a line per recording); JSON keeps every run's own.
    public static func warningLines(_ runs: [RunResult]) -> [String] {
        guard runs.count > 1 else { return runs.first?.warnings.map { "warning: \($0)" } ?? [] }
        var order: [String] = []
        var first: [String: (recording: String, text: String)] = [:]
        var count: [String: Set<String>] = [:]
        for run in runs {
            for warning in run.kindedWarnings {
                if first[warning.kind] == nil {
                    order.append(warning.kind)
                    first[warning.kind] = (run.recording, warning.text)
                }
                count[warning.kind, default: []].insert(run.recording)
            }
        }
        return order.compactMap { kind in
            guard let example = first[kind] else { return nil }
            let recordings = count[kind]?.count ?? 1
            return recordings == 1
                ? "warning: \(example.recording): \(example.text)"
                : "warning: \(recordings) of \(runs.count) recordings, e.g. \(example.recording): \(example.text)"
        }
    }
}

extension RunResult {
    /// Whether this run sent a host faster than its recording ever did, so the rate-limit
    /// model's answer there (429 waits, or none) is an extrapolation.
    public var hasExtrapolatedRates: Bool {
        counters.keys.contains { $0.hasPrefix(Self.extrapolatedRatePrefix) }
    }
}
