import PerfbenchRuntime
import Testing

@testable import PerfbenchPipeline
@testable import PerfbenchRecording

/// A request carries its LLM call as values and writes the body only when read.
@Suite("LLMCall")
struct LLMCallTests {
    /// What a parser reads back from a written number is what `readBack` says.
    @Test func readBackIsWhatAParserReadsFromTheWrittenNumber() throws {
        var random = SplitMix64(seed: 11)
        let edges: [Double] = [0, -0.0, 0.00004, -0.00005, 0.00005, 12.34565, 1e15, -1e14, .nan, .infinity, 0.1 + 0.2]
        let values = edges + (0..<2_000).map { _ in (Double(random.next() % 20_000_001) - 10_000_000) / Double(1 + random.next() % 100_000) }
        for value in values {
            let parsed = try JSONValue.parse("[\(JSONText.number(value))]").arrayValue?.first?.doubleValue
            #expect(parsed == JSONText.readBack(value), "\(value)")
        }
    }

    /// A request made from a call renders its body on read, and a body set later replaces the call.
    @Test func aRequestRendersItsCallsBodyOnRead() {
        let call = LLMCall(task: .moodAnalysis, input: LLMRequestInput(prompt: "rainy day"))
        var request = HTTPRequest(service: .llm, method: "POST", path: LLMWire.path, llmCall: call, tool: "llm")
        #expect(request.body == call.body)
        #expect(request.hasBody)
        request.body = "{}"
        #expect(request.llmCall == nil)
        #expect(request.body == "{}")
    }
}
