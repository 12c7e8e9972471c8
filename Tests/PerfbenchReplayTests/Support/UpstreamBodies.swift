import PerfbenchPipeline
import PerfbenchRecording
import PerfbenchReplay
import PerfbenchRuntime

/// Deterministic bodies in the real APIs' shapes, derived from the request. Tracks come from a
/// closed pool so that answers overlap the way a real catalogue's do.
enum UpstreamBodies {
    static let alphabet = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")

    /// A 22-character Spotify-style id.
    static func id(_ seed: String) -> String {
        var random = SplitMix64(seed: StableHash.fnv1a(seed))
        return String((0..<22).map { _ in alphabet[Int(random.next() % 62)] })
    }

    /// The ReccoBeats UUID of a Spotify id.
    static func uuid(_ spotifyID: String) -> String {
        let hex = Array("0123456789abcdef")
        var random = SplitMix64(seed: StableHash.fnv1a("uuid-" + spotifyID))
        let d = (0..<32).map { _ in hex[Int(random.next() % 16)] }
        return String(d[0..<8]) + "-" + String(d[8..<12]) + "-4" + String(d[13..<16]) + "-a"
            + String(d[17..<20]) + "-" + String(d[20..<32])
    }

    static func number(_ seed: String, _ range: Int) -> Int { Int(StableHash.fnv1a(seed) % UInt64(range)) }

    /// Track number `n` of the catalogue pool.
    static func poolTrack(_ n: Int) -> String { id("pool-\(n)") }

    static func spotifyTrack(_ trackID: String) -> String {
        let artist = number("artist-of-" + trackID, 40)
        return #"{"id":"\#(trackID)","name":"Song \#(trackID.prefix(5))","duration_ms":\#(180000 + number("d" + trackID, 60000)),"popularity":\#(15 + number("p" + trackID, 75)),"artists":[{"id":"\#(id("artist-\(artist)"))","name":"Artist \#(artist)"}],"uri":"spotify:track:\#(trackID)"}"#
    }

    static func reccoTrack(_ spotifyID: String) -> String {
        let artist = number("artist-of-" + spotifyID, 40)
        let duration = number("nd" + spotifyID, 3) == 0 ? "" : #","durationMs":\#(190000 + number("d" + spotifyID, 50000))"#
        return #"{"id":"\#(uuid(spotifyID))","trackTitle":"Song \#(spotifyID.prefix(5))","artists":[{"id":"\#(uuid("artist-\(artist)"))","name":"Artist \#(artist)","href":"https://open.spotify.com/artist/\#(id("artist-\(artist)"))"}],"href":"https://open.spotify.com/track/\#(spotifyID)","popularity":\#(20 + number("p" + spotifyID, 60))\#(duration)}"#
    }

    static func tracks(_ seed: String, count: Int) -> [String] {
        (0..<count).map { poolTrack(number("\(seed)-\($0)", 240)) }
    }

    static func body(for request: HTTPRequest) -> String {
        let path = request.path
        switch request.service {
        case .spotify: return spotify(request, path: path)
        case .reccobeats: return reccobeats(request, path: path)
        case .llm: return LLMScript.answer(request)
        case .other: return "{}"
        }
    }

    private static func spotify(_ request: HTTPRequest, path: String) -> String {
        let limit = Int(request.queryValue("limit") ?? "20") ?? 20
        let q = request.queryValue("q") ?? ""
        if path == "/v1/search" {
            if request.queryValue("type") == "artist" {
                let items = (0..<min(limit, 8)).map { i -> String in
                    let n = number("search-artist-\(q)-\(i)", 40)
                    return #"{"id":"\#(id("artist-\(n)"))","name":"Artist \#(n)","genres":["indie"],"popularity":\#(30 + number("ap\(n)", 60))}"#
                }
                return #"{"artists":{"items":[\#(items.joined(separator: ","))]}}"#
            }
            let items = tracks("search-\(q)", count: min(limit, 10)).map(spotifyTrack)
            return #"{"tracks":{"items":[\#(items.joined(separator: ","))]}}"#
        }
        let segments = path.split(separator: "/").map(String.init)
        if path.hasSuffix("/top-tracks") {
            return #"{"tracks":[\#(tracks("top-\(segments[2])", count: 6).map(spotifyTrack).joined(separator: ","))]}"#
        }
        if path.hasSuffix("/albums") {
            let items = (0..<3).map { #"{"id":"\#(id("album-\(segments[2])-\($0)"))","name":"Album \#($0)"}"# }
            return #"{"items":[\#(items.joined(separator: ","))]}"#
        }
        if path.hasPrefix("/v1/albums/") {
            return #"{"items":[\#(tracks("album-\(segments[2])", count: 5).map(spotifyTrack).joined(separator: ","))]}"#
        }
        if path.hasPrefix("/v1/tracks/") { return spotifyTrack(segments[2]) }
        if path == "/v1/me/top/tracks" {
            return #"{"items":[\#(tracks("user-top", count: limit).map(spotifyTrack).joined(separator: ","))]}"#
        }
        if path == "/v1/me/top/artists" {
            let items = (0..<limit).map { #"{"id":"\#(id("artist-\($0)"))","name":"Artist \#($0)","genres":["pop"],"popularity":60}"# }
            return #"{"items":[\#(items.joined(separator: ","))]}"#
        }
        if path.hasPrefix("/v1/artists/") {
            return #"{"id":"\#(segments[2])","name":"Artist","genres":[],"popularity":50}"#
        }
        return #"{"error":{"status":404}}"#
    }

    private static func reccobeats(_ request: HTTPRequest, path: String) -> String {
        if path == "/v1/track/recommendation" {
            let size = Int(request.queryValue("size") ?? "5") ?? 5
            let seeds = request.queryValue("seeds") ?? ""
            return #"{"content":[\#(tracks("rec-\(seeds)", count: size).map(reccoTrack).joined(separator: ","))]}"#
        }
        if path == "/v1/track" {
            // ReccoBeats lacks about one track in eleven: it leaves them out.
            let ids = (request.queryValue("ids") ?? "").split(separator: ",").map(String.init)
                .filter { number("lacks-" + $0, 11) != 0 }
            return #"{"content":[\#(ids.map(reccoTrack).joined(separator: ","))]}"#
        }
        if path.hasSuffix("/audio-features") {
            let uuid = String(path.split(separator: "/")[2])
            func feature(_ name: String) -> String { String(Double(number(name + uuid, 100)) / 100) }
            return #"{"id":"\#(uuid)","acousticness":\#(feature("a")),"danceability":\#(feature("d")),"energy":\#(feature("e")),"instrumentalness":\#(feature("i")),"liveness":0.12,"loudness":-7.5,"speechiness":0.05,"tempo":\#(80 + number("t" + uuid, 80)),"valence":\#(feature("v"))}"#
        }
        return #"{"error":"Not Found"}"#
    }
}
