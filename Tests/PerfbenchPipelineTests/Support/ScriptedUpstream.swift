import PerfbenchPipeline
import PerfbenchRecording
import PerfbenchRuntime
import Synchronization

/// A small, fully scripted upstream for pipeline tests: every endpoint answers a valid body
/// derived from the request, after a latency the test controls. It logs every request.
final class ScriptedUpstream: HTTPTransport, Sendable {
    struct Call: Sendable, Equatable, CustomStringConvertible {
        var start: Double
        var method: String
        var pathAndQuery: String
        var tool: String
        var stage: String?
        /// The LLM task of a chat-completions call.
        var task: String?
        var description: String { "\(method) \(pathAndQuery)" }
    }

    /// Latency per request (seconds); default 0.5 s for everything, 2 s for the LLM.
    let latency: @Sendable (HTTPRequest) -> Double
    /// Overrides an answer (status, headers, body) for a request; nil keeps the default.
    let override: @Sendable (HTTPRequest, Int) -> TransportResult?
    let clock: VirtualClock
    /// LLM overall score for quality evaluations.
    let llmScore: Double
    /// Every track's energy is 0.5 (an already smooth order).
    let flatEnergy: Bool
    private let log = Mutex<[Call]>([])
    private let counts = Mutex<[String: Int]>([:])

    init(
        clock: VirtualClock, llmScore: Double = 0.9, flatEnergy: Bool = false,
        latency: @escaping @Sendable (HTTPRequest) -> Double = { $0.service == .llm ? 2 : 0.5 },
        override: @escaping @Sendable (HTTPRequest, Int) -> TransportResult? = { _, _ in nil }
    ) {
        self.clock = clock
        self.latency = latency
        self.override = override
        self.llmScore = llmScore
        self.flatEnergy = flatEnergy
    }

    var calls: [Call] { log.withLock { $0 } }

    func send(_ request: HTTPRequest, timeout: Duration) async throws -> TransportResult {
        let start = clock.now.offset.seconds
        log.withLock {
            let task = LLMTask.allCases.first { request.body?.contains("task: \($0.rawValue)") == true }
            $0.append(Call(start: start, method: request.method, pathAndQuery: request.pathAndQuery, tool: request.tool, stage: request.stage, task: task?.rawValue))
        }
        let key = request.method + " " + request.pathAndQuery
        let attempt = counts.withLock { counts -> Int in
            counts[key, default: 0] += 1
            return counts[key] ?? 1
        }
        let seconds = Duration.secondsRounded(latency(request))
        if seconds > timeout {
            try await clock.sleep(for: timeout)
            return .timeout
        }
        try await clock.sleep(for: seconds)
        if let scripted = override(request, attempt) { return scripted }
        return .response(HTTPResponse(status: 200, body: ScriptedBodies.body(for: request, llmScore: llmScore, flatEnergy: flatEnergy)))
    }
}

/// Deterministic bodies in the real shapes, derived from the request.
enum ScriptedBodies {
    static func id(_ seed: String) -> String {
        let alphabet = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
        var hash: UInt64 = 1469598103934665603
        for byte in seed.utf8 { hash = (hash ^ UInt64(byte)) &* 1099511628211 }
        var random = SplitMix64(seed: hash)
        return String((0..<22).map { _ in alphabet[Int(random.next() % 62)] })
    }

    static func uuid(_ spotifyID: String) -> String {
        let hex = Array("0123456789abcdef")
        var random = SplitMix64(seed: UInt64(truncatingIfNeeded: spotifyID.hashValueStable))
        let digits = String((0..<32).map { _ in hex[Int(random.next() % 16)] })
        let d = Array(digits)
        return "\(String(d[0..<8]))-\(String(d[8..<12]))-4\(String(d[13..<16]))-a\(String(d[17..<20]))-\(String(d[20..<32]))"
    }

    static func energy(_ id: String) -> Double {
        Double(id.hashValueStable % 100) / 100
    }

    static func spotifyTrack(_ id: String, artist: String = "artist") -> String {
        let artistID = Self.id("a-" + artist)
        return #"{"id":"\#(id)","name":"Song \#(id.prefix(4))","duration_ms":200000,"popularity":\#(20 + id.hashValueStable % 60),"artists":[{"id":"\#(artistID)","name":"\#(artist)"}],"uri":"spotify:track:\#(id)"}"#
    }

    static func reccoTrack(_ spotifyID: String, withDuration: Bool = true) -> String {
        let duration = withDuration ? #","durationMs":210000"# : ""
        return #"{"id":"\#(uuid(spotifyID))","trackTitle":"Rec \#(spotifyID.prefix(4))","artists":[{"id":"\#(uuid("ar" + spotifyID))","name":"Recco Artist","href":"https://open.spotify.com/artist/\#(id("ra" + spotifyID))"}],"href":"https://open.spotify.com/track/\#(spotifyID)","popularity":50\#(duration)}"#
    }

