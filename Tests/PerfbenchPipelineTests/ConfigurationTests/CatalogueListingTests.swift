import Foundation
import Testing

@testable import PerfbenchPipeline

/// `perfbench phases` and `perfbench presets` output: complete, aligned, byte-stable.
@Suite("Catalogue listings")
struct CatalogueListingTests {
    @Test func phaseTextListsEveryToggleInAlignedColumns() {
        let text = PhaseListing.text()
        #expect(text == PhaseListing.text())
        let rows = text.split(separator: "\n").filter { line in PhaseID.allCases.contains { line.hasPrefix($0.rawValue + " ") } }
        #expect(rows.count == 39)
        let header = text.split(separator: "\n")[0]
        let sectionColumn = try? #require(header.range(of: "SECTION")).lowerBound.utf16Offset(in: header)
        for row in rows {
            // Every row's section starts under the SECTION header.
            let offset = row.index(row.startIndex, offsetBy: sectionColumn ?? 0)
            #expect(row[offset] != " " && row[row.index(before: offset)] == " ")
        }
        #expect(text.contains("parallel-artists           plan 0.2          off       12           8"))
    }

    @Test func phaseJSONHasTheSchemaSortedKeysAndNulls() throws {
        let text = try PhaseListing.json()
        #expect(try PhaseListing.json() == text)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(object["schema"] as? String == "perfbench.phases/1")
        let phases = try #require(object["phases"] as? [[String: Any]])
        #expect(phases.count == 39)
        let semaphore = try #require(phases.first { $0["id"] as? String == "reccobeats-semaphore" })
        #expect(semaphore["doc"] is NSNull)
        #expect(semaphore["shipped"] as? String == "15")
        let kind = try #require(semaphore["kind"] as? [String: Any])
        #expect(kind["type"] as? String == "integer" && kind["min"] as? Int == 1 && kind["max"] as? Int == 64)
        #expect(text.contains("\"baseline\" : \"6\",\n      \"doc\" : null,"))
    }

    @Test func presetListingsShowWhatEachSets() throws {
        let text = try PresetListing.text()
        #expect(text == (try PresetListing.text()))
        #expect(text.contains("guide-immediate     -                   guide 1.1, 1.2, 1.3"))
        #expect(text.contains("    sets: anchor-artist-limit=5, anchor-genre-limit=4, discovery-artist-limit=20/30/10,"))
        let json = try PresetListing.json()
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["schema"] as? String == "perfbench.presets/1")
        let presets = try #require(object["presets"] as? [[String: Any]])
        #expect(presets.map { $0["name"] as? String } == Preset.all.map(\.name))
        let critical = try #require(presets.first { $0["name"] as? String == "plan-critical-path" })
        #expect((critical["phases"] as? [String: String])?["parallel-artists"] == "12")
        #expect(critical["based_on"] is NSNull)
    }
}
