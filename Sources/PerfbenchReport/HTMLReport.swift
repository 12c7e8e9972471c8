import PerfbenchRecording

/// A self-contained HTML report (`--format html`, or `--html FILE` beside another format): one
/// file with inline SVG and a few lines of script, no network, no external assets.
///
/// - One run: the stages as an icicle over time (click a stage to zoom to it, double-click to
///   reset), the critical path under it (requests, waits and steps coloured by kind), every
///   request and wait on its lane, and the critical path's seconds per stage.
/// - A corpus: each group's totals as a strip (P50 and P95 marked, the recordings at P95 and
///   P99 named), then the P95 recording drawn as one run.
/// - A diff: the merged stage tree coloured by Δ (faster green, slower red), and the candidate's
///   critical path against the base's per stage.
/// - A gate: the verdict, each metric and criterion, and the corpus strips.
///
/// The same input gives the same bytes.
public enum HTMLReport {
    static let width = 1200.0
    static let row = 22.0

    // MARK: Pages

    /// One run, or a corpus.
    public static func replay(_ runs: [RunResult]) -> String {
        guard runs.count > 1 else {
            guard let run = runs.first else { return page(title: "perfbench replay", body: "<p>No runs.</p>") }
            return page(title: "perfbench replay: \(run.recording)", body: runSection(run))
        }
        var body = "<h1>perfbench replay: \(runs.count) recordings</h1>\n" + strips(runs)
        if let index = runShownInFull(of: runs) {
            body += "<h2>The P95 recording</h2>\n" + runSection(runs[index])
        }
        return page(title: "perfbench replay: \(runs.count) recordings", body: body)
    }

    /// The index of the run that ``replay(_:)`` shows in full (icicle, critical path, lanes):
    /// the only one, or a corpus's P95 recording; nil for no runs.
    public static func runShownInFull(of runs: [RunResult]) -> Int? {
        guard runs.count > 1 else { return runs.isEmpty ? nil : 0 }
        guard let tail = GateEvaluation.tail(of: runs).first else { return nil }
        return runs.firstIndex { $0.recording == tail.recording }
    }

    /// A diff of two configurations over the same recordings.
    public static func diff(_ diff: DiffReport, base: [RunResult], candidate: [RunResult]) -> String {
        var body = "<h1>perfbench diff: \(escape(diff.baseConfig.name)) → \(escape(diff.candidateConfig.name))</h1>\n"
        body += "<p>\(max(base.count, candidate.count)) recording(s); stage times are P50 over the recordings. "
            + "Green: faster in the candidate; red: slower.</p>\n"
        body += "<table><tr><th>stage</th><th>base (s)</th><th>candidate (s)</th><th>Δ (s)</th></tr>\n"
        for (prefix, node) in TreeLines.walk(diff.tree.root) {
            let delta = node.deltaSeconds
            let colour = delta < -0.005 ? "#d8f0d8" : delta > 0.005 ? "#f6d5d5" : "transparent"
            body += "<tr style=\"background:\(colour)\"><td class=\"tree\">\(escape(prefix + node.name))</td>"
                + "<td>\(DecimalText.fixed(node.baseSeconds, 2))</td><td>\(DecimalText.fixed(node.candidateSeconds, 2))</td>"
                + "<td>\(DecimalText.signed(delta, 2))</td></tr>\n"
        }
        body += "</table>\n"
        let bands = TextReport.drawBandLines(diff)
        if !bands.isEmpty {
            body += "<ul>\n" + bands.map { "<li><strong>\(escape($0.label)):</strong> \(escape($0.body))</li>\n" }.joined() + "</ul>\n"
        }
        if base.count == 1, candidate.count == 1 {
            body += "<h2>How the critical path moved</h2>\n" + pathComparison(CriticalPath(base[0]), CriticalPath(candidate[0]))
            body += "<h2>Base</h2>\n" + runSection(base[0]) + "<h2>Candidate</h2>\n" + runSection(candidate[0])
        } else {
            body += "<h2>Base</h2>\n" + strips(base) + "<h2>Candidate</h2>\n" + strips(candidate)
        }
        return page(title: "perfbench diff", body: body)
    }

