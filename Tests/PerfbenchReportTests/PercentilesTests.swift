import Testing

@testable import PerfbenchReport

@Suite("Percentiles")
struct PercentilesTests {
    @Test func nearestRankOverOneToTwenty() {
        let values = (1...20).map(Double.init)
        #expect(Percentiles.nearestRank(50, of: values) == 10)
        #expect(Percentiles.nearestRank(95, of: values) == 19)
        #expect(Percentiles.nearestRank(99, of: values) == 20)
        #expect(Percentiles.nearestRank(100, of: values) == 20)
        #expect(Percentiles.nearestRank(0, of: values) == 1)
    }

    @Test func nearestRankIgnoresInputOrderAndPicksAnElement() {
        let values: [Double] = [15, 20, 35, 40, 50]
        #expect(Percentiles.nearestRank(30, of: values.reversed()) == 20)
        #expect(Percentiles.nearestRank(40, of: values) == 20)
        #expect(Percentiles.nearestRank(50, of: values) == 35)
        #expect(Percentiles.nearestRank(100, of: values) == 50)
    }

    @Test func emptyListHasNoPercentile() {
        #expect(Percentiles.nearestRank(50, of: [Double]()) == nil)
        #expect(PercentileSummary([]) == PercentileSummary(p50: 0, p95: 0, p99: 0, count: 0))
    }

    @Test func singleValueIsEveryPercentile() {
        #expect(PercentileSummary([4.5]) == PercentileSummary(p50: 4.5, p95: 4.5, p99: 4.5, count: 1))
    }

    @Test(arguments: [(1, 1), (19, 19), (20, 19), (100, 95), (101, 96)])
    func p95RankIsTheCeilingOfNinetyFivePercent(count: Int, expectedRank: Int) {
        #expect(Percentiles.rank(95, count: count) == expectedRank)
    }
}
