import Foundation
import PerfbenchRuntime
import Testing

@testable import PerfbenchPipeline

/// Toggle values render as `String(format: "%.3f")` would round them, without the formatter.
@Suite struct DecimalRenderingTests {
    /// The reference: what `render(decimal:)` wrote before it stopped using the formatter.
    static func formatted(_ value: Double) -> String {
        var text = String(format: "%.3f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text == "-0" ? "0" : text
    }

    @Test func exactTiesRoundToEvenAsTheFormatterDoes() {
        // Binary fractions with a 5 in the fourth decimal are exact ties.
        let ties: [Double] = [0.0625, 0.1875, 0.3125, 0.4375, 0.5625, 0.6875, 0.8125, 0.9375, 1.0625, 2.3125, -0.0625, -0.1875]
        for value in ties {
            #expect(PhaseText.render(decimal: value) == Self.formatted(value), "\(value)")
        }
        #expect(PhaseText.render(decimal: 0.0625) == "0.062")
        #expect(PhaseText.render(decimal: 0.1875) == "0.188")
    }

    @Test func everyKindOfValueRendersAsTheFormatterDoes() {
        var values: [Double] = [
            0, -0.0, 1, -1, 0.1, 0.7, 0.75, 0.65, 1.2, 0.0005, 0.0015, -0.0004, 0.9995, 999.9995, 1e-300,
            .leastNonzeroMagnitude, .leastNormalMagnitude, 123_456_789.123_456, 0x1p52 + 0.5, 0x1p53, 1e20, -1e20,
            .infinity, -.infinity, .nan,
        ]
        var random = SplitMix64(seed: 5)
        for _ in 0..<20_000 {
            let bits = random.next()
            let scale = [1.0, 10, 1000, 1e6][Int(bits % 4)]
            values.append((Double(bits >> 11) / Double(1 << 53) - 0.5) * 2 * scale)
            // Near a thousandth's half-way point, where rounding can go either way.
            let thousandths = Double(Int64(bitPattern: random.next()) % 2_000_000)
            values.append((thousandths + 0.5) / 1000 + Double(Int64(bitPattern: random.next()) % 3) * 1e-12)
        }
        for value in values {
            #expect(PhaseText.render(decimal: value) == Self.formatted(value), "\(value)")
        }
    }

    @Test func thousandthsAreExactWhereTheyFitAndAbsentElsewhere() {
        #expect(PhaseText.thousandths(1.2345) == 1234)
        #expect(PhaseText.thousandths(-2.5) == -2500)
        #expect(PhaseText.thousandths(0x1p52) == 4_503_599_627_370_496_000)
        #expect(PhaseText.thousandths(0x1p53) == nil)
        #expect(PhaseText.thousandths(.nan) == nil)
        #expect(PhaseText.thousandths(.infinity) == nil)
    }
}