    /// A gate verdict with the candidate's corpus.
    public static func gate(_ gate: GateEvaluation, candidate: [RunResult], config: RunConfig) -> String {
        var body = "<h1>perfbench gate: \(escape(GateReport.verdict(gate)))</h1>\n"
        body += "<p>\(gate.recordingCount) recordings, candidate <code>\(escape(config.name))</code></p>\n"
        if !gate.metrics.isEmpty {
            body += "<table><tr><th>metric</th><th>baseline (s)</th><th>candidate (s)</th><th>Δ %</th><th>status</th></tr>\n"
            for metric in gate.metrics {
                let colour = metric.status == .regression ? "#f6d5d5" : metric.status == .improvement ? "#d8f0d8" : "transparent"
                body += "<tr style=\"background:\(colour)\"><td>\(escape(metric.metric))</td><td>\(DecimalText.fixed(metric.baseline, 2))</td>"
                    + "<td>\(DecimalText.fixed(metric.candidate, 2))</td><td>\(DecimalText.signed(metric.deltaPercent, 1))</td>"
                    + "<td>\(metric.status.rawValue)</td></tr>\n"
            }
            body += "</table>\n"
        }
        if !gate.requirements.isEmpty {
            body += "<table><tr><th>required</th><th>value</th><th>holds</th></tr>\n"
            for result in gate.requirements {
                body += "<tr style=\"background:\(result.holds ? "#d8f0d8" : "#f6d5d5")\"><td><code>\(escape(result.criterion.text))</code></td>"
                    + "<td>\(escape(result.criterion.formatted(result.value)))</td><td>\(result.holds ? "yes" : "no")</td></tr>\n"
            }
            body += "</table>\n"
        }
        body += strips(candidate)
        return page(title: "perfbench gate", body: body)
    }

    // MARK: Sections

    /// The icicle, the critical path, the lanes and the per-stage path table of one run.
    static func runSection(_ run: RunResult) -> String {
        let total = max(run.totalMicros, 1)
        let scale = width / Double(total)
        var svg = ""
        var y = 0.0
        // Stages as an icicle over time: a row per depth, more where stages of one depth ran at
        // the same time (each on the lowest free row, as in the trace).
        let stages = TimingTree.normalized(run.stages).stages
            .sorted { ($0.depth, $0.startMicros, $0.path) < ($1.depth, $1.startMicros, $1.path) }
        svg += rect(x: 0, y: y, width: width, height: row - 2, fill: "#c9d6e8", data: (0, total), title: "workflow \(seconds(run.totalSeconds))")
        svg += label(x: 0, y: y, width: width, text: "workflow \(seconds(run.totalSeconds))", data: (0, total))
        y += row
        for depth in Set(stages.map(\.depth)).sorted() {
            let level = stages.filter { $0.depth == depth }
            let lanes = LaneAssignment.assign(level.map { ($0.startMicros, $0.startMicros + $0.durationMicros) })
            for (span, lane) in zip(level, lanes) {
                let x = Double(span.startMicros) * scale
                let w = max(Double(span.durationMicros) * scale, 0.5)
                let top = y + Double(lane) * row
                let text = "\(span.name) \(seconds(Double(span.durationMicros) / 1_000_000))"
                let data = (span.startMicros, span.startMicros + span.durationMicros)
                svg += rect(x: x, y: top, width: w, height: row - 2, fill: colour(for: span.path), data: data, title: span.path + ": " + text)
                svg += label(x: x, y: top, width: w, text: text, data: data)
            }
            y += Double((lanes.max() ?? 0) + 1) * row
        }
        y += 8
        // The critical path.
        let path = CriticalPath(run)
        svg += "<text x=\"0\" y=\"\(fixed(y + 12))\" class=\"heading\">critical path</text>\n"
        y += 16
        for segment in path.segments {
            let fill = segment.kind == .request ? "#4a78c2" : segment.kind == .wait ? "#e39b2d" : "#9a9a9a"
            svg += rect(x: Double(segment.startMicros) * scale, y: y, width: max(Double(segment.durationMicros) * scale, 0.5), height: row - 4,
                        fill: fill, data: (segment.startMicros, segment.startMicros + segment.durationMicros),
                        title: "\(segment.name) (\(segment.kind.rawValue)) in \(segment.stage.isEmpty ? "workflow" : segment.stage): \(seconds(Double(segment.durationMicros) / 1_000_000))")
        }
        y += row + 8
        // Requests and waits on lanes.
        let items: [(start: Int, end: Int, fill: String, title: String)] =
            run.exchanges.map { exchange in
                let fill = exchange.service == .spotify ? "#3f9f5a" : exchange.service == .reccobeats ? "#8a5cc2" : "#4a78c2"
                return (exchange.startMicros, exchange.endMicros, exchange.outcome == .ok ? fill : "#c24a4a",
                        "\(exchange.service.rawValue) \(exchange.tool ?? "") \(exchange.outcome.rawValue) \(seconds(Double(exchange.durationMicros) / 1_000_000))")
            } + run.waitEvents.map { wait in
                (wait.startMicros, wait.startMicros + wait.durationMicros, "#e39b2d", "wait \(wait.kind.rawValue) \(wait.tool) \(seconds(wait.seconds))")
            }
        let lanes = LaneAssignment.assign(items.map { ($0.start, $0.end) })
        let laneCount = (lanes.max() ?? -1) + 1
        svg += "<text x=\"0\" y=\"\(fixed(y + 12))\" class=\"heading\">requests (green Spotify, purple ReccoBeats, blue LLM, red failed) and waits (orange)</text>\n"
        y += 16
        let laneHeight = 7.0
        for (item, lane) in zip(items, lanes) {
            svg += rect(x: Double(item.start) * scale, y: y + Double(lane) * laneHeight, width: max(Double(item.end - item.start) * scale, 0.5),
                        height: laneHeight - 1, fill: item.fill, data: (item.start, item.end), title: item.title)
        }
        y += Double(laneCount) * laneHeight + 8
        var html = "<h2>\(escape(run.recording)) (\(escape(run.config.name))): \(seconds(run.totalSeconds))</h2>\n"
        if let interval = run.interval, !interval.isPoint {
            // A what-if's figure is one draw of its models: say how far the others reached.
            html += "<p><strong>Interval:</strong> \(escape(interval.text))</p>\n"
        }
        html += "<p>Click a bar to zoom to its time; double-click to see the whole run.</p>\n"
        html += "<svg class=\"zoomable\" width=\"\(fixed(width))\" height=\"\(fixed(y))\" data-total=\"\(total)\">\n\(svg)</svg>\n"
        html += "<h3>Seconds on the critical path</h3>\n<table><tr><th>stage</th><th>seconds</th><th>largest parts</th></tr>\n"
        for stage in path.byStage {
            html += "<tr><td>\(escape(stage.stage.isEmpty ? "workflow" : stage.stage))</td><td>\(DecimalText.fixed(stage.seconds, 2))</td><td>"
                + escape(stage.parts.prefix(5).map { "\($0.name) \(DecimalText.fixed($0.seconds, 2))" }.joined(separator: ", ")) + "</td></tr>\n"
        }
        return html + "</table>\n"
    }

