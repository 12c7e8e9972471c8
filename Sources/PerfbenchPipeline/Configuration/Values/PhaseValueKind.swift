/// The shape of the values a phase accepts, for listings (`perfbench phases`) and docs.
///
/// Parsing itself lives in each phase's codec; this is the description of it that tools and
/// people read, with the ranges free values must fall in.
public indirect enum PhaseValueKind: Sendable, Equatable {
    /// `on` or `off`.
    case onOff
    /// An integer within the range.
    case integer(ClosedRange<Int>)
    /// A decimal number within the range (thresholds, fractions).
    case number(ClosedRange<Double>)
    /// A duration in seconds within the range; text may carry a unit (`ms`, `s`, `min`, `h`, `d`).
    case seconds(ClosedRange<Double>)
    /// One of the listed words.
    case choice([String])
    /// `off`, or a value of the wrapped kind.
    case optional(PhaseValueKind)
    /// Any one of the listed forms, e.g. `planner` or a number.
    case oneOf([PhaseValueKind])
    /// Several parts joined by `/`, e.g. `5/3/1.2s`; trailing optional parts may be left out.
    case composite([PhaseValuePart])

    /// A short name of the shape: `on-off`, `integer`, `number`, `seconds`, `choice`, `optional`,
    /// `one-of`, `composite`.
    public var typeName: String {
        switch self {
        case .onOff: "on-off"
        case .integer: "integer"
        case .number: "number"
        case .seconds: "seconds"
        case .choice: "choice"
        case .optional: "optional"
        case .oneOf: "one-of"
        case .composite: "composite"
        }
    }
}

/// One `/`-separated part of a composite phase value.
public struct PhaseValuePart: Sendable, Equatable {
    /// What the part means, e.g. `batch-size`.
    public let name: String
    /// The values the part accepts.
    public let kind: PhaseValueKind
    /// Whether the part may be left out (it then takes its documented default).
    public let isOptional: Bool

    /// Creates a part description.
    public init(_ name: String, _ kind: PhaseValueKind, optional: Bool = false) {
        self.name = name
        self.kind = kind
        self.isOptional = optional
    }
}

extension PhaseValueKind: Encodable {
    private enum Key: String, CodingKey {
        case type, min, max, choices, value, forms, parts, name, optional
    }

    /// Encodes as `{"type": "integer", "min": 1, "max": 64}` and so on, recursively.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(typeName, forKey: .type)
        switch self {
        case .onOff:
            try container.encode(["on", "off"], forKey: .choices)
        case .integer(let range):
            try container.encode(range.lowerBound, forKey: .min)
            try container.encode(range.upperBound, forKey: .max)
        case .number(let range), .seconds(let range):
            try container.encode(range.lowerBound, forKey: .min)
            try container.encode(range.upperBound, forKey: .max)
        case .choice(let choices):
            try container.encode(choices, forKey: .choices)
        case .optional(let wrapped):
            try container.encode(wrapped, forKey: .value)
        case .oneOf(let forms):
            try container.encode(forms, forKey: .forms)
        case .composite(let parts):
            var list = container.nestedUnkeyedContainer(forKey: .parts)
            for part in parts {
                var entry = list.nestedContainer(keyedBy: Key.self)
                try entry.encode(part.name, forKey: .name)
                try entry.encode(part.isOptional, forKey: .optional)
                try entry.encode(part.kind, forKey: .value)
            }
        }
    }
}
