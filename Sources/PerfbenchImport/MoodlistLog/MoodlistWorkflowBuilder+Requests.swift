import PerfbenchRecording

import Foundation

/// The request lines the backend writes around individual upstream calls: a start line and a
/// completion line, whose time difference is the call's duration (to the log's precision: a
/// microsecond on UTC lines, a second on local ones). Each pair becomes an `observed` exchange.
extension MoodlistWorkflowBuilder {
    mutating func applyRequestLine(_ line: MoodlistLogLine, now: Int, redactor: Redactor) -> Bool {
        // The event alone: the message would end in the logger's name.
        let text = line.event
        if spotifySearch("artist", defaultLimit: 3, text: text, now: now, redactor: redactor) { return true }
        if let rest = text.after("Spotify search for '"), let name = rest.before("' matched"),
            let id = rest.after("(ID: ")?.before(")")
        {
            bodyFacts.artistIDs[name] = id
            return true
        }
        if let rest = text.after("Fetching top tracks for artist "), let id = rest.before(" ("),
            let share = rest.after(" top + ").flatMap({ Self.count($0) })
        {
            albumShares[id] = share
            return true
        }
        if let id = text.after("Fetching albums for artist ") {
            pending.byKey["albums:" + id] = (now, stage)
            albumArtist = id
            return true
        }
        if let rest = text.after("Retrieved "), let count = rest.before(" albums for artist ").flatMap({ MoodlistWorkflowBuilder.count($0) }),
            let id = rest.after(" albums for artist "), let started = pending.byKey.removeValue(forKey: "albums:" + id)
        {
            let albums = (0..<count).map { MoodlistResponseBodies.album(id: MoodlistHybridFetch.albumID(artist: id, index: $0)) }
            events.append(
                .exchange(Exchange(id: newExchangeID(), startMicros: started.start, durationMicros: max(0, now - started.start),
                    service: .spotify, method: "GET",
                    url: "https://api.spotify.com/v1/artists/\(id)/albums?market=US&limit=10&include_groups=album%2Csingle",
                    status: 200, responseBody: #"{"items":["# + albums.joined(separator: ",") + #"],"total":\#(count),"limit":10,"offset":0}"#,
                    tool: "get_artist_albums", stage: started.stage)))
            albumArtist = id
            return true
        }
        // Two artists' fetches can interleave (`parallel-artists`): the sampling line follows its
        // artist's listing line, and the fetch's result line is followed by one naming the artist.
        if let count = text.after("Found ")?.before(" albums, sampling").flatMap({ MoodlistWorkflowBuilder.count($0) }), let artist = albumArtist {
            hybridOpen[artist] = (now, count, albumShares[artist] ?? 2)
            return true
        }
        if text.hasPrefix("Hybrid strategy returned "), text.contains(" diverse tracks"),
            let picked = text.after("album: ").flatMap({ Self.count($0) })
        {
            hybridClosing = (picked, now, stage)
            return true
        }
        if let closing = hybridClosing, let artist = text.after("Hybrid strategy returned ")?.after(" tracks for artist ")?
            .prefix(while: { $0.isLetter || $0.isNumber })
        {
            hybridClosing = nil
            guard let open = hybridOpen.removeValue(forKey: String(artist)) else { return true }
            let run = hybridFetches.filter { $0.artist == artist }.count
            hybridFetches.append(
                MoodlistHybridFetch(artist: String(artist), run: run, start: open.start, end: closing.end,
                    albums: open.albums, albumShare: open.albumShare, albumsPicked: closing.picked, stage: closing.stage))
            return true
        }
        if spotifySearch("track", defaultLimit: 20, text: text, now: now, redactor: redactor) { return true }
        if userTop("tracks", defaultLimit: 20, tool: "get_user_top_tracks", text: text, now: now, redactor: redactor)
            || userTop("artists", defaultLimit: 15, tool: "get_user_top_artists", text: text, now: now, redactor: redactor)
        {
            return true
        }
        if let rest = text.after("Getting top tracks for artist "), let id = rest.before(" in market ") {
            pending.byKey["top:" + id] = (now, stage)
            return true
        }
        if let rest = text.after(" top tracks for artist "), text.hasPrefix("Successfully retrieved"),
            let id = rest.before(" using market "), let market = rest.after(" using market "),
            let started = pending.byKey.removeValue(forKey: "top:" + id)
        {
            let url = "https://api.spotify.com/v1/artists/\(id)/top-tracks?market=\(market.trimmingSpaces())"
            addExchange(url, tool: "get_artist_top_tracks", started: started, now: now, redactor: redactor)
            return true
        }
        if let count = text.after("Getting ")?.before(" tracks from RecoBeat").flatMap({ MoodlistWorkflowBuilder.count($0) }) {
            pending.reccoTracks.append((now, stage))
            pending.reccoCounts.append(count)
            return true
        }
        if text.hasPrefix("Successfully retrieved "), text.hasSuffix(" tracks"),
            !text.contains("top tracks"), !pending.reccoTracks.isEmpty
        {
            let started = pending.reccoTracks.removeFirst()
            let asked = pending.reccoCounts.isEmpty ? 0 : pending.reccoCounts.removeFirst()
            let found = text.after("Successfully retrieved ").flatMap({ Self.count($0) }) ?? 0
            let id = newExchangeID()
            reccoTrackCounts[id] = (asked, found)
            lastReccoTrackExchange = id
            events.append(
                .exchange(Exchange(id: id, startMicros: started.start, durationMicros: max(0, now - started.start),
                    service: .reccobeats, method: "GET", url: "https://api.reccobeats.com/v1/track", status: 200,
                    tool: "get_multiple_tracks", stage: started.stage)))
            return true
        }
        if text.hasPrefix("Fetching audio features for ") {
            // Older backends fetch a batch's features all at once ("… in parallel (cached: 0)");
            // newer ones in throttled batches of 5.
            pending.featureStart = (now, stage, text.contains(" in parallel"))
            return true
        }
        if text.hasPrefix("Successfully fetched "), text.contains(" audio features"), let started = pending.featureStart,
            let count = text.after("Successfully fetched ").flatMap({ Self.count($0) })
        {
            pending.featureStart = nil
            featureBatches.append(
                MoodlistFeatureBatch(start: started.start, end: now, count: count, stage: started.stage,
                    mappingExchange: lastReccoTrackExchange, parallel: started.parallel))
            return true
        }
        if let rest = text.after("HTTP Request: ") {
            httpRequest(rest, now: now, redactor: redactor)
            return true
        }
        if text.hasPrefix("Completed energy analysis batch") {
            // The batches start together when ordering starts; each line marks one batch's end.
            let start = orderingStart ?? orchestrationEnd ?? now
            events.append(
                .exchange(inferredLLMCall(task: "energy_analysis", start: start, duration: max(0, now - start),
                    stage: "playlist_ordering", provenance: .observed)))
            return true
        }
        return false
    }

