import PerfbenchPipeline

/// The configuration a run used, as reports show it: its name and every toggle's value text.
public struct RunConfig: Sendable, Equatable, Hashable, Codable {
    /// How the configuration was chosen, e.g. `baseline` or `guide-immediate,top-tracks-batch=10`.
    public var name: String
    /// Toggle id → canonical value text; renderers write it sorted by id.
    public var phases: [String: String]

    /// Makes a configuration summary from its parts.
    public init(name: String, phases: [String: String]) {
        self.name = name
        self.phases = phases
    }

    /// Summarizes a pipeline configuration: its name and its full phase map.
    public init(_ configuration: PipelineConfiguration) {
        self.init(name: configuration.name, phases: configuration.phaseMap)
    }
}
