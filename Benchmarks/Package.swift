// swift-tools-version: 6.1
// perfbench's benchmarks: a separate package so the benchmark harness stays out of the main
// build and out of CI time. Run from this folder: `swift package benchmark`.

import PackageDescription

let package = Package(
    name: "perfbench-benchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "perfbench", path: ".."),
        .package(
            url: "https://github.com/ordo-one/benchmark", from: "1.38.1",
            traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "RuntimeBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "PerfbenchRuntime", package: "perfbench"),
            ],
            path: "Benchmarks/RuntimeBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "RecordingBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "PerfbenchRecording", package: "perfbench"),
            ],
            path: "Benchmarks/RecordingBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "ReplayBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "PerfbenchPipeline", package: "perfbench"),
                .product(name: "PerfbenchRecording", package: "perfbench"),
                .product(name: "PerfbenchReplay", package: "perfbench"),
                .product(name: "PerfbenchWorld", package: "perfbench"),
            ],
            path: "Benchmarks/ReplayBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
