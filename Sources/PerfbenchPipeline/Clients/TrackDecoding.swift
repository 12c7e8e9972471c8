import PerfbenchRecording

/// Reads the upstream JSON shapes of APIS.md into the pipeline's model.
enum TrackDecoding {
    /// A Spotify track object.
    static func spotifyTrack(_ json: JSONValue, source: TrackSource) -> Track? {
        guard let id = json["id"]?.stringValue, let name = json["name"]?.stringValue else { return nil }
        let artists = json["artists"]?.arrayValue ?? []
        return Track(
            id: id, name: name, artistIDs: artists.compactMap { $0["id"]?.stringValue },
            artistNames: artists.compactMap { $0["name"]?.stringValue },
            durationMs: json["duration_ms"]?.intValue, popularity: json["popularity"]?.intValue,
            source: source)
    }

    /// A Spotify artist object.
    static func spotifyArtist(_ json: JSONValue) -> Artist? {
        guard let id = json["id"]?.stringValue, let name = json["name"]?.stringValue else { return nil }
        return Artist(
            id: id, name: name, genres: json["genres"]?.arrayValue?.compactMap(\.stringValue) ?? [],
            popularity: json["popularity"]?.intValue ?? 50)
    }

    /// A ReccoBeats track: the Spotify id is the tail of its `href`.
    static func reccoTrack(_ json: JSONValue) -> Track? {
        guard let uuid = json["id"]?.stringValue else { return nil }
        let href = json["href"]?.stringValue ?? ""
        let spotifyID = lastPathComponent(href) ?? uuid
        let artists = json["artists"]?.arrayValue ?? []
        return Track(
            id: spotifyID, reccoID: uuid, name: json["trackTitle"]?.stringValue ?? "",
            artistIDs: artists.compactMap { artist in
                artist["href"]?.stringValue.flatMap(lastPathComponent)
                    ?? artist["id"]?.stringValue
            },
            artistNames: artists.compactMap { $0["name"]?.stringValue },
            durationMs: json["durationMs"]?.intValue, popularity: json["popularity"]?.intValue,
            source: .reccobeats)
    }

    /// ReccoBeats audio features.
    static func features(_ json: JSONValue) -> AudioFeatures? {
        var values: [String: Double] = [:]
        values.reserveCapacity(AudioFeatures.names.count)
        for name in AudioFeatures.names {
            if let value = json[name]?.doubleValue { values[name] = value }
        }
        return values.isEmpty ? nil : AudioFeatures(values: values)
    }

    /// The last non-empty `/`-separated component of `text`, or nil when there is none: what
    /// `text.split(separator: "/").last` gives, without splitting the whole string.
    static func lastPathComponent(_ text: String) -> String? {
        let utf8 = text.utf8
        // Non-ASCII text may hold a "/" fused with a combining mark into one Character, which
        // `split` does not cut at: leave such text to `split` itself.
        guard utf8.allSatisfy({ $0 < 0x80 }) else { return text.split(separator: "/").last.map(String.init) }
        var end = utf8.endIndex
        while end > utf8.startIndex, utf8[utf8.index(before: end)] == UInt8(ascii: "/") {
            end = utf8.index(before: end)
        }
        guard end > utf8.startIndex else { return nil }
        let head = utf8[..<end]
        let start = head.lastIndex(of: UInt8(ascii: "/")).map { utf8.index(after: $0) } ?? utf8.startIndex
        return String(text[start..<end])
    }
}
