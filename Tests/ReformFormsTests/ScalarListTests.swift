import Testing
@testable import ReformForms

/// A `ScalarList` holds what the set it stands for holds, no more: every scalar asked of the lists
/// the normalizer, the label keys and the target grammar use, and of lists at the ends of the range.
@Suite struct ScalarListTests {
    @Test func aListHoldsExactlyItsScalars() {
        let lists: [[Unicode.Scalar]] = [
            ["\u{200B}", "\u{200C}", "\u{200D}", "\u{2060}", "\u{FEFF}", "\u{00AD}"],
            Array(ScanText.lineArtifacts.flatMap(\.unicodeScalars)),
            ["(", "（"], [")", "）"],
            ["\u{0}", "\u{10FFFF}", "a", "a"], ["x"], [],
        ]
        for scalars in lists {
            let list = ScalarList(scalars), set = Set(scalars)
            for value in UInt32(0)...0x10FFFF {
                guard let scalar = Unicode.Scalar(value) else { continue }
                if list.contains(scalar) != set.contains(scalar) {
                    Issue.record("U+\(String(value, radix: 16)) in \(scalars)")
                    break
                }
            }
        }
        #expect(TextNormalizer.invisible.contains("\u{FEFF}") && !TextNormalizer.invisible.contains("a"))
    }
}
