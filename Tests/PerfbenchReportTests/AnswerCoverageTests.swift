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
