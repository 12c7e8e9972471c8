import Foundation

/// Why a value text was rejected, phrased to follow `id=value: ` in an error message
/// (`must be an integer from 1 to 64`).
struct PhaseValueProblem: Error, Equatable {
    let message: String
    init(_ message: String) { self.message = message }
}

/// How a duration is written back: the unit people use for that kind of setting.
enum DurationStyle: Sendable {
    /// Timeouts and sleeps: `30s`, `1.2s`, `180s`.
    case seconds
    /// Cache TTLs: the largest exact unit, `30min`, `2h`, `7d`.
    case largestUnit
    /// Network round trips: `20ms`.
    case milliseconds
}

/// Parsing and rendering of the scalar pieces of phase values: integers, decimals, durations.
///
/// Every renderer's output parses back to the same value, which is what lets a recording header
/// store a configuration as `[id: text]` and replay it later.
enum PhaseText {
    /// An integer in `range`; `label` names the part of a composite value.
    static func integer(
        _ text: String, in range: ClosedRange<Int>, label: String? = nil
    ) throws(PhaseValueProblem) -> Int {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let value = Int(trimmed), range.contains(value) else {
            throw PhaseValueProblem(
                "\(subject(label))must be an integer from \(range.lowerBound) to \(range.upperBound)")
        }
        return value
    }

    /// A decimal number in `range`, e.g. a quality threshold.
    static func decimal(
        _ text: String, in range: ClosedRange<Double>, label: String? = nil
    ) throws(PhaseValueProblem) -> Double {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let value = plainNumber(trimmed), range.contains(value) else {
            throw PhaseValueProblem(
                "\(subject(label))must be a number from \(render(decimal: range.lowerBound)) "
                    + "to \(render(decimal: range.upperBound))")
        }
        return value
    }

    /// A duration in `range`: a number with an optional unit (`ms`, `s`, `min`, `h`, `d`;
    /// seconds when none), kept to whole milliseconds.
    static func duration(
        _ text: String, in range: ClosedRange<Duration>, style: DurationStyle, label: String? = nil
    ) throws(PhaseValueProblem) -> Duration {
        let problem = PhaseValueProblem(
            "\(subject(label))must be a duration from \(render(range.lowerBound, style: style)) "
                + "to \(render(range.upperBound, style: style)) (e.g. 30s, 1.5s, 2h)")
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        let numberPart = trimmed.prefix { "0123456789.+-".contains($0) }
        let unit = trimmed.dropFirst(numberPart.count).trimmingCharacters(in: .whitespaces)
        guard let number = plainNumber(String(numberPart)), number >= 0,
            let millisecondsPerUnit = unitMilliseconds[unit]
        else { throw problem }
        let milliseconds = (number * millisecondsPerUnit).rounded()
        // Checked in Double first so an absurd value cannot overflow the Int64 conversion.
        guard milliseconds <= 1e15 else { throw problem }
        let value = Duration.milliseconds(Int64(milliseconds))
        guard range.contains(value) else { throw problem }
        return value
    }

    /// `0.75`, `0.6`, `1`: at most three decimals, no trailing zeros.
    ///
    /// The value rounded to thousandths as `String(format: "%.3f")` rounds it (the exact binary
    /// value, ties to even), worked out in integers: a replay renders every toggle's value, and
    /// the formatter was ≈ 2 % of a search (`perf record` of `optimize nov07.jsonl.gz`).
    static func render(decimal value: Double) -> String {
        let text = thousandths(value).map(renderThousandths) ?? String(format: "%.3f", value)
        return trimmedDecimal(text)
    }

    /// `value` × 1000 rounded to the nearest integer, ties to even, computed exactly from the
    /// double's significand and exponent; nil where that does not fit in integers (not finite,
    /// or 2⁵³ and beyond).
    static func thousandths(_ value: Double) -> Int64? {
        guard value.isFinite, value.magnitude < 0x1p53 else { return nil }
        let magnitude = value.magnitude
        guard magnitude != 0 else { return 0 }
        // A normal magnitude is significand × 2^exponent with an integer significand below 2⁵³.
        // (A subnormal's exponent is below −1074 here, so it lands in the "below half a
        // thousandth" branch whatever its significand.)
        let exponent = Int(magnitude.exponent) - Double.significandBitCount
        let significand = UInt64(magnitude.significandBitPattern)
            | (magnitude.isNormal ? UInt64(1) << Double.significandBitCount : 0)
        let scaled = significand * 1000  // below 2⁶³: fits
        let rounded: UInt64
        if exponent >= 0 {
            rounded = scaled << UInt64(exponent)  // an integer below 2⁵³ × 1000
        } else if -exponent >= 64 {
            rounded = 0  // below half a thousandth
        } else {
            let shift = UInt64(-exponent)
            let whole = scaled >> shift
            let remainder = scaled & ((1 << shift) - 1)
            let half: UInt64 = 1 << (shift - 1)
            rounded = remainder > half || (remainder == half && whole & 1 == 1) ? whole + 1 : whole
        }
        return value < 0 ? -Int64(rounded) : Int64(rounded)
    }

