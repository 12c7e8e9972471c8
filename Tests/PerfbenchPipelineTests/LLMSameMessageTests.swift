import PerfbenchRuntime
import Testing

@testable import PerfbenchPipeline

/// Telling that two LLM inputs write the same user message without writing them is never wrong
/// when it says yes, and says yes for a copy.
@Suite("LLM inputs that write the same message")
struct LLMSameMessageTests {
    /// Inputs with every member, varied by seed.
    static func input(_ random: inout SplitMix64, trackCount: Int) -> LLMRequestInput {
        func number() -> Double { Double(random.next() % 1_000) / 999 }
        func features() -> [String: Double] {
            Dictionary(uniqueKeysWithValues: AudioFeatures.names.prefix(1 + Int(random.next() % 9)).map { ($0, number()) })
        }
        let tracks = (0..<trackCount).map { position in
            LLMTrackInput(
                id: "t\(random.next() % 50)", name: "Song \(position) é", artist: "Artist \(random.next() % 5)",
                features: random.next() % 4 == 0 ? nil : features())
        }
        let artists = random.next() % 2 == 0
            ? nil : [LLMArtistInput(id: "a1", name: "Ünïcode", genres: (0..<Int(random.next() % 3)).map { "g\($0)" })]
        return LLMRequestInput(
            prompt: "rainy day \(random.next() % 3)", tracks: random.next() % 5 == 0 ? nil : tracks, artists: artists,
            count: random.next() % 2 == 0 ? nil : Int(random.next() % 20), quality: random.next() % 2 == 0 ? nil : features())
    }

    /// Small changes that may or may not change the message.
    static func variants(of input: LLMRequestInput, _ random: inout SplitMix64) -> [LLMRequestInput] {
        var variants: [LLMRequestInput] = [input]
        var changed = input
        changed.prompt += " "
        variants.append(changed)
        changed = input
        changed.count = (input.count ?? 0) + 1
        variants.append(changed)
        if var tracks = input.tracks, !tracks.isEmpty {
            let position = Int(random.next() % UInt64(tracks.count))
            tracks[position].features = tracks[position].features.map { features in
                // The same entries, inserted in another order: the same message.
                Dictionary(uniqueKeysWithValues: features.sorted { $0.key > $1.key })
            }
            changed = input
            changed.tracks = tracks
            variants.append(changed)
            tracks[position].features?["energy"] = -0.0
            changed.tracks = tracks
            variants.append(changed)
            tracks[position].name = "Song \(position) e\u{301}"  // canonically equal to "é", other bytes
            changed.tracks = tracks
            variants.append(changed)
            changed.tracks = Array(tracks.dropLast())
            variants.append(changed)
        }
        if var quality = input.quality, let name = quality.keys.sorted().first {
            quality[name] = -(quality[name] ?? 0) * 0
            changed = input
            changed.quality = quality
            variants.append(changed)
        }
        changed = input
        changed.artists = input.artists.map { $0.map { LLMArtistInput(id: $0.id, name: $0.name, genres: $0.genres + ["x"]) } }
        variants.append(changed)
        return variants
    }

    @Test func aYesAlwaysMeansTheSameBytes() {
        var random = SplitMix64(seed: 41)
        var yes = 0
        var no = 0
        for round in 0..<400 {
            let input = Self.input(&random, trackCount: round % 12)
            let variants = Self.variants(of: input, &random)
            for first in variants {
                for second in variants {
                    let same = LLMBodyParts.userMessage(first) == LLMBodyParts.userMessage(second)
                    if first.writesSameMessage(as: second) {
                        yes += 1
                        #expect(same, "said the same but the messages differ: \(first) / \(second)")
                    } else {
                        no += 1
                    }
                }
            }
        }
        // Both answers are exercised.
        #expect(yes > 1_000 && no > 1_000)
    }

    @Test func aCopySaysYes() {
        var random = SplitMix64(seed: 43)
        for round in 0..<200 {
            let input = Self.input(&random, trackCount: round % 30)
            let copy = input
            #expect(input.writesSameMessage(as: copy))
            // Rebuilt from the same strings and maps, as the pipeline builds each call anew.
            let rebuilt = LLMRequestInput(
                prompt: input.prompt, tracks: input.tracks.map { $0.map { $0 } }, artists: input.artists,
                count: input.count, quality: input.quality)
            #expect(input.writesSameMessage(as: rebuilt))
        }
    }

    @Test func whatEqualsSaysIsNotEnough() {
        let composed = LLMRequestInput(prompt: "caf\u{E9}")
        let decomposed = LLMRequestInput(prompt: "cafe\u{301}")
        #expect(composed == decomposed)
        #expect(LLMBodyParts.userMessage(composed) != LLMBodyParts.userMessage(decomposed))
        #expect(!composed.writesSameMessage(as: decomposed))
        // Numbers compare by their bits: 0 and −0 are told apart (the writer happens to write
        // both as `0`: a "no" that is merely cautious).
        let zero = LLMRequestInput(prompt: "p", quality: ["overall": 0.0])
        let negativeZero = LLMRequestInput(prompt: "p", quality: ["overall": -0.0])
        #expect(zero == negativeZero)
        #expect(!zero.writesSameMessage(as: negativeZero))
    }
}
