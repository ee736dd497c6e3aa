import ReformPDF

/// Glyphs by the centre of their box, for asking which lie in a rectangle: sorted by centre height
/// once, so each question is a binary search and a pass over the glyphs at those heights instead of
/// a pass over the page. Answers are what `glyphs.filter { box.contains($0.box.center) }` gives, in
/// the same order.
struct GlyphCenters {
    let glyphs: [Glyph]
    /// Glyph indices by centre y, and those centres.
    private let order: [Int]
    private let heights: [Double]

    init(_ glyphs: [Glyph]) {
        self.glyphs = glyphs
        let centres = glyphs.map(\.box.center.y)
        order = glyphs.indices.sorted { centres[$0] < centres[$1] }
        heights = order.map { centres[$0] }
    }

    /// The glyphs whose centre `box` contains (edges included) and that pass `include`, in their order.
    func inside(_ box: Rect, where include: (Glyph) -> Bool = { _ in true }) -> [Glyph] {
        var hits: [Int] = []
        var i = firstIndex(notBelow: box.top)
        while i < heights.count && heights[i] <= box.bottom {
            let g = order[i]
            if box.contains(glyphs[g].box.center) { hits.append(g) }
            i += 1
        }
        hits.sort()
        var inside: [Glyph] = []
        inside.reserveCapacity(hits.count)
        for g in hits where include(glyphs[g]) { inside.append(glyphs[g]) }
        return inside
    }

    /// The first position whose centre is at least `y`.
    private func firstIndex(notBelow y: Double) -> Int {
        var lo = 0, hi = heights.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if heights[mid] < y { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }
}
