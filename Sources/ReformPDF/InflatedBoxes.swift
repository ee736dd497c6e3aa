/// Glyph boxes of the text layer brought back to their font's size where poppler made them far too
/// tall (or, in vertical text, too wide).
///
/// poppler sizes a glyph's box across the line from its font's ascent and descent. For a Type 3 font
/// it takes them from the font's bounding box and matrix, and where those are drawn in a flipped
/// space (Chromium's PDFs: `FontMatrix [0.001 0 0 -0.001 0 0]`, text matrices `1 0 0 -1`) the boxes
/// come out two to three ems tall: a 10-point label's box reaches past both rules of an 18-point row,
/// the ruling scanner takes the rules for glyph strokes, and rows merge.
///
/// A font's em shows in its ideographs, whatever its metrics say: an ideograph is as wide as the font
/// is large (full-width), and its box across the line is about one em (1.0–1.45 by the fonts' own
/// ascents and descents). Where the ideographs of a font are more than `inflatedRatio` times as long
/// across the line as along it, every glyph of that font is cut back across the line to one em about
/// its box's centre, and its size becomes that em.
public enum InflatedBoxes {
    /// How many times longer than wide an ideograph's box must be (median over the font) to be taken
    /// for inflated. Real fonts give at most about 1.45 (Noto CJK's ascent and descent), Chromium's
    /// Type 3 fonts 2.6. Text condensed by horizontal scaling narrows the ideographs too: at 70%, a
    /// common shrink-to-fit, Noto's reach 2.05; only text condensed to 65% or less is mistaken, and
    /// its boxes then lose height about their centres, not their place. (An OCR layer fits its
    /// advances to the words it read, so scans are not asked: `PageExtractor`.)
    public static let inflatedRatio = 2.2
    /// Ideographs a font must show on the page before its boxes are judged.
    public static let minimumIdeographs = 3

    /// `glyphs` with the boxes of inflated fonts cut back (the same glyphs, in the same order).
    public static func fitted(_ glyphs: [Glyph]) -> [Glyph] {
        // per font: the ideographs' sides along and across their line, as (short, long, tall)
        var sides: [FontName: [(short: Double, ratio: Double, tall: Bool)]] = [:]
        for g in glyphs where isIdeograph(g.scalar) {
            let w = g.box.width, h = g.box.height
            guard w > 0 && h > 0 else { continue }
            sides[g.font, default: []].append((min(w, h), max(w, h) / min(w, h), h > w))
        }
        var fits: [FontName: (em: Double, tall: Bool)] = [:]
        for (font, list) in sides where list.count >= minimumIdeographs {
            guard median(list.map(\.ratio)) > inflatedRatio else { continue }
            let tall = list.filter(\.tall).count * 2 > list.count
            fits[font] = (median(list.map(\.short)), tall)
        }
        guard !fits.isEmpty else { return glyphs }
        return glyphs.map { g in
            guard let fit = fits[g.font] else { return g }
            var out = g
            let b = g.box
            if fit.tall && b.height > fit.em {
                let c = b.midY
                out.box = Rect(left: b.left, top: c - fit.em / 2, right: b.right, bottom: c + fit.em / 2)
            } else if !fit.tall && b.width > fit.em {
                let c = b.midX
                out.box = Rect(left: c - fit.em / 2, top: b.top, right: c + fit.em / 2, bottom: b.bottom)
            }
            out.fontSize = fit.em
            return out
        }
    }

    /// CJK unified ideographs and their first extension (the full-width characters forms are set in).
    static func isIdeograph(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x4E00...0x9FFF, 0x3400...0x4DBF: true
        default: false
        }
    }

    private static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        return sorted[sorted.count / 2]
    }
}
