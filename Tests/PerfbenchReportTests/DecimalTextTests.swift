import Testing

@testable import PerfbenchReport

@Suite("DecimalText")
struct DecimalTextTests {
    @Test func fixedAlwaysWritesTheGivenPlaces() {
        #expect(DecimalText.fixed(3.5, 2) == "3.50")
        #expect(DecimalText.fixed(306.14, 2) == "306.14")
        #expect(DecimalText.fixed(0.004, 2) == "0.00")
        #expect(DecimalText.fixed(2.5, 0) == "3")
        #expect(DecimalText.fixed(1234567.891, 1) == "1234567.9")
    }

    @Test func valuesRoundingToZeroHaveNoSign() {
        #expect(DecimalText.fixed(-0.001, 2) == "0.00")
        #expect(DecimalText.signed(-0.001, 2) == "+0.00")
        #expect(DecimalText.fixed(-1.25, 1) == "-1.3")
    }

    @Test func trimmedDropsTrailingZeros() {
        #expect(DecimalText.trimmed(3.5, 6) == "3.5")
        #expect(DecimalText.trimmed(12, 6) == "12")
        #expect(DecimalText.trimmed(0.000_001, 6) == "0.000001")
        #expect(DecimalText.trimmed(-47.8, 6) == "-47.8")
    }

    @Test func signedShowsThePlus() {
        #expect(DecimalText.signed(10, 2) == "+10.00")
        #expect(DecimalText.signed(-10, 2) == "-10.00")
    }

    @Test func nonFiniteValuesFallBack() {
        #expect(DecimalText.fixed(.infinity, 2) == "inf")
        #expect(OrderedJSON.number(.nan, decimals: 2).rendered() == "null")
    }
}
