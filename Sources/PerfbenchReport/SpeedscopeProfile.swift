import PerfbenchRecording

/// speedscope's own file format (https://www.speedscope.app/file-format-schema.json) for
/// `--speedscope FILE`: per run, evented profiles whose frames are the stages, so speedscope
/// draws a real flame graph over time, plus the critical path as a profile of its own.
///
/// Evented profiles need strictly nested open/close events, while concurrent stages overlap:
/// stages are dealt onto as few profiles as keep each one nested (a stage goes on the first
/// profile whose open stage is its ancestor and outlasts it, or that has none open, else a new
/// one), in start order, longer first, so the same run gives the same file.
public enum SpeedscopeProfile {
    public static func render(runs: [RunResult]) -> String {
        var frames: [String] = []
        var frameIndex: [String: Int] = [:]
        func frame(_ name: String) -> Int {
            if let index = frameIndex[name] { return index }
            frameIndex[name] = frames.count
            frames.append(name)
            return frames.count - 1
        }
        var profiles: [OrderedJSON] = []
        for run in runs {
            let label = "\(run.recording) (\(run.config.name))"
            let spans = TimingTree.normalized(run.stages).stages.sorted { lhs, rhs in
                (lhs.startMicros, -lhs.durationMicros, lhs.path) < (rhs.startMicros, -rhs.durationMicros, rhs.path)
            }
            // Deal the stages onto nested lanes.
            var lanes: [[StageSpan]] = []
            var stacks: [[StageSpan]] = []
            for span in spans {
                let end = span.startMicros + span.durationMicros
                var placed = false
                for index in lanes.indices {
                    while let top = stacks[index].last, top.startMicros + top.durationMicros <= span.startMicros { stacks[index].removeLast() }
                    // Only under its own ancestor (a concurrent sibling that outlasts it is not one).
                    if let top = stacks[index].last,
                        top.startMicros + top.durationMicros < end || !span.path.hasPrefix(top.path + "/")
                    {
                        continue
                    }
                    lanes[index].append(span)
                    stacks[index].append(span)
                    placed = true
                    break
                }
                if !placed {
                    lanes.append([span])
                    stacks.append([span])
                }
            }
            let workflow = frame("workflow")
            for (index, lane) in lanes.enumerated() {
                var events: [(at: Int, open: Bool, frame: Int, order: Int)] = [(0, true, workflow, 0)]
                for (order, span) in lane.enumerated() {
                    let id = frame(span.path)
                    events.append((span.startMicros, true, id, order + 1))
                    events.append((span.startMicros + span.durationMicros, false, id, order + 1))
                }
                events.append((run.totalMicros, false, workflow, 0))
                // Closes before opens at one instant; among closes the inner (later opened) first.
                events.sort { lhs, rhs in
                    if lhs.at != rhs.at { return lhs.at < rhs.at }
                    if lhs.open != rhs.open { return !lhs.open }
                    return lhs.open ? lhs.order < rhs.order : lhs.order > rhs.order
                }
                profiles.append(profile(
                    name: index == 0 ? "stages: \(label)" : "stages, concurrent lane \(index + 1): \(label)",
                    end: run.totalMicros, events: events.map { ($0.at, $0.open, $0.frame) }))
            }
            if !run.exchanges.isEmpty {
                var events: [(Int, Bool, Int)] = []
                for segment in CriticalPath(run).segments {
                    let id = frame(segment.name)
                    events.append((segment.startMicros, true, id))
                    events.append((segment.startMicros + segment.durationMicros, false, id))
                }
                profiles.append(profile(name: "critical path: \(label)", end: run.totalMicros, events: events))
            }
        }
        return OrderedJSON.members([
            ("$schema", .string("https://www.speedscope.app/file-format-schema.json")),
            ("shared", .members([("frames", .array(frames.map { .members([("name", .string($0))]) }))])),
            ("profiles", .array(profiles)),
            ("name", .string(runs.count == 1 ? runs[0].recording : "\(runs.count) recordings")),
            ("activeProfileIndex", .int(0)),
            ("exporter", .string("perfbench \(PerfbenchVersion.current)")),
        ]).rendered(pretty: false) + "\n"
    }

    private static func profile(name: String, end: Int, events: [(Int, Bool, Int)]) -> OrderedJSON {
        .members([
            ("type", .string("evented")), ("name", .string(name)), ("unit", .string("microseconds")),
            ("startValue", .int(0)), ("endValue", .int(end)),
            ("events", .array(events.map { at, open, frame in
                .members([("type", .string(open ? "O" : "C")), ("frame", .int(frame)), ("at", .int(at))])
            })),
        ])
    }
}
