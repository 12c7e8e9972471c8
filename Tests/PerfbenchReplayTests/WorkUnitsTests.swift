import Testing

@testable import PerfbenchReplay

/// How a replay matrix's cells are handed to the workers (``ReplayRunner/workUnits(rows:columns:jobs:)``).
@Suite struct WorkUnitsTests {
    static let shapes: [(rows: Int, columns: Int, jobs: Int)] = [
        (1, 1, 1), (1, 40, 2), (3, 3, 2), (7, 2, 2), (8, 2, 2), (64, 1, 2), (5, 4, 3), (100, 2, 4), (0, 2, 2),
    ]

    @Test(arguments: shapes) func everyCellIsTakenExactlyOnce(shape: (rows: Int, columns: Int, jobs: Int)) {
        let cells = ReplayRunner.workUnits(rows: shape.rows, columns: shape.columns, jobs: shape.jobs).flatMap { $0 }
        #expect(cells.count == shape.rows * shape.columns)
        let keys = Set(cells.map { $0.row * shape.columns + $0.column })
        #expect(keys == Set(0..<(shape.rows * shape.columns)))
    }

    @Test func withManyRecordingsPerWorkerEachRecordingIsOneWorkersUnit() {
        let units = ReplayRunner.workUnits(rows: 8, columns: 3, jobs: 2)
        #expect(units.count == 8)
        for (row, unit) in units.enumerated() {
            #expect(unit.map(\.row) == [row, row, row])
            #expect(unit.map(\.column) == [0, 1, 2])
        }
    }

    @Test func withFewRecordingsEachWorkerStartsOnARecordingOfItsOwn() {
        let units = ReplayRunner.workUnits(rows: 3, columns: 2, jobs: 2)
        #expect(units.allSatisfy { $0.count == 1 })
        let order = units.map { "\($0[0].row)/\($0[0].column)" }
        #expect(order == ["0/0", "1/0", "0/1", "1/1", "2/0", "2/1"])
    }

    @Test func oneJobTakesRecordingByRecording() {
        let units = ReplayRunner.workUnits(rows: 2, columns: 2, jobs: 1)
        #expect(units.map { $0.map(\.row) } == [[0, 0], [1, 1]])
    }
}
