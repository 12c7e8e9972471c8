/// A value kept in one shared box and copied on write, for structs with many reference-counted
/// fields that the pipeline copies all the time (``Track``, ``HTTPRequest``): a copy of the
/// holder retains the box, one reference, where the fields inline retained each of theirs.
///
/// Written only through ``value``'s modify accessor, which first copies the box unless this
/// holder has the only reference: no two holders ever see each other's writes, which is what
/// makes sharing the box across tasks safe. Reads project the field asked for out of the box
/// without copying the whole value.
struct CopyOnWriteBox<Value: Sendable & Hashable>: @unchecked Sendable, Hashable {
    private final class Storage {
        var value: Value

        init(_ value: Value) {
            self.value = value
        }
    }

    private var storage: Storage

    init(_ value: Value) {
        storage = Storage(value)
    }

    var value: Value {
        _read { yield storage.value }
        _modify {
            if !isKnownUniquelyReferenced(&storage) { storage = Storage(storage.value) }
            yield &storage.value
        }
    }

    static func == (lhs: CopyOnWriteBox, rhs: CopyOnWriteBox) -> Bool {
        lhs.storage === rhs.storage || lhs.storage.value == rhs.storage.value
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(storage.value)
    }
}
