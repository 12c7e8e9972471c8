/// A run's figures by name (requests per endpoint, time per stage, extra counters): a
/// dictionary while the run is filled in, packed into shared sorted names and one array of
/// values once a corpus holds the run (``RunResult/interned``).
///
/// Why: a dictionary keeps a quarter or more of its buckets empty, and one of 25 entries takes 64
/// buckets. Heaptrack on a 500-recording diff found the three maps of every held run at 4.2 KB of
/// the run's 6.2 KB; packed, the values alone remain per run (the names are one array shared by
/// every run with the same names).
///
/// Readers and writers see a plain `[String: Value]` through ``dictionary``; reading a packed
/// map builds the dictionary (a report reads a held run's maps once or twice), writing unpacks it.
struct NamedFigures<Value: Sendable & Hashable & Codable>: Sendable {
    private enum Form: Sendable {
        case dictionary([String: Value])
        /// `names` sorted, no duplicates; `values[i]` is the figure of `names[i]`.
        case packed(names: [String], values: ContiguousArray<Value>)
    }

    private var form: Form

    init(_ dictionary: [String: Value] = [:]) {
        form = .dictionary(dictionary)
    }

    /// The figures as a dictionary; modified in place while unpacked.
    var dictionary: [String: Value] {
        get {
            switch form {
            case .dictionary(let dictionary): return dictionary
            case .packed(let names, let values):
                var dictionary = [String: Value](minimumCapacity: names.count)
                for (name, value) in zip(names, values) { dictionary[name] = value }
                return dictionary
            }
        }
        _modify {
            // Moved out so the caller's write finds it uniquely referenced.
            var dictionary = self.dictionary
            form = .dictionary([:])
            defer { form = .dictionary(dictionary) }
            yield &dictionary
        }
        set { form = .dictionary(newValue) }
    }

    /// The figure of `name`, without building the dictionary of a packed map.
    func value(for name: String) -> Value? {
        switch form {
        case .dictionary(let dictionary): return dictionary[name]
        case .packed(let names, let values):
            var (low, high) = (0, names.count)
            while low < high {
                let middle = (low + high) / 2
                if names[middle] < name { low = middle + 1 } else { high = middle }
            }
            return low < names.count && names[low] == name ? values[low] : nil
        }
    }

    /// The names, in no particular order.
    var names: [String] {
        switch form {
        case .dictionary(let dictionary): return Array(dictionary.keys)
        case .packed(let names, _): return names
        }
    }

    /// Whether there are no figures.
    var isEmpty: Bool {
        switch form {
        case .dictionary(let dictionary): return dictionary.isEmpty
        case .packed(let names, _): return names.isEmpty
        }
    }

    /// The same figures packed, the sorted names passed through `share` (which returns an equal
    /// array, possibly one other runs already hold).
    func packed(sharingNames share: ([String]) -> [String]) -> NamedFigures {
        guard case .dictionary(let dictionary) = form else { return self }
        let sorted = dictionary.sorted { $0.key < $1.key }
        var packed = self
        packed.form = .packed(names: share(sorted.map(\.key)), values: ContiguousArray(sorted.map(\.value)))
        return packed
    }
}

extension NamedFigures: Equatable {
    static func == (lhs: NamedFigures, rhs: NamedFigures) -> Bool {
        if case .packed(let leftNames, let leftValues) = lhs.form, case .packed(let rightNames, let rightValues) = rhs.form {
            return leftNames == rightNames && leftValues == rightValues
        }
        return lhs.dictionary == rhs.dictionary
    }
}

extension NamedFigures: Hashable {
    func hash(into hasher: inout Hasher) {
        hasher.combine(dictionary)
    }
}

extension NamedFigures: Codable {
    /// Written and read as the dictionary it stands for.
    init(from decoder: any Decoder) throws {
        self.init(try decoder.singleValueContainer().decode([String: Value].self))
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(dictionary)
    }
}
