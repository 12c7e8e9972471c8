import Testing

@testable import PerfbenchRecording

/// Seeds are FNV-1a hashes of text: the same text must give the same seed on every machine, and
/// the in-place forms must agree with hashing the text they stand for.
@Suite struct StableHashTests {
    @Test func hashingDigitsInPlaceEqualsHashingTheirText() {
        for value in [0, 1, 9, 10, 11, 99, 100, 12_345, Int(Int32.max), -1, -10, -907, Int.max, Int.min + 1] {
            #expect(StableHash.fnv1a(decimal: value, continuing: 42) == StableHash.fnv1a(String(value), continuing: 42), "\(value)")
        }
    }

    @Test func partsAreSeparatedSoThatJoinsDiffer() {
        #expect(StableHash.fnv1a(parts: ["ab", "c"]) != StableHash.fnv1a(parts: ["a", "bc"]))
        let inPlace = StableHash.fnv1a(
            decimal: 7, continuing: StableHash.separator(continuing: StableHash.fnv1a("GET /v1/x")))
        #expect(inPlace == StableHash.fnv1a(parts: ["GET /v1/x", "7"]))
        // FNV-1a's published value for "a" (64-bit).
        #expect(StableHash.fnv1a("a") == 0xAF63_DC4C_8601_EC8C)
    }
}
