import Foundation
import Testing

/// The HTML report in a real browser (issue 16 §3): headless Chromium loads the file, the DOM
/// holds the stages and figures, the page logs no error, and a screenshot is kept under `.build/`.
/// `.ci/run` installs Debian's `chromium`; without it the test is skipped, and says so.
@Suite("the HTML report renders in a real browser", .serialized)
struct HTMLBrowserTests {
    static let chromium: String? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        return path.split(separator: ":").map { "\($0)/chromium" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    @Test(.enabled(if: chromium != nil, "chromium not found: apt-get install chromium, or run .ci/run"))
    func theReplayReportRendersWithItsStagesAndNoConsoleError() async throws {
        let browser = URL(fileURLWithPath: try #require(Self.chromium))
        let folder = try PerfbenchCLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let page = folder.appendingPathComponent("nov07.html")
        let made = try await PerfbenchCLI.runAsync(["replay", "Recordings/nov07.jsonl.gz", "--no-db", "--html", page.path])
        #expect(made.status == 0, "\(made.stderr)")
        let flags = ["--headless", "--no-sandbox", "--disable-gpu", "--enable-logging=stderr", "--v=0"]
        let dom = try await PerfbenchCLI.runAsync(flags + ["--dump-dom", page.absoluteString], program: browser)
        #expect(dom.status == 0, "\(dom.stderr.suffix(500))")
        #expect(dom.stdout.contains("<svg class=\"zoomable\""))
        #expect(dom.stdout.contains("anchor_selection 92.28 s"))
        #expect(dom.stdout.contains("workflow 333.40 s"))
        #expect(dom.stdout.contains(">critical path</text>"))
        #expect(!dom.stderr.contains("Uncaught") && !dom.stderr.contains(":CONSOLE:"), "\(dom.stderr.suffix(500))")
        let shots = PerfbenchCLI.packageRoot.appendingPathComponent(".build/html-report")
        try FileManager.default.createDirectory(at: shots, withIntermediateDirectories: true)
        let shot = shots.appendingPathComponent("nov07.png")
        let taken = try await PerfbenchCLI.runAsync(
            flags + ["--screenshot=\(shot.path)", "--window-size=1280,900", page.absoluteString], program: browser)
        #expect(taken.status == 0, "\(taken.stderr.suffix(500))")
        #expect((try? FileManager.default.attributesOfItem(atPath: shot.path)[.size] as? Int) ?? 0 > 10_000)
    }
}