    /// Each group's totals as dots on one time axis, P50 and P95 marked, the tail named.
    static func strips(_ runs: [RunResult]) -> String {
        guard !runs.isEmpty else { return "" }
        var groups: [String: [RunResult]] = [:]
        for run in runs { groups[GateEvaluation.groupName(of: run.recording), default: []].append(run) }
        let maximum = max(runs.map(\.totalSeconds).max() ?? 1, 1)
        let left = 160.0
        let scale = (width - left - 20) / maximum
        var svg = ""
        var y = 10.0
        for name in groups.keys.sorted() {
            let members = groups[name] ?? []
            let totals = members.map(\.totalSeconds)
            svg += "<text x=\"0\" y=\"\(fixed(y + 12))\">\(escape(name)) (\(members.count))</text>\n"
            for run in members {
                svg += "<circle cx=\"\(fixed(left + run.totalSeconds * scale))\" cy=\"\(fixed(y + 8))\" r=\"4\" fill=\"#4a78c2\" fill-opacity=\"0.6\">"
                    + "<title>\(escape(run.recording)): \(seconds(run.totalSeconds))</title></circle>\n"
            }
            for (p, dash) in [(50.0, "none"), (95.0, "3,2")] {
                let value = Percentiles.nearestRank(p, of: totals) ?? 0
                svg += "<line x1=\"\(fixed(left + value * scale))\" x2=\"\(fixed(left + value * scale))\" y1=\"\(fixed(y))\" y2=\"\(fixed(y + 16))\" "
                    + "stroke=\"#c24a4a\" stroke-dasharray=\"\(dash)\"><title>P\(Int(p)) \(seconds(value))</title></line>\n"
            }
            y += 24
        }
        svg += "<line x1=\"\(fixed(left))\" x2=\"\(fixed(width - 20))\" y1=\"\(fixed(y))\" y2=\"\(fixed(y))\" stroke=\"#888\"/>\n"
        svg += "<text x=\"\(fixed(left))\" y=\"\(fixed(y + 14))\">0 s</text><text x=\"\(fixed(width - 80))\" y=\"\(fixed(y + 14))\">\(seconds(maximum))</text>\n"
        let tail = GateEvaluation.tail(of: runs).map { "\($0.percentile.uppercased()): \(escape($0.recording)) (\(seconds($0.seconds)))" }
        return "<h2>Totals per group</h2>\n<p>Each dot is a recording; the solid line is the group's P50, the dashed one its P95. "
            + tail.joined(separator: "; ") + "</p>\n<svg width=\"\(fixed(width))\" height=\"\(fixed(y + 20))\">\n\(svg)</svg>\n"
    }