    /// `Searching Spotify for <type>s: 'Q' (limit: N)` … `Successfully found M <type>s for query
    /// 'Q'`: one observed Spotify search of that type.
    private mutating func spotifySearch(
        _ type: String, defaultLimit: Int, text: String, now: Int, redactor: Redactor
    ) -> Bool {
        if let rest = text.after("Searching Spotify for \(type)s: '"), let query = rest.before("' (limit") {
            pending.byKey[type + ":" + query] = (now, stage)
            let limit = rest.after("(limit: ").flatMap({ Self.count($0) }) ?? defaultLimit
            pending.byKey[type + "limit:" + query] = (limit, stage)
            return true
        }
        guard let rest = text.after("\(type)s for query '"), text.hasPrefix("Successfully found"),
            let query = rest.before("'"), let started = pending.byKey.removeValue(forKey: type + ":" + query)
        else { return false }
        let limit = pending.byKey.removeValue(forKey: type + "limit:" + query)?.start ?? defaultLimit
        let url = "https://api.spotify.com/v1/search?q=\(MoodlistURL.encode(redactor.redactText(query)))&type=\(type)&limit=\(limit)"
        let id = addExchange(url, tool: "search_spotify_\(type)s", started: started, now: now, redactor: redactor)
        bodyFacts.found[id] = text.after("Successfully found ").flatMap({ Self.count($0) })
        return true
    }