    /// `%.3f`'s text of a value that rounds to `thousandths` thousandths.
    private static func renderThousandths(_ thousandths: Int64) -> String {
        let magnitude = thousandths.magnitude
        let fraction = String(magnitude % 1000)
        return (thousandths < 0 ? "-" : "") + String(magnitude / 1000) + "."
            + String(repeating: "0", count: 3 - fraction.count) + fraction
    }

    /// A `%.3f` text without trailing zeros, its point when nothing follows, and the sign of zero.
    private static func trimmedDecimal(_ text: String) -> String {
        var text = text
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text == "-0" ? "0" : text
    }

    /// A duration in the unit its style prescribes.
    static func render(_ duration: Duration, style: DurationStyle) -> String {
        let milliseconds = wholeMilliseconds(duration)
        switch style {
        case .milliseconds:
            return "\(milliseconds)ms"
        case .seconds:
            return render(decimal: Double(milliseconds) / 1000) + "s"
        case .largestUnit:
            for (unit, size) in [("d", 86_400_000), ("h", 3_600_000), ("min", 60_000)]
            where milliseconds != 0 && milliseconds % Int64(size) == 0 {
                return "\(milliseconds / Int64(size))\(unit)"
            }
            return render(decimal: Double(milliseconds) / 1000) + "s"
        }
    }

    /// The duration as whole milliseconds (values are parsed at that resolution).
    static func wholeMilliseconds(_ duration: Duration) -> Int64 {
        let (seconds, attoseconds) = duration.components
        return seconds * 1000 + attoseconds / 1_000_000_000_000_000
    }

    /// The duration as seconds, for kind descriptions.
    static func seconds(_ duration: Duration) -> Double {
        Double(wholeMilliseconds(duration)) / 1000
    }

    /// On/off words accepted in flags, files and the environment.
    static func onOff(_ text: String) -> Bool? {
        switch text.trimmingCharacters(in: .whitespaces).lowercased() {
        case "on", "true", "yes", "1": true
        case "off", "false", "no", "0": false
        default: nil
        }
    }

    /// Splits a composite value on `/`, trimming each part.
    static func parts(_ text: String) -> [String] {
        text.split(separator: "/", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }
    }

    private static let unitMilliseconds: [String: Double] = [
        "": 1000, "s": 1000, "sec": 1000, "secs": 1000, "second": 1000, "seconds": 1000,
        "ms": 1, "m": 60_000, "min": 60_000, "mins": 60_000, "minute": 60_000, "minutes": 60_000,
        "h": 3_600_000, "hour": 3_600_000, "hours": 3_600_000,
        "d": 86_400_000, "day": 86_400_000, "days": 86_400_000,
    ]

    /// A finite decimal written with digits, sign and point only (`Double.init` would also take
    /// `nan`, `inf` and hex, which no setting wants).
    private static func plainNumber(_ text: String) -> Double? {
        guard !text.isEmpty, text.allSatisfy({ "0123456789.+-".contains($0) }),
            let value = Double(text), value.isFinite
        else { return nil }
        return value
    }

    /// `"overall "` for a part of a composite value, nothing for a whole value.
    private static func subject(_ label: String?) -> String {
        label.map { "\($0) " } ?? ""
    }
}

extension PhaseText {
    /// The `/`-separated parts of a composite value, checked to number between `minimum` and
    /// `maximum`.
    static func parts(
        _ text: String, minimum: Int, maximum: Int, syntax: String
    ) throws(PhaseValueProblem) -> [String] {
        let pieces = parts(text)
        guard (minimum...maximum).contains(pieces.count), !pieces.contains(where: \.isEmpty) else {
            throw PhaseValueProblem("must be \(syntax)")
        }
        return pieces
    }
}
