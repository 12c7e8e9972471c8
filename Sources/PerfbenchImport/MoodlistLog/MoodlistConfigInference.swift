import PerfbenchRecording

/// Reads the configuration a backend ran from its own log lines, toggle by toggle (issue 13 §1).
///
/// Each rule looks for a line shape the backend writes when a setting is in force and turns what
/// it shows into a toggle value, with the line numbers as evidence. A rule that finds nothing, or
/// finds the baseline value, says nothing: the recording then replays that toggle at baseline.
/// The rules read what the backend states about itself (its cache backend, its batch sizes, how
/// many artists it had in flight, which requests it logged as slow), never figures fitted to one
/// log, so a run of the same backend that perfbench has never seen gets the same treatment.
enum MoodlistConfigInference {
    /// A parsed line with its 1-based number in the file.
    typealias NumberedLine = (number: Int, line: MoodlistLogLine)

    /// The evidence for every toggle the lines show at a non-baseline value, in phase order.
    ///
    /// - Parameters:
    ///   - process: the lines before the workflow started (process start-up: the cache backend).
    ///   - workflow: the workflow's own lines.
    ///   - timedOutAttempts: the attempts the importer split out of slow requests that were
    ///     retried after a timeout: how long each ran, and the slow line's number.
    static func infer(
        process: [NumberedLine], workflow: [NumberedLine], timedOutAttempts: [(micros: Int, line: Int)] = []
    ) -> [ConfigEvidence] {
        let found = [
            albumSampling(workflow), anchorSources(workflow), audioFeatureBatching(workflow), cacheTier(process + workflow), discoveryLimits(workflow),
            orderingBatch(workflow), parallelArtists(workflow), reccobeatsTimeout(timedOutAttempts),
            slowRequestLog(workflow), warmCache(workflow),
        ]
        return found.compactMap { $0 }.sorted { $0.phase < $1.phase }
    }

    /// `Found N albums, sampling tracks for diversity`: a backend whose hybrid fetch samples
    /// album tracks at random, so each generator run meets other tracks (`album-sampling=per-run`).
    /// Said only when the workflow ran the generator more than once: with one run it changes
    /// nothing.
    static func albumSampling(_ lines: [NumberedLine]) -> ConfigEvidence? {
        let sampling = lines.filter { $0.line.event.contains("sampling tracks for diversity") }
        let runs = lines.filter {
            $0.line.event.hasPrefix("Agent recommendation_generator starting execution")
        }
        guard !sampling.isEmpty, runs.count > 1 else { return nil }
        return ConfigEvidence(
            phase: "album-sampling", value: "per-run", lines: [sampling[0].number] + runs.dropFirst().map(\.number),
            why: "albums were sampled for diversity in each of \(runs.count) generator runs")
    }

    /// `Searching anchor tracks for genre: G` lines that all come before the first genre track
    /// search's result, and `Batch fetching audio features for N tracks from all sources`: a
    /// backend that searched every anchor source at once and fetched the features of all its
    /// candidates in one batch (`anchor-sources=together`).
    static func anchorSources(_ lines: [NumberedLine]) -> ConfigEvidence? {
        guard let batch = lines.first(where: {
            $0.line.event.hasPrefix("Batch fetching audio features for ") && $0.line.event.contains(" from all sources")
        }) else { return nil }
        var started: [Int] = []
        for entry in lines where entry.number < batch.number {
            let event = entry.line.event
            if event.hasPrefix("Searching anchor tracks for genre:") {
                started.append(entry.number)
            } else if !started.isEmpty, event.hasPrefix("Successfully found "), event.contains("'genre:") {
                break
            }
        }
        guard started.count > 1 else { return nil }
        return ConfigEvidence(
            phase: "anchor-sources", value: "together", lines: started + [batch.number],
            why: "\(started.count) genre searches started before any answered, then one feature batch for all sources")
    }

    /// `Fetching audio features for N tracks … in parallel`: a backend that fetched each batch's
    /// features all at once. When most feature fetches say so, every batch is one request per
    /// track at once with no pause (`100/50/0s`).
    static func audioFeatureBatching(_ lines: [NumberedLine]) -> ConfigEvidence? {
        let fetches = lines.filter { $0.line.event.hasPrefix("Fetching audio features for ") }
        let parallel = fetches.filter { $0.line.event.contains(" in parallel") }
        guard !parallel.isEmpty, parallel.count * 2 >= fetches.count else { return nil }
        return ConfigEvidence(
            phase: "audio-feature-batching", value: MoodlistFeatureBatch.parallelBatching,
            lines: parallel.map(\.number),
            why: "\(parallel.count) of \(fetches.count) audio-feature fetches ran 'in parallel' (all of a batch at once, no pause)")
    }

    /// `Using Valkey/Redis cache at …` (the last cache line before or during the workflow): the
    /// caches live in a remote store. Its round trips are already inside the times the log's
    /// lines give every step, so the replay adds none (`remote/0ms`); a what-if that moves the
    /// cache sets its own round trip.
    static func cacheTier(_ lines: [NumberedLine]) -> ConfigEvidence? {
        guard let last = lines.last(where: { Self.cacheLineKind($0.line.event) != nil }),
            Self.cacheLineKind(last.line.event) == "remote"
        else { return nil }
        return ConfigEvidence(
            phase: "cache-tier", value: "remote/0ms", lines: [last.number],
            why: "the backend used a Valkey/Redis cache; its round trips are inside the logged times")
    }

