import Foundation
import PerfbenchPipeline
import PerfbenchRecording

/// How an LLM call's time follows its size, pooled over every task of a recording: least squares
/// of latency = fixed + perInputKB · request kB + perOutputKB · answer kB over the recording's
/// own answered calls.
///
/// A task called once shows no size effect of its own. Scaling its recorded time in proportion
/// to the request's size assumed that all of it was reading the prompt; most of an LLM call is
/// writing the answer, which a filter's 20 picked ids keep the same however long the list it
/// reads. The pooled fit separates the two: the four calibrated recordings give 0.135–0.177 s
/// per request kB and 2–9 s per answer kB. guide197 under `guide-immediate` asks its anchor
/// filter with 16.4 kB instead of 27.5 kB: the world took 6.28 s where the recording took
/// 7.24 s; in proportion the replay said 4.31 s, pooled it says 5.50 s.
struct LLMSizeModel: Sendable, Equatable {
    /// Seconds per kilobyte of request body.
    let perInputKB: Double
    /// Seconds per kilobyte of answer content.
    let perOutputKB: Double

    /// The fewest calls the fit needs: three coefficients and two degrees of freedom.
    static let minimumCalls = 5

    /// Fits `calls` (request bytes, answer content bytes, latency); nil with fewer than
    /// ``minimumCalls`` or an unphysical fit (a negative cost per kB).
    init?(calls: [(input: Int, output: Int, latency: Duration)]) {
        guard calls.count >= Self.minimumCalls else { return nil }
        // Normal equations of y = a + b·x1 + c·x2.
        var m = [[Double]](repeating: [0, 0, 0, 0], count: 3)
        for call in calls {
            let row = [1, Double(call.input) / 1000, Double(call.output) / 1000]
            let y = Double(call.latency.microseconds) / 1_000_000
            for i in 0..<3 {
                for j in 0..<3 { m[i][j] += row[i] * row[j] }
                m[i][3] += row[i] * y
            }
        }
        guard let solution = Self.solve(m), solution[1] >= 0, solution[2] >= 0 else { return nil }
        perInputKB = solution[1]
        perOutputKB = solution[2]
    }

    /// Reads the calls of `answers` that perfbench's own client recorded (they carry the request).
    init?(answers: [RecordedAnswer], keys: [RequestKey]) {
        var calls: [(input: Int, output: Int, latency: Duration)] = []
        for (position, answer) in answers.enumerated() where keys[position].service == .llm && answer.isSuccess {
            guard answer.provenance == .observed, let body = answer.requestBody, case .response(let response) = answer.result,
                let content = LLMWire.content(of: response)
            else { continue }
            calls.append((body.utf8.count, content.utf8.count, answer.latency))
        }
        self.init(calls: calls)
    }

    /// The recorded `latency` of a call with `recordedBytes` of request, moved to `bytes`.
    /// Never below a tenth of the recorded time: the fit is a line through the calls it saw.
    func latency(recorded: Duration, recordedBytes: Int, bytes: Int) -> Duration {
        let seconds = Double(recorded.microseconds) / 1_000_000
        let moved = seconds + perInputKB * Double(bytes - recordedBytes) / 1000
        return .secondsRounded(max(moved, seconds / 10))
    }

    /// Gaussian elimination with partial pivoting on a 3 × 4 augmented matrix; nil when singular.
    static func solve(_ matrix: [[Double]]) -> [Double]? {
        var m = matrix
        for column in 0..<3 {
            guard let pivot = (column..<3).max(by: { abs(m[$0][column]) < abs(m[$1][column]) }),
                abs(m[pivot][column]) > 1e-12
            else { return nil }
            m.swapAt(column, pivot)
            for row in 0..<3 where row != column {
                let factor = m[row][column] / m[column][column]
                for k in column..<4 { m[row][k] -= factor * m[column][k] }
            }
        }
        return (0..<3).map { m[$0][3] / m[$0][$0] }
    }
}
