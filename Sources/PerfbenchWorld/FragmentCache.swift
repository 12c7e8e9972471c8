import Synchronization

/// Rendered JSON of catalogue entities, kept after the first time they are written.
///
/// A workflow renders the same few hundred tracks many times (search results, `/v1/track`,
/// recommendations), and synth runs hundreds of workflows per catalogue, so most renders become a
/// copy of stored bytes. Content never depends on the cache, only speed does. Shared by every
/// world using the catalogue, hence the Mutex.
final class FragmentCache: Sendable {
    /// What was rendered: one entry per (form, entity index).
    enum Form: Int {
        case spotifyTrack, spotifySimplifiedTrack, spotifyArtist, spotifyAlbum
        case reccoBeatsTrack, reccoBeatsArtist, reccoBeatsFeatures
    }

    private let storage = Mutex<[Int: [UInt8]]>([:])

    /// The stored bytes of (form, index), rendering and storing them on first use.
    func bytes(_ form: Form, _ index: Int, render: (inout JSONWriter) -> Void) -> [UInt8] {
        let key = index << 3 | form.rawValue
        if let stored = storage.withLock({ $0[key] }) { return stored }
        var writer = JSONWriter(capacity: 512)
        render(&writer)
        let rendered = writer.bytes
        storage.withLock { $0[key] = rendered }
        return rendered
    }
}
