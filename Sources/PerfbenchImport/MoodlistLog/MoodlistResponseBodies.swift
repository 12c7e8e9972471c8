import PerfbenchRecording

import Foundation

/// What the response bodies need beyond the exchanges themselves, gathered while reading.
struct MoodlistBodyFacts {
    /// Ids asked and tracks found per ReccoBeats `/v1/track` exchange (`Getting N` / `retrieved M`).
    var reccoTrackCounts: [String: (asked: Int, found: Int)] = [:]
    /// Results a search reported (`Successfully found N …`), by exchange id.
    var found: [String: Int?] = [:]
    /// Artist ids the log names for a searched name (`✓ Spotify search for 'X' matched: … (ID: …)`).
    var artistIDs: [String: String] = [:]
    /// The artists the first generator run went through, in its order.
    var generatorArtists: [String] = []
    var hybridFetches: [MoodlistHybridFetch] = []
}

/// Minimal Spotify response bodies for the exchanges a log proves, so that a replay finds artists
/// and tracks to work on (the log gives counts and ids, never the payloads).
///
/// The bodies are placeholders shaped like Spotify's, carrying the ids and counts the log names:
/// - an artist search by name answers with that artist, under the id the log gives it (anchor
///   selection's searches pair in start order with its top-tracks calls, which the backend runs
///   in the same order; `matched: … (ID: …)` lines name others), else a made-up `imp` id;
/// - a genre artist search answers with as many artists as the log says it found, and also holds the artists the generator went on to use that no name search found, most
///   popular, so that discovery's pruning keeps them and its validation can name them (every
///   genre search holds them: a replay may search other genres, or fewer);
/// - a top-tracks call answers with ten tracks of that artist; a track search with as many
///   tracks as it found (its limit when the log does not say);
/// - the album sampling the artist strategy did is inferred (`MoodlistHybridFetch`).
/// Popularity spreads over 40–67 so the backend's 20–80 filter keeps the tracks.
enum MoodlistResponseBodies {
    static func fill(_ events: inout [RecordingEvent], facts: MoodlistBodyFacts) {
        var ordered = events.indices.sorted { events[$0].startMicros < events[$1].startMicros }
        var names = facts.artistIDs
        let anchorSearches = ordered.compactMap { index -> String? in
            guard case .exchange(let exchange) = events[index], exchange.stage == "anchor_selection",
                exchange.tool == "search_spotify_artists"
            else { return nil }
            return query(exchange.url)
        }
        let anchorTops = ordered.compactMap { index -> String? in
            guard case .exchange(let exchange) = events[index], exchange.stage == "anchor_selection",
                exchange.tool == "get_artist_top_tracks"
            else { return nil }
            return artistID(inTopTracksURL: exchange.url)
        }
        for (name, id) in zip(anchorSearches, anchorTops) where names[name] == nil { names[name] = id }
        let named = Set(names.values)
        let unplaced = facts.generatorArtists.filter { !named.contains($0) }
        for index in ordered {
            guard case .exchange(var exchange) = events[index], exchange.service == .spotify, exchange.responseBody == nil
            else { continue }
            let found = facts.found[exchange.id] ?? nil
            switch exchange.tool {
            case "search_spotify_artists":
                let name = query(exchange.url)
                var items: [String] = []
                if name.hasPrefix("genre:") {
                    // Every genre search holds them: which genres a replay searches, and in which
                    // order, follows its own mood analysis and discovery limits, not the log's.
                    items = unplaced.map { artist(id: $0, name: "Artist \($0.prefix(6))", popularity: 90) }
                    items += (0..<(found ?? 1)).map { artist(id: "imp\(slug(name))r\($0)", name: "\(name) \($0 + 1)", popularity: 60) }
                } else {
                    items = [artist(id: names[name] ?? "imp" + slug(name), name: name, popularity: 60)]
                }
                exchange.responseBody = #"{"artists":{"items":["# + items.joined(separator: ",") + "]}}"
            case "get_artist_top_tracks":
                let id = artistID(inTopTracksURL: exchange.url)
                let tracks = (0..<10).map {
                    track(id: topTrackID(artist: id, index: $0), name: "Track \($0 + 1)", artistID: id, artistName: id,
                        popularity: 40 + 3 * $0)
                }
                exchange.responseBody = #"{"tracks":["# + tracks.joined(separator: ",") + "]}"
            case "search_spotify_tracks":
                let name = query(exchange.url)
                let count = found ?? Int(parameter("limit", exchange.url) ?? "") ?? 20
                let tracks = (0..<count).map {
                    track(id: spotifyID("imp\(slug(name))t\($0)"), name: "Track \($0 + 1)", artistID: "imp\(slug(name))a\($0 % 5)",
                        artistName: name, popularity: 40 + 3 * ($0 % 10))
                }
                exchange.responseBody = #"{"tracks":{"items":["# + tracks.joined(separator: ",") + "]}}"
            case "get_user_top_tracks":
                let count = found ?? Int(parameter("limit", exchange.url) ?? "") ?? 20
                let tracks = (0..<count).map {
                    track(id: spotifyID("impusert\($0)"), name: "Track \($0 + 1)", artistID: "impusera\($0 % 7)",
                        artistName: "Artist \($0 % 7 + 1)", popularity: 40 + 3 * ($0 % 10))
                }
                exchange.responseBody = page(tracks, count: count)
            case "get_user_top_artists":
                let count = found ?? Int(parameter("limit", exchange.url) ?? "") ?? 15
                let artists = (0..<count).map { artist(id: "impusera\($0)", name: "Artist \($0 + 1)") }
                exchange.responseBody = page(artists, count: count)
            default:
                continue
            }
            events[index] = .exchange(exchange)
        }
        // The album sampling, with each fetch's picks for the id mapping that follows it.
        var picks: [(start: Int, ids: [String])] = []
        for (number, var fetch) in facts.hybridFetches.enumerated() {
            fetch.runs = facts.hybridFetches.filter { $0.artist == fetch.artist }.count
            let waited = events.reduce(0) { total, event in
                guard case .wait(let wait) = event, wait.kind == .window, wait.startMicros >= fetch.start,
                    wait.startMicros < fetch.end
                else { return total }
                return max(total, wait.durationMicros)
            }
            events += fetch.calls(waitedMicros: waited, number: number).map { .exchange($0) }
            picks.append((fetch.end, [topTrackID(artist: fetch.artist, index: 0)] + fetch.pickedIDs))
        }
        ordered = events.indices.sorted { events[$0].startMicros < events[$1].startMicros }
        fillReccoBeatsMappings(&events, ordered: ordered, counts: facts.reccoTrackCounts, picks: picks)
    }

