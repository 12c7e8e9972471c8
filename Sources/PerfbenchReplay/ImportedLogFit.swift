import PerfbenchRecording
import PerfbenchReport

/// Fits the latencies of a log import's *inferred* exchanges so that replaying it at its own
/// configuration reproduces the log's stage spans (issue 8).
///
/// The importer (`MoodlistLogImporter`) infers the calls a backend log implies but does not time
/// and gives each a latency from the lines around it; it cannot see how the pipeline will pace
/// them. This pass replays the recording at the configuration its header names (baseline),
/// compares every stage span the log gives with the replayed one, and rescales the latencies of
/// the inferred exchanges that lie inside a stage that is off by more than `tolerance`:
///
/// - each inferred exchange (with a response: timeouts and connection errors keep their
///   duration) that the first replay serves as an exact answer belongs to the log's stage in
///   which the replay sent its request (the deepest one holding that moment; the replay may
///   ask in one stage what the log's backend asked in another), and only that stage's factor
///   scales it; inferred exchanges the replay never serves keep their latency (they would act
///   only through the latency distributions that synthesized answers elsewhere draw from);
///   observed exchanges never change;
/// - a stage is adjusted only once every stage below it is settled (within tolerance, or given
///   up), so leaves are fitted first and their parents fit what remains;
/// - a stage's factor moves by the secant through its last two replays, the first step taking
///   the time its inferred exchanges cover in the log as the slope; when the step would go
///   below zero it aims at the tolerance's near edge instead (the smallest change that
///   reaches it); factors are clamped to `0 … maxScale`, latencies to ≥ 0 µs (rounded to the
///   microsecond);
/// - at most `rounds` rounds of one replay each; the round with the smallest summed absolute
///   error over the stages is kept.
///
/// A stage still too long with its inferred latencies at zero, or one that does not move when
/// they change, keeps them as imported (one more replay measures that) and is reported, as is a
/// stage with no inferred exchanges inside it. Everything is deterministic: stages in path
/// order, no RNG.
public enum ImportedLogFit {
    /// Tuning of the fit.
    public struct Options: Sendable, Hashable {
        /// Relative error under which a stage counts as fitted.
        public var tolerance: Double
        /// Absolute error under which a stage counts as fitted, in seconds (for short stages).
        public var toleranceSeconds: Double
        /// Rounds of adjustment (one replay each) after the first replay.
        public var rounds: Int
        /// The largest factor an inferred latency is multiplied by.
        public var maxScale: Double

        /// The defaults: 2 % or 20 ms, 8 rounds, factors up to 20.
        public init(tolerance: Double = 0.02, toleranceSeconds: Double = 0.02, rounds: Int = 8, maxScale: Double = 20) {
            self.tolerance = tolerance
            self.toleranceSeconds = toleranceSeconds
            self.rounds = rounds
            self.maxScale = maxScale
        }
    }

    /// Why a stage was left off its log figure.
    public enum Verdict: String, Sendable, Hashable {
        /// Within tolerance (before or after fitting).
        case fitted
        /// No inferred exchange lies inside it (or any stage below it).
        case noInferredExchanges = "no inferred exchanges"
        /// Too long even with its inferred latencies at zero.
        case tooLongAtZero = "too long with its inferred latencies at zero"
        /// Too short even at the largest factor, or the replay does not respond to its latencies.
        case unresponsive = "does not reach the log's span by its inferred latencies"
        /// Its own inferred exchanges are none; the stages inside it are fitted, and it is off by
        /// what they leave off and by the time between them.
        case offByStagesInside = "off by the stages inside it and the time between them"
        /// The replay has no such stage.
        case notReached = "not reached in the replay"
        /// Still off when the rounds ran out.
        case roundsExhausted = "rounds ran out"
    }

    /// One stage of the log, before and after the fit.
    public struct Stage: Sendable, Hashable {
        /// The stage path (`""` for the whole workflow).
        public var path: String
        /// The log's span, in seconds.
        public var logSeconds: Double
        /// The replayed span before the fit (nil when the replay has no such stage).
        public var beforeSeconds: Double?
        /// The replayed span after the fit.
        public var afterSeconds: Double?
        /// Inferred exchanges whose latency this stage's factor scales.
        public var inferredExchanges: Int
        /// The factor applied to them.
        public var scale: Double
        /// Fitted, or why not.
        public var verdict: Verdict

