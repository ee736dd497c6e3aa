import Foundation
import ReformPDF
import Testing

/// A glyph's font is an interned name: glyphs stay plain memory, and names come back as given.
@Suite struct FontNameTests {
    @Test func namesComeBackAndEqualNamesAreEqual() {
        let long = "BCDEEE+STSongStd-Light-Acro-UniGB-UCS2-H"
        #expect(FontName(long).name == long)
        #expect(FontName(long) == FontName(String(long.reversed().reversed())))
        #expect(FontName(long) != FontName("BCDEEE+STSongStd-Light"))
        #expect(FontName("").name == "")
        var g = Glyph(scalar: "字", box: Rect(left: 0, top: 0, right: 10, bottom: 10), fontName: "SimSun", fontSize: 10)
        #expect(g.fontName == "SimSun")
        g.fontName = long
        #expect(g.fontName == long)
        #expect(g == Glyph(scalar: "字", box: g.box, fontName: long, fontSize: 10))
    }

    /// Layout copies and sorts arrays of glyphs: they must hold no reference to count.
    @Test func aGlyphIsPlainMemory() {
        #expect(_isPOD(Glyph.self))
        #expect(MemoryLayout<Glyph>.size <= 48)
    }

    /// Lanes read pages on their own threads: a name interned on several at once is one number.
    @Test func namesInternedOnManyThreadsAgree() async {
        let names = (0..<200).map { "Font-\($0 % 50)-\(String(repeating: "x", count: $0 % 7))" }
        let ids = await withTaskGroup(of: [FontName].self) { group in
            for _ in 0..<8 { group.addTask { names.map(FontName.init) } }
            var all: [[FontName]] = []
            for await ids in group { all.append(ids) }
            return all
        }
        for run in ids { #expect(run == ids[0]) }
        #expect(ids[0].map(\.name) == names)
        #expect(Set(ids[0]).count == Set(names).count)
    }
}
