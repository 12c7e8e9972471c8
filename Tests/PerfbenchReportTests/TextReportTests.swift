import Testing

@testable import PerfbenchReport

@Suite("TextReport")
struct TextReportTests {
    @Test func rendersTheFixtureRunExactly() {
        let expected = """
            perfbench replay: Recordings/fixture.jsonl.gz (config baseline)
            workflow: 100.00s (100.0%)
            ├─ intent_analysis: 2.00s (2.0%)
            ├─ mood_analysis: 3.00s (3.0%)
            ├─ orchestration: 90.00s (90.0%)
            │  ├─ initial_generation: 60.00s (60.0%)
            │  │  ├─ seed_gathering: 30.00s (30.0%)
            │  │  │  ├─ anchor_selection: 20.00s (20.0%) ← largest
            │  │  │  └─ artist_discovery: 10.00s (10.0%)
            │  │  └─ recommendation_generation: 30.00s (30.0%)
            │  │     ├─ artist_based: 30.00s (30.0%) ∥ ← largest
            │  │     └─ seed_based: 15.00s (15.0%) ∥
            │  ├─ iterative_improvement: 25.00s (25.0%) ← largest
            │  └─ final_processing: 5.00s (5.0%)
            └─ playlist_ordering: 5.00s (5.0%)
            (← largest: the 3 stages with the most time of their own (outside their child stages); ∥: ran at the same time as a sibling, so siblings add up to more than their parent)

            requests: 6 (llm 2, reccobeats 3, spotify 1); exact 4, composed 1, synthesized 1; errors 0, timeouts 1
            waits: 3 (50.50s): window 1 (47.80s), min interval 1 (0.70s), retry-after 1 (2.00s)
            cache: 10 hits, 30 misses (25.0% hit rate)
            quality: overall 0.77, cohesion 0.66, tracks 20
            counters: retries 2
            critical path: requests 2.80s, waits 0.00s, steps 97.20s; largest: step (artist_based) 97.00s, llm (seed_based) 2.80s, step (intent_analysis) 0.20s (perfbench explain)

            """
        #expect(TextReport.render(Fixtures.run()) == expected)
    }

    @Test func colourOnlyWhenAsked() {
        let plain = TextReport.render(Fixtures.run(), colour: false)
        let coloured = TextReport.render(Fixtures.run(), colour: true)
        #expect(!plain.contains("\u{1B}["))
        #expect(coloured.contains("\u{1B}[1;33m← largest\u{1B}[0m"))
        #expect(stripANSI(coloured) == plain)
    }

    @Test func corpusShowsARowPerRunAndThePercentileTree() {
        let runs = [
            Fixtures.run(recording: "a.jsonl.gz", total: 100),
            Fixtures.run(recording: "b.jsonl.gz", total: 120),
            Fixtures.run(recording: "c.jsonl.gz", total: 110),
        ]
        let expected = """
            perfbench replay: 3 recordings
            a.jsonl.gz     100.00s  6 requests (exact 4, composed 1, synthesized 1)  config baseline
            b.jsonl.gz     120.00s  6 requests (exact 4, composed 1, synthesized 1)  config baseline
            c.jsonl.gz     110.00s  6 requests (exact 4, composed 1, synthesized 1)  config baseline

            percentiles over 3 runs (nearest rank, seconds)       p50       p95       p99
            workflow                                           110.00    120.00    120.00
            ├─ intent_analysis                                   2.00      2.00      2.00
            ├─ mood_analysis                                     3.00      3.00      3.00
            ├─ orchestration                                    90.00     90.00     90.00
            │  ├─ initial_generation                            60.00     60.00     60.00
            │  │  ├─ seed_gathering                             30.00     30.00     30.00
            │  │  │  ├─ anchor_selection                        20.00     20.00     20.00  ← largest
            │  │  │  └─ artist_discovery                        10.00     10.00     10.00
            │  │  └─ recommendation_generation                  30.00     30.00     30.00
            │  │     ├─ artist_based                            30.00     30.00     30.00  ← largest
            │  │     └─ seed_based                              15.00     15.00     15.00
            │  ├─ iterative_improvement                         25.00     25.00     25.00  ← largest
            │  └─ final_processing                               5.00      5.00      5.00
            └─ playlist_ordering                                 5.00      5.00      5.00

            requests: 18 (llm 6, reccobeats 9, spotify 3); exact 12, composed 3, synthesized 3; errors 0, timeouts 3
            waits: 9 (151.50s): window 3 (143.40s), min interval 3 (2.10s), retry-after 3 (6.00s)
            cache: 30 hits, 90 misses (25.0% hit rate)
            quality: mean overall 0.77, cohesion 0.66, tracks 20
            counters: retries 6

            """
        #expect(TextReport.render(corpus: runs) == expected)
    }

    @Test func renderingIsDeterministic() {
        let first = TextReport.render(Fixtures.run())
        for _ in 0..<5 { #expect(TextReport.render(Fixtures.run()) == first) }
    }
}

/// `text` without ANSI escape sequences.
func stripANSI(_ text: String) -> String {
    var output = ""
    var inEscape = false
    for character in text {
        if character == "\u{1B}" {
            inEscape = true
        } else if inEscape {
            if character == "m" { inEscape = false }
        } else {
            output.append(character)
        }
    }
    return output
}
