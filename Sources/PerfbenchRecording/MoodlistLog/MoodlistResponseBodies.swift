import Foundation

/// Minimal Spotify response bodies for the exchanges a log proves, so that a replay finds artists
/// and tracks to work on (the log gives counts and ids, never the payloads).
///
/// The bodies are placeholders shaped like Spotify's: an artist search answers with the artist it
/// asked for; a top-tracks call with ten tracks of that artist; a track search with as many
/// tracks as its limit. Ids the log names are kept (top-tracks artist ids, paired in start order
/// with the artist searches, which the backend runs in the same order); the rest are made up and
/// start with `imp`. Popularity spreads over 40–67 so the backend's 20–80 filter keeps them.
enum MoodlistResponseBodies {
    static func fill(_ events: inout [RecordingEvent], reccoTrackCounts: [String: (asked: Int, found: Int)] = [:]) {
        let ordered = events.indices.sorted { events[$0].startMicros < events[$1].startMicros }
        var topTrackArtists: [String] = []
        for index in ordered {
            guard case .exchange(let exchange) = events[index], exchange.tool == "get_artist_top_tracks" else { continue }
            topTrackArtists.append(artistID(inTopTracksURL: exchange.url))
        }
        var artistSearches = 0
        for index in ordered {
            guard case .exchange(var exchange) = events[index], exchange.service == .spotify, exchange.responseBody == nil
            else { continue }
            switch exchange.tool {
            case "search_spotify_artists":
                let name = query(exchange.url)
                let id = artistSearches < topTrackArtists.count ? topTrackArtists[artistSearches] : "imp" + slug(name)
                artistSearches += 1
                exchange.responseBody = #"{"artists":{"items":["# + artist(id: id, name: name) + "]}}"
            case "get_artist_top_tracks":
                let id = artistID(inTopTracksURL: exchange.url)
                let tracks = (0..<10).map { track(id: "imp\(id)t\($0)", number: $0, artistID: id, artistName: id) }
                exchange.responseBody = #"{"tracks":["# + tracks.joined(separator: ",") + "]}"
            case "search_spotify_tracks":
                let name = query(exchange.url)
                let limit = Int(parameter("limit", exchange.url) ?? "") ?? 20
                let tracks = (0..<limit).map {
                    track(id: "imp\(slug(name))t\($0)", number: $0, artistID: "imp\(slug(name))a\($0 % 5)", artistName: name)
                }
                exchange.responseBody = #"{"tracks":{"items":["# + tracks.joined(separator: ",") + "]}}"
            default:
                continue
            }
            events[index] = .exchange(exchange)
        }
        fillReccoBeatsMappings(&events, ordered: ordered, counts: reccoTrackCounts)
    }

    /// Gives each ReccoBeats `/v1/track` exchange the ids it mapped, so the replayed F(n) call
    /// matches it exactly: the ids of the Spotify tracks fetched just before it. A track search
    /// of limit N followed by `Getting N tracks` maps that page; otherwise the first three tracks
    /// of each of the last N/3 top-tracks calls (anchor selection takes 3 per artist). The first
    /// `found` ids get a ReccoBeats entry; the rest are the tracks ReccoBeats lacks.
    private static func fillReccoBeatsMappings(
        _ events: inout [RecordingEvent], ordered: [Int], counts: [String: (asked: Int, found: Int)]
    ) {
        var recent: [(tool: String, ids: [String])] = []
        for index in ordered {
            guard case .exchange(var exchange) = events[index] else { continue }
            if exchange.service == .spotify, let body = exchange.responseBody, let tool = exchange.tool {
                recent.append((tool, trackIDs(in: body)))
                if recent.count > 20 { recent.removeFirst() }
                continue
            }
            guard exchange.tool == "get_multiple_tracks", let count = counts[exchange.id], count.asked > 0 else { continue }
            var ids: [String] = []
            if let last = recent.last, last.tool == "search_spotify_tracks", last.ids.count == count.asked {
                ids = last.ids
            } else if count.asked % 3 == 0 {
                let tops = recent.filter { $0.tool == "get_artist_top_tracks" }.suffix(count.asked / 3)
                if tops.count == count.asked / 3 { ids = tops.flatMap { $0.ids.prefix(3) } }
            }
            recent.removeAll()
            guard ids.count == count.asked else { continue }
            exchange.url = "https://api.reccobeats.com/v1/track?ids=" + ids.joined(separator: "%2C")
            let content = ids.prefix(count.found).map { id in
                #"{"id":"# + MoodlistLLMFacts.quoted("rb" + id) + #","href":"# + MoodlistLLMFacts.quoted("https://open.spotify.com/track/" + id)
                    + #","trackTitle":"Imported","artists":[],"durationMs":210000,"popularity":55}"#
            }
            exchange.responseBody = #"{"content":["# + content.joined(separator: ",") + "]}"
            events[index] = .exchange(exchange)
        }
    }

    /// The `id`s of the tracks in a body this type wrote (a light scan, not a JSON parse).
    private static func trackIDs(in body: String) -> [String] {
        var ids: [String] = []
        var rest = Substring(body)
        while let range = rest.range(of: #"{"id":""#) {
            rest = rest[range.upperBound...]
            let id = String(rest.prefix { $0 != "\"" })
            // Only track ids: artist objects nested in a track repeat the pattern.
            if id.contains("t"), rest.dropFirst(id.count).hasPrefix(#"","name":"Track"#) { ids.append(id) }
        }
        return ids
    }

    private static func artist(id: String, name: String) -> String {
        #"{"id":"# + MoodlistLLMFacts.quoted(id) + #","name":"# + MoodlistLLMFacts.quoted(name)
            + #","genres":[],"popularity":60}"#
    }

    private static func track(id: String, number: Int, artistID: String, artistName: String) -> String {
        #"{"id":"# + MoodlistLLMFacts.quoted(id) + #","name":"# + MoodlistLLMFacts.quoted("Track \(number + 1)")
            + #","artists":["# + artist(id: artistID, name: artistName) + #"],"popularity":\#(40 + 3 * number),"#
            + #""duration_ms":210000}"#
    }

    private static func artistID(inTopTracksURL url: String) -> String {
        url.after("/v1/artists/")?.before("/") ?? "impartist"
    }

    private static func parameter(_ name: String, _ url: String) -> String? {
        guard let query = url.after("?") else { return nil }
        for pair in query.split(separator: "&") where pair.hasPrefix(name + "=") {
            return String(pair.dropFirst(name.count + 1))
        }
        return nil
    }

    /// The decoded `q` parameter (the URL was percent-encoded by the importer).
    private static func query(_ url: String) -> String {
        (parameter("q", url) ?? "").removingPercentEncodingSafely()
    }

    private static func slug(_ text: String) -> String {
        String(text.lowercased().unicodeScalars.filter { ("a"..."z").contains($0) || ("0"..."9").contains($0) }.map(Character.init))
    }
}

extension String {
    fileprivate func removingPercentEncodingSafely() -> String {
        var bytes: [UInt8] = []
        var iterator = utf8.makeIterator()
        while let byte = iterator.next() {
            guard byte == UInt8(ascii: "%"), let high = iterator.next(), let low = iterator.next(),
                let value = UInt8(String(decoding: [high, low], as: UTF8.self), radix: 16)
            else { bytes.append(byte); continue }
            bytes.append(value)
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
