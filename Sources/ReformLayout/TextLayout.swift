import ReformPDF

/// Groups a page's glyphs into words and lines by geometry alone.
///
/// poppler's text order follows the content stream, which on a ruled form jumps between cells; this
/// reads the page top to bottom in row bands and left to right within a band, and never lets a word
/// cross a vertical ruling.
public struct TextLayout: Sendable {
    public var settings: TextLayoutSettings

    public init(settings: TextLayoutSettings = TextLayoutSettings()) {
        self.settings = settings
    }

    /// The page's lines in reading order.
    public func lines(glyphs: [Glyph], rulings: [Ruling] = []) -> [TextLine] {
        let visible = glyphs.filter { !$0.isWhitespace && $0.box.height > 0 }
        let walls = rulings.filter { $0.orientation == .vertical }
        return bands(visible).map { band in
            TextLine(words: words(in: band.sorted { $0.box.midX < $1.box.midX }, walls: walls))
        }
    }

    /// All words of the page, line by line.
    public func words(glyphs: [Glyph], rulings: [Ruling] = []) -> [Word] {
        lines(glyphs: glyphs, rulings: rulings).flatMap(\.words)
    }

    /// Row bands, top band first. A glyph joins the band whose centre line is nearest its own, when
    /// the two are closer than `lineOverlap` times the smaller height. Comparing centre lines (a running
    /// mean), not the union of extents, keeps tall boxes (an OCR layer's) of two wrapped lines apart,
    /// and so does refusing a glyph that would sit on top of another of the band.
    func bands(_ glyphs: [Glyph]) -> [[Glyph]] {
        // A band's extent and running sums, kept apart from its glyphs: the search over the bands for
        // each glyph reads plain values, and a band's glyphs only where the band is a candidate.
        struct Band {
            var bottom: Double
            var centerSum: Double, heightSum: Double
            var count: Int
            /// The horizontal span of the band's glyphs and the narrowest of them: a glyph clear of the
            /// span overlaps none of them (see `stacked`).
            var left: Double, right: Double, narrowest: Double
            /// The band's first and last glyph (indices into `sorted`), the rest chained by `next`.
            var first: Int, last: Int
            var center: Double { centerSum / Double(count) }
            var height: Double { heightSum / Double(count) }
        }
        let sorted = glyphs.sorted(by: { ($0.box.top, $0.box.left) < ($1.box.top, $1.box.left) })
        let n = sorted.count
        guard n > 0 else { return [] }
        // The bands and the working lists live in scratch memory for the call (on the stack for a
        // cell's few glyphs): layout bands every cell of a page several times over, and their
        // allocations were a third of the time. At most one band, and one open band, a glyph.
        return withUnsafeTemporaryAllocation(of: Band.self, capacity: n) { bands in
            withUnsafeTemporaryAllocation(of: Int.self, capacity: 3 * n) { scratch in
                let bandOf = scratch.baseAddress!                // each glyph's band
                let next = bandOf + n                            // the next glyph of its band, or -1
                let open = bandOf + 2 * n                        // the bands a glyph may still join
                var bandCount = 0, openCount = 0
                // Whether `g` sits over (and clearly above or below) a glyph of band `b`. Overlaps are never
                // negative, so a glyph clear of the band's span overlaps none of its glyphs, and with no box of
                // negative width the bar for overlapping is not below zero.
                func stacked(_ g: Glyph, _ b: Band) -> Bool {
                    if (g.box.left >= b.right || g.box.right <= b.left) && min(b.narrowest, g.box.width) >= 0 { return false }
                    var k = b.first
                    while k >= 0 {
                        let m = sorted[k]
                        if m.box.horizontalOverlap(g.box) > settings.stackedOverlap * min(m.box.width, g.box.width)
                            && abs(m.box.midY - g.box.midY) > settings.stackedShift * min(m.box.height, g.box.height) {
                            return true
                        }
                        k = next[k]
                    }
                    return false
                }
                // The open bands, oldest first. Glyphs come top first, so a band whose bottom is above this
                // glyph's top is above every later glyph too (and only a joining glyph moves a bottom): it
                // is passed over for good.
                for (k, g) in sorted.enumerated() {
                    next[k] = -1
                    var best = -1, bestDistance = Double.infinity
                    var passed = false
                    for j in stride(from: openCount - 1, through: 0, by: -1) {
                        let i = open[j]
                        let b = bands[i]
                        if b.bottom < g.box.top {
                            passed = true
                            continue
                        }
                        let distance = abs(b.center - g.box.midY)
                        // Characters of one line sit side by side: a glyph over (and clearly above or below) one
                        // already in the band is on another line, however close (an OCR layer's boxes are taller
                        // than the line pitch; its boxes on one line jitter and touch, but stay level).
                        if distance <= settings.lineOverlap * min(b.height, g.box.height) && distance < bestDistance && !stacked(g, b) {
                            best = i
                            bestDistance = distance
                        }
                    }
                    if best >= 0 {
                        next[bands[best].last] = k
                        bandOf[k] = best
                        bands[best].last = k
                        bands[best].bottom = max(bands[best].bottom, g.box.bottom)
                        bands[best].centerSum += g.box.midY
                        bands[best].heightSum += g.box.height
                        bands[best].count += 1
                        bands[best].left = min(bands[best].left, g.box.left)
                        bands[best].right = max(bands[best].right, g.box.right)
                        bands[best].narrowest = min(bands[best].narrowest, g.box.width)
                    } else {
                        bandOf[k] = bandCount
                        open[openCount] = bandCount
                        openCount += 1
                        (bands.baseAddress! + bandCount).initialize(to: Band(
                            bottom: g.box.bottom, centerSum: g.box.midY, heightSum: g.box.height, count: 1,
                            left: g.box.left, right: g.box.right, narrowest: g.box.width, first: k, last: k))
                        bandCount += 1
                    }
                    if passed {
                        var kept = 0
                        for j in 0..<openCount where !(bands[open[j]].bottom < g.box.top) {
                            open[kept] = open[j]
                            kept += 1
                        }
                        openCount = kept
                    }
                }
                // Each band's glyphs in the order they joined, gathered once into arrays of their final size.
                var members = (0..<bandCount).map { i -> [Glyph] in
                    var glyphs: [Glyph] = []
                    glyphs.reserveCapacity(bands[i].count)
                    return glyphs
                }
                for (k, g) in sorted.enumerated() { members[bandOf[k]].append(g) }
                return (0..<bandCount).sorted { bands[$0].center < bands[$1].center }.map { members[$0] }
            }
        }
    }

