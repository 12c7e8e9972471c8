import Foundation

/// What a Spotify search `q` asks for.
enum SearchQuery: Equatable {
    case genre(String)
    case artist(String)
    case trackByArtist(title: String, artist: String)
    case text(String)

    /// Reads the forms the pipeline sends: `genre:{g}`, `artist:{name}`, `track:{t} artist:{a}`,
    /// and free text. Field values may be quoted.
    init(_ query: String) {
        let trimmed = query.trimmingSpaces
        let lowered = trimmed.lowercased()
        if lowered.hasPrefix("genre:") {
            self = .genre(Self.unquote(trimmed.dropFirst(6)))
        } else if lowered.hasPrefix("track:"),
            let marker = trimmed.range(of: " artist:", options: .caseInsensitive)
        {
            let titleStart = trimmed.index(trimmed.startIndex, offsetBy: 6)
            self = .trackByArtist(
                title: Self.unquote(trimmed[titleStart..<marker.lowerBound]),
                artist: Self.unquote(trimmed[marker.upperBound...]))
        } else if lowered.hasPrefix("artist:") {
            self = .artist(Self.unquote(trimmed.dropFirst(7)))
        } else {
            self = .text(trimmed)
        }
    }

    private static func unquote(_ text: Substring) -> String {
        var value = String(text).trimmingSpaces
        if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") {
            value = String(value.dropFirst().dropLast())
        }
        return value
    }
}

extension String {
    var trimmingSpaces: String {
        var view = Substring(self)
        while let first = view.first, first == " " { view = view.dropFirst() }
        while let last = view.last, last == " " { view = view.dropLast() }
        return String(view)
    }
}

/// Search over the catalogue, shaped like Spotify's relevance: exact names first, then related
/// entries. Every function returns at most `limit` indices plus the total it could have returned.
extension Catalogue {
    /// A genre's tracks interleaved across its artists (each artist's best track per round), as
    /// Spotify's `genre:` filter returns a spread of artists.
    func genreTracks(_ genre: Int, limit: Int) -> (items: [Int], total: Int) {
        let genreList = genreArtists[genre]
        var total = 0
        for artist in genreList { total += Int(artists[Int(artist)].trackCount) }
        var items: [Int] = []
        items.reserveCapacity(min(limit, total))
        var round = 0
        while items.count < limit, items.count < total {
            for artist in genreList where items.count < limit {
                let record = artists[Int(artist)]
                if round < Int(record.trackCount) { items.append(Int(record.firstTrack) + round) }
            }
            round += 1
        }
        return (items, total)
    }

    /// Artists for a name: the exact match, then artists of its primary genre by popularity.
    /// Unknown names get a stable, hash-chosen list (real search always returns something).
    func artistMatches(_ name: String, limit: Int) -> (items: [Int], total: Int) {
        let anchor: Int
        var items: [Int] = []
        if let exact = artistIndex(named: name) {
            anchor = artists[exact].primaryGenre
            items.append(exact)
        } else {
            let hash = StableHasher.hash(name.lowercased(), seed: seed)
            anchor = Int(hash % UInt64(GenreTable.all.count))
        }
        let neighbours = genreArtists[anchor]
        for artist in neighbours where items.count < limit && Int(artist) != items.first {
            items.append(Int(artist))
        }
        return (Array(items.prefix(limit)), max(neighbours.count, items.count))
    }

    /// Tracks for "title by artist": the artist's tracks whose title matches first, then the rest
    /// of the artist's tracks by popularity.
    func trackMatches(title: String, artist name: String, limit: Int) -> (items: [Int], total: Int) {
        guard let artist = artistIndex(named: name) else {
            return fuzzyTracks(title + " " + name, limit: limit)
        }
        let wanted = title.lowercased()
        var exact: [Int] = []
        var partial: [Int] = []
        var rest: [Int] = []
        for track in artists[artist].trackRange {
            let trackTitle = tracks[track].title.lowercased()
            if trackTitle == wanted {
                exact.append(track)
            } else if !wanted.isEmpty, trackTitle.contains(wanted) || wanted.contains(trackTitle) {
                partial.append(track)
            } else {
                rest.append(track)
            }
        }
        let all = exact + partial + rest
        return (Array(all.prefix(limit)), all.count)
    }

    /// An artist's tracks by popularity (`artist:{name}` with `type=track`).
    func artistTracks(_ name: String, limit: Int) -> (items: [Int], total: Int) {
        guard let artist = artistIndex(named: name) else { return fuzzyTracks(name, limit: limit) }
        let range = artists[artist].trackRange
        return (Array(range.prefix(limit)), range.count)
    }

    /// Free-text track search: "title artist" or "artist title" splits, an artist name or a genre
    /// name alone, else a stable hash-chosen spread.
    func textTracks(_ text: String, limit: Int) -> (items: [Int], total: Int) {
        let words = text.split(separator: " ")
        if words.count > 1 {
            for split in 1..<words.count {
                let head = words[..<split].joined(separator: " ")
                let tail = words[split...].joined(separator: " ")
                if artistIndex(named: tail) != nil { return trackMatches(title: head, artist: tail, limit: limit) }
                if artistIndex(named: head) != nil { return trackMatches(title: tail, artist: head, limit: limit) }
            }
        }
        if artistIndex(named: text) != nil { return artistTracks(text, limit: limit) }
        if let genre = GenreTable.indexByName[text.lowercased()] { return genreTracks(genre, limit: limit) }
        return fuzzyTracks(text, limit: limit)
    }

    /// Free-text artist search: a genre name lists its artists; anything else is a name.
    func textArtists(_ text: String, limit: Int) -> (items: [Int], total: Int) {
        if artistIndex(named: text) == nil, let genre = GenreTable.indexByName[text.lowercased()] {
            let list = genreArtists[genre]
            return (list.prefix(limit).map(Int.init), list.count)
        }
        return artistMatches(text, limit: limit)
    }

    private func fuzzyTracks(_ text: String, limit: Int) -> (items: [Int], total: Int) {
        let hash = StableHasher.hash(text.lowercased(), seed: seed)
        return genreTracks(Int(hash % UInt64(GenreTable.all.count)), limit: limit)
    }
}