    private static func cacheLineKind(_ event: String) -> String? {
        if event.hasPrefix("Using Valkey/Redis cache") { return "remote" }
        if event.hasPrefix("Using in-memory cache") { return "memory" }
        return nil
    }

    /// `Searching Spotify for artists: 'genre:…' (limit: A)` and `… for tracks: 'genre:…' (limit:
    /// T)` in artist discovery: the genre searches' limits (baseline 40 and 30). The genre count
    /// is not stated (the LLM's genre list bounds it), so it stays at baseline.
    static func discoveryLimits(_ lines: [NumberedLine]) -> ConfigEvidence? {
        func limits(_ prefix: String) -> [(number: Int, limit: Int)] {
            lines.compactMap { entry in
                guard let rest = entry.line.event.after(prefix), rest.hasPrefix("'genre:"),
                    let limit = rest.after("(limit: ").flatMap({ MoodlistWorkflowBuilder.count($0) })
                else { return nil }
                return (entry.number, limit)
            }
        }
        let artists = limits("Searching Spotify for artists: "), tracks = limits("Searching Spotify for tracks: ")
        guard let artistLimit = artists.map(\.limit).max(), let trackLimit = tracks.map(\.limit).max(),
            artistLimit != 40 || trackLimit != 30
        else { return nil }
        return ConfigEvidence(
            phase: "discovery-artist-limit", value: "\(artistLimit)/\(trackLimit)/10",
            lines: (artists.prefix(2) + tracks.prefix(2)).map(\.number).sorted(),
            why: "genre artist searches asked for \(artistLimit), genre track searches for \(trackLimit)")
    }

    /// `Analyzing energy characteristics for N tracks in batches of B`: the ordering batch size
    /// (baseline 8).
    static func orderingBatch(_ lines: [NumberedLine]) -> ConfigEvidence? {
        guard let line = lines.first(where: { $0.line.event.hasPrefix("Analyzing energy characteristics for ") }),
            let size = line.line.event.after(" in batches of ").flatMap({ MoodlistWorkflowBuilder.count($0) }),
            size >= 1, size <= 64, size != 8
        else { return nil }
        return ConfigEvidence(
            phase: "ordering-batch", value: String(size), lines: [line.number],
            why: "energy analysis ran in batches of \(size)")
    }

    /// `Fetching hybrid tracks for artist i/N: ID` opens an artist of the artist-based strategy;
    /// `Added k/k tracks from artist ID` closes it. The most artists open at once is how many
    /// the backend processed concurrently (baseline: one at a time).
    static func parallelArtists(_ lines: [NumberedLine]) -> ConfigEvidence? {
        var open: [String: Int] = [:]
        var most = 0
        var witness: [Int] = []
        for entry in lines {
            let event = entry.line.event
            if let rest = event.after("Fetching hybrid tracks for artist "), let colon = rest.firstIndex(of: ":") {
                let id = rest[rest.index(after: colon)...].trimmingSpaces()
                open[id] = entry.number
                if open.count > most {
                    most = open.count
                    witness = open.values.sorted()
                }
            } else if event.hasPrefix("Added "), let id = event.after(" tracks from artist ") {
                open[String(id.prefix { $0 != " " })] = nil
            }
        }
        guard most > 1, most <= 64 else { return nil }
        return ConfigEvidence(
            phase: "parallel-artists", value: String(most), lines: witness,
            why: "\(most) artists of the artist strategy were in flight at once")
    }

    /// Half again the connect timeout of the backend's HTTP client (10 s, PIPELINE.md §4): an
    /// attempt that gave up by then most likely never connected (concurrent retries of one tool
    /// pair with their slow lines only to a second or two), and says nothing of the read timeout.
    static let connectTimeoutMicros = 15_000_000

    /// Attempts that timed out (split from slow requests that were retried): the backend gave
    /// up on none of them sooner than the shortest one that had connected, so the ReccoBeats
    /// timeout in force was at least that long. Reported when that is longer than baseline's
    /// 30 s; the replay then gives up where the backend gave up first.
    static func reccobeatsTimeout(_ attempts: [(micros: Int, line: Int)]) -> ConfigEvidence? {
        let connected = attempts.filter { $0.micros > connectTimeoutMicros }
        guard let shortest = connected.map(\.micros).min() else { return nil }
        let seconds = min(600, shortest / 1_000_000)
        guard seconds > 30 else { return nil }
        let longest = connected.map(\.micros).max() ?? shortest
        return ConfigEvidence(
            phase: "reccobeats-timeout", value: "\(seconds)s", lines: Array(Set(connected.map(\.line))).sorted(),
            why: "\(connected.count) ReccoBeats attempts timed out after "
                + "\(JSONOutput.format(Double(shortest) / 1_000_000, decimals: 1))–"
                + "\(JSONOutput.format(Double(longest) / 1_000_000, decimals: 1)) s before a retry")
    }

