import ArgumentParser
import PerfbenchRecording
import PerfbenchWorld

/// The simulated world a command runs: a profile and the mechanics it runs under.
struct WorldOptions: ParsableArguments {
    @Option(help: "World profile: \(WorldProfile.names.joined(separator: ", ")).")
    var profile: String = "default"

    @Option(
        help: ArgumentHelp(
            "How the world behaves under load and how its LLM judges: \(WorldMechanics.names.joined(separator: ", ")) "
                + "(standard: what the replay assumes; the others measure it where it does not hold).",
            valueName: "name"))
    var mechanics: String = "standard"

    /// Text for a command's discussion: what the mechanics are.
    static let discussion = """
        Mechanics (--mechanics): standard (a rolling-window limiter, unlimited servers, latency \
        independent of load, an LLM that scores a playlist by its mean match), token-bucket \
        (Spotify refuses bursts beyond 20 calls and lengthens the block while called), workers \
        (2 ReccoBeats and 3 Spotify workers, a queue beyond), stalls (each call in flight slows a \
        new one by 25 %), slow-prefill (LLM time grows with the request's size), strict-judge \
        (the LLM scores by the share of fitting tracks), unfamiliar (all of them).
        """

    func validate() throws {
        guard WorldProfile.named(profile) != nil else {
            let hint = NearestName.suggestion(for: profile, among: WorldProfile.names).map { " " + $0 } ?? ""
            throw ValidationError(
                "unknown profile \"\(profile)\"; choose one of \(WorldProfile.names.joined(separator: ", ")).\(hint)")
        }
        guard WorldMechanics.named(mechanics) != nil else {
            let hint = NearestName.suggestion(for: mechanics, among: WorldMechanics.names).map { " " + $0 } ?? ""
            throw ValidationError(
                "unknown mechanics \"\(mechanics)\"; choose one of \(WorldMechanics.names.joined(separator: ", ")).\(hint)")
        }
    }

    /// The profile under the mechanics (validated already).
    var world: WorldProfile? {
        guard let base = WorldProfile.named(profile), let chosen = WorldMechanics.named(mechanics) else { return nil }
        return base.under(chosen)
    }
}