    /// Gives each ReccoBeats `/v1/track` exchange the ids it mapped, so the replayed F(n) call
    /// matches it exactly: the ids of the Spotify tracks fetched just before it. A hybrid fetch
    /// just before maps the last N tracks it picked (the first ones are in the id registry
    /// already); a track search of limit N followed by `Getting N tracks` maps that page;
    /// otherwise the first three tracks of each of the last N/3 top-tracks calls (anchor
    /// selection takes 3 per artist). The first `found` ids get a ReccoBeats entry; the rest are
    /// the tracks ReccoBeats lacks.
    private static func fillReccoBeatsMappings(
        _ events: inout [RecordingEvent], ordered: [Int], counts: [String: (asked: Int, found: Int)],
        picks: [(start: Int, ids: [String])]
    ) {
        var recent: [(tool: String, ids: [String])] = []
        var pending = picks[...]
        for index in ordered {
            guard case .exchange(var exchange) = events[index] else { continue }
            while let next = pending.first, next.start <= exchange.startMicros {
                recent.append(("hybrid", next.ids))
                pending.removeFirst()
            }
            if exchange.service == .spotify, let body = exchange.responseBody, let tool = exchange.tool,
                tool != "get_album_tracks", tool != "get_spotify_track", tool != "get_artist_albums"
            {
                let ids = trackIDs(in: body)
                if !ids.isEmpty { recent.append((tool, ids)) }
                if recent.count > 20 { recent.removeFirst() }
                continue
            }
            guard exchange.tool == "get_multiple_tracks", let count = counts[exchange.id], count.asked > 0 else { continue }
            var ids: [String] = []
            if let last = recent.last, last.tool == "hybrid", last.ids.count >= count.asked {
                ids = Array(last.ids.suffix(count.asked))
            } else if let last = recent.last, last.tool == "search_spotify_tracks" || last.tool == "get_user_top_tracks",
                last.ids.count == count.asked
            {
                ids = last.ids
            } else if count.asked % 3 == 0 {
                let tops = recent.filter { $0.tool == "get_artist_top_tracks" }.suffix(count.asked / 3)
                if tops.count == count.asked / 3 { ids = tops.flatMap { $0.ids.prefix(3) } }
            }
            recent.removeAll()
            guard ids.count == count.asked else { continue }
            exchange.url = "https://api.reccobeats.com/v1/track?ids=" + ids.joined(separator: "%2C")
            let content = ids.prefix(count.found).map { id in
                #"{"id":"# + MoodlistLLMFacts.quoted(reccoID(id))
                    + #","href":"# + MoodlistLLMFacts.quoted("https://open.spotify.com/track/" + id)
                    + #","trackTitle":"Imported","artists":[],"durationMs":210000,"popularity":55}"#
            }
            exchange.responseBody = #"{"content":["# + content.joined(separator: ",") + "]}"
            events[index] = .exchange(exchange)
        }
    }

