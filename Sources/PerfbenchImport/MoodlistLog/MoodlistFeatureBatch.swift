import PerfbenchRecording

import Foundation

/// One F(n) audio-features fetch the log brackets (`Fetching audio features for N tracks` …
/// `Successfully fetched M/N audio features`) without timing its calls, and the calls it implies.
///
/// PIPELINE.md §3–4: one `GET /v1/track/{uuid}/audio-features` per mapped track, in batches of
/// 5 (3 concurrent inside a batch, so two rounds for a full batch), batches sequential with a
/// 1.2 s sleep between, and the tool's 1 s minimum interval from the last completion before
/// every round that does not follow a sleep (the first round too, when the previous fetch
/// ended less than a second before). The per-call latency is fitted so that the rounds, the
/// sleeps, those gates and any window wait logged inside the bracket fill its observed span;
/// the calls are `inferred`.
/// Without them a replay would see only a fraction of the ReccoBeats traffic, and its rate-limit
/// model (capacity = the recording's busiest minute) would refuse most of the real load.
struct MoodlistFeatureBatch {
    var start: Int
    var end: Int
    var count: Int
    var stage: String
    /// The `/v1/track` exchange that mapped these tracks (its `ids` are the Spotify ids).
    var mappingExchange: String?
    /// Whether the backend fetched every track at once (older backends log "… in parallel")
    /// rather than in throttled batches.
    var parallel = false

    static let batchSize = 5
    static let concurrency = 3
    static let sleepMicros = 1_200_000
    static let minimumIntervalMicros = 1_000_000
    /// The `audio-feature-batching` value that replays an all-at-once fetch: every track of a
    /// fetch in one round (the toggle's largest batch and concurrency), no sleep.
    static let parallelBatching = "100/50/0s"

    static func inferredCalls(_ batches: [MoodlistFeatureBatch], events: [RecordingEvent]) -> [RecordingEvent] {
        var mapped: [String: [String]] = [:]
        var waits: [Wait] = []
        for event in events {
            switch event {
            case .exchange(let exchange) where exchange.tool == "get_multiple_tracks":
                if let ids = exchange.url.after("ids=") { mapped[exchange.id] = ids.components(separatedBy: "%2C") }
            case .wait(let wait) where wait.tool == "get_track_audio_features":
                waits.append(wait)
            default:
                break
            }
        }
        var calls: [RecordingEvent] = []
        var lastEnd: Int?
        for (number, batch) in batches.enumerated() {
            guard let source = batch.mappingExchange, let ids = mapped[source], batch.count > 0 else { continue }
            let made = batch.calls(ids: Array(ids.prefix(batch.count)), waits: waits, number: number, previousEnd: lastEnd)
            calls += made
            let ends = made.compactMap { event -> Int? in
                guard case .exchange(let exchange) = event else { return nil }
                return exchange.startMicros + exchange.durationMicros
            }
            lastEnd = ends.max() ?? lastEnd
        }
        return calls
    }

    private func calls(ids: [String], waits: [Wait], number: Int, previousEnd: Int?) -> [RecordingEvent] {
        let batchSize = parallel ? max(1, ids.count) : Self.batchSize
        let concurrency = parallel ? max(1, ids.count) : Self.concurrency
        let groups = stride(from: 0, to: ids.count, by: batchSize).map { Array(ids[$0..<min($0 + batchSize, ids.count)]) }
        let rounds = groups.reduce(0) { $0 + ($1.count + concurrency - 1) / concurrency }
        // Concurrent callers log the same wait once each: count it once.
        let waited = waits.filter { $0.startMicros >= start && $0.startMicros < end }.map(\.durationMicros).max() ?? 0
        let sleeps = max(0, groups.count - 1) * Self.sleepMicros
        let firstGate = previousEnd.map { max(0, $0 + Self.minimumIntervalMicros - start) } ?? 0
        let gates = (rounds - groups.count) * Self.minimumIntervalMicros + firstGate
        let latency = max(20_000, (end - start - sleeps - gates - waited) / max(1, rounds))
        var cursor = start + firstGate
        var waitPending = waited > 0
        var result: [RecordingEvent] = []
        for (index, group) in groups.enumerated() {
            for roundStart in stride(from: 0, to: group.count, by: concurrency) {
                if waitPending, let wait = waits.first(where: { $0.startMicros >= start && $0.startMicros < end }),
                    cursor >= wait.startMicros
                {
                    cursor += wait.durationMicros
                    waitPending = false
                }
                for id in group[roundStart..<min(roundStart + concurrency, group.count)] {
                    let body = #"{"id":"# + MoodlistLLMFacts.quoted(MoodlistResponseBodies.reccoID(id))
                        + #","danceability":0.62,"energy":0.6,"valence":0.64,"acousticness":0.4,"instrumentalness":0.05,"#
                        + #""liveness":0.15,"speechiness":0.07,"loudness":-7.5,"tempo":108}"#
                    result.append(
                        .exchange(Exchange(id: "f\(number)-\(result.count)", startMicros: cursor, durationMicros: latency,
                            service: .reccobeats, method: "GET",
                            url: "https://api.reccobeats.com/v1/track/\(MoodlistResponseBodies.reccoID(id))/audio-features",
                            status: 200, responseBody: body, tool: "get_track_audio_features", stage: stage,
                            provenance: .inferred)))
                }
                cursor += latency
                if roundStart + concurrency < group.count { cursor += Self.minimumIntervalMicros }
            }
            if index < groups.count - 1 { cursor += Self.sleepMicros }
        }
        return result
    }
}
