import Testing

@testable import PerfbenchReport

@Suite("Answer coverage")
struct AnswerCoverageTests {
    static func requests(_ endpoints: [String: EndpointAnswers]) -> RequestCounts {
        let all = endpoints.values.reduce(EndpointAnswers(), +)
        return RequestCounts(
            total: all.total, exact: all.exact, composed: all.composed, synthesized: all.synthesized,
            byEndpoint: endpoints)
    }

    @Test func mostlyModelledRepliesWarnAndNameTheEndpointsThatMadeThemSo() throws {
        let coverage = AnswerCoverage(Self.requests([
            "spotify search_spotify_tracks": EndpointAnswers(exact: 1),
            "reccobeats get_multiple_tracks": EndpointAnswers(exact: 1, composed: 2, synthesized: 17),
            "spotify get_album_tracks": EndpointAnswers(exact: 3, synthesized: 1),
        ]))
        let warning = try #require(coverage.warning())
        #expect(warning.hasPrefix("only 5 of 25 requests were answered exactly"))
        #expect(warning.contains("reccobeats get_multiple_tracks 1/20 exact"))
        // An endpoint mostly exact is not blamed.
        #expect(!warning.contains("get_album_tracks"))
        #expect(coverage.summary().hasPrefix("5 of 25 exact; not exact: reccobeats get_multiple_tracks 2 composed + 17 synthesized of 20"))
    }

    @Test func halfOrMoreExactGivesNoWarning() {
        let coverage = AnswerCoverage(Self.requests([
            "spotify get_album_tracks": EndpointAnswers(exact: 2, synthesized: 2)
        ]))
        #expect(coverage.warning() == nil)
        #expect(AnswerCoverage(RequestCounts()).warning() == nil)
        #expect(AnswerCoverage(Self.requests(["llm intent_analysis": EndpointAnswers(exact: 3)])).summary()
            == "3 of 3 exact (every endpoint)")
    }

    @Test func everyReportFormatCarriesTheWarning() {
        var run = Fixtures.run()
        run.requests = Self.requests(["reccobeats get_multiple_tracks": EndpointAnswers(exact: 1, synthesized: 9)])
        let warning = "only 1 of 10 requests were answered exactly"
        #expect(TextReport.render(run).split(separator: "\n")[1].hasPrefix("warning: " + warning))
        #expect(MarkdownReport.render(run).contains("> **⚠ " + warning))
        #expect(JSONReport.render(run).contains("\"warnings\": [\n    \"" + warning))
        #expect(TextReport.render(corpus: [run, Fixtures.run()]).contains("warning: \(run.recording): " + warning))
        #expect(Fixtures.run().warnings.isEmpty)
    }

    @Test func countsAddUpAcrossRunsByEndpoint() {
        let one = Self.requests(["spotify a": EndpointAnswers(exact: 1)])
        let two = Self.requests(["spotify a": EndpointAnswers(synthesized: 2), "llm b": EndpointAnswers(composed: 1)])
        let sum = one + two
        #expect(sum.byEndpoint["spotify a"] == EndpointAnswers(exact: 1, synthesized: 2))
        #expect(sum.byEndpoint["llm b"] == EndpointAnswers(composed: 1))
    }
}

/// What a stage's figure rests on, and the mark on stages resting mostly on the fit or the models.
@Suite("Request time by source")
struct SourceTimesTests {
    @Test func aStageMostlyFittedIsMarkedInEveryFormat() {
        var run = Fixtures.run()
        run.requests.timeBySource = [
            "orchestration/initial_generation/seed_gathering/anchor_selection": SourceTimes(observed: 1_000_000, fitted: 9_000_000),
            "orchestration/initial_generation/seed_gathering/artist_discovery": SourceTimes(observed: 5_000_000),
            "intent_analysis": SourceTimes(inferred: 1_000_000, modelled: 2_000_000),
        ]
        let weak = run.weakStages
        #expect(weak["orchestration/initial_generation/seed_gathering/anchor_selection"] == .fitted)
        // 9 of 15 s under seed gathering are fitted: the parent is marked too.
        #expect(weak["orchestration/initial_generation/seed_gathering"] == .fitted)
        #expect(weak["orchestration/initial_generation/seed_gathering/artist_discovery"] == nil)
        #expect(weak["intent_analysis"] == .modelled)
        let text = TextReport.render(run)
        #expect(text.contains("anchor_selection: 20.00s (20.0%) ← largest ⚠ mostly fitted"))
        #expect(!text.contains("artist_discovery: 10.00s (10.0%) ⚠"))
        #expect(MarkdownReport.render(run).contains("anchor_selection** ← largest ⚠ mostly fitted"))
        let json = JSONReport.render(run)
        #expect(json.contains("\"orchestration/initial_generation/seed_gathering/anchor_selection\": \"fitted\""))
        #expect(json.contains("\"fitted_seconds\": 9,"))
    }

    @Test func sharesAndStagePaths() {
        let times = SourceTimes(observed: 1, inferred: 1, fitted: 2)
        #expect(times.share(.fitted) == 0.5)
        #expect(times.weakMajority == nil)
        #expect(times.text == "observed 25 %, inferred 25 %, fitted 50 %")
        #expect(SourceTimes.stagePath("workflow/orchestration/final_processing") == "orchestration/final_processing")
        #expect(SourceTimes.stagePath("workflow") == "")
        #expect(Fixtures.run().weakStages.isEmpty)
    }
}