        /// The relative error after the fit (0 for an empty log span).
        public var error: Double? {
            guard let afterSeconds, logSeconds > 0 else { return nil }
            return (afterSeconds - logSeconds) / logSeconds
        }
    }

    /// What the fit did.
    public struct Report: Sendable, Hashable {
        /// Every stage span of the log, in path order.
        public var stages: [Stage]
        /// Replays run (the first included).
        public var replays: Int
        /// Inferred exchanges whose latency changed.
        public var changedExchanges: Int

        /// The stages still off by more than the tolerance, with the reason.
        public var misses: [Stage] { stages.filter { $0.verdict != .fitted } }
    }

    /// The recording with its inferred latencies fitted, and what was done.
    ///
    /// - Throws: what the first replay throws (an invalid header configuration, a stall).
    ///   Later replays that fail end the fit at the best round so far.
    public static func fit(
        _ recording: Recording, path: String, options: Options = Options()
    ) throws -> (recording: Recording, report: Report) {
        let spans = logSpans(recording)
        // A stage the log has more than once (generator runs, the time between agents) is
        // compared as the timing tree shows it: all of its spans together.
        let logTree = TimingTree(spans: recording.events.compactMap { event -> StageSpan? in
            if case .stage(let span) = event { return span } else { return nil }
        })
        var targets: [String: Double] = [:]
        for span in spans { targets[span.path] = logTree.node(at: span.path)?.seconds ?? Double(span.end - span.start) / 1_000_000 }
        let paths = targets.keys.sorted()
        func replay(_ candidate: Recording) throws -> ReplayOutcome {
            var replayOptions = ReplayOptions()
            replayOptions.reportsServedExchanges = true
            return try ReplayRunner.replay(
                index: ReplayIndex(recording: candidate), path: path, config: nil, options: replayOptions)
        }
        func seconds(_ outcome: ReplayOutcome) -> [String: Double] {
            let tree = outcome.run.timingTree
            var seconds: [String: Double] = [:]
            for stage in paths { if let node = tree.node(at: stage) { seconds[stage] = node.seconds } }
            return seconds
        }
        let firstOutcome = try replay(recording)
        let first = seconds(firstOutcome)
        let replaySpans = firstOutcome.run.stages.map { span in
            (path: normalized(span.path), start: span.startMicros, end: span.startMicros + span.durationMicros)
        }
        // Owner stage of each scalable exchange (event index → path): inferred, answered, and
        // served by the first replay as an exact answer, owned by the stage of the log that
        // holds the replay's request (the replay may ask in one stage what the log's backend
        // asked in another). One the replay never asks for would only act through the latency
        // distributions that synthesized answers elsewhere draw from, so it keeps its latency.
        let owner = ownership(recording, served: firstOutcome.servedExchanges, replaySpans: replaySpans, stages: Set(paths))
        var ownCount: [String: Int] = [:]
        var ownIntervals: [String: [(Int, Int)]] = [:]
        for (position, stage) in owner {
            guard case .exchange(let exchange) = recording.events[position] else { continue }
            ownCount[stage, default: 0] += 1
            ownIntervals[stage, default: []].append((exchange.startMicros, exchange.endMicros))
        }
        let covered = ownIntervals.mapValues { Double(unionMicros($0)) / 1_000_000 }
        func below(_ parent: String) -> [String] {
            paths.filter { $0 != parent && (parent.isEmpty || $0.hasPrefix(parent + "/")) }
        }
        let hasInferred = Dictionary(uniqueKeysWithValues: paths.map { path in
            (path, ownCount[path, default: 0] > 0 || below(path).contains { ownCount[$0, default: 0] > 0 })
        })

        func scaled(_ scales: [String: Double]) -> Recording {
            var result = recording
            for (position, stage) in owner {
                guard let scale = scales[stage], scale != 1, case .exchange(var exchange) = recording.events[position] else { continue }
                exchange.durationMicros = max(0, Int((Double(exchange.durationMicros) * scale).rounded()))
                exchange.provenance = .fitted
                result.events[position] = .exchange(exchange)
            }
            return result
        }
        func replay(_ scales: [String: Double]) throws -> [String: Double] {
            seconds(try replay(scaled(scales)))
        }
        func within(_ stage: String, _ measured: [String: Double]) -> Bool {
            guard let value = measured[stage], let target = targets[stage] else { return true }
            return abs(value - target) <= max(options.tolerance * target, options.toleranceSeconds)
        }
        func objective(_ measured: [String: Double]) -> Double {
            paths.reduce(0) { sum, stage in
                guard let value = measured[stage], let target = targets[stage] else { return sum }
                return sum + abs(value - target)
            }
        }

        var scales: [String: Double] = [:]
        var history: [String: [(scale: Double, seconds: Double)]] = [:]
        var givenUp: [String: Verdict] = [:]
        var best = (scales: scales, measured: first, objective: objective(first))
        var measured = first
        var replays = 1
        for _ in 0..<max(0, options.rounds) {
            var next = scales
            var moved = false
            for stage in paths {
                let target = targets[stage] ?? 0
                guard givenUp[stage] == nil, let value = measured[stage] else { continue }
                let scale = scales[stage] ?? 1
                history[stage, default: []].append((scale, value))
                guard !within(stage, measured), ownCount[stage, default: 0] > 0 else { continue }
                // Leaves first: only once everything below is settled.
                let unsettled = below(stage).contains { child in
                    givenUp[child] == nil && ownCount[child, default: 0] > 0 && measured[child] != nil && !within(child, measured)
                }
                guard !unsettled else { continue }
                let points = history[stage] ?? []
                var slope = covered[stage] ?? 0
                if let last = points.last, let previous = points.dropLast().last(where: { $0.scale != last.scale }) {
                    let secant = (last.seconds - previous.seconds) / (last.scale - previous.scale)
                    if secant > 0.05 * slope { slope = secant }
                    if abs(last.seconds - previous.seconds) < 0.001 && points.count >= 3 {
                        givenUp[stage] = .unresponsive
                        next[stage] = nil
                        moved = moved || scale != 1
                        continue
                    }
                }
                guard slope > 0 else {
                    givenUp[stage] = .unresponsive
                    next[stage] = nil
                    moved = moved || scale != 1
                    continue
                }
                var proposed = scale + (target - value) / slope
                if proposed < 0 {
                    // The log's span looks out of reach: aim at the tolerance's near edge
                    // instead, changing the latencies no more than that needs.
                    let edge = target + 0.9 * max(options.tolerance * target, options.toleranceSeconds)
                    proposed = scale + (edge - value) / slope
                }
                proposed = min(options.maxScale, max(0, proposed))
                if proposed == scale {
                    // Out of reach by these latencies: leave them as imported.
                    givenUp[stage] = proposed == 0 ? .tooLongAtZero : .unresponsive
                    next[stage] = nil
                    moved = moved || scale != 1
                    continue
                }
                next[stage] = proposed
                moved = true
            }
            guard moved else { break }
            do {
                measured = try replay(next)
            } catch {
                break
            }
            replays += 1
            scales = next
            let score = objective(measured)
            if score < best.objective { best = (scales, measured, score) }
        }

        // Stages given up keep their latencies as imported.
        var final = best.scales
        for stage in givenUp.keys { final[stage] = nil }
        if final != best.scales, let measured = try? replay(final) {
            replays += 1
            best = (final, measured, objective(measured))
        }
        let stages = paths.map { stage -> Stage in
            let after = best.measured[stage]
            var verdict = Verdict.fitted
            if after == nil {
                verdict = .notReached
            } else if !within(stage, best.measured) {
                if !(hasInferred[stage] ?? false) {
                    verdict = .noInferredExchanges
                } else if let reason = givenUp[stage] {
                    verdict = reason
                } else if ownCount[stage, default: 0] == 0 {
                    // Only the stages below move it; its own share is what they leave over.
                    verdict = .offByStagesInside
                } else if (best.scales[stage] ?? 1) == 0 {
                    verdict = .tooLongAtZero
                } else {
                    verdict = .roundsExhausted
                }
            }
            return Stage(
                path: stage, logSeconds: targets[stage] ?? 0, beforeSeconds: first[stage], afterSeconds: after,
                inferredExchanges: ownCount[stage, default: 0], scale: best.scales[stage] ?? 1, verdict: verdict)
        }
        let fitted = scaled(best.scales)
        var changed = 0
        for position in owner.keys where fitted.events[position] != recording.events[position] { changed += 1 }
        return (fitted, Report(stages: stages, replays: replays, changedExchanges: changed))
    }

