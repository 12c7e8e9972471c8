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
        phases: [String: String] = [:], prompt: String, userID: String? = nil, profile: String? = nil,
        seed: UInt64? = nil, version: Int = RecordingHeader.currentVersion
    ) {
        self.version = version
        self.createdAt = createdAt
        self.recorder = recorder
        self.configName = configName
        self.phases = phases
        self.prompt = prompt
        self.userID = userID
        self.profile = profile
        self.seed = seed
    }
}
