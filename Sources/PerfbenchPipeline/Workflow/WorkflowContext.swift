import PerfbenchRecording
import PerfbenchRuntime

/// The request a workflow serves.
public struct WorkflowInput: Sendable, Hashable {
    public var prompt: String
    public var userID: String
    /// Recorded time between the top-level agents, replayed as it was (``ObservedGap``).
    public var observedGaps: [ObservedGap: Duration]

    public init(prompt: String, userID: String = "user-1", observedGaps: [ObservedGap: Duration] = [:]) {
        self.prompt = prompt
        self.userID = userID
        self.observedGaps = observedGaps
    }
}

/// Everything one workflow run's stages share: configuration, clients, clock and observer.
struct WorkflowContext: Sendable {
    let input: WorkflowInput
    let session: PipelineSession
    let observer: RunObserver
    let caller: ToolCaller
    let spotify: SpotifyClient
    let reccobeats: ReccoBeatsClient
    let llm: LLMClient
    let stages: StageRunner

    init(input: WorkflowInput, session: PipelineSession, observer: RunObserver) {
        self.input = input
        self.session = session
        self.observer = observer
        caller = ToolCaller(session: session, observer: observer)
        spotify = SpotifyClient(caller: caller)
        reccobeats = ReccoBeatsClient(caller: caller)
        llm = LLMClient(caller: caller)
        stages = StageRunner(clock: session.clock, observer: observer)
    }

    var config: PipelineConfiguration { session.config }
    var clock: PipelineClock { session.clock }

    func stage<Value: Sendable>(_ name: String, _ body: () async throws -> Value) async throws -> Value {
        try await stages.stage(name, body)
    }

    /// The LLM input for `tracks` under this prompt.
    func input(tracks: [Track], count: Int? = nil) -> LLMRequestInput {
        LLMRequestInput(prompt: input.prompt, tracks: tracks.map(LLMTrackInput.init), count: count)
    }
}

/// What the analysis stages learned about the request.
struct Understanding: Sendable {
    var mentionedTracks: [MentionedTrack]
    var mentionedArtists: [String]
    var primaryGenre: String?
    var mood: MoodProfile
    var target: PlaylistTarget

    var hasUserMentions: Bool { !mentionedTracks.isEmpty || !mentionedArtists.isEmpty }

    /// Genre keywords for anchors: the primary genre first, then the mood's.
    var anchorGenres: [String] {
        ([primaryGenre].compactMap { $0 } + mood.genres).uniqued()
    }
}

/// What seed gathering produced.
struct SeedPool: Sendable {
    var userTracks: [Track] = []
    var anchors: [Track] = []
    var artists: [Artist] = []
    var topTracks: [Track] = []
    var topArtists: [Artist] = []
    var seeds: [Track] = []
}
