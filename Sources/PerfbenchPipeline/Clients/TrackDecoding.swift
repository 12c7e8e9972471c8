import PerfbenchRecording

/// Reads the upstream JSON shapes of APIS.md into the pipeline's model.
enum TrackDecoding {
    /// A Spotify track object.
    static func spotifyTrack(_ json: JSONNode, source: TrackSource) -> Track? {
        guard let id = json["id"]?.stringValue, let name = json["name"]?.stringValue else { return nil }
        let artists = json["artists"]?.arrayValue ?? []
        return Track(
            id: id, name: name, artistIDs: artists.compactMap { $0["id"]?.stringValue },
            artistNames: artists.compactMap { $0["name"]?.stringValue },
            durationMs: json["duration_ms"]?.intValue, popularity: json["popularity"]?.intValue,
            source: source)
    }

    /// A Spotify artist object.
    static func spotifyArtist(_ json: JSONNode) -> Artist? {
        guard let id = json["id"]?.stringValue, let name = json["name"]?.stringValue else { return nil }
        return Artist(
            id: id, name: name, genres: json["genres"]?.arrayValue?.compactMap(\.stringValue) ?? [],
            popularity: json["popularity"]?.intValue ?? 50)
    }

    /// A ReccoBeats track: the Spotify id is the tail of its `href`.
    static func reccoTrack(_ json: JSONNode) -> Track? {
        guard let uuid = json["id"]?.stringValue else { return nil }
        let href = json["href"]?.stringValue ?? ""
        let spotifyID = SlashPath.lastComponent(href) ?? uuid
        let artists = json["artists"]?.arrayValue ?? []
        return Track(
            id: spotifyID, reccoID: uuid, name: json["trackTitle"]?.stringValue ?? "",
            artistIDs: artists.compactMap { artist in
                artist["href"]?.stringValue.flatMap(SlashPath.lastComponent)
                    ?? artist["id"]?.stringValue
            },
            artistNames: artists.compactMap { $0["name"]?.stringValue },
            durationMs: json["durationMs"]?.intValue, popularity: json["popularity"]?.intValue,
            source: .reccobeats)
    }

    /// ReccoBeats audio features.
    static func features(_ json: JSONNode) -> AudioFeatures? {
        var values: [String: Double] = [:]
        values.reserveCapacity(AudioFeatures.names.count)
        for name in AudioFeatures.names {
            if let value = json[name]?.doubleValue { values[name] = value }
        }
        return values.isEmpty ? nil : AudioFeatures(values: values)
    }
}
