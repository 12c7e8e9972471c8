import Dispatch
import Foundation
import PerfbenchPipeline
import PerfbenchRecording
import PerfbenchReport
import Synchronization

extension ReplayRunner {
    /// Replays every recording in `paths` and returns the results in the order of `paths`.
    ///
    /// Up to `jobs` replays run at once, each on its own thread with its own virtual clock and
    /// executor; replays share nothing, so the results are byte-identical whatever `jobs` is.
    ///
    /// - Throws: the error of the first path (in `paths` order) that failed to load or replay,
    ///   after every replay has finished.
    public static func replayCorpus(
        paths: [String], config: PipelineConfiguration?, strict: Bool, jobs: Int
    ) throws -> [RunResult] {
        try replayCorpus(paths: paths, config: config, options: ReplayOptions(strict: strict), jobs: jobs)
            .map { try $0.get() }
    }

    /// Replays every recording in `paths` with `options`; one result (or error) per path, in the
    /// order of `paths`.
    public static func replayCorpus(
        paths: [String], config: PipelineConfiguration?, options: ReplayOptions, jobs: Int
    ) -> [Result<RunResult, any Error>] {
        replayCorpus(paths: paths, options: options, jobs: jobs) { _, _ in config }
    }

    /// Replays every recording in `paths`, each loaded by `load` and replayed under the
    /// configuration `configure` picks for it from its header and path (nil: the header's own);
    /// one result (or error) per path, in the order of `paths`.
    ///
    /// `load` and `configure` run on the worker threads, so they must be thread-safe; per
    /// recording they run once, before its replay.
    public static func replayCorpus(
        paths: [String], options: ReplayOptions, jobs: Int, draws: Int = 1, drawsOnlyWhatIfs: Bool = false,
        load: @escaping @Sendable (String) throws -> Recording = { try Recording.load(from: $0) },
        configure: @escaping @Sendable (RecordingHeader, String) throws -> PipelineConfiguration?,
        progress: (@Sendable (_ done: Int) -> Void)? = nil
    ) -> [Result<RunResult, any Error>] {
        replayMatrix(
            paths: paths, options: [options], jobs: jobs, draws: draws, drawsOnlyWhatIfs: drawsOnlyWhatIfs, load: load,
            configure: { _, header, path in try configure(header, path) }, progress: progress)[0]
    }

    /// Replays every recording in `paths` in each of `options.count` columns: column `column`
    /// runs with `options[column]` under the configuration `configure(column, header, path)`
    /// picks for a recording (nil: the header's own). Returns one row per column, each with one
    /// result per path in the order of `paths`.
    ///
    /// Each recording is loaded and indexed once and replayed under every configuration from
    /// that one index (its decoded answers and counterfactual models shared), then released;
    /// work is taken in the units ``workUnits(rows:columns:jobs:)`` gives, so at most about
    /// twice `jobs` indexes are held at once and memory stays flat in the number of recordings.
    /// Results are byte-identical for any `jobs`.
    ///
    /// With `draws` > 1 each cell gains its ``PredictionInterval`` (``interval(of:index:path:config:options:draws:jobs:)``);
    /// with `drawsOnlyWhatIfs`, only the cells that are what-ifs (``isWhatIf(config:options:index:)``)
    /// do, and a replay at the recording's own configuration stays as it is without draws.
    public static func replayMatrix(
        paths: [String], options: [ReplayOptions], jobs: Int, draws: Int = 1, drawsOnlyWhatIfs: Bool = false,
        load: @escaping @Sendable (String) throws -> Recording = { try Recording.load(from: $0) },
        configure: @escaping @Sendable (_ column: Int, RecordingHeader, String) throws -> PipelineConfiguration?,
        progress: (@Sendable (_ done: Int) -> Void)? = nil
    ) -> [[Result<RunResult, any Error>]] {
        let configurations = options.count
        guard configurations > 0 else { return [] }
        let indexes = paths.map { _ in SharedIndex(uses: configurations) }
        let units = workUnits(rows: paths.count, columns: configurations, jobs: jobs)
        // Fewer cells than workers (`replay FILE --draws N`: one) would leave workers idle: each
        // cell's draws spread over its share of them instead.
        let drawJobs = max(1, jobs / max(1, paths.count * configurations))
        let results = ParallelRunner.map(units, jobs: jobs, progress: progress) { unit in
            unit.map { cell -> Result<RunResult, any Error> in
                let (row, column) = cell
                let path = paths[row]
                defer { indexes[row].release() }
                return Result {
                    let index = try indexes[row].index { try ReplayIndex(recording: load(path)) }
                    let config = try configure(column, index.recording.header, path)
                    let options = options[column]
                    var run = try replay(index: index, path: path, config: config, options: options).run
                    if draws > 1, !drawsOnlyWhatIfs || isWhatIf(config: config, options: options, index: index) {
                        run.interval = try interval(
                            of: run, index: index, path: path, config: config, options: options, draws: draws,
                            jobs: drawJobs)
                    }
                    if !options.keepsBreakdown { run = run.withoutBreakdown }
                    // A corpus holds every cell's figures to the end: their names shared, not
                    // copied (an interval's draws, read and dropped, are not worth it).
                    return run.interned
                }
            }
        }
        var table = [[Result<RunResult, any Error>?]](
            repeating: [Result<RunResult, any Error>?](repeating: nil, count: paths.count), count: configurations)
        for (unit, outputs) in zip(units, results) {
            for (cell, output) in zip(unit, outputs) { table[cell.column][cell.row] = output }
        }
        // Every cell lies in exactly one unit, so every slot is filled.
        return table.map { $0.compactMap { $0 } }
    }

