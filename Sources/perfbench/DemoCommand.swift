import ArgumentParser
import PerfbenchRuntime

/// `perfbench demo`: runs the runtime study's fan-out workflow on virtual time.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Run a scripted request fan-out on the virtual clock and print its timeline.",
        discussion: """
            With no options this is the runtime study's toy workflow: 12 requests under a \
            semaphore of 3, one 429 with Retry-After 20 s retried while holding its permit, one \
            request cut off by the 30 s timeout. Its total is 31.900 s of virtual time on every \
            run. With --requests N a reproducible fan-out of N requests (latencies 0.3-5 s \
            drawn from --seed) runs instead.

            The timeline goes to standard output and is identical on every run; the wall time \
            and the virtual-seconds-per-wall-second ratio go to standard error.

            Examples:
              perfbench demo
              perfbench demo --requests 300 --permits 6 --seed 7
            """
    )

    @Option(help: "Run a generated fan-out of this many requests instead of the study's 12.")
    var requests: Int?

    @Option(help: "Requests in flight at once.")
    var permits: Int = 3

    @Option(help: "Seed for the generated latencies (with --requests).")
    var seed: UInt64 = 1

    @Flag(help: "Print only the summary line, not every event.")
    var quiet = false

    @Option(
        help: ArgumentHelp(
            "Also run it on the real clock with every duration divided by N and compare.",
            valueName: "N"))
    var realClock: Int?

    @Option(help: "Replay this many times, check every run is identical, report the median wall time.")
    var `repeat`: Int = 1

    func validate() throws {
        guard permits >= 1 else { throw ValidationError("--permits must be at least 1.") }
        guard (1...100_000).contains(`repeat`) else {
            throw ValidationError("--repeat must be between 1 and 100000.")
        }
        if let realClock, realClock < 1 || realClock > 1_000 {
            throw ValidationError("--real-clock must be between 1 and 1000.")
        }
        if let requests, requests < 1 || requests > 1_000_000 {
            throw ValidationError("--requests must be between 1 and 1000000.")
        }
    }

    func run() async throws {
        var workflow = FanOutWorkflow.study
        if let requests {
            workflow = .generated(count: requests, permits: permits, seed: seed)
        } else {
            workflow.permits = permits
        }
        let chosen = workflow
        var walls: [Duration] = []
        var first: VirtualTime.Run<[FanOutWorkflow.Event]>?
        for _ in 0..<`repeat` {
            let started = ContinuousClock.now
            let run = try VirtualTime.run { clock in try await chosen.run(on: clock) }
            walls.append(ContinuousClock.now - started)
            if let first, first.value != run.value || first.elapsed != run.elapsed {
                throw ExitStatus.internalError.fail(
                    "two replays of the same workflow differed: this is a bug in perfbench's "
                        + "runtime; please report it with the command line you ran.")
            }
            if first == nil { first = run }
        }
        guard let replay = first else { return }
        let wall = walls.sorted()[walls.count / 2]

        if !quiet {
            for event in replay.value { print(event.description) }
        }
        let timeouts = replay.value.filter { $0.kind == .timeout }.count
        let retries = replay.value.filter { $0.kind == .retry }.count
        print(
            "total \(replay.elapsed.seconds.formatted(decimals: 3)) s virtual, "
                + "\(workflow.requests.count) requests, \(retries) retries, \(timeouts) timeouts, "
                + "\(replay.jobs) executor jobs")
        if let realClock {
            let scaled = chosen.scaled(down: realClock)
            let clock = ContinuousClock()
            let start = clock.now
            let events = try await scaled.run(on: clock)
            let real = (clock.now - start).seconds * Double(realClock)
            // Simultaneous events may interleave differently on a real clock; compare the sets.
            let key = { (event: FanOutWorkflow.Event) in "\(event.request) \(event.kind.rawValue)" }
            let sameEvents = events.map(key).sorted() == replay.value.map(key).sorted()
            print(
                "real clock ÷\(realClock): \(real.formatted(decimals: 3)) s scaled back, "
                    + "virtual \(replay.elapsed.seconds.formatted(decimals: 3)) s, "
                    + "difference \((real - replay.elapsed.seconds).formatted(decimals: 3)) s, "
                    + "same events: \(sameEvents ? "yes" : "no")")
        }
        let ratio = replay.elapsed.seconds / max(wall.seconds, 1e-9)
        printToStandardError(
            "wall \((wall.seconds * 1e6).formatted(decimals: 0)) µs"
                + (walls.count > 1 ? " (median of \(walls.count))" : "")
                + ", \(ratio.formatted(decimals: 0)) virtual s per wall s")
    }
}
