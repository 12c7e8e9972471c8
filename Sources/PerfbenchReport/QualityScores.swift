/// The quality a run's playlist reached (PIPELINE.md §6).
public struct QualityScores: Sendable, Equatable, Hashable, Codable {
    /// The overall score, 0…1.
    public var overall: Double
    /// The cohesion score, 0…1.
    public var cohesion: Double
    /// Tracks in the final playlist.
    public var tracks: Int

    /// Makes quality scores; everything defaults to zero.
    public init(overall: Double = 0, cohesion: Double = 0, tracks: Int = 0) {
        self.overall = overall
        self.cohesion = cohesion
        self.tracks = tracks
    }
}