    /// Appends the scalar's UTF-8 bytes (one to four; a scalar is never a surrogate), without the
    /// generic sequence copy `append(contentsOf: scalar.utf8)` goes through.
    @inline(__always)
    static func appendUTF8(_ scalar: Unicode.Scalar, to bytes: inout [UInt8]) {
        let v = scalar.value
        switch v {
        case ..<0x80:
            bytes.append(UInt8(v))
        case ..<0x800:
            bytes.append(UInt8(0xC0 | v >> 6))
            bytes.append(UInt8(0x80 | v & 0x3F))
        case ..<0x10000:
            bytes.append(UInt8(0xE0 | v >> 12))
            bytes.append(UInt8(0x80 | v >> 6 & 0x3F))
            bytes.append(UInt8(0x80 | v & 0x3F))
        default:
            bytes.append(UInt8(0xF0 | v >> 18))
            bytes.append(UInt8(0x80 | v >> 12 & 0x3F))
            bytes.append(UInt8(0x80 | v >> 6 & 0x3F))
            bytes.append(UInt8(0x80 | v & 0x3F))
        }
    }

    /// Splits a left-to-right run of glyphs into words at wide gaps and at vertical rulings.
    func words(in glyphs: [Glyph], walls: [Ruling]) -> [Word] {
        var words: [Word] = []
        // A word's text is gathered as UTF-8 and made a string once, not grown a scalar at a time.
        // (No closure captures it: a captured variable is checked for exclusive access at every use.)
        var text: [UInt8] = [], box = Rect.zero, size = 0.0
        text.reserveCapacity(64)
        for (i, g) in glyphs.enumerated() {
            if i > 0 {
                let prev = glyphs[i - 1]
                let gap = g.box.left - prev.box.right
                let em = max(prev.fontSize, g.fontSize, 1)
                if gap > settings.wordGap * em || walled(prev.box, g.box, walls) {
                    words.append(Word(text: String(decoding: text, as: UTF8.self), box: box, fontSize: size))
                    text.removeAll(keepingCapacity: true)
                }
            }
            if text.isEmpty {
                box = g.box
                size = g.fontSize
            } else {
                box = box.union(g.box)
                size = max(size, g.fontSize)
            }
            Self.appendUTF8(g.scalar, to: &text)
        }
        if !text.isEmpty { words.append(Word(text: String(decoding: text, as: UTF8.self), box: box, fontSize: size)) }
        return words
    }

    /// Whether a vertical ruling runs between two horizontally neighbouring boxes.
    func walled(_ a: Rect, _ b: Rect, _ walls: [Ruling]) -> Bool {
        let lo = min(a.midX, b.midX), hi = max(a.midX, b.midX)
        let top = max(a.top, b.top), bottom = min(a.bottom, b.bottom)
        let mid = (top + bottom) / 2
        return walls.contains { w in
            let x = w.position
            return x > lo && x < hi && min(w.start.y, w.end.y) <= mid && max(w.start.y, w.end.y) >= mid
        }
    }

    /// Lines as plain text: one line per row band, wide gaps shown as runs of spaces.
    public func plainText(_ lines: [TextLine]) -> String {
        lines.map { line in
            var out = ""
            for (i, w) in line.words.enumerated() {
                if i > 0 {
                    let gap = w.box.left - line.words[i - 1].box.right
                    out += gap > settings.columnGap * max(w.fontSize, 1) ? "    " : " "
                }
                out += w.text
            }
            return out
        }.joined(separator: "\n")
    }
}
