/// plan 5.2: which requests are cancelled at a deadline instead of being waited out.
public enum RequestCancellation: Sendable, Hashable {
    /// Baseline: every request runs to its response or its own timeout.
    case off
    /// The plan's proposal: every upstream request is cancelled at its timeout
    /// (`asyncio.wait_for`), failing fast instead of waiting.
    case allRequests
    /// What shipped: only the playlist-ordering energy-analysis LLM batches, cancelled after
    /// this long (45 s).
    case energyBatches(timeout: Duration)

    /// The shipped energy-batch deadline.
    public static let shippedEnergyBatchTimeout = Duration.seconds(45)

    static let timeoutRange = Duration.seconds(1)...Duration.seconds(600)
}

extension RequestCancellation {
    private static let syntax = "off | all | energy-batches[/TIMEOUT], timeout 1s-600s (default 45s)"

    /// `off`, `all`, `energy-batches/45s`.
    static let codec = PhaseCodec<RequestCancellation>(
        kind: .oneOf([
            .choice(["off", "all"]),
            .composite([
                PhaseValuePart("scope", .choice(["energy-batches"])),
                PhaseValuePart("timeout", .seconds(1...600), optional: true),
            ]),
        ]),
        syntax: syntax,
        parse: { text throws(PhaseValueProblem) in
            let parts = try PhaseText.parts(text, minimum: 1, maximum: 2, syntax: syntax)
            switch (parts[0], parts.count) {
            case ("off", 1): return .off
            case ("all", 1): return .allRequests
            case ("energy-batches", 1): return .energyBatches(timeout: shippedEnergyBatchTimeout)
            case ("energy-batches", _):
                let timeout = try PhaseText.duration(parts[1], in: timeoutRange, style: .seconds, label: "timeout")
                return .energyBatches(timeout: timeout)
            default: throw PhaseValueProblem("must be \(syntax)")
            }
        },
        render: { cancellation in
            switch cancellation {
            case .off: "off"
            case .allRequests: "all"
            case .energyBatches(let timeout): "energy-batches/" + PhaseText.render(timeout, style: .seconds)
            }
        })
}
