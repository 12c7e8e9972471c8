import PerfbenchRecording

/// Chrome trace-event JSON (the format Perfetto, speedscope and `chrome://tracing` open) for
/// `--trace FILE`: stages and requests as complete events (`"ph":"X"`, `ts`/`dur` in µs).
///
/// Per run, two processes: "stages" with the `workflow` span on thread 1 and then a thread per
/// (depth, lane), and "requests" with a thread per concurrent lane holding requests and the
/// client's waits (window, min_interval, retry_after, named by the tool that waited), plus the
/// critical path (``CriticalPath``) on a thread of its own listed first. Lanes come from
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

        // Requests and waits: one lane set for all of them, so a wait and the request it held
        // back tend to share a lane.
        enum Item {
            case request(Exchange)
            case wait(Wait)
            var start: Int {
                switch self {
                case .request(let exchange): return exchange.startMicros
                case .wait(let wait): return wait.startMicros
                }
            }
            var end: Int {
                switch self {
                case .request(let exchange): return exchange.endMicros
                case .wait(let wait): return wait.startMicros + wait.durationMicros
                }
            }
            var key: String {
                switch self {
                case .request(let exchange): return "r" + exchange.id
                case .wait(let wait): return "w" + wait.tool
                }
            }
        }
        let items = (run.exchanges.map(Item.request) + run.waitEvents.map(Item.wait)).enumerated().sorted { lhs, rhs in
            (lhs.element.start, lhs.element.end, lhs.element.key, lhs.offset) < (rhs.element.start, rhs.element.end, rhs.element.key, rhs.offset)
        }.map(\.element)
        if !items.isEmpty {
            metadata.append(meta("process_name", pid: requestPid, tid: 0, ("name", .string("requests: " + label))))
            metadata.append(meta("process_sort_index", pid: requestPid, tid: 0, ("sort_index", .int(requestPid))))
        }
        let lanes = LaneAssignment.assign(items.map { ($0.start, $0.end) })
        for lane in 0..<((lanes.max() ?? -1) + 1) {
            metadata.append(meta("thread_name", pid: requestPid, tid: lane + 1, ("name", .string("lane \(lane + 1)"))))
            metadata.append(meta("thread_sort_index", pid: requestPid, tid: lane + 1, ("sort_index", .int(lane + 1))))
        }
        for (item, lane) in zip(items, lanes) {
            switch item {
            case .request(let exchange):
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
            case .wait(let wait):
                timed.append(complete(
                    name: "wait \(wait.kind.rawValue) \(wait.tool)", category: "wait", start: wait.startMicros,
                    duration: wait.durationMicros, pid: requestPid, tid: lane + 1,
                    args: [("kind", .string(wait.kind.rawValue)), ("tool", .string(wait.tool)), ("stage", wait.stage.map(OrderedJSON.string) ?? .null)]))
            }
        }
        // The critical path on a thread of its own, listed first.
        if !run.exchanges.isEmpty {
            let tid = criticalPathThread
            metadata.append(meta("thread_name", pid: requestPid, tid: tid, ("name", .string("critical path"))))
            metadata.append(meta("thread_sort_index", pid: requestPid, tid: tid, ("sort_index", .int(0))))
            for segment in CriticalPath(run).segments {
                timed.append(complete(
                    name: segment.name, category: "critical_path", start: segment.startMicros, duration: segment.durationMicros,
                    pid: requestPid, tid: tid, args: [("kind", .string(segment.kind.rawValue)), ("stage", .string(segment.stage))]))
            }
        }
        return metadata + timed
    }

    /// The thread of the critical path in a run's requests process (after any lane).
    static let criticalPathThread = 100_000

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
