// swift-tools-version: 6.1
// perfbench: record, replay and compare a recommendation workflow on a virtual clock.

import PackageDescription

let package = Package(
    name: "perfbench",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "perfbench", targets: ["perfbench"]),
        .library(name: "PerfbenchRuntime", targets: ["PerfbenchRuntime"]),
        .library(name: "PerfbenchRecording", targets: ["PerfbenchRecording"]),
        .library(name: "PerfbenchPipeline", targets: ["PerfbenchPipeline"]),
        .library(name: "PerfbenchWorld", targets: ["PerfbenchWorld"]),
        .library(name: "PerfbenchReport", targets: ["PerfbenchReport"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/HdrHistogram/hdrhistogram-swift", from: "0.2.0"),
    ],
    targets: [
        // zlib, from the system (Debian: zlib1g-dev).
        .systemLibrary(
            name: "CZlib",
            providers: [.apt(["zlib1g-dev"]), .brew(["zlib"])]
        ),
        // Virtual clock, deterministic executor and async primitives. Depends on nothing of ours.
        .target(name: "PerfbenchRuntime"),
        // The recording model, the native gzipped JSONL codec, importers and redaction.
        .target(
            name: "PerfbenchRecording",
            dependencies: [
                "CZlib",
                .product(name: "Histogram", package: "hdrhistogram-swift"),
            ]
        ),
        // The workflow model, its upstream clients and every optimization toggle.
        .target(name: "PerfbenchPipeline", dependencies: ["PerfbenchRuntime", "PerfbenchRecording"]),
        // The simulated upstream world: a seeded catalogue, Spotify, ReccoBeats and the LLM with
        // latencies, limits and faults, answering the pipeline's HTTPTransport.
        .target(
            name: "PerfbenchWorld",
            dependencies: ["PerfbenchRuntime", "PerfbenchRecording", "PerfbenchPipeline"]
        ),
        // Timing trees, diffs, percentiles and renderers (text, JSON, markdown, trace events).
        .target(name: "PerfbenchReport", dependencies: ["PerfbenchRecording", "PerfbenchPipeline"]),
        // The command line: parse, wire modules, print.
        .executableTarget(
            name: "perfbench",
            dependencies: [
                "PerfbenchRuntime",
                "PerfbenchRecording",
                "PerfbenchPipeline",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "PerfbenchRuntimeTests", dependencies: ["PerfbenchRuntime"]),
        .testTarget(name: "PerfbenchRecordingTests", dependencies: ["PerfbenchRecording"]),
        .testTarget(name: "PerfbenchPipelineTests", dependencies: ["PerfbenchPipeline"]),
        .testTarget(
            name: "PerfbenchWorldTests",
            dependencies: ["PerfbenchWorld", "PerfbenchRuntime", "PerfbenchRecording", "PerfbenchPipeline"]
        ),
        .testTarget(name: "PerfbenchReportTests", dependencies: ["PerfbenchReport"]),
        .testTarget(name: "PerfbenchEndToEndTests", dependencies: ["perfbench"]),
    ],
    swiftLanguageModes: [.v6]
)
