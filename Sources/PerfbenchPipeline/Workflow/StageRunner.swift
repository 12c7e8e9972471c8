import PerfbenchRecording

/// Times stages on the pipeline clock and makes each the current stage of the work inside it.
struct StageRunner: Sendable {
    let clock: PipelineClock
    let observer: RunObserver

    /// Runs `body` as the child stage `name` of the current stage and records its span.
    func stage<Value: Sendable>(
        _ name: String, _ body: () async throws -> Value
    ) async throws -> Value {
        let path = StageContext.child(name)
        let start = clock.now
        let value = try await StageContext.$path.withValue(path) { try await body() }
        let end = clock.now
        observer.stage(
            StageSpan(
                name: name, path: path, startMicros: observer.micros(start),
                durationMicros: Int((end - start).microseconds)))
        return value
    }
}
