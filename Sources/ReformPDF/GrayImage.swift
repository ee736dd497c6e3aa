import Foundation

/// An 8-bit grey picture of a page or of a part of it (255 is white), as the OCR back-end reads it.
///
/// A crop may be turned against the page: it is cut out levelled from a skewed scan, so its rows
/// run along the table's rows. `pagePoint` maps its pixels back to page points either way.
public struct GrayImage: Sendable {
    public let width: Int
    public let height: Int
    /// Row-major, `width * height` bytes.
    public let pixels: [UInt8]
    /// Pixels per point.
    public let scale: Double
    /// The page point under the picture's centre.
    public let center: Point
    /// How far the picture is turned against the page, in degrees (as `PageContent.skewDegrees`).
    public let degrees: Double

    public init(width: Int, height: Int, pixels: [UInt8], scale: Double, center: Point, degrees: Double = 0) {
        precondition(pixels.count == width * height, "a grey image needs width × height bytes")
        self.width = width
        self.height = height
        self.pixels = pixels
        self.scale = scale
        self.center = center
        self.degrees = degrees
    }

    /// The 8-bit luminance of a 0x00RRGGBB pixel: Rec. 601 weights in fixed point, (77 R + 150 G + 29 B) / 256.
    @inline(__always)
    public static func luma(_ p: UInt32) -> UInt8 {
        let r = (p >> 16) & 0xFF, g = (p >> 8) & 0xFF, b = p & 0xFF
        return UInt8(truncatingIfNeeded: (77 &* r &+ 150 &* g &+ 29 &* b) >> 8)
    }

    /// The page point under pixel position (`x`, `y`) of this picture.
    public func pagePoint(x: Double, y: Double) -> Point {
        let u = (x - Double(width) / 2) / scale, v = (y - Double(height) / 2) / scale
        if degrees == 0 { return Point(x: center.x + u, y: center.y + v) }
        let a = degrees * .pi / 180
        return Point(x: center.x + u * cos(a) + v * sin(a), y: center.y - u * sin(a) + v * cos(a))
    }

    /// The pixel position of page point `p` (the inverse of `pagePoint`).
    func pixel(of p: Point) -> (x: Double, y: Double) {
        var u = p.x - center.x, v = p.y - center.y
        if degrees != 0 {
            let a = degrees * .pi / 180
            (u, v) = (u * cos(a) - v * sin(a), u * sin(a) + v * cos(a))
        }
        return (u * scale + Double(width) / 2, v * scale + Double(height) / 2)
    }

    /// A levelled cut of `width` × `height` points about page point `center`, turned by `degrees`
    /// against the page (the page's skew), sampled bilinearly at this picture's scale. Outside the
    /// picture is white. `self` must be an unturned picture of the page.
    public func crop(center c: Point, width w: Double, height h: Double, degrees: Double) -> GrayImage {
        let outW = max(1, Int((w * scale).rounded())), outH = max(1, Int((h * scale).rounded()))
        var out = [UInt8](repeating: 255, count: outW * outH)
        let a = degrees * .pi / 180, cosA = cos(a), sinA = sin(a)
        let (cx, cy) = pixel(of: c)
        pixels.withUnsafeBufferPointer { src in
            out.withUnsafeMutableBufferPointer { dst in
                for oy in 0..<outH {
                    let v = Double(oy) + 0.5 - Double(outH) / 2
                    for ox in 0..<outW {
                        let u = Double(ox) + 0.5 - Double(outW) / 2
                        // Level offset → page offset, as Deskew.unlevel turns it.
                        let sx = cx + u * cosA + v * sinA - 0.5, sy = cy - u * sinA + v * cosA - 0.5
                        dst[oy * outW + ox] = sample(src, sx, sy)
                    }
                }
            }
        }
        return GrayImage(width: outW, height: outH, pixels: out, scale: scale, center: c, degrees: degrees)
    }