    /// `Getting top N <kind> for user` … `Successfully retrieved M top <kind>`: the user's top
    /// tracks or artists, one observed `/v1/me/top/<kind>` exchange.
    private mutating func userTop(
        _ kind: String, defaultLimit: Int, tool: String, text: String, now: Int, redactor: Redactor
    ) -> Bool {
        let key = "user" + kind
        if let rest = text.after("Getting top "), let count = rest.before(" \(kind) for user").flatMap({ MoodlistWorkflowBuilder.count($0) }) {
            pending.byKey[key] = (now, stage)
            pending.byKey[key + "limit"] = (count, stage)
            return true
        }
        guard text.hasPrefix("Successfully retrieved "), text.hasSuffix(" top \(kind)"),
            let started = pending.byKey.removeValue(forKey: key)
        else { return false }
        let limit = pending.byKey.removeValue(forKey: key + "limit")?.start ?? defaultLimit
        let id = addExchange(
            "https://api.spotify.com/v1/me/top/\(kind)?limit=\(limit)&time_range=medium_term", tool: tool,
            started: started, now: now, redactor: redactor)
        bodyFacts.found[id] = text.after("Successfully retrieved ").flatMap({ Self.count($0) })
        return true
    }

    @discardableResult
    private mutating func addExchange(
        _ url: String, tool: String, started: (start: Int, stage: String), now: Int, redactor: Redactor
    ) -> String {
        let service = Service.classify(url: url)
        let id = newExchangeID()
        events.append(
            .exchange(Exchange(id: id, startMicros: started.start, durationMicros: max(0, now - started.start),
                service: service, method: "GET", url: redactor.redactText(url), status: 200, tool: tool,
                stage: started.stage)))
        return id
    }

    /// httpx's `HTTP Request: GET https://… "HTTP/1.1 200 OK"`: the completion only, so the
    /// duration is unknown and recorded as zero.
    private mutating func httpRequest(_ rest: String, now: Int, redactor: Redactor) {
        let parts = rest.split(separator: " ", maxSplits: 2).map(String.init)
        guard parts.count >= 2 else { return }
        let status = parts.count > 2 ? parts[2].after("HTTP/1.1 ").flatMap({ Self.count($0) }) : nil
        let url = redactor.redactText(parts[1])
        events.append(
            .exchange(Exchange(id: newExchangeID(), startMicros: now, durationMicros: 0, service: Service.classify(url: url),
                method: parts[0], url: url, status: status, stage: stage)))
    }
}

/// URL text for the exchanges a log implies.
enum MoodlistURL {
    private static let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._~"))

    static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }

    /// `{'seeds': 'a,b', 'size': 8}` (a Python dict as logged) to `seeds=a%2Cb&size=8`.
    static func query(fromParams params: String) -> String {
        var body = params.trimmingSpaces()
        if body.hasPrefix("{") { body.removeFirst() }
        if body.hasSuffix("}") { body.removeLast() }
        let unquote: (String) -> String = { value in
            value.trimmingSpaces().trimmingCharacters(in: CharacterSet(charactersIn: "'\""))
        }
        return body.components(separatedBy: ", '").compactMap { pair -> String? in
            guard let colon = pair.range(of: ":") else { return nil }
            let key = unquote(String(pair[..<colon.lowerBound]))
            let value = unquote(String(pair[colon.upperBound...]))
            return key.isEmpty ? nil : "\(encode(key))=\(encode(value))"
        }.joined(separator: "&")
    }
}