    /// How the matrix's cells are handed to the workers.
    ///
    /// With at least four recordings per worker, a unit is one recording's every configuration:
    /// the worker that loads and indexes a recording replays it throughout and frees it, so no
    /// worker waits on another's index and no memory is freed by a thread other than the one
    /// that allocated it (glibc then takes the other thread's arena lock). A 100-recording diff
    /// with two workers made 18,846 `futex` calls when both took each recording's cells in turn,
    /// 8,030 when each took a recording's first cell of its own, and makes 7 now (4 with one
    /// worker). The slowest recording bounds the imbalance at the end.
    ///
    /// With fewer recordings (a sweep of one recording), each cell is a unit so every worker has
    /// work, taken `jobs` recordings at a time and configuration by configuration within them —
    /// (r0 c0) (r1 c0) (r0 c1) (r1 c1) (r2 c0) … for two jobs — so each worker starts by indexing
    /// a recording of its own rather than waiting for the one all of them need.
    static func workUnits(rows: Int, columns: Int, jobs: Int) -> [[(row: Int, column: Int)]] {
        let block = max(1, jobs)
        if rows >= 4 * block || block == 1 {
            return (0..<rows).map { row in (0..<columns).map { (row, $0) } }
        }
        var units: [[(row: Int, column: Int)]] = []
        units.reserveCapacity(rows * columns)
        for first in stride(from: 0, to: rows, by: block) {
            let blockRows = first..<min(rows, first + block)
            for column in 0..<columns {
                for row in blockRows { units.append([(row, column)]) }
            }
        }
        return units
    }
}

/// One recording's index, built by the first replay that needs it and dropped after the last.
private final class SharedIndex: Sendable {
    private enum State {
        case pending
        case built(Result<ReplayIndex, any Error>)
    }
    private let state = Mutex<(state: State, uses: Int)>((.pending, 0))

    init(uses: Int) {
        state.withLock { $0.uses = uses }
    }

    /// The index, built with `build` on first call (other callers wait for it); a failure is
    /// every caller's failure.
    func index(_ build: () throws -> ReplayIndex) throws -> ReplayIndex {
        try state.withLock { slot in
            if case .built(let result) = slot.state { return try result.get() }
            let result = Result { try build() }
            slot.state = .built(result)
            return try result.get()
        }
    }

    /// One use finished; the last one drops the index.
    func release() {
        state.withLock { slot in
            slot.uses -= 1
            if slot.uses == 0 { slot.state = .pending }
        }
    }
}

extension ReplayRunner {
    /// Whether a replay of `index` under `config` (nil: the recording's own) with `options` asks
    /// what the recording never did: another configuration, or upstream latencies changed.
    public static func isWhatIf(config: PipelineConfiguration?, options: ReplayOptions, index: ReplayIndex) -> Bool {
        !options.latencyChanges.isEmpty || (config.map { $0.phaseMap != index.recordedPhaseMap } ?? false)
    }