    static func body(for request: HTTPRequest, llmScore: Double, flatEnergy: Bool = false) -> String {
        let path = request.path
        let q = request.queryValue("q") ?? ""
        let limit = Int(request.queryValue("limit") ?? "5") ?? 5
        switch request.service {
        case .spotify:
            if path == "/v1/search" {
                if request.queryValue("type") == "artist" {
                    let items = (0..<min(limit, 6)).map { i in
                        #"{"id":"\#(id("ar-\(q)-\(i)"))","name":"\#(q) \#(i)","genres":["indie"],"popularity":\#(40 + i)}"#
                    }
                    return #"{"artists":{"items":[\#(items.joined(separator: ","))]}}"#
                }
                let items = (0..<min(limit, 6)).map { i in spotifyTrack(id("tr-\(q)-\(i)"), artist: "\(q)-\(i % 3)") }
                return #"{"tracks":{"items":[\#(items.joined(separator: ","))]}}"#
            }
            if path.hasSuffix("/top-tracks") {
                let items = (0..<5).map { i in spotifyTrack(id("\(path)-\(i)")) }
                return #"{"tracks":[\#(items.joined(separator: ","))]}"#
            }
            if path.hasSuffix("/albums") {
                let items = (0..<3).map { i in #"{"id":"\#(id("\(path)-al\(i)"))","name":"Album \#(i)"}"# }
                return #"{"items":[\#(items.joined(separator: ","))]}"#
            }
            if path.hasSuffix("/tracks") && path.hasPrefix("/v1/albums/") {
                let items = (0..<4).map { i in spotifyTrack(id("\(path)-\(i)")) }
                return #"{"items":[\#(items.joined(separator: ","))]}"#
            }
            if path.hasPrefix("/v1/tracks/") {
                return spotifyTrack(String(path.dropFirst("/v1/tracks/".count)))
            }
            if path.hasPrefix("/v1/me/top/tracks") {
                let items = (0..<limit).map { i in spotifyTrack(id("top-\(i)")) }
                return #"{"items":[\#(items.joined(separator: ","))]}"#
            }
            if path.hasPrefix("/v1/me/top/artists") {
                let items = (0..<limit).map { i in #"{"id":"\#(id("topa-\(i)"))","name":"Top \#(i)","genres":["pop"],"popularity":60}"# }
                return #"{"items":[\#(items.joined(separator: ","))]}"#
            }
            if path.hasPrefix("/v1/artists/") {
                return #"{"id":"\#(path.split(separator: "/").last ?? "")","name":"Artist","genres":[],"popularity":50}"#
            }
            return #"{"error":{"status":404}}"#
        case .reccobeats:
            if path == "/v1/track/recommendation" {
                let size = Int(request.queryValue("size") ?? "5") ?? 5
                let seeds = request.queryValue("seeds") ?? ""
                let items = (0..<size).map { i in reccoTrack(id("rec-\(seeds)-\(i)"), withDuration: i % 2 == 0) }
                return #"{"content":[\#(items.joined(separator: ","))]}"#
            }
            if path == "/v1/track" {
                let ids = (request.queryValue("ids") ?? "").split(separator: ",").map(String.init)
                return #"{"content":[\#(ids.map { reccoTrack($0) }.joined(separator: ","))]}"#
            }
            if path.hasSuffix("/audio-features") {
                let uuid = path.split(separator: "/")[2]
                let e = flatEnergy ? 0.5 : energy(String(uuid))
                return #"{"id":"\#(uuid)","acousticness":0.3,"danceability":0.6,"energy":\#(e),"instrumentalness":0.1,"liveness":0.2,"loudness":-7,"speechiness":0.05,"tempo":118,"valence":0.6}"#
            }
            return #"{"error":"not found"}"#
        case .llm:
            return llm(request, score: llmScore)
        case .other:
            return "{}"
        }
    }

    static func llm(_ request: HTTPRequest, score: Double) -> String {
        let body = request.body ?? ""
        let task = LLMTask.allCases.first { body.contains("task: \($0.rawValue)") }
        let answer: String
        switch task {
        case .intentAnalysis:
            answer = #"{"intent_type":"mood","mentioned_tracks":[],"mentioned_artists":[],"primary_genre":"indie"}"#
        case .moodAnalysis:
            answer = #"{"mood_label":"chill","target_features":{"energy":[0.3,0.5],"valence":[0.4,0.6],"acousticness":[0.2,0.4],"danceability":[0.5,0.7],"tempo":[100,130]},"feature_weights":{"energy":0.9,"valence":0.8,"acousticness":0.5},"genre_keywords":["indie","dream pop","shoegaze","ambient","folk","lo-fi","chillwave","slowcore","post-rock"],"artist_recommendations":["Beach House","Slowdive","Mazzy Star","Cocteau Twins","Low","Grouper","Alvvays","Wild Nothing","DIIV"]}"#
        case .qualityEvaluation, .finalEvaluation:
            answer = #"{"score":\#(score),"issues":[]}"#
        case .improvementStrategy:
            answer = #"{"strategies":["filter_and_replace"],"reasoning":"outliers"}"#
        default:
            answer = "{}"
        }
        let escaped = answer.replacingOccurrences(of: "\"", with: "\\\"")
        return #"{"choices":[{"index":0,"message":{"role":"assistant","content":"\#(escaped)"},"finish_reason":"stop"}]}"#
    }
}

extension String {
    /// A hash that is the same in every process (String.hashValue is seeded per process).
    var hashValueStable: Int {
        var hash: UInt64 = 1469598103934665603
        for byte in utf8 { hash = (hash ^ UInt64(byte)) &* 1099511628211 }
        return Int(hash % 1_000_003)
    }
}