    /// Which stage scales each scalable exchange (event index → stage path): inferred, answered,
    /// served as an exact answer by a replay (`served`: exchange id → when it was asked), owned
    /// by the deepest of `stages` holding the moment the replay asked for it.
    static func ownership(
        _ recording: Recording, served: [String: Int], replaySpans: [(path: String, start: Int, end: Int)],
        stages: Set<String>
    ) -> [Int: String] {
        var owner: [Int: String] = [:]
        for (position, event) in recording.events.enumerated() {
            guard case .exchange(let exchange) = event, exchange.provenance == .inferred, exchange.outcome == .ok,
                let sent = served[exchange.id], var stage = deepest(containing: sent, in: replaySpans)
            else { continue }
            while !stages.contains(stage), !stage.isEmpty {
                stage = stage.split(separator: "/").dropLast().joined(separator: "/")
            }
            guard stages.contains(stage) else { continue }
            owner[position] = stage
        }
        return owner
    }

    /// `recording` with the factors of another fit applied instead of fitting its own (the
    /// leave-one-out measure of how a fit generalizes): one replay at the recording's own
    /// configuration says which stage owns each inferred exchange, then each owned latency is
    /// multiplied by its stage's factor (stages without one keep theirs).
    public static func applying(_ scales: [String: Double], to recording: Recording, path: String) throws -> Recording {
        var options = ReplayOptions()
        options.reportsServedExchanges = true
        let outcome = try ReplayRunner.replay(index: ReplayIndex(recording: recording), path: path, config: nil, options: options)
        let replaySpans = outcome.run.stages.map { span in
            (path: normalized(span.path), start: span.startMicros, end: span.startMicros + span.durationMicros)
        }
        let stages = Set(logSpans(recording).map(\.path))
        var result = recording
        for (position, stage) in ownership(recording, served: outcome.servedExchanges, replaySpans: replaySpans, stages: stages) {
            guard let scale = scales[stage], scale != 1, case .exchange(var exchange) = recording.events[position] else { continue }
            exchange.durationMicros = max(0, Int((Double(exchange.durationMicros) * scale).rounded()))
            exchange.provenance = .fitted
            result.events[position] = .exchange(exchange)
        }
        return result
    }

