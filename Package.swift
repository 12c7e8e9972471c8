// swift-tools-version: 6.1
// perfbench: record, replay and compare a recommendation workflow on a virtual clock.

import PackageDescription

/// The modules a replay runs through (the virtual executor, the workflow model, the replay):
/// their nonisolated async functions run on the caller's executor instead of hopping to the
/// generic one on every call. A replay holds no actors, so nothing changes but the hops: 42 %
/// fewer task switches for a what-if's draws (`perf probe` on `swift_task_switch`), the same
/// jobs in the same order, every output byte-identical.
let callerIsolatedAsync: [SwiftSetting] = [.enableUpcomingFeature("NonisolatedNonsendingByDefault")]

let package = Package(
    name: "perfbench",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "perfbench", targets: ["perfbench"]),
        .library(name: "PerfbenchRuntime", targets: ["PerfbenchRuntime"]),
        .library(name: "PerfbenchRecording", targets: ["PerfbenchRecording"]),
        .library(name: "PerfbenchImport", targets: ["PerfbenchImport"]),
        .library(name: "PerfbenchPipeline", targets: ["PerfbenchPipeline"]),
        .library(name: "PerfbenchWorld", targets: ["PerfbenchWorld"]),
        .library(name: "PerfbenchReport", targets: ["PerfbenchReport"]),
        .library(name: "PerfbenchReplay", targets: ["PerfbenchReplay"]),
        .library(name: "PerfbenchStore", targets: ["PerfbenchStore"]),
        .library(name: "PerfbenchServer", targets: ["PerfbenchServer"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/HdrHistogram/hdrhistogram-swift", from: "0.2.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
    ],
    targets: [
        // zlib, from the system (Debian: zlib1g-dev).
        .systemLibrary(
            name: "CZlib",
            providers: [.apt(["zlib1g-dev"]), .brew(["zlib"])]
        ),
        // Virtual clock, deterministic executor and async primitives. Depends on nothing of ours.
        .target(name: "PerfbenchRuntime", swiftSettings: callerIsolatedAsync),
        // The recording model, the native gzipped JSONL codec, redaction, the secret scan and
        // the inspector of native recordings.
        .target(
            name: "PerfbenchRecording",
            dependencies: [
                "CZlib",
                .product(name: "Histogram", package: "hdrhistogram-swift"),
            ]
        ),
        // Foreign captures to recordings: HAR files and the moodlist backend's own logs (with the
        // configuration a log shows), and inspection of any of them.
        .target(name: "PerfbenchImport", dependencies: ["PerfbenchRecording"]),
        // The workflow model, its upstream clients and every optimization toggle.
        .target(
            name: "PerfbenchPipeline", dependencies: ["PerfbenchRuntime", "PerfbenchRecording"],
            swiftSettings: callerIsolatedAsync
        ),
        // The simulated upstream world: a seeded catalogue, Spotify, ReccoBeats and the LLM with
        // latencies, limits and faults, answering the pipeline's HTTPTransport.
        .target(
            name: "PerfbenchWorld",
            dependencies: ["PerfbenchRuntime", "PerfbenchRecording", "PerfbenchPipeline"],
            exclude: ["LATENCY.md"]
        ),
        // Timing trees, diffs, percentiles and renderers (text, JSON, markdown, trace events).
        .target(name: "PerfbenchReport", dependencies: ["PerfbenchRecording", "PerfbenchPipeline"]),
        // Serves a recording to the pipeline on virtual time: matching, counterfactual answers
        // (composed batches, synthesized content, rate limits, slow successes) and the runner.
        .target(
            name: "PerfbenchReplay",
            dependencies: ["PerfbenchRuntime", "PerfbenchRecording", "PerfbenchPipeline", "PerfbenchReport"],
            swiftSettings: callerIsolatedAsync
        ),
        // Run history in SQLite (GRDB): every replay, diff, gate and baseline run with its
        // totals, stages and percentiles; WAL mode, named append-only migrations.
        .target(
            name: "PerfbenchStore",
            dependencies: ["PerfbenchReport", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        // The simulated world over real HTTP (`perfbench serve`): one loopback port, Spotify under
        // /v1, ReccoBeats under /reccobeats, the LLM at /v1/chat/completions, on scaled time.
        // SwiftNIO directly rather than Hummingbird, whose only offline version needs Swift 6.2.
        .target(
            name: "PerfbenchServer",
            dependencies: [
                "PerfbenchWorld",
                "PerfbenchPipeline",
                "PerfbenchRecording",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ]
        ),
        // The command line: parse, wire modules, print.
        .executableTarget(
            name: "perfbench",
            dependencies: [
                "PerfbenchRuntime",
                "PerfbenchRecording",
                "PerfbenchImport",
                "PerfbenchPipeline",
                "PerfbenchWorld",
                "PerfbenchReport",
                "PerfbenchReplay",
                "PerfbenchStore",
                "PerfbenchServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // The parsers as fuzz targets (FuzzTarget), and `perfbench-fuzz`: a regression runner
        // built normally, libFuzzer's driver built with -sanitize=fuzzer (Tests/Fuzz/fuzz.sh).
        .target(
            name: "PerfbenchFuzzing",
            dependencies: [
                "PerfbenchRecording", "PerfbenchImport", "PerfbenchPipeline", "PerfbenchReplay", "PerfbenchReport",
                "PerfbenchServer",
            ]
        ),
        .executableTarget(name: "perfbench-fuzz", dependencies: ["PerfbenchFuzzing"]),
        .testTarget(name: "PerfbenchRuntimeTests", dependencies: ["PerfbenchRuntime"]),
        // Helpers the recording and import tests share (temporary folders, sample recordings).
        .target(name: "PerfbenchTestSupport", dependencies: ["PerfbenchRecording", "CZlib"], path: "Tests/PerfbenchTestSupport"),
        .testTarget(
            name: "PerfbenchRecordingTests", dependencies: ["PerfbenchRecording", "PerfbenchRuntime", "PerfbenchTestSupport"]),
        .testTarget(
            name: "PerfbenchImportTests", dependencies: ["PerfbenchImport", "PerfbenchRecording", "PerfbenchTestSupport"]),
        .testTarget(
            name: "PerfbenchPipelineTests", dependencies: ["PerfbenchPipeline", "PerfbenchRuntime", "PerfbenchRecording"],
            exclude: ["Golden"]),
        .testTarget(
            name: "PerfbenchWorldTests",
            dependencies: ["PerfbenchWorld", "PerfbenchRuntime", "PerfbenchRecording", "PerfbenchPipeline"]
        ),
        .testTarget(name: "PerfbenchReportTests", dependencies: ["PerfbenchReport", "PerfbenchRecording", "PerfbenchRuntime"]),
        .testTarget(
            name: "PerfbenchReplayTests",
            dependencies: [
                "PerfbenchReplay", "PerfbenchRuntime", "PerfbenchRecording", "PerfbenchImport", "PerfbenchPipeline",
                "PerfbenchReport", "PerfbenchWorld",
            ]
        ),
        .testTarget(
            name: "PerfbenchStoreTests", dependencies: ["PerfbenchStore", "PerfbenchReport", "PerfbenchRecording"]),
        .testTarget(
            name: "PerfbenchServerTests",
            dependencies: [
                "PerfbenchServer", "PerfbenchWorld", "PerfbenchPipeline", "PerfbenchRecording",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ]
        ),
        // Runs the built binary; the live-recording fidelity test also serves the world in
        // process and replays the recording with the libraries.
        .testTarget(
            name: "PerfbenchEndToEndTests",
            dependencies: [
                "perfbench", "perfbench-fuzz", "PerfbenchServer", "PerfbenchWorld", "PerfbenchReplay", "PerfbenchReport",
                "PerfbenchRecording", "PerfbenchPipeline",
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
