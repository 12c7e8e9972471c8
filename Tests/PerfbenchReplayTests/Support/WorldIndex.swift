import PerfbenchRecording
import PerfbenchReplay
import PerfbenchWorld
import Testing

/// Replay indexes of simulated worlds' baseline recordings, as the tests of the what-if models
/// use them.
enum WorldIndex {
    /// The index of `profile`'s baseline workflow for `seed` and `prompt`, under `mechanics`
    /// (nil: the standard ones).
    static func make(_ profile: String, seed: UInt64, prompt: Int, mechanics: String? = nil) throws -> ReplayIndex {
        var world = try #require(WorldProfile.named(profile), "no profile \(profile)")
        if let mechanics { world = world.under(try #require(WorldMechanics.named(mechanics), "no mechanics \(mechanics)")) }
        return ReplayIndex(recording: try Synthesizer.synthesize(profile: world, seed: seed, promptIndex: prompt).recording)
    }
}
