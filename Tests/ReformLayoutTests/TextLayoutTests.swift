import Foundation
@testable import ReformLayout
import ReformPDF
import ReformTestSupport
import Testing

@Suite struct TextLayoutTests {
    static func page(_ file: String, _ n: Int = 1) throws -> PageContent {
        PageExtractor().extract(try PDFDocument(path: Fixtures.path(file)).page(n))
    }

    @Test(arguments: ["ruled-cjk.pdf", "hairline.pdf", "rotated.pdf", "two-pages.pdf"])
    func wordsStayInsideTheirCells(file: String) throws {
        let truth = Fixtures.fixture(file).per_page!
        for (i, pageTruth) in truth.enumerated() {
            let content = try Self.page(file, i + 1)
            let words = TextLayout().words(glyphs: content.glyphs, rulings: content.rulings)
            for cell in pageTruth.cells ?? [] where !cell.text.isEmpty {
                let box = Rect(left: cell.x0, top: cell.y0, right: cell.x1, bottom: cell.y1)
                // No word straddles this cell's border.
                for w in words where w.box.intersects(box.insetBy(-1)) {
                    #expect(box.insetBy(1).contains(w.box.center), "\(file): word '\(w.text)' straddles cell '\(cell.text)'")
                }
                let inside = words.filter { box.contains($0.box.center) }
                let text = inside.map(\.text).joined()
                #expect(text.filter { !$0.isWhitespace } == cell.text.filter { !$0.isWhitespace && $0 != "\n" } || cell.vertical,
                        "\(file): cell '\(cell.text)' read as '\(text)'")
            }
        }
    }

    /// Words gather their text as UTF-8 (`TextLayout.appendUTF8`): every scalar at the edges of the
    /// one- to four-byte forms, and a sample through the planes, encodes as Swift's own UTF-8 does.
    @Test func wordTextIsUTF8AsSwiftEncodesIt() {
        var values: [UInt32] = [0, 0x41, 0x7F, 0x80, 0xE9, 0x7FF, 0x800, 0x3000, 0x4E2D, 0xD7FF, 0xE000, 0xFF05, 0xFFFF,
                                0x10000, 0x20000, 0x10FFFF]
        values += stride(from: 0, through: 0x10FFFF, by: 977).map { UInt32($0) }
        for value in values {
            guard let scalar = Unicode.Scalar(value) else { continue }
            var bytes: [UInt8] = []
            TextLayout.appendUTF8(scalar, to: &bytes)
            #expect(bytes == Array(String(scalar).utf8), "U+\(String(value, radix: 16))")
        }
    }

    @Test func linesAreTopToBottomAndWordsLeftToRight() throws {
        let content = try Self.page("ruled-cjk.pdf")
        let lines = TextLayout().lines(glyphs: content.glyphs, rulings: content.rulings)
        #expect(lines.count > 10)
        for (a, b) in zip(lines, lines.dropFirst()) { #expect(a.box.midY <= b.box.midY) }
        for line in lines {
            for (a, b) in zip(line.words, line.words.dropFirst()) { #expect(a.box.right <= b.box.left + 0.5) }
        }
    }

    @Test func aRulingSplitsWordsThatTouch() {
        func glyph(_ c: Unicode.Scalar, _ x: Double) -> Glyph {
            Glyph(scalar: c, box: Rect(left: x, top: 100, right: x + 10, bottom: 110), fontName: "F", fontSize: 10)
        }
        let glyphs = [glyph("甲", 0), glyph("乙", 10), glyph("丙", 20), glyph("丁", 30)]
        let wall = Ruling(orientation: .vertical, start: Point(x: 20, y: 95), end: Point(x: 20, y: 115), thickness: 0.5)
        #expect(TextLayout().words(glyphs: glyphs).map(\.text) == ["甲乙丙丁"])
        #expect(TextLayout().words(glyphs: glyphs, rulings: [wall]).map(\.text) == ["甲乙", "丙丁"])
    }

    @Test func latinWordsSplitAtSpaces() {
        var glyphs: [Glyph] = []
        var x = 0.0
        for c in "ab cd".unicodeScalars {
            if c != " " { glyphs.append(Glyph(scalar: c, box: Rect(left: x, top: 0, right: x + 5, bottom: 10), fontName: "F", fontSize: 10)) }
            x += c == " " ? 3 : 5
        }
        #expect(TextLayout().words(glyphs: glyphs).map(\.text) == ["ab", "cd"])
    }

    /// Row bands as every glyph against every band and every glyph of it: the reading `bands`
    /// must give, however it narrows the search.
    static func plainBands(_ glyphs: [Glyph], _ settings: TextLayoutSettings) -> [[Glyph]] {
        var members: [[Glyph]] = []
        func center(_ band: [Glyph]) -> Double { band.map(\.box.midY).reduce(0, +) / Double(band.count) }
        func height(_ band: [Glyph]) -> Double { band.map(\.box.height).reduce(0, +) / Double(band.count) }
        for g in glyphs.sorted(by: { ($0.box.top, $0.box.left) < ($1.box.top, $1.box.left) }) {
            var best = -1, bestDistance = Double.infinity
            for i in members.indices.reversed() {
                let band = members[i]
                if band.map(\.box.bottom).max()! < g.box.top { continue }
                let distance = abs(center(band) - g.box.midY)
                if distance <= settings.lineOverlap * min(height(band), g.box.height) && distance < bestDistance
                    && !band.contains(where: {
                        $0.box.horizontalOverlap(g.box) > settings.stackedOverlap * min($0.box.width, g.box.width)
                            && abs($0.box.midY - g.box.midY) > settings.stackedShift * min($0.box.height, g.box.height)
                    }) {
                    best = i
                    bestDistance = distance
                }
            }
            if best >= 0 { members[best].append(g) } else { members.append([g]) }
        }
        return members.indices.sorted { center(members[$0]) < center(members[$1]) }.map { members[$0] }
    }

    /// Random pages of lines that jitter, touch, overlap, stack tall boxes and hold boxes of no or
    /// negative width: `bands` reads them as the plain search does.
    @Test func bandsAreThoseOfThePlainSearch() {
        var generator = SplitMix(seed: 0xBA4D5)
        let settings = TextLayoutSettings()
        for page in 0..<400 {
            var glyphs: [Glyph] = []
            var y = 0.0
            for _ in 0..<Int.random(in: 1...6, using: &generator) {
                let size = Double.random(in: 4...14, using: &generator)
                var x = Double.random(in: 0...40, using: &generator)
                for _ in 0..<Int.random(in: 1...12, using: &generator) {
                    let top = y + Double.random(in: -0.6...0.6, using: &generator) * size
                    let width = [size, size * 0.5, 0, -size * 0.3].randomElement(using: &generator)!
                    let height = size * Double.random(in: 0.5...2.2, using: &generator)
                    glyphs.append(Glyph(scalar: "字", box: Rect(left: x, top: top, right: x + width, bottom: top + height),
                                        fontName: "F", fontSize: size))
                    x += Double.random(in: -0.5...1.3, using: &generator) * size
                }
                y += Double.random(in: 0.3...1.6, using: &generator) * size
            }
            glyphs.shuffle(using: &generator)
            let bands = TextLayout(settings: settings).bands(glyphs), plain = Self.plainBands(glyphs, settings)
            let same = bands == plain
            #expect(same, "page \(page): \(bands.map(\.count)) glyphs a band, plainly \(plain.map(\.count))")
        }
    }
}