    /// The spread of `run` (draw 0) over `draws` draws of the models: draws 1…N−1 replay the
    /// same index under the same configuration with other seeds, the limiter alternatives in
    /// turn (``LimiterAlternative/forDraw(_:)``) and, every other draw, latencies that follow
    /// the load as the recording's did (``LoadModel``), and every fourth draw a host the
    /// recording shows down staying down (``OutageModel``). A replay at the recorded configuration answered
    /// exactly throughout draws nothing, so its draws are skipped and the interval is a point.
    /// Up to `jobs` draws run at once; each draw's seeds come from its number, so the interval
    /// is the same for any `jobs`.
    public static func interval(
        of run: RunResult, index: ReplayIndex, path: String, config: PipelineConfiguration?, options: ReplayOptions,
        draws: Int, jobs: Int = 1
    ) throws -> PredictionInterval {
        // A what-if meets the limiter alternatives wherever it sends faster than recorded, even
        // if every answer was exact; the recorded configuration never does.
        let whatIf = isWhatIf(config: config, options: options, index: index)
        guard run.requests.exact < run.requests.total || whatIf else {
            return PredictionInterval(runs: Array(repeating: run, count: draws))
        }
        guard draws > 1 else { return PredictionInterval(runs: [run]) }
        let replayDraw = { @Sendable (draw: Int) -> Result<RunResult, any Error> in
            Result {
                var drawn = options
                drawn.draw = UInt64(draw)
                drawn.limiter = LimiterAlternative.forDraw(UInt64(draw))
                drawn.loadFollowsRecording = ReplayOptions.loadFollowsRecording(draw: UInt64(draw))
                drawn.outagePersists = ReplayOptions.outagePersists(draw: UInt64(draw))
                // An interval reads a draw's totals, stages and counters, never its exchanges.
                drawn.keepsEvents = false
                return try replay(index: index, path: path, config: config, options: drawn).run
            }
        }
        // One job runs the draws here, on the caller's thread (a worker of its own already).
        let drawn = jobs > 1 ? ParallelRunner.map(Array(1..<draws), jobs: jobs, replayDraw) : (1..<draws).map(replayDraw)
        return PredictionInterval(runs: [run] + (try drawn.map { try $0.get() }))
    }
}

/// Runs independent jobs on up to N threads of their own and collects results in input order.
///
/// Threads rather than tasks: each replay drives its virtual executor on the calling thread
/// until the workflow ends, which must not occupy the Swift concurrency pool.
enum ParallelRunner {
    /// Stack size of each worker thread; a replay's synchronous depth is shallow, but the
    /// pipeline's nested stages run their sync parts on it.
    static let stackSize = 8 << 20

    /// - Parameter progress: called after each job with the number finished so far (from the
    ///   worker threads; it must not touch results, which stay in input order).
    static func map<Input: Sendable, Output: Sendable>(
        _ inputs: [Input], jobs: Int, progress: (@Sendable (Int) -> Void)? = nil,
        _ work: @escaping @Sendable (Input) -> Output
    ) -> [Output] {
        guard !inputs.isEmpty else { return [] }
        let workers = max(1, min(jobs, inputs.count))
        let next = Mutex(0)
        let done = Mutex(0)
        // Each slot is written once, by the worker that took its index.
        let slots = Mutex([Output?](repeating: nil, count: inputs.count))
        let finished = DispatchSemaphore(value: 0)
        for _ in 0..<workers {
            let thread = Thread {
                while true {
                    let taken: Int = next.withLock { value in
                        defer { value += 1 }
                        return value
                    }
                    guard taken < inputs.count else { break }
                    let output = work(inputs[taken])
                    slots.withLock { $0[taken] = output }
                    if let progress { progress(done.withLock { count in count += 1; return count }) }
                }
                finished.signal()
            }
            thread.stackSize = stackSize
            thread.start()
        }
        for _ in 0..<workers { finished.wait() }
        return slots.withLock { $0.compactMap { $0 } }
    }
}