    /// Bilinear sample at a fractional pixel position; white outside.
    private func sample(_ src: UnsafeBufferPointer<UInt8>, _ x: Double, _ y: Double) -> UInt8 {
        let x0 = Int(x.rounded(.down)), y0 = Int(y.rounded(.down))
        guard x0 >= 0, y0 >= 0, x0 + 1 < width, y0 + 1 < height else {
            let xi = Int(x.rounded()), yi = Int(y.rounded())
            return xi >= 0 && yi >= 0 && xi < width && yi < height ? src[yi * width + xi] : 255
        }
        let fx = x - Double(x0), fy = y - Double(y0)
        let i = y0 * width + x0
        let top = Double(src[i]) * (1 - fx) + Double(src[i + 1]) * fx
        let bottom = Double(src[i + width]) * (1 - fx) + Double(src[i + width + 1]) * fx
        return UInt8(max(0, min(255, (top * (1 - fy) + bottom * fy).rounded())))
    }
}

extension GrayImage {
    /// The picture turned about its centre: the same part of the page, its pixels turned `turn`
    /// (and the picture turned that much further against the page).
    public func turned(_ turn: QuarterTurn) -> GrayImage {
        let t = turn.pixels(pixels, width: width, height: height)
        return GrayImage(width: t.width, height: t.height, pixels: t.pixels, scale: scale, center: center,
                         degrees: degrees + Double(90 * turn.rawValue))
    }

    /// A picture of a whole page (`grayImage`, `pageWidth` × `pageHeight` points) as the picture
    /// of the page turned (`PageContent.turned`), in that page's points. The picture may reach a
    /// fraction of a pixel past the page's right and bottom edges (other edges once turned): its
    /// centre, not its corner, turns with the page.
    public func turned(_ turn: QuarterTurn, pageWidth: Double, pageHeight: Double) -> GrayImage {
        let t = turn.pixels(pixels, width: width, height: height)
        return GrayImage(width: t.width, height: t.height, pixels: t.pixels, scale: scale,
                         center: turn.point(center, width: pageWidth, height: pageHeight), degrees: degrees)
    }
}

extension PDFPage {
    /// The page in grey at `dpi` dots per inch, for OCR. A scan that is one picture over the page is
    /// made from its samples (`ScanPicture`): as they are when scanned at `dpi`, drawn band by band
    /// when grey and scanned at another resolution; the same pixels a render gives either way,
    /// without the render's page-sized colour surface. Any other page is rendered.
    public func grayImage(dpi: Double) -> GrayImage {
        let scale = dpi / 72
        let (w, h) = size
        let (columns, rows) = PageRaster.grid(width: w, height: h, scale: scale)  // what a render draws on
        // Pixel (0, 0) is page point (0, 0): the centre is half the picture, in points.
        let center = Point(x: Double(columns) / scale / 2, y: Double(rows) / scale / 2)
        defer { document.forgetScanPicture() }
        RasterMemory.shared.releaseIdle()
        let pixels = document.scanPicture(page: number).flatMap { picture in
            picture.onGrid(columns: columns, rows: rows, scale: scale, page: (w, h))
                ?? picture.drawn(columns: columns, rows: rows, scale: scale, page: (w, h))
        } ?? render(scale: scale, antialias: true).luminance()
        return GrayImage(width: columns, height: rows, pixels: pixels, scale: scale, center: center)
    }
}

