/// Word lists for the catalogue's generated names. Artist names are stored as strings (a few
/// hundred to a few thousand); track and album titles are stored as word indices and rendered when
/// a response needs them, which keeps catalogue construction cheap.
///
/// Names avoid `.` `,` `"` and mood words so that prompts can quote them and the simulated LLM can
/// find them again by exact, case-sensitive match.
enum NameBank {
    static let firstNames = [
        "Ada", "Aiko", "Amara", "Andre", "Ava", "Bea", "Caleb", "Camila", "Cass", "Celeste",
        "Dario", "Dev", "Elena", "Eli", "Emeka", "Esme", "Felix", "Freya", "Gus", "Hana",
        "Ines", "Ivo", "Jada", "Jonah", "Kai", "Kofi", "Lena", "Leon", "Lucia", "Luca",
        "Mara", "Marco", "Mateo", "Mila", "Nadia", "Nico", "Nina", "Noor", "Omar", "Oona",
        "Paz", "Priya", "Quinn", "Rafa", "Remy", "Rosa", "Ruben", "Sade", "Sami", "Selin",
        "Tariq", "Tess", "Theo", "Uma", "Vera", "Wren", "Xavi", "Yara", "Yuki", "Zola",
    ]

    static let lastNames = [
        "Abara", "Alvarez", "Baptiste", "Bello", "Brandt", "Castillo", "Costa", "Dahl", "Delgado",
        "Duarte", "Eze", "Falk", "Fontaine", "Garza", "Haddad", "Hale", "Ito", "Jansen", "Kane",
        "Kovac", "Lindqvist", "Lopes", "Mendes", "Moreau", "Nakamura", "Nilsen", "Novak", "Okafor",
        "Ortega", "Park", "Pereira", "Quintero", "Reyes", "Rossi", "Sato", "Serrano", "Silva",
        "Stone", "Takeda", "Thorne", "Umar", "Varga", "Vance", "Wells", "Weber", "Xu", "Yilmaz",
        "Zamora", "Zhou", "Achterberg", "Blackwood", "Carvalho", "Ferreira", "Holloway", "Iversen",
        "Lachance", "Marlowe", "Okoye", "Rivers", "Sinclair",
    ]

    static let adjectives = [
        "Golden", "Velvet", "Neon", "Silver", "Crimson", "Electric", "Hollow", "Paper", "Wild",
        "Quiet", "Broken", "Lucky", "Midnight", "Northern", "Painted", "Savage", "Secret", "Static",
        "Sunken", "Tender", "Violet", "Wandering", "Young", "Burning", "Cosmic", "Crystal", "Distant",
        "Endless", "Faded", "Frozen", "Glass", "Hidden", "Honey", "Iron", "Last", "Liquid", "Lonely",
        "Lost", "Magic", "Marble", "Mirror", "Modern", "Open", "Pale", "Purple", "Restless", "Royal",
        "Rusty", "Scarlet", "Second", "Shining", "Slow", "Solar", "Sweet", "True", "Twin", "Urban",
        "Vintage", "Western", "Winter",
    ]

    static let nouns = [
        "Owls", "Tides", "Lanterns", "Rivers", "Echoes", "Wolves", "Pilots", "Harbors", "Satellites",
        "Foxes", "Gardens", "Horizons", "Kites", "Lights", "Machines", "Mountains", "Oceans",
        "Palms", "Parades", "Radios", "Shadows", "Signals", "Sparrows", "Streets", "Strangers",
        "Summers", "Thieves", "Towers", "Waves", "Windows", "Atlas", "Bloom", "Canyon", "Comet",
        "Drift", "Ember", "Fever", "Gravity", "Halo", "Island", "Jungle", "Lagoon", "Meadow",
        "Mirage", "Monsoon", "Orbit", "Prism", "Rain", "Riot", "Saints", "Season", "Skyline",
        "Smoke", "Stars", "Storm", "Thunder", "Velocity", "Voyage", "Whisper", "Zenith",
    ]

