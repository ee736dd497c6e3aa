@testable import ReformLayout
import ReformPDF
import Testing

@Suite struct GlyphCentersTests {
    /// Whatever the boxes (edges on glyph centres included), the index answers what a filter over
    /// every glyph answers, in the same order.
    @Test func answersWhatTheFilterAnswers() {
        var generator = SystemRandomNumberGenerator()
        // centres on a coarse lattice, so that many lie exactly on box edges
        let glyphs = (0..<600).map { i -> Glyph in
            let x = Double(Int.random(in: 0...40, using: &generator)) * 5, y = Double(Int.random(in: 0...40, using: &generator)) * 5
            return Glyph(scalar: i % 7 == 0 ? " " : "字", box: Rect(left: x - 2, top: y - 3, right: x + 2, bottom: y + 3), fontName: "F", fontSize: 6)
        }
        let centers = GlyphCenters(glyphs)
        for _ in 0..<300 {
            let left = Double(Int.random(in: 0...40, using: &generator)) * 5, top = Double(Int.random(in: 0...40, using: &generator)) * 5
            let box = Rect(left: left, top: top, right: left + Double(Int.random(in: 0...12, using: &generator)) * 5,
                           bottom: top + Double(Int.random(in: 0...12, using: &generator)) * 5)
            #expect(centers.inside(box) == glyphs.filter { box.contains($0.box.center) })
            #expect(centers.inside(box) { !$0.isWhitespace } == glyphs.filter { !$0.isWhitespace && box.contains($0.box.center) })
        }
        #expect(GlyphCenters([]).inside(Rect(left: 0, top: 0, right: 10, bottom: 10)).isEmpty)
    }
}