extension GrayImage {
    /// The part of the picture that holds ink, with a white margin: what a recognizer should see of
    /// a cell. Lines along the edges (the remains of the cell's rules) are whitened first. Nil when
    /// the picture holds less ink than `minimumShare` of it (of its top 30 points in a taller one),
    /// or less than a small blot; with `faintThreshold`, marks that light beside the ink are kept; with
    /// `rejectingCuts`, also when its top or bottom row cuts through ink (the box cuts a line of text in two).
    public func inkBounds(threshold: UInt8, minimumShare: Double, rejectingCuts: Bool = false, faintThreshold: UInt8? = nil) -> GrayImage? {
        var px = pixels
        whitenRules(&px, threshold: threshold, rows: edgeRows)
        whitenEdgeColumns(&px, threshold: threshold)
        if rejectingCuts {
            let cut = cuts(px, threshold: threshold)
            if cut.top || cut.bottom { return nil }
        }
        var rows = [Int](repeating: 0, count: height), cols = [Int](repeating: 0, count: width)
        var total = 0
        for y in 0..<height {
            for x in 0..<width where px[y * width + x] < threshold {
                rows[y] += 1
                cols[x] += 1
                total += 1
            }
        }
        let blot = Int((Self.minimumBlot * scale) * (Self.minimumBlot * scale))
        // The share is of a line's height at most: a tall spanning cell holds one short word.
        let counted = width * min(height, Int(Self.shareHeight * scale))
        guard total >= blot, Double(total) >= minimumShare * Double(counted),
              let top = rows.firstIndex(where: { $0 >= Self.inkedLine }), let bottom = rows.lastIndex(where: { $0 >= Self.inkedLine }),
              var left = cols.firstIndex(where: { $0 >= Self.inkedLine }), var right = cols.lastIndex(where: { $0 >= Self.inkedLine }) else { return nil }
        // Faint marks beside the text (the grey strokes of a thin `⩾` before black digits) belong to it.
        if let faint = faintThreshold {
            let edge = edgeDepth, gap = Int(Self.faintGap * scale)
            func faintInk(_ x: Int) -> Bool {
                var dark = 0
                for y in top...bottom where px[y * width + x] < faint { dark += 1 }
                return dark >= Self.inkedLine
            }
            var x = left - 1
            while x >= edge && left - x <= gap { if faintInk(x) { left = x }; x -= 1 }
            x = right + 1
            while x < width - edge && x - right <= gap { if faintInk(x) { right = x }; x += 1 }
        }
        let margin = marginPixels
        let outW = right - left + 1 + 2 * margin, outH = bottom - top + 1 + 2 * margin
        // Paper is made white: a grey scan background inside a white margin reads to the recognizer as
        // one dark block, and it finds no text in it.
        var histogram = [Int](repeating: 0, count: 256)
        for y in top...bottom { for x in left...right { histogram[Int(px[y * width + x])] += 1 } }
        let wanted = Int(Double((bottom - top + 1) * (right - left + 1)) * (1 - Self.paperShare))
        let paper = Self.level(reaching: wanted + 1, in: histogram).map { max($0, Int(threshold) + 1) } ?? 255
        var out = [UInt8](repeating: 255, count: outW * outH)
        for y in top...bottom {
            let src = y * width, dst = (y - top + margin) * outW + margin
            for x in left...right { out[dst + x - left] = UInt8(min(255, Int(px[src + x]) * 255 / paper)) }
        }
        let c = pagePoint(x: Double(left + right + 1) / 2, y: Double(top + bottom + 1) / 2)
        return GrayImage(width: outW, height: outH, pixels: out, scale: scale, center: c, degrees: degrees)
    }

    /// Which of the top and bottom edges cut through ink, the rules along the edges left out: a line
    /// of text that overflows its cell's box.
    public func cutEdges(threshold: UInt8) -> (top: Bool, bottom: Bool) {
        var px = pixels
        whitenRules(&px, threshold: threshold, rows: edgeRows)
        whitenEdgeColumns(&px, threshold: threshold)
        return cuts(px, threshold: threshold)
    }

