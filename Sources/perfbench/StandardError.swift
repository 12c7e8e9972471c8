import Foundation

/// Writes one line to standard error (progress and timings, never results).
func printToStandardError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}
