/// Strings made of a few parts, written into one allocation of the exact size.
///
/// `reserveCapacity` and then `append` part by part re-checks the string's capacity and
/// uniqueness for every part: for the cache key of every cached call and the path of every
/// audio-feature request that was ≈ 2 % of a search (`perf record` of `optimize`).
enum JoinedText {
    /// The parts concatenated (up to nine; the unused ones empty).
    @inline(__always)
    static func join(
        _ a: String, _ b: String, _ c: String = "", _ d: String = "", _ e: String = "", _ f: String = "",
        _ g: String = "", _ h: String = "", _ i: String = ""
    ) -> String {
        let length = a.utf8.count + b.utf8.count + c.utf8.count + d.utf8.count + e.utf8.count + f.utf8.count
            + g.utf8.count + h.utf8.count + i.utf8.count
        return String(unsafeUninitializedCapacity: length) { buffer in
            var offset = 0
            write(a, into: buffer, at: &offset)
            write(b, into: buffer, at: &offset)
            write(c, into: buffer, at: &offset)
            write(d, into: buffer, at: &offset)
            write(e, into: buffer, at: &offset)
            write(f, into: buffer, at: &offset)
            write(g, into: buffer, at: &offset)
            write(h, into: buffer, at: &offset)
            write(i, into: buffer, at: &offset)
            return offset
        }
    }

    @inline(__always)
    private static func write(_ text: String, into buffer: UnsafeMutableBufferPointer<UInt8>, at offset: inout Int) {
        guard !text.isEmpty else { return }
        let start = offset
        let copied: Int? = text.utf8.withContiguousStorageIfAvailable { bytes in
            _ = UnsafeMutableBufferPointer(rebasing: buffer[start..<(start + bytes.count)]).initialize(fromContentsOf: bytes)
            return bytes.count
        }
        if let copied {
            offset += copied
        } else {
            for byte in text.utf8 {
                buffer[offset] = byte
                offset += 1
            }
        }
    }
}