    /// The critical path per stage, base against candidate.
    static func pathComparison(_ base: CriticalPath, _ candidate: CriticalPath) -> String {
        let before = Dictionary(base.byStage.map { ($0.stage, $0.seconds) }, uniquingKeysWith: { a, _ in a })
        let after = Dictionary(candidate.byStage.map { ($0.stage, $0.seconds) }, uniquingKeysWith: { a, _ in a })
        var order = base.byStage.map(\.stage)
        for stage in candidate.byStage.map(\.stage) where !order.contains(stage) { order.append(stage) }
        var html = "<table><tr><th>stage</th><th>base on the path (s)</th><th>candidate on the path (s)</th><th>Δ (s)</th></tr>\n"
        for stage in order {
            let delta = (after[stage] ?? 0) - (before[stage] ?? 0)
            let colour = delta < -0.005 ? "#d8f0d8" : delta > 0.005 ? "#f6d5d5" : "transparent"
            html += "<tr style=\"background:\(colour)\"><td>\(escape(stage.isEmpty ? "workflow" : stage))</td>"
                + "<td>\(DecimalText.fixed(before[stage] ?? 0, 2))</td><td>\(DecimalText.fixed(after[stage] ?? 0, 2))</td>"
                + "<td>\(DecimalText.signed(delta, 2))</td></tr>\n"
        }
        return html + "</table>\n"
    }

    // MARK: Pieces

    static func page(title: String, body: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>\(escape(title))</title>
        <style>
        body { font: 13px/1.4 -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; margin: 20px; color: #222; }
        table { border-collapse: collapse; margin: 8px 0 16px; } td, th { border: 1px solid #ddd; padding: 3px 8px; text-align: left; }
        td.tree { font-family: ui-monospace, Menlo, monospace; white-space: pre; }
        svg text { font-size: 11px; fill: #222; pointer-events: none; } svg text.heading { font-weight: bold; }
        svg rect { cursor: zoom-in; stroke: #fff; stroke-width: 0.5; }
        </style></head><body>
        \(body)<p><small>perfbench \(escape(PerfbenchVersion.current))</small></p>
        <script>
        document.querySelectorAll('svg.zoomable').forEach(function (svg) {
          var total = +svg.dataset.total, width = +svg.getAttribute('width');
          function show(start, end) {
            var scale = width / Math.max(end - start, 1);
            svg.querySelectorAll('[data-s]').forEach(function (el) {
              var s = +el.dataset.s, e = +el.dataset.e, x = (s - start) * scale, w = Math.max((e - s) * scale, 0.5);
              if (el.tagName === 'rect') { el.setAttribute('x', x); el.setAttribute('width', w); }
              else { el.setAttribute('x', x + 3); el.style.display = w > 60 ? '' : 'none'; }
            });
          }
          svg.addEventListener('click', function (event) {
            var t = event.target; if (t.dataset && t.dataset.s) { show(+t.dataset.s, +t.dataset.e); }
          });
          svg.addEventListener('dblclick', function () { show(0, total); });
        });
        </script>
        </body></html>

        """
    }

    static func rect(x: Double, y: Double, width: Double, height: Double, fill: String, data: (Int, Int), title: String) -> String {
        "<rect x=\"\(fixed(x))\" y=\"\(fixed(y))\" width=\"\(fixed(width))\" height=\"\(fixed(height))\" fill=\"\(fill)\" "
            + "data-s=\"\(data.0)\" data-e=\"\(data.1)\"><title>\(escape(title))</title></rect>\n"
    }

    /// A bar's label, shown only where the bar is wide enough (and again when zoomed).
    static func label(x: Double, y: Double, width: Double, text: String, data: (Int, Int)) -> String {
        "<text x=\"\(fixed(x + 3))\" y=\"\(fixed(y + 14))\"" + (width > 60 ? "" : " style=\"display:none\"")
            + " data-s=\"\(data.0)\" data-e=\"\(data.1)\">\(escape(text))</text>\n"
    }

    /// A stable colour per stage family (its first two levels: `orchestration/initial_generation`).
    static func colour(for path: String) -> String {
        let palette = ["#8fb3e0", "#a6d6a0", "#f0c987", "#d9a6d9", "#9fd6d6", "#e6a8a0", "#c7c7a0"]
        let top = path.split(separator: "/").prefix(2).joined(separator: "/")
        return palette[Int(StableHash.fnv1a(top) % UInt64(palette.count))]
    }

    static func seconds(_ value: Double) -> String { DecimalText.fixed(value, 2) + " s" }
    static func fixed(_ value: Double) -> String { DecimalText.fixed(value, 1) }

    /// `text` with `&`, `<`, `>` and `"` escaped.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(character)
            }
        }
        return out
    }
}
