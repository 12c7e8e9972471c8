import PerfbenchRecording
import PerfbenchRuntime
import Testing

@testable import PerfbenchPipeline

/// A run's per-service counters read and compare as the dictionaries they stand for.
@Suite("Per-service tallies")
struct ServiceTallyTests {
    /// Every subset of services with values including zero and negatives.
    static func dictionaries() -> [[Service: Int]] {
        var random = SplitMix64(seed: 5)
        return (0..<200).map { _ in
            var dictionary: [Service: Int] = [:]
            for service in Service.allCases where random.next() % 2 == 0 {
                dictionary[service] = Int(random.next() % 7) - 2
            }
            return dictionary
        }
    }

    @Test func aTallyReadsBackAsItsDictionary() {
        for dictionary in Self.dictionaries() {
            let tally = ServiceTally(dictionary)
            #expect(tally.dictionary == dictionary)
            for service in Service.allCases { #expect(tally[service] == dictionary[service]) }
        }
    }

    @Test func countersCompareAsTheirDictionaries() {
        let dictionaries = Self.dictionaries()
        for (first, second) in zip(dictionaries, dictionaries.dropFirst()) {
            var a = RunCounters()
            var b = RunCounters()
            a.requestsByService = first
            b.requestsByService = second
            a.peakInFlight = second
            b.peakInFlight = second
            #expect((a == b) == (first == second))
            #expect(a.totalRequests == first.values.reduce(0, +))
            if first == second { #expect(a.hashValue == b.hashValue) }
        }
    }

    @Test func exchangesAreCountedPerService() {
        var counters = RunCounters()
        counters.note(.spotify, outcome: .ok, status: 200)
        counters.note(.spotify, outcome: .timeout, status: nil)
        counters.note(.llm, outcome: .ok, status: 500)
        counters.notePeak(.spotify, 3)
        counters.notePeak(.spotify, 2)
        counters.notePeak(.reccobeats, 1)
        #expect(counters.requestsByService == [.spotify: 2, .llm: 1])
        #expect(counters.peakInFlight == [.spotify: 3, .reccobeats: 1])
        #expect(counters.totalRequests == 3 && counters.timeouts == 1 && counters.errors == 1)
    }
}
