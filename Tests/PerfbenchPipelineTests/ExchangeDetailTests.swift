import PerfbenchPipeline
import PerfbenchRecording
import Testing

/// A session keeps as much of each exchange as its ``ExchangeDetail`` says, and nothing the
/// workflow does depends on it.
@Suite struct ExchangeDetailTests {
    static func exchanges(_ detail: ExchangeDetail) throws -> (WorkflowResult, [Exchange]) {
        let outcome = try WorkflowHarness.run(detail: detail)
        let exchanges = outcome.result.events.compactMap { event -> Exchange? in
            if case .exchange(let exchange) = event { return exchange }
            return nil
        }
        return (outcome.result, exchanges)
    }

    @Test func everythingKeepsURLsHeadersAndBodies() throws {
        let (_, exchanges) = try Self.exchanges(.everything)
        #expect(!exchanges.isEmpty)
        #expect(exchanges.allSatisfy { $0.url.hasPrefix("http") && $0.responseBody != nil })
        #expect(exchanges.contains { $0.service == .llm && $0.requestBody != nil && !$0.requestHeaders.isEmpty })
    }

    @Test func lessDetailDropsOnlyWhatItNames() throws {
        let (full, everything) = try Self.exchanges(.everything)
        for detail in [ExchangeDetail.url, .timing] {
            let (result, exchanges) = try Self.exchanges(detail)
            #expect(result.total == full.total)
            #expect(result.stages == full.stages)
            #expect(exchanges.count == everything.count)
            for (kept, whole) in zip(exchanges, everything) {
                #expect(kept.url == (detail == .url ? whole.url : ""))
                #expect(kept.requestBody == nil && kept.responseBody == nil)
                #expect(kept.requestHeaders.isEmpty && kept.responseHeaders.isEmpty)
                #expect(kept.id == whole.id && kept.startMicros == whole.startMicros)
                #expect(kept.durationMicros == whole.durationMicros && kept.status == whole.status)
                #expect(kept.tool == whole.tool && kept.stage == whole.stage && kept.method == whole.method)
                #expect(kept.service == whole.service && kept.outcome == whole.outcome)
            }
        }
    }
}
