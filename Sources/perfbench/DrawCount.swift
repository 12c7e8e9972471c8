import ArgumentParser
import PerfbenchReport

/// How many times `replay`, `diff` and `gate` replay each recording with the models drawn anew
/// (`--draws`): a number, or `auto` (the default), which gives every what-if an interval where
/// that stays cheap (issue 14 §4: a prediction interval on every what-if, its default sized so
/// the corpus gate stays fast).
enum DrawCount: Equatable {
    /// ``autoDraws`` draws for each what-if when at most ``autoRecordingLimit`` recordings are
    /// replayed; none for a replay at a recording's own configuration, nor beyond the limit.
    case auto
    /// This many draws of every replay (1: none).
    case fixed(Int)

    /// Draws of a what-if under `auto`: P10–P90 of 10 draws holds one more run 80 % of the time.
    static let autoDraws = 10
    /// Beyond this many recordings `auto` draws nothing: 100 recordings × 10 draws is ≈ 1,000
    /// extra replays, a few seconds on two cores; the bundled corpus (60) stays inside it.
    static let autoRecordingLimit = 100

    /// Help text shared by the commands that take it.
    static let help =
        "auto (default): \(autoDraws) draws for each what-if when at most \(autoRecordingLimit) recordings are replayed, "
        + "none for a replay at a recording's own configuration; N: N draws of every replay (1: none)."

    /// `--draws auto` or `--draws N` (1–10000).
    static func parse(_ text: String) throws -> DrawCount {
        if text == "auto" { return .auto }
        guard let count = Int(text), (1...10_000).contains(count) else {
            throw ValidationError("--draws \(text): give auto or a number of draws from 1 to 10000, e.g. --draws 10.")
        }
        return .fixed(count)
    }

    /// Whether more than one draw was asked for explicitly.
    var isExplicitlyDrawn: Bool {
        if case .fixed(let count) = self { return count > 1 }
        return false
    }

    /// The draws per replay for `recordings` recordings, and whether only what-ifs draw them.
    func resolved(recordings: Int) -> (draws: Int, onlyWhatIfs: Bool) {
        switch self {
        case .fixed(let count): (count, false)
        case .auto: recordings <= Self.autoRecordingLimit ? (Self.autoDraws, true) : (1, false)
        }
    }

    /// Under `auto` beyond the recording limit, a note on standard error when some run of the
    /// `recordings` replayed leaned on the models: those figures have no interval, and how to
    /// get one. (A diff's runs are twice its recordings: the limit is on recordings.)
    func noteUndrawn(recordings: Int, _ runs: [RunResult]) {
        guard resolved(recordings: recordings).draws == 1, self == .auto else { return }
        let modelled = runs.filter { $0.requests.exact < $0.requests.total }.count
        guard modelled > 0 else { return }
        printToStandardError(
            "perfbench: note: \(modelled) of \(runs.count) runs answered requests their recordings do not hold, and "
                + "with more than \(Self.autoRecordingLimit) recordings --draws auto draws no interval; pass --draws 10 for one.")
    }
}
