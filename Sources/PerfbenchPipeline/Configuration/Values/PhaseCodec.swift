/// How one phase's typed value is read from and written to text.
///
/// The value types of the phases (`Int`, `Duration`, `SkipIterationPolicy?` …) each get a codec;
/// the catalogue pairs a codec with a property of `PipelineConfiguration`, so the same text form
/// serves flags, files, recording headers and listings.
struct PhaseCodec<Value: Sendable & Equatable>: Sendable {
    /// The accepted values, for listings.
    let kind: PhaseValueKind
    /// One line of accepted forms, for help and error messages (`off | 1-64`).
    let syntax: String
    private let parser: @Sendable (String) throws(PhaseValueProblem) -> Value
    private let renderer: @Sendable (Value) -> String

    init(
        kind: PhaseValueKind, syntax: String,
        parse: @escaping @Sendable (String) throws(PhaseValueProblem) -> Value,
        render: @escaping @Sendable (Value) -> String
    ) {
        self.kind = kind
        self.syntax = syntax
        self.parser = parse
        self.renderer = render
    }

    /// The value a text denotes (already lowercased and trimmed by the caller).
    func parse(_ text: String) throws(PhaseValueProblem) -> Value { try parser(text) }

    /// The canonical text of a value; `parse(render(v)) == v` for every value.
    func render(_ value: Value) -> String { renderer(value) }

    /// The same codec, plus `off` meaning nil (the optimization is not applied).
    var orOff: PhaseCodec<Value?> {
        let wrapped = self
        return PhaseCodec<Value?>(
            kind: .optional(kind), syntax: "off | \(syntax)",
            parse: { text throws(PhaseValueProblem) in
                if text == "off" { return nil }
                do throws(PhaseValueProblem) {
                    return try wrapped.parse(text)
                } catch {
                    throw PhaseValueProblem("\(error.message) (or off)")
                }
            },
            render: { value in value.map(wrapped.render) ?? "off" })
    }
}

extension PhaseCodec where Value == Bool {
    /// `on` / `off` (also true/false, yes/no, 1/0).
    static var onOff: PhaseCodec<Bool> {
        PhaseCodec(
            kind: .onOff, syntax: "on | off",
            parse: { text throws(PhaseValueProblem) in
                guard let value = PhaseText.onOff(text) else {
                    throw PhaseValueProblem("must be on or off")
                }
                return value
            },
            render: { $0 ? "on" : "off" })
    }
}

extension PhaseCodec where Value == Int {
    /// A plain integer within `range`.
    static func integer(_ range: ClosedRange<Int>) -> PhaseCodec<Int> {
        PhaseCodec(
            kind: .integer(range), syntax: "\(range.lowerBound)-\(range.upperBound)",
            parse: { text throws(PhaseValueProblem) in try PhaseText.integer(text, in: range) },
            render: { String($0) })
    }
}

extension PhaseCodec where Value == Double {
    /// A decimal number within `range`.
    static func decimal(_ range: ClosedRange<Double>) -> PhaseCodec<Double> {
        PhaseCodec(
            kind: .number(range),
            syntax: "\(PhaseText.render(decimal: range.lowerBound))-\(PhaseText.render(decimal: range.upperBound))",
            parse: { text throws(PhaseValueProblem) in try PhaseText.decimal(text, in: range) },
            render: { PhaseText.render(decimal: $0) })
    }
}

extension PhaseCodec where Value == Duration {
    /// A duration within `range`, written in `style`'s unit.
    static func duration(_ range: ClosedRange<Duration>, style: DurationStyle) -> PhaseCodec<Duration> {
        let low = PhaseText.render(range.lowerBound, style: style)
        let high = PhaseText.render(range.upperBound, style: style)
        return PhaseCodec(
            kind: .seconds(PhaseText.seconds(range.lowerBound)...PhaseText.seconds(range.upperBound)),
            syntax: "duration \(low)-\(high)",
            parse: { text throws(PhaseValueProblem) in
                try PhaseText.duration(text, in: range, style: style)
            },
            render: { PhaseText.render($0, style: style) })
    }
}

extension PhaseCodec where Value: CaseIterable & RawRepresentable<String> {
    /// One of an enumeration's raw values.
    static func choice() -> PhaseCodec<Value> {
        let names = Value.allCases.map(\.rawValue)
        return PhaseCodec(
            kind: .choice(names), syntax: names.joined(separator: " | "),
            parse: { text throws(PhaseValueProblem) in
                guard let value = Value(rawValue: text) else {
                    throw PhaseValueProblem("must be one of \(names.joined(separator: ", "))")
                }
                return value
            },
            render: { $0.rawValue })
    }
}