    /// The rows of the picture from `first` to `last` grown outward over ink (the rules crossed on the
    /// way whitened): the whole of a line of text that overflows a cell whose box is those rows. The
    /// growth stops at the first blank row.
    public func grown(rows first: Int, _ last: Int, threshold: UInt8) -> GrayImage {
        var px = pixels
        let rules = whitenRules(&px, threshold: threshold, rows: 0..<height)
        whitenEdgeColumns(&px, threshold: threshold)
        // A whitened rule does not stop the growth: the text runs on across it.
        let runsOn = { (y: Int) in rules.contains(y) || self.darkCount(px, row: y, threshold: threshold) >= Self.inkedLine }
        var top = max(0, first), bottom = min(height - 1, last)
        while top > 0 && runsOn(top - 1) { top -= 1 }
        while bottom < height - 1 && runsOn(bottom + 1) { bottom += 1 }
        return GrayImage(width: width, height: height, pixels: px, scale: scale, center: center, degrees: degrees)
            .rows(top...bottom, margin: 0)
    }

    /// White kept around a crop's ink, in pixels.
    public var marginPixels: Int { max(4, Int(Self.margin * scale)) }

    /// How many pixels of row `y` of `px` (this picture's size) are darker than `threshold`.
    private func darkCount(_ px: [UInt8], row y: Int, threshold: UInt8) -> Int {
        var dark = 0
        for x in 0..<width where px[y * width + x] < threshold { dark += 1 }
        return dark
    }

    private var edgeDepth: Int { max(2, Int(Self.edgeRule * scale)) }

    private var edgeRows: [Int] { Array(0..<min(edgeDepth, height)) + Array(max(0, height - edgeDepth)..<height) }

    /// Whitens the `rows` that are mostly dark (rules, not text); returns them.
    @discardableResult
    private func whitenRules(_ px: inout [UInt8], threshold: UInt8, rows: some Sequence<Int>) -> Set<Int> {
        var whitened: Set<Int> = []
        for y in rows {
            if Double(darkCount(px, row: y, threshold: threshold)) > Self.ruleShare * Double(width) {
                for x in 0..<width { px[y * width + x] = 255 }
                whitened.insert(y)
            }
        }
        return whitened
    }

    /// Whitens the columns along the left and right edges that are mostly dark.
    private func whitenEdgeColumns(_ px: inout [UInt8], threshold: UInt8) {
        for x in Array(0..<min(edgeDepth, width)) + Array(max(0, width - edgeDepth)..<width) {
            var dark = 0
            for y in 0..<height where px[y * width + x] < threshold { dark += 1 }
            if Double(dark) > Self.ruleShare * Double(height) { for y in 0..<height { px[y * width + x] = 255 } }
        }
    }

    private func cuts(_ px: [UInt8], threshold: UInt8) -> (top: Bool, bottom: Bool) {
        guard height > 2 * edgeDepth else { return (false, false) }
        func cutsInk(_ y: Int) -> Bool { darkCount(px, row: y, threshold: threshold) >= max(3, Int(Self.cutShare * Double(width))) }
        return (cutsInk(0), cutsInk(height - 1))
    }

    /// The rows of each line of text, top to bottom: bands of inked rows, leaving out slivers (dots,
    /// noise). Lines set close together touch (a descender, blur); they part where a row holds far less
    /// ink than the lines' rows do.
    public func lineBands(threshold: UInt8) -> [ClosedRange<Int>] {
        let counts = (0..<height).map { darkCount(pixels, row: $0, threshold: threshold) }
        func runs(in rows: ClosedRange<Int>, atLeast minimum: Int) -> [ClosedRange<Int>] {
            var out: [ClosedRange<Int>] = []
            var start = -1
            for y in rows.lowerBound...(rows.upperBound + 1) {
                if y <= rows.upperBound && counts[y] >= minimum {
                    if start < 0 { start = y }
                } else if start >= 0 {
                    out.append(start...(y - 1))
                    start = -1
                }
            }
            return out
        }
        guard height > 0 else { return [] }
        // Each band of inked rows is parted where a row holds far less ink than the band's typical row.
        let bands = runs(in: 0...(height - 1), atLeast: Self.inkedLine).flatMap { band -> [ClosedRange<Int>] in
            let sorted = band.map { counts[$0] }.sorted()
            return runs(in: band, atLeast: max(Self.inkedLine, Int(Self.lineValley * Double(sorted[sorted.count / 2]))))
        }
        guard let tallest = bands.map(\.count).max() else { return [] }
        return bands.filter { Double($0.count) >= Self.sliver * Double(tallest) }
    }