    /// The log's stage spans with the `workflow` root as path `""`, one per path (the last).
    static func logSpans(_ recording: Recording) -> [(path: String, start: Int, end: Int)] {
        var byPath: [String: (start: Int, end: Int)] = [:]
        for case .stage(let span) in recording.events {
            byPath[normalized(span.path)] = (span.startMicros, span.startMicros + span.durationMicros)
        }
        return byPath.keys.sorted().map { ($0, byPath[$0]!.start, byPath[$0]!.end) }
    }

    /// A span's path as the timing tree has it: `workflow` is `""`, a `workflow/` prefix dropped.
    static func normalized(_ path: String) -> String {
        if path == TimingTree.rootName { return "" }
        if path.hasPrefix(TimingTree.rootName + "/") { return String(path.dropFirst(TimingTree.rootName.count + 1)) }
        return path
    }

    /// The deepest span containing `micros` (start inclusive, end exclusive); ties: the shorter.
    static func deepest(containing micros: Int, in spans: [(path: String, start: Int, end: Int)]) -> String? {
        var best: (path: String, depth: Int, length: Int)?
        for span in spans where span.start <= micros && micros < span.end {
            let depth = span.path.isEmpty ? 0 : span.path.split(separator: "/").count
            let length = span.end - span.start
            if let current = best, (depth, -length) <= (current.depth, -current.length) { continue }
            best = (span.path, depth, length)
        }
        return best?.path
    }

    /// Microseconds covered by the union of the intervals.
    static func unionMicros(_ intervals: [(Int, Int)]) -> Int {
        var total = 0
        var reach = Int.min
        for (start, end) in intervals.sorted(by: { $0.0 < $1.0 }) where end > start {
            if start >= reach {
                total += end - start
                reach = end
            } else if end > reach {
                total += end - reach
                reach = end
            }
        }
        return total
    }
}
