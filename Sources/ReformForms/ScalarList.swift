/// A small fixed set of scalars for inner loops: its values sorted, searched in order, so a lookup
/// is a few comparisons instead of hashing the scalar (what `Set.contains` does for every call).
struct ScalarList: Sendable {
    private let values: [UInt32]

    init<S: Sequence>(_ scalars: S) where S.Element == Unicode.Scalar {
        values = Set(scalars.map(\.value)).sorted()
    }

    func contains(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        guard let first = values.first, let last = values.last, v >= first, v <= last else { return false }
        for value in values where value >= v { return value == v }
        return false
    }
}
