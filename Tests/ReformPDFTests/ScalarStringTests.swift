import ReformTestSupport
import Testing
@testable import ReformPDF

@Suite("String(scalars:)")
struct ScalarStringTests {
    /// The same string as the standard library's view makes of the same scalars, for arrays, slices
    /// and lazy sequences, over ASCII, CJK, combining marks and scalars beyond the BMP.
    @Test func equalsTheStandardLibrarysString() {
        var random = SplitMix(seed: 7)
        let pool: [Unicode.Scalar] = ["a", "Z", "0", " ", "\n", "年", "度", "（", "％", "\u{301}", "\u{FE0F}", "😀", "\u{20000}", "\u{3000}", "\u{FF10}"]
        for _ in 0..<500 {
            let scalars = (0..<Int.random(in: 0...20, using: &random)).map { _ in pool.randomElement(using: &random)! }
            let cut = Int.random(in: 0...scalars.count, using: &random)
            #expect(String(scalars: scalars) == String(String.UnicodeScalarView(scalars)))
            #expect(String(scalars: scalars[cut...]) == String(String.UnicodeScalarView(scalars[cut...])))
            #expect(String(scalars: scalars.lazy.filter { $0 != " " }) == String(String.UnicodeScalarView(scalars.filter { $0 != " " })))
            #expect(String(scalars: scalars).unicodeScalars.elementsEqual(scalars))
        }
    }
}