    /// `threshold`, or lighter for a picture printed in grey (its darkest ink lighter than half the
    /// cut): half way from that ink to white.
    /// Light print is all near-grey at a cut meant for black text, and its one line falls apart
    /// into slivers of a few dark pixels a row (`⩾93（%）` read as three lines).
    public func lineThreshold(atLeast threshold: UInt8) -> UInt8 {
        var histogram = [Int](repeating: 0, count: 256)
        for p in pixels { histogram[Int(p)] += 1 }
        // the darkest level with a few pixels at or below it, so that a speck does not set it
        let darkest = Self.level(reaching: max(1, pixels.count / Self.darkestShareDivisor), in: histogram) ?? 255
        // black print keeps the cut it was tuned for
        guard darkest * 2 > Int(threshold) else { return threshold }
        return max(threshold, UInt8((darkest + 255) / 2))
    }

    /// The lowest level of a luminance histogram with at least `count` pixels at or below it.
    static func level(reaching count: Int, in histogram: [Int]) -> Int? {
        var seen = 0
        for (level, n) in histogram.enumerated() {
            seen += n
            if seen >= count { return level }
        }
        return nil
    }

    /// The darkest level of a picture is the one below which this fraction (1/n) of its pixels lie.
    static let darkestShareDivisor = 500

    /// The rows `band` with `margin` white rows above and below: one line of a block, to read alone.
    public func rows(_ band: ClosedRange<Int>, margin: Int) -> GrayImage {
        let top = max(0, band.lowerBound), bottom = min(height - 1, band.upperBound)
        var out = [UInt8](repeating: 255, count: width * (bottom - top + 1 + 2 * margin))
        for y in top...bottom {
            let dst = (y - top + margin) * width
            for x in 0..<width { out[dst + x] = pixels[y * width + x] }
        }
        let c = pagePoint(x: Double(width) / 2, y: Double(top + bottom + 1) / 2)
        return GrayImage(width: width, height: bottom - top + 1 + 2 * margin, pixels: out, scale: scale, center: c, degrees: degrees)
    }

    /// Lines part at rows with less ink than this share of a line's typical row.
    static let lineValley = 0.25
    /// A row or column with fewer dark pixels than this holds a speck, not ink.
    static let inkedLine = 2
    /// Rules are looked for this deep (points) along each edge.
    static let edgeRule = 2.5
    /// An edge row or column with more than this share dark is a rule.
    static let ruleShare = 0.5
    /// An edge row with this share of its pixels dark cuts through text.
    static let cutShare = 0.03
    /// Faint marks up to this far (points) beside the ink are kept with it.
    static let faintGap = 4.0
    /// The ink share of a crop is taken over at most this height (points).
    static let shareHeight = 30.0
    /// Less ink than a square this wide (points) is specks, not text.
    static let minimumBlot = 1.2
    /// The brightest share of a crop's pixels that is paper (its level is made white).
    static let paperShare = 0.3
    /// White kept around the ink (points).
    static let margin = 3.0
    /// A band less than this share of the tallest is a dot or a speck, not a line.
    static let sliver = 0.3
}

extension GrayImage {
    /// The first mark of a one-line picture: its leftmost run of inked columns, and the rows it inks.
    struct Mark {
        var left: Int, right: Int, top: Int, bottom: Int
        var width: Int { right - left + 1 }
        var height: Int { bottom - top + 1 }
    }

    func isDark(_ x: Int, _ y: Int, _ threshold: UInt8) -> Bool { pixels[y * width + x] < threshold }

