/// The 128-bit FNV-1a hash (Fowler–Noll–Vo, as specified in draft-eastlake-fnv), fed in pieces.
///
/// Not cryptographic: it tells recording sets apart, it does not resist someone forging a
/// collision. It is used because the toolchain on Linux has no SHA-256 without a package, and
/// 128 bits make an accidental collision between two corpora negligible where 64 would merely
/// make it unlikely. Test vectors: `""` → `6c62272e07bb014262b821756295c58d`,
/// `"a"` → `d228cb696f1a8caf78912b704e4a8964`.
public struct FNV1a128: Sendable, Equatable {
    /// The high 64 bits of the state.
    private var high: UInt64 = 0x6c62_272e_07bb_0142
    /// The low 64 bits of the state.
    private var low: UInt64 = 0x62b8_2175_6295_c58d
    /// How many bytes were fed so far.
    public private(set) var byteCount: UInt64 = 0

    /// A hasher in the FNV-1a offset-basis state.
    public init() {}

    /// Feeds `bytes`, in order.
    public mutating func update(_ bytes: UnsafeRawBufferPointer) {
        // Locals, so the loop keeps the state in registers rather than in `self`.
        var high = self.high
        var low = self.low
        for byte in bytes {
            low ^= UInt64(byte)
            // state × prime mod 2^128, with prime = 2^88 + 0x13B: the 0x13B part is a full-width
            // multiply of the low word plus a wrapping one of the high word, and the 2^88 part
            // only moves the low word 24 bits into the high word (the rest overflows 2^128).
            let (carry, product) = low.multipliedFullWidth(by: 0x13B)
            high = high &* 0x13B &+ carry &+ (low << 24)
            low = product
        }
        self.high = high
        self.low = low
        byteCount &+= UInt64(bytes.count)
    }

    /// Feeds a sequence of bytes, in order.
    public mutating func update(_ bytes: some Sequence<UInt8>) {
        let array = Array(bytes)
        array.withUnsafeBytes { update($0) }
    }

    /// Feeds the eight bytes of `value`, little-endian (so a length is framed the same on every
    /// machine).
    public mutating func update(littleEndian value: UInt64) {
        withUnsafeBytes(of: value.littleEndian) { update($0) }
    }

    /// The 16 digest bytes, most significant first.
    public var digest: [UInt8] {
        (0..<8).map { UInt8(truncatingIfNeeded: high >> (56 - 8 * $0)) }
            + (0..<8).map { UInt8(truncatingIfNeeded: low >> (56 - 8 * $0)) }
    }

    /// The digest as 32 lowercase hex digits.
    public var hexDigest: String {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(32)
        for byte in digest {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0xF)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}
