import PerfbenchRecording

/// Chrome trace-event JSON (the format Perfetto, speedscope and `chrome://tracing` open) for
/// `--trace FILE`: stages and requests as complete events (`"ph":"X"`, `ts`/`dur` in µs).
///
/// Per run, two processes: "stages" with the `workflow` span on thread 1 and then a thread per
/// (depth, lane), and "requests" with a thread per concurrent lane. Lanes come from
/// `LaneAssignment`, so events on one thread never overlap, which trace viewers need (they
/// draw one thread's events as a strictly nested stack). Names of processes and threads are
/// metadata events. One event per line, so traces diff well.
public enum TraceEvents {
    /// The trace of one run.
    public static func render(_ run: RunResult) -> String { render(runs: [run]) }

    /// The trace of several runs, each with its own pair of processes (pids 1–2, 3–4, …).
    public static func render(runs: [RunResult]) -> String {
        var events: [OrderedJSON] = []
        for (index, run) in runs.enumerated() { events += self.events(for: run, firstPid: 2 * index + 1) }
        let other = OrderedJSON.members([
            ("schema", .string("perfbench.trace/1")),
            ("recordings", .array(runs.map { .string($0.recording) })),
        ])
        return "{\"traceEvents\":[\n" + events.map { $0.rendered() }.joined(separator: ",\n")
            + "\n],\"displayTimeUnit\":\"ms\",\"otherData\":" + other.rendered() + "}\n"
    }

    /// Metadata, then stage events, then request events of one run.
    static func events(for run: RunResult, firstPid: Int) -> [OrderedJSON] {
        let stagePid = firstPid
        let requestPid = firstPid + 1
        let label = "\(run.recording) (\(run.config.name))"
        var metadata: [OrderedJSON] = [
            meta("process_name", pid: stagePid, tid: 0, ("name", .string("stages: " + label))),
            meta("process_sort_index", pid: stagePid, tid: 0, ("sort_index", .int(stagePid))),
            meta("thread_name", pid: stagePid, tid: 1, ("name", .string(TimingTree.rootName))),
            meta("thread_sort_index", pid: stagePid, tid: 1, ("sort_index", .int(1))),
        ]
        var timed: [OrderedJSON] = [
            complete(name: TimingTree.rootName, category: "stage", start: 0, duration: run.totalMicros,
                     pid: stagePid, tid: 1, args: [("path", .string(""))]),
        ]

        // Stages: a lane set per depth, threads numbered by (depth, lane) after the workflow's.
        let spans = TimingTree.normalized(run.stages).stages.sorted { ($0.depth, $0.startMicros, $0.path) < ($1.depth, $1.startMicros, $1.path) }
        var nextTid = 2
        for depth in Set(spans.map(\.depth)).sorted() {
            let level = spans.filter { $0.depth == depth }
            let lanes = LaneAssignment.assign(level.map { ($0.startMicros, $0.startMicros + $0.durationMicros) })
            let laneCount = (lanes.max() ?? -1) + 1
            for lane in 0..<laneCount {
                let name = "stages, level \(depth + 1)" + (lane == 0 ? "" : " (lane \(lane + 1))")
                metadata.append(meta("thread_name", pid: stagePid, tid: nextTid + lane, ("name", .string(name))))
                metadata.append(meta("thread_sort_index", pid: stagePid, tid: nextTid + lane, ("sort_index", .int(nextTid + lane))))
            }
            for (span, lane) in zip(level, lanes) {
                timed.append(complete(
                    name: span.name, category: "stage", start: span.startMicros, duration: span.durationMicros,
                    pid: stagePid, tid: nextTid + lane, args: [("path", .string(span.path))]))
            }
            nextTid += laneCount
        }

        // Requests: one lane set for all of them.
        let exchanges = run.exchanges.sorted { ($0.startMicros, $0.endMicros, $0.id) < ($1.startMicros, $1.endMicros, $1.id) }
        if !exchanges.isEmpty {
            metadata.append(meta("process_name", pid: requestPid, tid: 0, ("name", .string("requests: " + label))))
            metadata.append(meta("process_sort_index", pid: requestPid, tid: 0, ("sort_index", .int(requestPid))))
        }
        let lanes = LaneAssignment.assign(exchanges.map { ($0.startMicros, $0.endMicros) })
        for lane in 0..<((lanes.max() ?? -1) + 1) {
            metadata.append(meta("thread_name", pid: requestPid, tid: lane + 1, ("name", .string("lane \(lane + 1)"))))
            metadata.append(meta("thread_sort_index", pid: requestPid, tid: lane + 1, ("sort_index", .int(lane + 1))))
        }
        for (exchange, lane) in zip(exchanges, lanes) {
            timed.append(complete(
                name: exchange.method + " " + EndpointTemplate.template(for: exchange.url),
                category: exchange.service.rawValue, start: exchange.startMicros, duration: exchange.durationMicros,
                pid: requestPid, tid: lane + 1,
                args: [
                    ("id", .string(exchange.id)),
                    ("status", exchange.status.map(OrderedJSON.int) ?? .null),
                    ("outcome", .string(exchange.outcome.rawValue)),
                    ("tool", exchange.tool.map(OrderedJSON.string) ?? .null),
                    ("stage", exchange.stage.map(OrderedJSON.string) ?? .null),
                ]))
        }
        return metadata + timed
    }

    /// A complete event: `{"name","cat","ph":"X","ts","dur","pid","tid","args"}`.
    static func complete(
        name: String, category: String, start: Int, duration: Int, pid: Int, tid: Int,
        args: [(String, OrderedJSON)]
    ) -> OrderedJSON {
        .members([
            ("name", .string(name)), ("cat", .string(category)), ("ph", .string("X")),
            ("ts", .int(start)), ("dur", .int(max(0, duration))), ("pid", .int(pid)), ("tid", .int(tid)),
            ("args", .members(args)),
        ])
    }

    /// A metadata event (`"ph":"M"`) naming or ordering a process or thread.
    static func meta(_ name: String, pid: Int, tid: Int, _ arg: (String, OrderedJSON)) -> OrderedJSON {
        .members([
            ("name", .string(name)), ("ph", .string("M")), ("pid", .int(pid)), ("tid", .int(tid)),
            ("args", .members([arg])),
        ])
    }
}