    /// The id registry's and the feature cache's own lines: `Converted N/M Spotify track IDs …
    /// cached={c} known_missing={k}` and `All IDs resolved from cache/registry … cached={c}
    /// known_missing={k}` for id mappings, `Fetching audio features for N tracks (cached: C)` and
    /// `All N tracks found in cache` for features. The shares the cache answered are how warm
    /// earlier runs left it, counted apart for seed gathering (the prompt's candidates) and for
    /// the first generator run (album samples and recommendations, mostly new), each before the
    /// workflow looks much up twice itself; later runs repeat the first one's lookups, which the
    /// replay's own caches answer.
    static func warmCache(_ lines: [NumberedLine]) -> ConfigEvidence? {
        struct Tally {
            var ids = (warm: 0, total: 0), features = (warm: 0, total: 0)
            var witness: [Int] = []
        }
        var seed = Tally(), generation = Tally()
        var phase = 0  // 0 seed gathering, 1 the first generator run, 2 after it
        func count(_ field: String?) -> Int? { field.flatMap { Int($0.filter(\.isNumber)) } }
        for entry in lines {
            let event = entry.line.event
            if event.hasPrefix("Agent recommendation_generator starting") { phase = max(phase, 1) }
            if event.hasPrefix("Agent recommendation_generator completed") { phase = 2 }
            guard phase < 2 else { break }
            var tally = phase == 0 ? seed : generation
            if event.hasPrefix("Converted "), event.contains(" Spotify track IDs"),
                let total = event.after("/").flatMap({ MoodlistWorkflowBuilder.count($0) }),
                let cached = count(entry.line.fields["cached"]), let missing = count(entry.line.fields["known_missing"])
            {
                tally.ids.warm += cached + missing
                tally.ids.total += max(total, cached + missing)
            } else if event.hasPrefix("All IDs resolved from cache"),
                let cached = count(entry.line.fields["cached"]), let missing = count(entry.line.fields["known_missing"])
            {
                tally.ids.warm += cached + missing
                tally.ids.total += cached + missing
            } else if let rest = event.after("Fetching audio features for "), let fetched = MoodlistWorkflowBuilder.count(rest),
                let cached = rest.after("(cached: ").flatMap({ MoodlistWorkflowBuilder.count($0) })
            {
                tally.features.warm += cached
                tally.features.total += cached + fetched
            } else if let rest = event.after("All "), rest.contains(" tracks found in cache"),
                let found = MoodlistWorkflowBuilder.count(rest)
            {
                tally.features.warm += found
                tally.features.total += found
            } else {
                continue
            }
            tally.witness.append(entry.number)
            if phase == 0 { seed = tally } else { generation = tally }
        }
        guard seed.ids.total + generation.ids.total > 0, seed.ids.warm + generation.ids.warm > 0 else { return nil }
        func share(_ part: (warm: Int, total: Int), else fallback: Double) -> Double {
            part.total > 0 ? (Double(part.warm) / Double(part.total) * 100).rounded() / 100 : fallback
        }
        let seedIDs = share(seed.ids, else: share(generation.ids, else: 0))
        let seedFeatures = share(seed.features, else: seedIDs)
        let generationIDs = share(generation.ids, else: seedIDs)
        let generationFeatures = share(generation.features, else: generationIDs)
        let value = [seedIDs, seedFeatures, generationIDs, generationFeatures]
            .map { JSONOutput.format($0, decimals: 2) }.joined(separator: "/")
        func said(_ tally: Tally) -> String {
            "\(tally.ids.warm) of \(tally.ids.total) id lookups, \(tally.features.warm) of \(tally.features.total) feature sets"
        }
        return ConfigEvidence(
            phase: "warm-cache", value: value, lines: seed.witness + generation.witness,
            why: "the cache answered, in seed gathering, \(said(seed)); in the first generator run, \(said(generation))")
    }

    /// `Slow RecoBeat API request detected … duration_seconds=D`: the backend logs slow requests
    /// (plan 1.2). The threshold is at most the fastest one logged; the plan's 20 s when that is
    /// at least 20 s, else the whole seconds below it.
    static func slowRequestLog(_ lines: [NumberedLine]) -> ConfigEvidence? {
        let slow = lines.compactMap { entry -> (number: Int, seconds: Double)? in
            guard entry.line.event.hasPrefix("Slow RecoBeat API request detected"),
                let seconds = entry.line.fields["duration_seconds"].flatMap(Double.init), seconds.isFinite, seconds > 0
            else { return nil }
            return (entry.number, seconds)
        }
        guard let fastest = slow.map(\.seconds).min() else { return nil }
        let threshold = fastest >= 20 ? 20 : max(1, Int(fastest.rounded(.down)))
        return ConfigEvidence(
            phase: "slow-request-log", value: "\(threshold)s", lines: slow.map(\.number),
            why: "\(slow.count) requests logged as slow, the fastest after \(JSONOutput.format(fastest, decimals: 1)) s")
    }
}