    /// The `id`s of the tracks in a body this type wrote (a light scan, not a JSON parse).
    static func trackIDs(in body: String) -> [String] {
        var ids: [String] = []
        var rest = Substring(body)
        while let range = rest.range(of: #"{"id":""#) {
            rest = rest[range.upperBound...]
            let id = String(rest.prefix { $0 != "\"" })
            // Only track ids: artist objects nested in a track repeat the pattern.
            if rest.dropFirst(id.count).hasPrefix(#"","name":"Track"#) { ids.append(id) }
        }
        return ids
    }

    /// The `index`th top track of `artist`.
    static func topTrackID(artist: String, index: Int) -> String { spotifyID("imp\(artist)t\(index)") }

    /// A made-up track id shaped like Spotify's (22 base-62 characters), derived from `seed`:
    /// the backend (and the pipeline) treat any other shape as a track without a Spotify URI and
    /// search for it in final processing, which the log shows it did not do.
    static func spotifyID(_ seed: String) -> String {
        let digits = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
        var output = ""
        for salt in ["", "#"] {
            var hash = StableHash.fnv1a(seed + salt)
            for _ in 0..<11 {
                output.append(digits[Int(hash % 62)])
                hash /= 62
            }
        }
        return output
    }

    /// The ReccoBeats id (a UUID, as ReccoBeats' are) the import gives the track `spotifyID`.
    static func reccoID(_ spotifyID: String) -> String {
        var hex = ""
        for salt in ["r", "b"] {
            let hash = StableHash.fnv1a(salt + spotifyID)
            let digits = String(hash, radix: 16)
            hex += String(repeating: "0", count: 16 - digits.count) + digits
        }
        let characters = Array(hex)
        return [0..<8, 8..<12, 12..<16, 16..<20, 20..<32].map { String(characters[$0]) }.joined(separator: "-")
    }

    static func artist(id: String, name: String, popularity: Int = 60) -> String {
        #"{"id":"# + MoodlistLLMFacts.quoted(id) + #","name":"# + MoodlistLLMFacts.quoted(name)
            + #","genres":[],"popularity":\#(popularity)}"#
    }

    /// A Spotify paging object of `items`.
    private static func page(_ items: [String], count: Int) -> String {
        #"{"items":["# + items.joined(separator: ",") + #"],"total":\#(count),"limit":\#(count),"offset":0}"#
    }

    static func album(id: String) -> String {
        #"{"id":"# + MoodlistLLMFacts.quoted(id) + #","name":"Album","album_type":"album"}"#
    }

    /// A track object; `popularity` nil for the simplified tracks an album listing holds.
    static func track(id: String, name: String, artistID: String, artistName: String, popularity: Int?) -> String {
        #"{"id":"# + MoodlistLLMFacts.quoted(id) + #","name":"# + MoodlistLLMFacts.quoted(name)
            + #","artists":["# + artist(id: artistID, name: artistName) + "]"
            + (popularity.map { #","popularity":\#($0)"# } ?? "") + #","duration_ms":210000}"#
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
