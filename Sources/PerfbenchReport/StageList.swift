import PerfbenchRecording

/// A run's stage spans: an array while the run is filled in, packed once a corpus holds the run
/// (``RunResult/interned``) into the spans' shape — names, paths and provenance, one array shared
/// by every run with the same stages — and the run's own start and duration of each.
///
/// Why: a span is 56 bytes, two of them strings every run repeats; packed, a run keeps 16 bytes
/// per stage (heaptrack on a 500-recording diff: the held runs' span arrays were 1.3 KB of each
/// run's 6.2 KB).
struct StageList: Sendable {
    private enum Form: Sendable {
        case spans([StageSpan])
        /// `shape[i]` with `startMicros` and `durationMicros` 0; `times[2i]` and `times[2i + 1]`
        /// are span `i`'s start and duration.
        case packed(shape: [StageSpan], times: ContiguousArray<Int>)
    }

    private var form: Form

    init(_ spans: [StageSpan] = []) {
        form = .spans(spans)
    }

    /// The spans; modified in place while unpacked.
    var spans: [StageSpan] {
        get {
            switch form {
            case .spans(let spans): return spans
            case .packed(let shape, let times):
                return shape.indices.map { index in
                    var span = shape[index]
                    span.startMicros = times[2 * index]
                    span.durationMicros = times[2 * index + 1]
                    return span
                }
            }
        }
        _modify {
            // Moved out so the caller's write finds it uniquely referenced.
            var spans = self.spans
            form = .spans([])
            defer { form = .spans(spans) }
            yield &spans
        }
        set { form = .spans(newValue) }
    }

    /// The same spans packed, their shape passed through `share` (which returns an equal array,
    /// possibly one other runs already hold).
    func packed(sharingShape share: ([StageSpan]) -> [StageSpan]) -> StageList {
        guard case .spans(let spans) = form else { return self }
        var times = ContiguousArray<Int>()
        times.reserveCapacity(2 * spans.count)
        for span in spans {
            times.append(span.startMicros)
            times.append(span.durationMicros)
        }
        let shape = spans.map { span in
            var span = span
            (span.startMicros, span.durationMicros) = (0, 0)
            return span
        }
        var packed = self
        packed.form = .packed(shape: share(shape), times: times)
        return packed
    }
}

extension StageList: Equatable {
    static func == (lhs: StageList, rhs: StageList) -> Bool {
        lhs.spans == rhs.spans
    }
}

extension StageList: Hashable {
    func hash(into hasher: inout Hasher) {
        hasher.combine(spans)
    }
}

extension StageList: Codable {
    /// Written and read as the array of spans it stands for.
    init(from decoder: any Decoder) throws {
        self.init(try decoder.singleValueContainer().decode([StageSpan].self))
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(spans)
    }
}
