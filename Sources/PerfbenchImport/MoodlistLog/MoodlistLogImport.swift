import PerfbenchRecording

/// What `MoodlistLogImporter` found in one log: a recording per workflow, and what it skipped.
public struct MoodlistLogImport: Sendable, Equatable {
    /// One workflow rebuilt from the log.
    public struct Workflow: Sendable, Equatable {
        /// The backend's workflow (session) id, or `unnamed-N` when the log never named it.
        public var id: String
        /// The rebuilt recording (redacted; events in start order).
        public var recording: Recording
        /// True when the log reached `Workflow … completed`; false when it was cut short.
        public var isComplete: Bool
        /// The 1-based lines the workflow spans in the log (for a cut-short one: where it stopped).
        public var firstLine: Int
        /// The last line that belonged to the workflow.
        public var lastLine: Int
        /// The workflow total the log states (`completed in {s}s`), when complete.
        public var totalSeconds: Double?
        /// How many times a timestamp went back from the line before it (the clock's excursions
        /// are repaired; what is still backwards after that is clamped to the latest time seen).
        public var backwardJumps: Int
        /// The largest backward jump, in microseconds.
        public var largestBackwardJumpMicros: Int
        /// The figures the backend printed itself, in seconds by stage path (`workflow`, each
        /// agent's `completed execution in`, the seed-gathering breakdown): the log's own word,
        /// before its clock is repaired. The recording's spans may differ where the clock jumped.
        public var printedSeconds: [String: Double]
        /// The configuration the log's own lines show, toggle by toggle (what the header states
        /// unless the import was told otherwise with `--recorded-as`).
        public var inferredEvidence: [ConfigEvidence]

        /// The workflow's span in the recording: the printed total plus what the log's clock lost
        /// in sleeps (see `MoodlistClockRepair`); nil when the log never completed it.
        public var repairedTotalSeconds: Double? {
            for case .stage(let span) in recording.events where span.path == "workflow" {
                return Double(span.durationMicros) / 1_000_000
            }
            return nil
        }

        /// How many events are `observed` and how many `inferred`.
        public var provenanceCounts: (observed: Int, inferred: Int) {
            let inferred = recording.events.filter { $0.provenance == .inferred }.count
            return (recording.events.count - inferred, inferred)
        }

        /// Makes a workflow result.
        public init(
            id: String, recording: Recording, inferredEvidence: [ConfigEvidence] = [], isComplete: Bool, firstLine: Int,
            lastLine: Int, totalSeconds: Double?, backwardJumps: Int, largestBackwardJumpMicros: Int,
            printedSeconds: [String: Double] = [:]
        ) {
            self.inferredEvidence = inferredEvidence
            self.printedSeconds = printedSeconds
            self.id = id
            self.recording = recording
            self.isComplete = isComplete
            self.firstLine = firstLine
            self.lastLine = lastLine
            self.totalSeconds = totalSeconds
            self.backwardJumps = backwardJumps
            self.largestBackwardJumpMicros = largestBackwardJumpMicros
        }
    }

    /// The workflows in log order, complete and cut short.
    public var workflows: [Workflow]
    /// Non-blank lines that matched none of the shapes the backend writes.
    public var skippedLines: Int
    /// All lines read.
    public var totalLines: Int

    /// Makes an import result.
    public init(workflows: [Workflow], skippedLines: Int, totalLines: Int) {
        self.workflows = workflows
        self.skippedLines = skippedLines
        self.totalLines = totalLines
    }

    /// The first workflow the log completed, else the first one it started.
    public var firstUsable: Workflow? {
        workflows.first { $0.isComplete } ?? workflows.first
    }
}
