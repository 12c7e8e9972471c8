/// Why a replay could not run to the end.
public enum ReplayError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Strict mode met a request that no recorded exchange answers exactly.
    ///
    /// - Parameters:
    ///   - request: the normalized request, `METHOD path?query` (LLM calls name their task);
    ///   - tool: the pipeline tool that sent it; `stage`: the stage path that was running;
    ///   - nearest: the closest recorded request (same endpoint template first, then the
    ///     smallest edit distance of the normalized query), as `id METHOD path?query`;
    ///   - recording: the recording's path, when known.
    case unanswerable(request: String, tool: String, stage: String?, nearest: String?, recording: String?)

    /// The CLI.md exit status: 65, the recording cannot answer this input.
    public var exitCode: Int32 { 65 }

    /// `recording: strict replay: no recorded exchange answers … Nearest recorded request: ….`
    public var description: String {
        switch self {
        case .unanswerable(let request, let tool, let stage, let nearest, let recording):
            var text = recording.map { "\($0): " } ?? ""
            text += "strict replay: no recorded exchange answers \(request) (tool \(tool)"
            if let stage { text += ", stage \(stage)" }
            text += "). "
            if let nearest {
                text += "Nearest recorded request: \(nearest). "
            } else {
                text += "The recording has no request to that service. "
            }
            text += "Replay without --strict to compose or synthesize the answer, or record this configuration."
            return text
        }
    }

    /// The same error naming `path` as the recording.
    func naming(recording path: String) -> ReplayError {
        switch self {
        case .unanswerable(let request, let tool, let stage, let nearest, nil):
            return .unanswerable(request: request, tool: tool, stage: stage, nearest: nearest, recording: path)
        default:
            return self
        }
    }
}