    /// The first mark, or nil when the picture has none at least `minimumMark` pixels wide and tall.
    func firstMark(threshold: UInt8) -> Mark? {
        let inkedColumn = { (x: Int) in (0..<self.height).contains { self.isDark(x, $0, threshold) } }
        var x = 0
        // Specks of a dirty scan before the text are not its first mark.
        while let left = (x..<width).first(where: inkedColumn) {
            var right = left
            while right + 1 < width && inkedColumn(right + 1) { right += 1 }
            let rows = (0..<height).filter { y in (left...right).contains { isDark($0, y, threshold) } }
            if let top = rows.first, let bottom = rows.last {
                let mark = Mark(left: left, right: right, top: top, bottom: bottom)
                if mark.width >= Self.minimumMark && mark.height >= Self.minimumMark { return mark }
            }
            x = right + 1
        }
        return nil
    }

    /// Whether the first mark of a one-line picture stands on a bar: its lowest rows are inked across
    /// most of its width. `≥` and `≤` do, `>` and `<` (whose lower arm ends at one side) do not: what
    /// tells the signs apart where a recognizer without `≥` in its alphabet reads them alike. Blur
    /// that joins the bar to the chevron does not matter.
    public func firstMarkStandsOnBar(threshold: UInt8) -> Bool {
        guard let mark = firstMark(threshold: threshold) else { return false }
        let depth = max(1, Int(Double(mark.height) * Self.barDepth))
        let widest = ((mark.bottom - depth + 1)...mark.bottom).map { y -> Int in
            let xs = (mark.left...mark.right).filter { isDark($0, y, threshold) }
            return xs.isEmpty ? 0 : xs.last! - xs.first! + 1
        }.max() ?? 0
        return Double(widest) >= Self.barSpan * Double(mark.width)
    }

    /// Whether the first mark has a slanted bar under its chevron (`⩾`, `⩽`): below the point, most
    /// rows cross two strokes (the lower arm and the bar beside it), where a `>` or `<` has one.
    public func firstMarkHasSlantedBar(threshold: UInt8) -> Bool {
        guard let mark = firstMark(threshold: threshold), mark.height > Self.minimumPointingMark else { return false }
        let from = mark.top + mark.height * Self.slantedBarFrom.0 / Self.slantedBarFrom.1
        let to = mark.bottom - max(1, mark.height / Self.slantedBarFootDivisor)
        guard from < to else { return false }
        var twoStrokes = 0
        for y in from...to {
            var runs = 0, inRun = false
            for x in mark.left...mark.right {
                let dark = isDark(x, y, threshold)
                if dark && !inRun { runs += 1 }
                inRun = dark
            }
            if runs >= 2 { twoStrokes += 1 }
        }
        return Double(twoStrokes) >= Self.slantedBarRows * Double(to - from + 1)
    }

    /// Share of the rows below the point that must cross two strokes.
    static let slantedBarRows = 0.4
    /// The rows looked at start this fraction (numerator, denominator) down the mark, below its point…
    static let slantedBarFrom = (11, 20)
    /// …and end above its foot by the mark's height over this (where arm and bar meet in a serif).
    static let slantedBarFootDivisor = 10

    /// The bar is looked for in this lowest share of the mark's height.
    static let barDepth = 0.15
    /// A bar runs across at least this share of the mark's width.
    static let barSpan = 0.7

