/// A small append-only JSON writer over UTF-8 bytes, for response bodies.
///
/// Handlers run a few hundred times per workflow and synth makes hundreds of workflows, so bodies
/// are written directly instead of through `JSONEncoder` (≈ 10× faster here). Callers write object
/// keys in sorted order themselves; the tests check every body for it. Commas are placed
/// automatically: a value or key that does not follow `{`, `[` or `:` is preceded by one.
struct JSONWriter {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 512) {
        bytes.reserveCapacity(capacity)
    }

    var text: String {
        String(decoding: bytes, as: UTF8.self)
    }

    private mutating func separate() {
        guard let last = bytes.last else { return }
        if last != UInt8(ascii: "{") && last != UInt8(ascii: "[") && last != UInt8(ascii: ":") {
            bytes.append(UInt8(ascii: ","))
        }
    }

    mutating func beginObject() {
        separate()
        bytes.append(UInt8(ascii: "{"))
    }

    mutating func endObject() {
        bytes.append(UInt8(ascii: "}"))
    }

    mutating func beginArray() {
        separate()
        bytes.append(UInt8(ascii: "["))
    }

    mutating func endArray() {
        bytes.append(UInt8(ascii: "]"))
    }

    /// Writes `"name":`; names are plain ASCII keys that need no escaping.
    mutating func key(_ name: StaticString) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        name.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
    }

    mutating func string(_ value: String) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "\""): bytes.append(UInt8(ascii: "\\")); bytes.append(byte)
            case UInt8(ascii: "\\"): bytes.append(UInt8(ascii: "\\")); bytes.append(byte)
            case UInt8(ascii: "\n"): bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "n"))
            case UInt8(ascii: "\r"): bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "r"))
            case UInt8(ascii: "\t"): bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "t"))
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                bytes.append(contentsOf: Array("\\u00".utf8))
                bytes.append(hex[Int(byte >> 4)])
                bytes.append(hex[Int(byte & 0xF)])
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// Writes `prefix` followed by `value` as one JSON string (URIs and hrefs), without building
    /// the concatenation first.
    mutating func string(_ prefix: StaticString, _ value: String) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        prefix.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(contentsOf: value.utf8)
        bytes.append(UInt8(ascii: "\""))
    }

    /// Writes `"<prefix><Spotify id>"` straight from the codec, with no intermediate String.
    mutating func spotifyID(_ codec: IDCodec, _ kind: EntityKind, _ index: Int, prefix: StaticString = "") {
        separate()
        bytes.append(UInt8(ascii: "\""))
        prefix.withUTF8Buffer { bytes.append(contentsOf: $0) }
        codec.appendSpotifyID(kind, index, to: &bytes)
        bytes.append(UInt8(ascii: "\""))
    }

    /// Writes `"<uuid>"` straight from the codec.
    mutating func uuid(_ codec: IDCodec, _ kind: EntityKind, _ index: Int) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        codec.appendUUID(kind, index, to: &bytes)
        bytes.append(UInt8(ascii: "\""))
    }

    /// Starts a string value written in pieces with ``appendPlain(_:)`` (no escaping: for the
    /// name bank's words) and ended with ``closeString()``.
    mutating func openString() {
        separate()
        bytes.append(UInt8(ascii: "\""))
    }

    mutating func appendPlain(_ piece: String) {
        bytes.append(contentsOf: piece.utf8)
    }

    mutating func appendPlain(_ piece: StaticString) {
        piece.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    mutating func appendByte(_ byte: UInt8) {
        bytes.append(byte)
    }

    mutating func closeString() {
        bytes.append(UInt8(ascii: "\""))
    }

    mutating func int(_ value: Int) {
        separate()
        appendDigits(value)
    }

    mutating func bool(_ value: Bool) {
        separate()
        bytes.append(contentsOf: value ? Array("true".utf8) : Array("false".utf8))
    }

    mutating func null() {
        separate()
        bytes.append(contentsOf: [UInt8(ascii: "n"), UInt8(ascii: "u"), UInt8(ascii: "l"), UInt8(ascii: "l")])
    }

    /// A number with up to three decimals and no trailing zeros (`0.5`, `-7.25`, `120`).
    mutating func number(_ value: Double) {
        separate()
        guard value.isFinite else {
            bytes.append(UInt8(ascii: "0"))
            return
        }
        var thousandths = Int((value * 1000).rounded())
        if thousandths < 0 {
            bytes.append(UInt8(ascii: "-"))
            thousandths = -thousandths
        }
        appendDigits(thousandths / 1000)
        var fraction = thousandths % 1000
        guard fraction != 0 else { return }
        bytes.append(UInt8(ascii: "."))
        var divisor = 100
        while fraction != 0 {
            bytes.append(UInt8(ascii: "0") + UInt8(fraction / divisor))
            fraction %= divisor
            divisor /= 10
        }
    }

    /// Appends a value from the fragment cache, rendering it there on first use.
    mutating func cached(
        _ cache: FragmentCache, _ form: FragmentCache.Form, _ index: Int,
        render: (inout JSONWriter) -> Void
    ) {
        separate()
        bytes.append(contentsOf: cache.bytes(form, index, render: render))
    }

    /// Appends a pre-encoded JSON fragment (an already written value).
    mutating func raw(_ json: String) {
        separate()
        bytes.append(contentsOf: json.utf8)
    }

    private mutating func appendDigits(_ value: Int) {
        var magnitude = value.magnitude
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        var divisor: UInt = 1
        while divisor <= magnitude / 10 { divisor *= 10 }
        while divisor > 0 {
            bytes.append(UInt8(ascii: "0") + UInt8(magnitude / divisor))
            magnitude %= divisor
            divisor /= 10
        }
    }
}
