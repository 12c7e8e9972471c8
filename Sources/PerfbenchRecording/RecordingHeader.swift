/// The first line of a recording: what format it is, who made it, under which configuration,
/// and what the workflow was asked.
public struct RecordingHeader: Sendable, Equatable, Hashable, Codable {
    /// The `format` value every native recording carries.
    public static let formatName = "perfbench.recording"
    /// The newest format version this perfbench writes and reads; older versions stay readable.
    public static let currentVersion = 1

    /// The format version the file was written with.
    public var version: Int
    /// When the recording was made, ISO 8601 (e.g. `2025-11-07T10:15:03Z`).
    public var createdAt: String
    /// What made it, e.g. `perfbench 0.1.0` or `perfbench import har (Chrome 131)`.
    public var recorder: String
    /// The configuration or preset name the workflow ran under, e.g. `baseline`.
    public var configName: String
    /// Every phase toggle's value under that configuration, by phase id.
    public var phases: [String: String]
    /// Where the configuration came from when perfbench did not run it itself: `inferred from
    /// the log` (an import that read it from the backend's own lines) or `stated` (the user's
    /// `--recorded-as`); nil when the recorder ran the workflow under it.
    public var configSource: String?
    /// For an inferred configuration, the evidence behind each toggle that differs from
    /// baseline, in phase order.
    public var configEvidence: [ConfigEvidence]
    /// The user's prompt that started the workflow (empty when unknown).
    public var prompt: String
    /// The user the workflow ran for, when known.
    public var userID: String?
    /// The synthetic profile that generated it, for synthesised recordings.
    public var profile: String?
    /// The random seed that generated it, for synthesised recordings.
    public var seed: UInt64?

    /// Makes a header at the current format version.
    public init(
        createdAt: String, recorder: String = "perfbench \(PerfbenchVersion.current)", configName: String,
        phases: [String: String] = [:], configSource: String? = nil, configEvidence: [ConfigEvidence] = [],
        prompt: String, userID: String? = nil, profile: String? = nil,
        seed: UInt64? = nil, version: Int = RecordingHeader.currentVersion
    ) {
        self.version = version
        self.createdAt = createdAt
        self.recorder = recorder
        self.configName = configName
        self.phases = phases
        self.configSource = configSource
        self.configEvidence = configEvidence
        self.prompt = prompt
        self.userID = userID
        self.profile = profile
        self.seed = seed
    }

    /// How reports name the configuration a plain replay runs: the name alone when the recorder
    /// ran the workflow under it; otherwise the name, the toggles it sets and where it came from,
    /// e.g. `baseline + audio-feature-batching=100/50/0s (inferred from the log)`.
    public var configLabel: String {
        guard let configSource else { return configName }
        let set = phases.keys.sorted().map { "\($0)=\(phases[$0] ?? "")" }
        var label = configName
        if !set.isEmpty {
            label += " + " + set.prefix(Self.labelledPhases).joined(separator: ", ")
            if set.count > Self.labelledPhases { label += " and \(set.count - Self.labelledPhases) more" }
        }
        return label + " (\(configSource))"
    }

    /// What the recording was imported from, read from the recorder (`perfbench 0.1.0 import
    /// moodlist-log` → `moodlist-log`, `… import har (Firefox)` → `har`); nil for a recording
    /// perfbench ran itself (`record`, `synth`).
    public var importSource: String? {
        guard let range = recorder.range(of: " import ") else { return nil }
        return String(recorder[range.upperBound...].prefix { $0 != " " })
    }

    /// Whether the recording was imported from the moodlist backend's own log.
    public var isImportedLog: Bool { importSource == "moodlist-log" }

    /// How many toggles `configLabel` names before it counts the rest.
    static let labelledPhases = 4
}