    /// Which way the first mark of a one-line picture points, read from its ink: +1 when its middle
    /// reaches further right than its top (`>`, `≥`, `⩾`), −1 when further left (`<`, `≤`, `⩽`), 0 when
    /// neither clearly does (`=`, a digit, a character).
    public func firstMarkDirection(threshold: UInt8) -> Int {
        guard let mark = firstMark(threshold: threshold), mark.height > Self.minimumPointingMark, mark.width > Self.minimumMark else { return 0 }
        // The top tip and the point: mean ink x of the top sixth against the rows around the middle.
        func meanX(_ rows: ClosedRange<Int>) -> Double? {
            var sum = 0, n = 0
            for y in rows { for x in mark.left...mark.right where isDark(x, y, threshold) { sum += x; n += 1 } }
            return n == 0 ? nil : Double(sum) / Double(n)
        }
        let h = mark.height, top = mark.top
        // A chevron passes through every row of its middle; a `=` has its gap there (a speck of its
        // upper bar's tail there points nowhere).
        let middle = (top + h * 2 / 5)...(top + h / 2)
        let inkedMiddle = middle.filter { y in (mark.left...mark.right).contains { isDark($0, y, threshold) } }.count
        guard inkedMiddle * 2 > middle.count else { return 0 }
        guard let tip = meanX(top...(top + max(0, h / 6 - 1))),
              let point = meanX(middle) else { return 0 }
        let shift = (point - tip) / Double(mark.width)
        if shift > Self.pointShift { return 1 }
        if shift < -Self.pointShift { return -1 }
        // A slanted sign (`⩾`) has its point higher, where its bar starts: how far the upper rows reach
        // right of the tip against how far they reach left of it.
        var right = 0, left = Int.max
        for y in top...(top + h * Self.reachRows.0 / Self.reachRows.1) {
            guard let first = (mark.left...mark.right).first(where: { isDark($0, y, threshold) }),
                  let last = (mark.left...mark.right).last(where: { isDark($0, y, threshold) }) else { continue }
            left = min(left, first)
            right = max(right, last)
        }
        guard left <= right else { return 0 }
        let reach = (Double(right) - tip - (tip - Double(left))) / Double(mark.width)
        if reach > Self.reachShift { return 1 }
        if reach < -Self.reachShift { return -1 }
        return armDirection(mark, threshold: threshold)
    }

    /// The last resort for a sign whose lower arm or slanted bar reaches back past its top (`⩾` drawn
    /// wide): follow the upper arm from the top row to the row that reaches furthest out. Both of its
    /// edges move right for `>`-like marks, left for `<`-like ones; a `=` has its widest row on top.
    func armDirection(_ mark: Mark, threshold: UInt8) -> Int {
        var edges: [(first: Int, last: Int)] = []
        for y in mark.top...(mark.top + mark.height * Self.armRows.0 / Self.armRows.1) {
            let xs = (mark.left...mark.right).filter { isDark($0, y, threshold) }
            if let first = xs.first, let last = xs.last { edges.append((first, last)) }
        }
        guard let top = edges.first else { return 0 }
        let w = Double(mark.width)
        // the first row reaching furthest right, and the first reaching furthest left
        let point = edges.reduce(top) { $1.last > $0.last ? $1 : $0 }
        let back = edges.reduce(top) { $1.first < $0.first ? $1 : $0 }
        if Double(point.last - top.last) > Self.armShift * w && Double(point.first - top.first) > Self.armShift * w { return 1 }
        if Double(top.first - back.first) > Self.armShift * w && Double(top.last - back.last) > Self.armShift * w { return -1 }
        return 0
    }

    /// The upper rows of a mark whose arm is followed: this fraction (numerator, denominator) of it.
    static let armRows = (2, 3)
    /// Both edges of the arm move this share of the mark's width from the top row to the point.
    static let armShift = 0.25

    /// The upper rows of a mark whose reach is compared: this fraction (numerator, denominator) of it.
    static let reachRows = (3, 5)
    /// A slanted sign's upper rows reach this share of its width further one way from its tip than the other.
    static let reachShift = 0.5
    /// The point lies this share of the mark's width away from its top tip.
    static let pointShift = 0.3
    /// A mark narrower or lower than this (pixels) is a dot or a speck.
    static let minimumMark = 3
    /// A mark must be taller than this (pixels) to tell which way it points.
    static let minimumPointingMark = 6
}
