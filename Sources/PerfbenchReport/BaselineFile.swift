import PerfbenchRecording

/// The P95 gate's reference (`perfbench baseline … --output Reports/baseline.json`): per-recording
/// totals and stage times, corpus percentiles, the configuration, the recording-set hash and the
/// perfbench version.
public struct BaselineFile: Sendable, Equatable {
    /// The schema name in the file.
    public static let schema = "perfbench.baseline/1"

    /// One recording's figures.
    public struct Entry: Sendable, Equatable {
        public var recording: String
        public var totalSeconds: Double
        /// Stage path → seconds.
        public var stages: [String: Double] {
            get { stageFigures.dictionary }
            _modify { yield &stageFigures.dictionary }
            set { stageFigures.dictionary = newValue }
        }
        /// The storage of ``stages``: packed, its paths shared with every other entry's (a gate
        /// holds a baseline's entries and its candidate's, one per recording).
        var stageFigures: NamedFigures<Double>

        public init(recording: String, totalSeconds: Double, stages: [String: Double]) {
            self.recording = recording
            self.totalSeconds = totalSeconds
            stageFigures = NamedFigures(stages).packed(sharingNames: RunInterning.names)
        }

        /// The seconds of the stage at `path`, nil when this recording has no such stage.
        public func seconds(atStage path: String) -> Double? {
            stageFigures.value(for: path)
        }
    }

    public var perfbenchVersion: String
    public var config: RunConfig
    public var recordingSetHash: String
    public var entries: [Entry]
    /// Absolute criteria every gate against this baseline checks too (`baseline --require`), as
    /// written (`total.p95<90s`, `plan`); absent from files that hold none.
    public var requirements: [String] = []

    public init(perfbenchVersion: String, config: RunConfig, recordingSetHash: String, entries: [Entry]) {
        self.perfbenchVersion = perfbenchVersion
        self.config = config
        self.recordingSetHash = recordingSetHash
        self.entries = entries
    }

    /// A baseline from replayed runs.
    public init(runs: [RunResult], config: RunConfig, recordingSetHash: String, perfbenchVersion: String) {
        self.init(
            perfbenchVersion: perfbenchVersion, config: config, recordingSetHash: recordingSetHash,
            entries: runs.map { run in
                var stages: [String: Double] = [:]
                for node in run.timingTree.nodes where !node.path.isEmpty { stages[node.path] = node.seconds }
                return Entry(recording: run.recording, totalSeconds: run.totalSeconds, stages: stages)
            })
    }

    /// Total and per-stage percentiles over the entries (nearest rank; a stage missing from a
    /// recording counts as 0 s there).
    public var totalPercentiles: PercentileSummary { PercentileSummary(entries.map(\.totalSeconds)) }

    /// Percentiles of one stage path.
    public func stagePercentiles(_ path: String) -> PercentileSummary {
        PercentileSummary(entries.map { $0.seconds(atStage: path) ?? 0 })
    }

    /// Every stage path in any entry, sorted.
    public var stagePaths: [String] {
        Set(entries.flatMap(\.stageFigures.names)).sorted()
    }

    /// The file's JSON text (pretty, stable key order, trailing newline).
    public func rendered() -> String {
        let total = totalPercentiles
        let object = OrderedJSON.members([
            ("schema", .string(Self.schema)),
            ("perfbench_version", .string(perfbenchVersion)),
            ("config", .members([("name", .string(config.name)), ("phases", .sorted(config.phases) { .string($0) })])),
            ("recording_set_hash", .string(recordingSetHash)),
            ("percentile_method", .string("nearest-rank")),
            ("total", .members(total.labelled.map { ($0.key, OrderedJSON.seconds($0.value)) })),
            ("stages", .members(stagePaths.map { path in
                (path, OrderedJSON.members(stagePercentiles(path).labelled.map { ($0.key, OrderedJSON.seconds($0.value)) }))
            })),
            ("recordings", .array(entries.map { entry in
                .members([
                    ("recording", .string(entry.recording)),
                    ("total_seconds", .seconds(entry.totalSeconds)),
                    ("stages", .sorted(entry.stages) { .seconds($0) }),
                ])
            })),
        ] + (requirements.isEmpty ? [] : [("require", .array(requirements.map(OrderedJSON.string)))]))
        return object.rendered(pretty: true) + "\n"
    }

    /// Reads a baseline file's text; errors name the file and what to do.
    public static func parse(_ text: String, path: String) throws -> BaselineFile {
        func bad(_ field: String?, _ problem: String) -> RecordingError {
            RecordingError(
                .badData, path: path, line: nil, field: field, problem: problem,
                fix: "regenerate it with 'perfbench baseline RECORDINGS --output \(path)'")
        }
        // Read in place: a baseline holds every recording's stages, and a tree of them all
        // raised a 1,000-recording gate's peak by several MB before its first replay.
        guard let json = JSONTape(text)?.root else {
            do {
                _ = try JSONValue.parse(text)
            } catch {
                throw bad(nil, "not valid JSON (\(error))")
            }
            throw bad(nil, "not valid JSON")
        }
        guard json["schema"]?.stringValue == schema else {
            throw bad("schema", "expected \"\(schema)\", found \(json["schema"]?.stringValue.map { "\"\($0)\"" } ?? "none")")
        }
        guard let version = json["perfbench_version"]?.stringValue else { throw bad("perfbench_version", "missing") }
        guard let hash = json["recording_set_hash"]?.stringValue else { throw bad("recording_set_hash", "missing") }
        guard let name = json["config"]?["name"]?.stringValue else { throw bad("config.name", "missing") }
        var phases: [String: String] = [:]
        for member in json["config"]?["phases"]?.members ?? [] {
            phases[member.key] = member.value.stringValue
        }
        guard let recordings = json["recordings"]?.arrayValue else { throw bad("recordings", "missing") }
        guard !recordings.isEmpty else { throw bad("recordings", "empty: a baseline of no recordings gates nothing") }
        // A time the gate compares with must be one a replay can give: finite, 0 or more, at
        // most ten years (a negative or infinite total would turn the gate off).
        func seconds(_ value: JSONNode?, _ field: String) throws -> Double {
            guard let value = value?.doubleValue, value.isFinite, value >= 0,
                value * 1_000_000 <= Double(TimeBounds.maxMicros)
            else {
                throw bad(field, "must be a number of seconds within \(TimeBounds.description), found \(value?.text ?? "none")")
            }
            return value
        }
        var entries: [Entry] = []
        for (index, item) in recordings.enumerated() {
            guard let recording = item["recording"]?.stringValue else {
                throw bad("recordings[\(index)]", "needs recording and total_seconds")
            }
            let total = try seconds(item["total_seconds"], "recordings[\(index)].total_seconds")
            var stages: [String: Double] = [:]
            for member in item["stages"]?.members ?? [] {
                stages[member.key] = try seconds(member.value, "recordings[\(index)].stages.\(member.key)")
            }
            entries.append(Entry(recording: recording, totalSeconds: total, stages: stages))
        }
        var file = BaselineFile(
            perfbenchVersion: version, config: RunConfig(name: name, phases: phases), recordingSetHash: hash,
            entries: entries)
        if let require = json["require"] {
            guard let items = require.arrayValue?.compactMap(\.stringValue), items.count == require.arrayValue?.count else {
                throw bad("require", "must be a list of criteria strings, e.g. [\"total.p95<90s\"]")
            }
            file.requirements = items
        }
        return file
    }
}