    static let stageWords = [
        "Lumo", "Kestrel", "Sable", "Onyx", "Solace", "Nova", "Ziggy", "Tavi", "Rook", "Juno",
        "Miro", "Vesper", "Koda", "Lark", "Nyx", "Pax", "Rio", "Sol", "Tiko", "Volt",
    ]

    static let titleWords = [
        "Summer", "Heartbeat", "Paradise", "Gold", "Midnight", "Sunrise", "Dreams", "Fire",
        "Waves", "Love", "Rain", "Highway", "Shadows", "Diamonds", "Honey", "Sugar", "Thunder",
        "Gravity", "Echo", "Horizon", "Tonight", "Forever", "Island", "Starlight", "Motion",
        "Silence", "Ocean", "Velvet", "Roses", "Wildfire", "Daylight", "Memory", "Magic", "Rhythm",
        "Groove", "Sunset", "Lights", "Wonder", "Mirror", "River", "Coast", "City", "Harbor",
        "Carnival", "Fever", "Mango", "Breeze", "Palm", "Moonlight", "Skyline",
    ]

    static let titlePatterns = 6

    /// Renders a title from its stored word indices.
    static func title(pattern: UInt8, first: UInt16, second: UInt16) -> String {
        let adjective = adjectives[Int(first) % adjectives.count]
        let word = titleWords[Int(second) % titleWords.count]
        let other = titleWords[Int(first) % titleWords.count]
        switch pattern {
        case 0: return "\(adjective) \(word)"
        case 1: return word
        case 2: return "\(word) of \(other)"
        case 3: return "The \(adjective) \(word)"
        case 4: return "\(word) in the \(other)"
        default: return "\(adjective) \(word) - Radio Edit"
        }
    }

    /// Writes a title into a response without building a String (the words need no escaping).
    static func writeTitle(pattern: UInt8, first: UInt16, second: UInt16, into json: inout JSONWriter) {
        let adjective = adjectives[Int(first) % adjectives.count]
        let word = titleWords[Int(second) % titleWords.count]
        let other = titleWords[Int(first) % titleWords.count]
        json.openString()
        switch pattern {
        case 0:
            json.appendPlain(adjective)
            json.appendPlain(" ")
            json.appendPlain(word)
        case 1:
            json.appendPlain(word)
        case 2:
            json.appendPlain(word)
            json.appendPlain(" of ")
            json.appendPlain(other)
        case 3:
            json.appendPlain("The ")
            json.appendPlain(adjective)
            json.appendPlain(" ")
            json.appendPlain(word)
        case 4:
            json.appendPlain(word)
            json.appendPlain(" in the ")
            json.appendPlain(other)
        default:
            json.appendPlain(adjective)
            json.appendPlain(" ")
            json.appendPlain(word)
            json.appendPlain(" - Radio Edit")
        }
        json.closeString()
    }

    /// Renders an album title from its stored word indices.
    static func albumTitle(pattern: UInt8, first: UInt16, second: UInt16) -> String {
        let adjective = adjectives[Int(first) % adjectives.count]
        let noun = nouns[Int(second) % nouns.count]
        switch pattern % 3 {
        case 0: return "\(adjective) \(noun)"
        case 1: return noun
        default: return "Songs from the \(adjective) \(noun)"
        }
    }

    /// Writes an album title into a response without building a String.
    static func writeAlbumTitle(pattern: UInt8, first: UInt16, second: UInt16, into json: inout JSONWriter) {
        let adjective = adjectives[Int(first) % adjectives.count]
        let noun = nouns[Int(second) % nouns.count]
        json.openString()
        switch pattern % 3 {
        case 0:
            json.appendPlain(adjective)
            json.appendPlain(" ")
            json.appendPlain(noun)
        case 1:
            json.appendPlain(noun)
        default:
            json.appendPlain("Songs from the ")
            json.appendPlain(adjective)
            json.appendPlain(" ")
            json.appendPlain(noun)
        }
        json.closeString()
    }
}
