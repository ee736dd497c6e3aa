import Foundation

/// Finds a page's rulings in its rendered pixels: ink runs along (possibly skewed) rows and columns,
/// joined into line segments with a thickness, minus the strokes that belong to glyphs.
///
/// Working on pixels rather than on the PDF's drawing operators makes born-digital pages (lines,
/// thin filled rectangles, any drawing order) and scanned page images the same problem.
public struct RulingScanner: Sendable {
    public var settings: RulingSettings

    public init(settings: RulingSettings = RulingSettings()) {
        self.settings = settings
    }

    /// What a scan of one page found.
    public struct Result: Sendable {
        public var rulings: [Ruling]
        /// Degrees, positive counter-clockwise as seen on screen.
        public var skewDegrees: Double
    }

    /// Scans a rendered page. `glyphs` are the page's text-layer glyphs, used to drop glyph strokes.
    /// `estimateSkew`: only page images can be skewed; vector drawing made by software is level.
    /// `glyphsAreExact`: the boxes are a born-digital text layer's, not an OCR layer's estimate;
    /// only exact boxes may cut a line's end back to where the text beside it ends.
    /// `finer`: the page rendered at `contrastRenderScale`, asked for only when the contrast scan runs.
    public func scan(_ raster: any RulingRaster, glyphs: [Glyph], glyphsAreExact: Bool = true, estimateSkew: Bool = true,
                     finer: (() -> PageRaster)? = nil, timings: StageTimings? = nil) -> Result {
        let (mask, histogram, cut) = timings.measure("rulings.mask") { InkMask.thresholded(raster, settings: settings) }
        let slope = estimateSkew ? timings.measure("rulings.skew") { estimateSlope(mask) } : 0
        var (found, bands) = segments(mask, slope: slope, scale: raster.scale, timings: timings)
        // Grey cell shading is ink at the hairline cut-off, which hides the dark lines drawn over it:
        // such pages are scanned a second time at a dark cut-off. Shading shows as a page-wide share
        // of grey pixels, or, on white paper, as a band too thick for a line whose middle is one flat
        // grey (one shaded row of a small table is a sliver of the page; a photo is not flat).
        let paper = InkMask.paperLevel(histogram)
        let total = histogram.reduce(0, +)
        let darkCut = UInt32(settings.darkLuminance)
        let grey = histogram[Int(darkCut)..<Int(cut)].reduce(0, +)
        if cut > darkCut && (Double(grey) > settings.fillShare * Double(total)
                             || (paper >= settings.whitePaperLuminance
                                 && bands.contains { isShading($0, in: raster, slope: slope, from: darkCut, to: cut) })) {
            let dark = timings.measure("rulings.mask") { InkMask(raster: raster, cutoff: darkCut) }
            found += segments(dark, slope: slope, scale: raster.scale, timings: timings).rulings
            // A hairline over shading, anti-aliased, is lighter than the dark cut-off, but darker than
            // what lies either side of it, the more so at a finer scale (at 72 dpi one along a band's
            // edge falls mostly in the paper's pixel row and differs from the grey by 2 levels).
            if paper >= settings.whitePaperLuminance {
                let fine = finer?() ?? raster
                let (rows, columns) = timings.measure("rulings.mask") {
                    InkMask.contrast(fine, reach: settings.contrastReachPixels, delta: Int(settings.contrastDelta))
                }
                let byContrast = segments(rows, columns: columns, slope: slope, scale: fine.scale, timings: timings).rulings
                found += byContrast.filter { isNew($0, among: found) }
            }
        }
        let kept = timings.measure("rulings.prune") {
            // A line's end is cut back from a run of text only where the text was drawn: its ink could
            // have carried the line on through the words (outlines wider than their boxes).
            // Stubs ending together at a cut are kept only under a born-digital text layer: on a scan the
            // strokes of a row of characters that touch a line end together too, at the text's edge.
            keepConnected(dropTextBands(mergeCollinear(dropGlyphStrokes(found, glyphs: glyphs, trimmingRuns: glyphsAreExact && raster.textDrawn)),
                                        raster: raster, paper: paper),
                          keepingCutStubs: glyphsAreExact && !glyphs.isEmpty)
        }
        let degrees = atan(slope) * 180 / .pi
        // Screen y points down, so a line that rises to the right (negative slope) is turned counter-clockwise.
        return Result(rulings: kept, skewDegrees: degrees == 0 ? 0 : -degrees)
    }

    /// Whether a line found by contrast is one the ink masks missed: not mostly along a line they
    /// found already (the contrast marks a found line's flanks too, and a doubled line would be taken
    /// for a band of text).
    func isNew(_ line: Ruling, among found: [Ruling]) -> Bool {
        let (lo, hi) = line.extent
        return !found.contains { f in
            guard f.orientation == line.orientation,
                  abs(f.position - line.position) <= (f.thickness + line.thickness) / 2 + settings.mergeDistance else { return false }
            let (flo, fhi) = f.extent
            return min(hi, fhi) - max(lo, flo) >= settings.contrastSameLineShare * (hi - lo)
        }
    }

    /// Whether a band of rows is a flat grey fill: along its middle, at least `shadingShare` of the
    /// pixels are grey (luminance in `from..<to`) and within `shadingFlatness` of one level.
    func isShading(_ band: Segment, in raster: any RulingRaster, slope: Double, from: UInt32, to: UInt32) -> Bool {
        raster.withLuma { pixels in
            var levels = [Int](repeating: 0, count: 256), count = 0
            for x in band.first...band.last {
                let y = Int((band.centerRow + 0.5 + slope * Double(x)).rounded(.down))
                guard y >= 0 && y < raster.height && x >= 0 && x < raster.width else { continue }
                count += 1
                let l = pixels.luma(x: x, y: y)
                if l >= from && l < to { levels[Int(l)] += 1 }
            }
            guard count > 0 else { return false }
            let spread = Int(settings.shadingFlatness)
            let flattest = levels.indices.map { c in levels[max(0, c - spread)...min(255, c + spread)].reduce(0, +) }.max() ?? 0
            return Double(flattest) >= settings.shadingShare * Double(count)
        }
    }

    /// The line segments of one ink mask, in page points, and the bands along rows too thick to be
    /// lines (fills, images, rows of text), in pixels. Vertical lines come from `columns` where given
    /// (a mask made for lines across columns), else from `mask` too.
    func segments(_ mask: InkMask, columns columnMask: InkMask? = nil, slope: Double, scale: Double,
                  timings: StageTimings?) -> (rulings: [Ruling], bands: [Segment]) {
        let minLen = max(2, Int((settings.minLength * scale).rounded(.down)))
        let gap = max(1, Int((settings.maxGap * scale).rounded()))
        let maxThick = settings.maxThickness * scale

        var rulings: [Ruling] = []
        let rows = timings.measure("rulings.rows") { segments(in: mask, slope: slope, minLength: minLen, maxGap: gap) }
        let bands = rows.filter { $0.thickness > maxThick }
        for seg in rows where seg.thickness <= maxThick {
            let y0 = seg.centerRow + 0.5
            let x1 = Double(seg.first), x2 = Double(seg.last + 1)
            rulings.append(Ruling(orientation: .horizontal,
                                  start: Point(x: x1 / scale, y: (y0 + slope * x1) / scale),
                                  end: Point(x: x2 / scale, y: (y0 + slope * x2) / scale),
                                  thickness: seg.thickness / scale))
        }
        // Vertical lines are horizontal lines of the transposed image; under skew they lean the other way.
        let transposed = timings.measure("rulings.transpose") { (columnMask ?? mask).transposed() }
        let columns = timings.measure("rulings.columns") { segments(in: transposed, slope: -slope, minLength: minLen, maxGap: gap) }
        for seg in columns where seg.thickness <= maxThick {
            let x0 = seg.centerRow + 0.5
            let y1 = Double(seg.first), y2 = Double(seg.last + 1)
            rulings.append(Ruling(orientation: .vertical,
                                  start: Point(x: (x0 - slope * y1) / scale, y: y1 / scale),
                                  end: Point(x: (x0 - slope * y2) / scale, y: y2 / scale),
                                  thickness: seg.thickness / scale))
        }
        return (rulings, bands)
    }

    // MARK: - Skew

    /// The slope dy/dx of the page's horizontal lines: the shear that stacks the most ink-run length
    /// onto the fewest rows. Level pages give exactly 0.
    ///
    /// Long runs vote as a chain of fixed-length pieces, so that a level line favours level by itself:
    /// as one piece it would score the same at every shear, and chance alignments of a few long pieces
    /// (a banner with a rule far below it) could then tilt a born-digital page.
    func estimateSlope(_ mask: InkMask) -> Double {
        var pieces: [(x: Double, y: Double, weight: Double)] = []
        let step = settings.skewPieceMinPixels
        let plane = mask.plane
        plane.words.withUnsafeBufferPointer { words in
            for y in 0..<plane.height {
                InkPlane.forEachRun(words, wordsPerRow: plane.wordsPerRow, row: y, from: 0, to: plane.width) { start, last in
                    let end = last + 1
                    let count = (end - start) / step
                    for k in 0..<count {
                        let a = start + k * step, b = k == count - 1 ? end : a + step
                        pieces.append((Double(a + b) / 2, Double(y) + 0.5, Double(b - a)))
                    }
                }
            }
        }
        guard pieces.count >= 4 else { return 0 }

        // Squared weight per sheared row: high when the pieces of each line fall on one row.
        let margin = Int((Double(mask.width) * tan(settings.maxSkewDegrees * .pi / 180)).rounded(.up)) + 2
        var bins = [Double](repeating: 0, count: mask.height + 2 * margin)
        var touched: [Int] = []
        touched.reserveCapacity(pieces.count)
        func score(_ slope: Double) -> Double {
            for p in pieces {
                let i = Int((p.y - slope * p.x).rounded(.down)) + margin
                guard i >= 0 && i < bins.count else { continue }
                if bins[i] == 0 { touched.append(i) }
                bins[i] += p.weight
            }
            var total = 0.0
            for i in touched { total += bins[i] * bins[i]; bins[i] = 0 }
            touched.removeAll(keepingCapacity: true)
            return total
        }
        func slope(_ degrees: Double) -> Double { tan(degrees * .pi / 180) }

        // A level page (every born-digital one) scores clearly better at 0 than a step either side.
        let level = score(0)
        let nearby = max(score(slope(settings.coarseSkewStep)), score(slope(-settings.coarseSkewStep)))
        if level > nearby * settings.skewMinGain { return 0 }

        var best = (angle: 0.0, score: level)
        for angle in stride(from: -settings.maxSkewDegrees, through: settings.maxSkewDegrees, by: settings.coarseSkewStep) {
            let s = score(slope(angle))
            if s > best.score { best = (angle, s) }
        }
        let coarse = best.angle
        for angle in stride(from: coarse - settings.coarseSkewStep, through: coarse + settings.coarseSkewStep, by: settings.fineSkewStep) {
            let s = score(slope(angle))
            if s > best.score { best = (angle, s) }
        }
        guard abs(best.angle) >= settings.minSkewDegrees, best.score > level * settings.skewMinGain else { return 0 }
        return slope(best.angle)
    }

    // MARK: - Segments

    /// A line segment in (sheared) pixel rows: columns `first...last`, rows `firstRow...lastRow`.
    struct Segment {
        var first: Int
        var last: Int
        var firstRow: Int
        var lastRow: Int
        var rowSum: Double
        var weight: Double

        /// Ink area over length: the stroke width, robust to a slightly wrong slope (which widens the row span).
        var thickness: Double { weight / Double(last - first + 1) }
        var centerRow: Double { rowSum / weight }
    }

    /// A run of ink along a row being bridged over small gaps: where it starts, its last ink pixel
    /// and how many of its pixels are ink.
    struct BridgedRun {
        var start = -1, lastInk = -1, inked = 0

        /// Appends the run to `runs` if it is long enough and, bridged as it is, still mostly ink (a
        /// pixel row through a line of text is not).
        func close(into runs: inout [(Int, Int)], minLength: Int, minInkDensity: Double) {
            let len = lastInk - start + 1
            if start >= 0 && len >= minLength && Self.isDense(inked: inked, length: len, minInkDensity: minInkDensity) {
                runs.append((start, lastInk))
            }
        }

        /// Whether `inked` ink pixels of a bridged run `length` long are enough ink to keep it.
        @inline(__always)
        static func isDense(inked: Int, length: Int, minInkDensity: Double) -> Bool {
            Double(inked) >= minInkDensity * Double(length)
        }
    }

    /// The unbroken ink every kept run holds: a bridged run of length `len` (at least `minLength`,
    /// ink at both ends) keeps at least the ink the density asks for, in at most one stretch more than
    /// it has white pixels, so its longest stretch is at least the ink over the stretches. The least
    /// of that over the lengths a row can hold (`width + 1`, never found, when no length is kept).
    /// For a density from 0 to 1 (`segments` asks for no other) the ink over the stretches is at least
    /// density·len / ((1 − density)·len + 1), which grows with the length: once that passes `least − 1`
    /// no longer run can promise less, and the search stops.
    static func inkStretch(minLength: Int, minInkDensity: Double, width: Int) -> Int {
        var least = width + 1
        var len = max(1, minLength)
        while len <= width && least > 1
                && minInkDensity * Double(len) / ((1 - minInkDensity) * Double(len) + 1) < Double(least - 1) + 1e-6 {
            // the fewest ink pixels the density lets through, by BridgedRun's own comparison
            func dense(_ ink: Int) -> Bool { BridgedRun.isDense(inked: ink, length: len, minInkDensity: minInkDensity) }
            var ink = min(len, max(0, Int((minInkDensity * Double(len)).rounded(.up))))
            while ink > 0 && dense(ink - 1) { ink -= 1 }
            while ink < len && !dense(ink) { ink += 1 }
            if dense(ink) {
                let stretches = len - ink + 1
                least = min(least, max(1, (ink + stretches - 1) / stretches))
            }
            len += 1
        }
        return least
    }

    /// Ink runs along rows sheared by `slope` (pixel (x, r + round(slope·x))), bridged over small gaps,
    /// stacked across neighbouring rows into segments.
    ///
    /// `skipBareRows`: where a sheared row is one pixel row (a level page), each row is first asked for
    /// the unbroken ink that any run it keeps must hold (`RulingScanner.inkStretch`), and no runs are
    /// read from a row without it: most rows of a ruled page only cross the other direction's lines, a
    /// pixel or two at each, and none of those runs is kept. The same segments either way (the tests
    /// compare both).
    func segments(in mask: InkMask, slope: Double, minLength: Int, maxGap: Int, skipBareRows: Bool = true) -> [Segment] {
        let plane = mask.plane
        let w = plane.width, h = plane.height
        // The shear is constant along stretches of x: a sheared row is read as pieces of plain rows
        // (a level page, every born-digital one, is one piece).
        var pieces: [(from: Int, to: Int, shift: Int)] = []
        var x = 0
        while x < w {
            let shift = Int((slope * Double(x)).rounded())
            var end = x + 1
            while end < w && Int((slope * Double(end)).rounded()) == shift { end += 1 }
            pieces.append((x, end, shift))
            x = end
        }
        let lowRow = -(pieces.map(\.shift).max() ?? 0), highRow = h - (pieces.map(\.shift).min() ?? 0)
        // Only where a sheared row is one plain row: elsewhere a run bridges pieces of different rows.
        // A density outside 0…1 (a setting no scan uses) reads every row, as the bound assumes one.
        let stretch = skipBareRows && pieces.count == 1 && (0...1).contains(settings.minInkDensity)
            ? Self.inkStretch(minLength: minLength, minInkDensity: settings.minInkDensity, width: w) : nil
        var closed: [Segment] = []
        var active: [Segment] = []
        var next: [Segment] = []
        var runs: [(Int, Int)] = []
        var movedTo: [Int] = []
        let minInkDensity = settings.minInkDensity
        plane.words.withUnsafeBufferPointer { words in
            for r in lowRow..<highRow {
                runs.removeAll(keepingCapacity: true)
                var row = BridgedRun()
                for piece in pieces {
                    let y = r + piece.shift
                    guard y >= 0 && y < h else { continue }
                    if let stretch, !InkPlane.hasInkStretch(words, wordsPerRow: plane.wordsPerRow, row: y, length: stretch) { continue }
                    InkPlane.forEachRun(words, wordsPerRow: plane.wordsPerRow, row: y, from: piece.from, to: piece.to) { first, last in
                        if row.start < 0 || first - row.lastInk - 1 > maxGap {
                            row.close(into: &runs, minLength: minLength, minInkDensity: minInkDensity)
                            row = BridgedRun(start: first)
                        }
                        row.lastInk = last
                        row.inked += last - first + 1
                    }
                }
                row.close(into: &runs, minLength: minLength, minInkDensity: minInkDensity)
                if runs.isEmpty && active.isEmpty { continue }

                next.removeAll(keepingCapacity: true)
                // Where each active segment went in this row: several runs of one row may join one segment.
                movedTo.removeAll(keepingCapacity: true)
                movedTo.append(contentsOf: repeatElement(-1, count: active.count))
                for (a, b) in runs {
                    let len = Double(b - a + 1)
                    var target = -1
                    for i in active.indices {
                        let s = movedTo[i] >= 0 ? next[movedTo[i]] : active[i]
                        let overlap = min(b, s.last) - max(a, s.first) + 1
                        if overlap * 2 >= min(b - a + 1, s.last - s.first + 1) {
                            if movedTo[i] < 0 {
                                next.append(active[i])
                                movedTo[i] = next.count - 1
                            }
                            target = movedTo[i]
                            break
                        }
                    }
                    if target < 0 {
                        next.append(Segment(first: a, last: b, firstRow: r, lastRow: r, rowSum: Double(r) * len, weight: len))
                    } else {
                        next[target].first = min(next[target].first, a)
                        next[target].last = max(next[target].last, b)
                        next[target].lastRow = r
                        next[target].rowSum += Double(r) * len
                        next[target].weight += len
                    }
                }
                for i in active.indices where movedTo[i] < 0 { closed.append(active[i]) }
                swap(&active, &next)
            }
        }
        closed.append(contentsOf: active)
        return closed.filter { $0.last - $0.first + 1 >= minLength }
    }

    // MARK: - Joining and pruning

    /// Joins pieces of one line: parallel strands of a thick or blurred scan line, and a line broken by a gap.
    func mergeCollinear(_ rulings: [Ruling]) -> [Ruling] {
        var out: [Ruling] = []
        for orientation in [Ruling.Orientation.horizontal, .vertical] {
            var group = rulings.filter { $0.orientation == orientation }.sorted { $0.position < $1.position }
            // Most pairs in the window lie far apart along the line (a scan's text strokes): their
            // extents, kept beside the group, rule them out before `joined` is called.
            let reach = max(settings.joinGap, settings.maxGap)
            var merged = true
            while merged {
                merged = false
                var extents = group.map(\.extent)
                var i = 0
                while i < group.count {
                    var j = i + 1
                    // Midpoints of pieces of one skewed line can differ by the slope times the page width.
                    while j < group.count && group[j].position - group[i].position <= settings.mergeWindow {
                        if extents[j].lo <= extents[i].hi + reach && extents[i].lo <= extents[j].hi + reach,
                           let m = joined(group[i], group[j]) {
                            group[i] = m
                            extents[i] = m.extent
                            group.remove(at: j)
                            extents.remove(at: j)
                            merged = true
                        } else {
                            j += 1
                        }
                    }
                    i += 1
                }
                group.sort { $0.position < $1.position }
            }
            out += group
        }
        return out
    }

    /// Two near-parallel pieces as one ruling, when their extents overlap or nearly touch.
    private func joined(_ a: Ruling, _ b: Ruling) -> Ruling? {
        let horizontal = a.orientation == .horizontal
        func along(_ p: Point) -> Double { horizontal ? p.x : p.y }
        let (a0, a1) = a.extent, (b0, b1) = b.extent
        // Longer gaps only between long pieces: a row of text's strokes are short pieces that close.
        let gap = min(a.length, b.length) >= settings.joinMinLength ? settings.joinGap : settings.maxGap
        guard b0 <= a1 + gap && a0 <= b1 + gap else { return nil }
        let la = a.length, lb = b.length
        // Distance across the lines, measured where the shorter piece is.
        let (long, short) = la >= lb ? (a, b) : (b, a)
        let mid = Point(x: (short.start.x + short.end.x) / 2, y: (short.start.y + short.end.y) / 2)
        let across = horizontal ? long.value(atX: mid.x) - mid.y : long.value(atY: mid.y) - mid.x
        guard abs(across) <= settings.mergeDistance + (a.thickness + b.thickness) / 2 else { return nil }
        let lo = min(a0, b0), hi = max(a1, b1)
        // Keep the longer piece's line (its slope is the better estimate) and stretch it over both.
        let base = la >= lb ? a : b
        func point(at t: Double) -> Point {
            let s0 = along(base.start), s1 = along(base.end)
            let f = s1 == s0 ? 0 : (t - s0) / (s1 - s0)
            return Point(x: base.start.x + f * (base.end.x - base.start.x), y: base.start.y + f * (base.end.y - base.start.y))
        }
        let spread = abs(across)
        let thickness = max(base.thickness, min(spread + min(a.thickness, b.thickness), settings.maxThickness))
        return Ruling(orientation: a.orientation, start: point(at: lo), end: point(at: hi),
                      thickness: la >= lb ? max(a.thickness, thickness == base.thickness ? a.thickness : thickness) : thickness)
    }

    /// Keeps long rulings, and short ones only where both ends meet a long perpendicular ruling: the
    /// separators of a thin row do, the strokes of a character on a scan do not. Short ones that meet
    /// one at one end are kept too, with `keepingCutStubs`, where at least `cutStubs` lines (these
    /// stubs, or long lines ending free) stop together at the other: a table cut by a page break
    /// with no border drawn along the cut (a browser's print of a row split across pages), whose
    /// separators stop at the cut.
    func keepConnected(_ rulings: [Ruling], keepingCutStubs: Bool = false) -> [Ruling] {
        let anchors = rulings.filter { $0.length >= settings.anchorLength }
        let tol = settings.touchTolerance
        func touches(_ p: Point, _ r: Ruling) -> Bool {
            let reach = tol + r.thickness / 2
            let b = r.bounds.insetBy(reach)
            guard b.contains(p) else { return false }
            // Distance from p to the ruling's line (rulings are straight even when skewed).
            let dx = r.end.x - r.start.x, dy = r.end.y - r.start.y
            let len = max(1e-9, (dx * dx + dy * dy).squareRoot())
            let d = abs((p.x - r.start.x) * dy - (p.y - r.start.y) * dx) / len
            return d <= reach
        }
        let across = (horizontal: anchors.filter { $0.orientation == .vertical }, vertical: anchors.filter { $0.orientation == .horizontal })
        // free ends (meeting no long line across): of short lines that meet one at their other end,
        // and of long lines, whose ends stop at a cut too
        var ends: [(index: Int, orientation: Ruling.Orientation, position: Double, atStart: Bool, short: Bool)] = []
        var kept = rulings.indices.map { i -> Bool in
            let r = rulings[i]
            let long = r.length >= settings.anchorLength
            if long && !keepingCutStubs { return true }
            let perpendicular = r.orientation == .horizontal ? across.horizontal : across.vertical
            let atStart = perpendicular.contains { touches(r.start, $0) }, atEnd = perpendicular.contains { touches(r.end, $0) }
            if keepingCutStubs && (long || atStart != atEnd) {
                let along = { (p: Point) in r.orientation == .horizontal ? p.x : p.y }
                if !atStart { ends.append((i, r.orientation, along(r.start), true, !long)) }
                if !atEnd { ends.append((i, r.orientation, along(r.end), false, !long)) }
            }
            return long || (atStart && atEnd)
        }
        // free ends that stop together, in runs along the cut; the short lines among them are kept
        let order = { (e: (index: Int, orientation: Ruling.Orientation, position: Double, atStart: Bool, short: Bool)) in
            (e.orientation == .horizontal ? 0 : 1, e.atStart ? 0 : 1, e.position)
        }
        ends.sort { order($0) < order($1) }
        var first = 0
        while first < ends.count {
            var last = first
            while last + 1 < ends.count, ends[last + 1].orientation == ends[first].orientation,
                  ends[last + 1].atStart == ends[first].atStart, ends[last + 1].position - ends[first].position <= tol {
                last += 1
            }
            if last - first + 1 >= settings.cutStubs { for k in first...last where ends[k].short { kept[ends[k].index] = true } }
            first = last + 1
        }
        return rulings.indices.filter { kept[$0] }.map { rulings[$0] }
    }

    // MARK: - Rows of text

    /// Drops thick rulings that are the middle of a row of text: a blurred or bold row of characters
    /// is dark right across (strokes and blur close the gaps between glyphs, and strands of it merge
    /// into one thick line), but the characters go on above and below it, as dark as the band itself,
    /// where a line has paper, grey shading, or at most the text of the cell on one side.
    func dropTextBands(_ rulings: [Ruling], raster: any RulingRaster, paper: UInt8) -> [Ruling] {
        guard rulings.contains(where: { $0.thickness >= settings.textBandMinThickness }) else { return rulings }
        return raster.withLuma { pixels in
            let sampler = BandSampler(pixels: pixels, width: raster.width, height: raster.height, scale: raster.scale)
            return rulings.filter { r in
                guard r.thickness >= settings.textBandMinThickness else { return true }
                let half = r.thickness / 2
                let band = sampler.darkness(along: r, halfWidth: half)
                let cut = UInt8((Int(band) + Int(paper)) / 2)
                let beside = (settings.textBandGap + half, settings.textBandGap + half + settings.textBandFlank)
                // Paper on one side is enough to keep it: the other side is read only when this one is dark.
                return sampler.share(along: r, from: -beside.1, to: -beside.0, darkerThan: cut) < settings.textBandFlankInk
                    || sampler.share(along: r, from: beside.0, to: beside.1, darkerThan: cut) < settings.textBandFlankInk
            }
        }
    }

    /// Reads luminance along and beside a ruling in a rendered page.
    struct BandSampler {
        let pixels: LumaPixels
        let width: Int
        let height: Int
        let scale: Double

        /// Calls `body(along, centre)` in pixels for every pixel step along the ruling. A level ruling
        /// (every born-digital one) has one centre across, its position: `value(at:)` gives exactly that.
        private func forEachStep(_ r: Ruling, _ body: (Double, Double) -> Void) {
            let horizontal = r.orientation == .horizontal
            let a0 = r.extent.lo * scale, a1 = r.extent.hi * scale
            let level = r.isLevel
            let levelCentre = (horizontal ? r.start.y : r.start.x) * scale
            var t = a0.rounded(.down)
            while t < a1 {
                body(t, level ? levelCentre : (horizontal ? r.value(atX: t / scale) : r.value(atY: t / scale)) * scale)
                t += 1
            }
        }

        /// A level ruling's strip as `forEachStrip` reads it: how many steps fall off the page, the
        /// steps on it (pixels along, one range: the steps are consecutive) and the whole pixels
        /// across. Nil for a skewed ruling.
        private func levelStrip(_ r: Ruling, from lo: Double, to hi: Double, closed: Bool)
            -> (off: Int, along: Range<Int>, across: Range<Int>)? {
            guard r.isLevel else { return nil }
            let horizontal = r.orientation == .horizontal
            let limit = horizontal ? width : height
            // forEachStep's steps t0, t0 + 1, … below a1 (whole numbers, so the sums are exact): n of
            // them, at pixels Int(t0) ..< Int(t0) + n, of which those in 0 ..< limit are on the page
            let a0 = r.extent.lo * scale, a1 = r.extent.hi * scale
            let t0 = a0.rounded(.down)
            var n = t0 < a1 ? max(1, Int((a1 - t0).rounded(.up))) : 0
            while n > 0 && !(t0 + Double(n - 1) < a1) { n -= 1 }
            while t0 + Double(n) < a1 { n += 1 }
            let start = n > 0 ? Int(t0) : 0
            let first = min(max(start, 0), limit), end = max(min(start + n, limit), first)
            let off = n - (end - first)
            let centre = (horizontal ? r.start.y : r.start.x) * scale
            let across = first < end ? wholePixels(from: centre + lo, to: centre + hi, closed: closed, count: horizontal ? height : width) : 0..<0
            return (off, first..<end, across)
        }

        /// Calls `body(line, across)` for every pixel step along the ruling: `line` the offset of the
        /// page's pixel at 0 across and the offset from one pixel across to the next (nil where the
        /// step is off the page), `across` the whole pixels from `lo` to `hi` pixels off the centre
        /// (`hi` in when `closed`) cut to the page, worked out once for a level ruling.
        private func forEachStrip(_ r: Ruling, from lo: Double, to hi: Double, closed: Bool,
                                  _ body: (_ line: (base: Int, step: Int)?, _ across: Range<Int>) -> Void) {
            let horizontal = r.orientation == .horizontal
            let count = horizontal ? height : width
            let level = r.isLevel
            var levelRange: Range<Int>?
            forEachStep(r) { t, centre in
                let a = Int(t)
                guard a >= 0 && a < (horizontal ? width : height) else {
                    body(nil, 0..<0)
                    return
                }
                let range = levelRange ?? wholePixels(from: centre + lo, to: centre + hi, closed: closed, count: count)
                if level { levelRange = range }
                body(horizontal ? (a, pixels.stride) : (a * pixels.stride, 1), range)
            }
        }

        /// The whole pixels across from `lo` to `hi` (pixels; `hi` in when `closed`), cut to the page:
        /// first ..< end, empty when none.
        private func wholePixels(from lo: Double, to hi: Double, closed: Bool, count: Int) -> Range<Int> {
            let start = lo.rounded(.down)
            guard closed ? start <= hi : start < hi else { return 0..<0 }
            let first = max(0, Int(start))
            let end = min(count, closed ? Int(hi.rounded(.down)) + 1 : Int(hi.rounded(.up)))
            return first < end ? first..<end : 0..<0
        }

        /// The mean over the ruling's length of its darkest pixel across (strands of a merged line
        /// leave paper between them; the line is as dark as its strands): at each step, the whole
        /// pixels from `centre - halfWidth` to `centre + halfWidth` (points, both ends in) on the page.
        /// `stepwise` reads a level ruling step by step as a skewed one is read (for the tests): the
        /// level path reads the same pixels row by row.
        func darkness(along r: Ruling, halfWidth: Double, stepwise: Bool = false) -> UInt8 {
            if !stepwise, let strip = levelStrip(r, from: -halfWidth * scale, to: halfWidth * scale, closed: true) {
                let (along, across) = (strip.along, strip.across)
                var sum = 255 * strip.off
                if across.isEmpty || along.isEmpty {
                    sum += 255 * along.count
                } else if r.orientation == .horizontal {
                    // along a pixel row: the darkest across for each step, read a row at a time
                    sum += withUnsafeTemporaryAllocation(of: UInt32.self, capacity: along.count) { darkest in
                        darkest.initialize(repeating: 255)
                        for c in across {
                            pixels.forEachLuma(from: c * pixels.stride + along.lowerBound, count: along.count) { k, luma in
                                darkest[k] = min(darkest[k], luma & 0xFF)
                            }
                        }
                        return darkest.reduce(0) { $0 + Int($1) }
                    }
                } else {
                    for a in along {
                        var darkest: UInt32 = 255
                        pixels.forEachLuma(from: a * pixels.stride + across.lowerBound, count: across.count) { _, luma in
                            darkest = min(darkest, luma & 0xFF)
                        }
                        sum += Int(darkest)
                    }
                }
                let count = strip.off + along.count
                return count == 0 ? 255 : UInt8(sum / count)
            }
            var sum = 0, count = 0
            forEachStrip(r, from: -halfWidth * scale, to: halfWidth * scale, closed: true) { line, across in
                var darkest: UInt8 = 255
                if let line {
                    for c in across { darkest = min(darkest, UInt8(truncatingIfNeeded: pixels.luma(at: line.base + c * line.step))) }
                }
                sum += Int(darkest)
                count += 1
            }
            return count == 0 ? 255 : UInt8(sum / count)
        }

        /// The share of pixels darker than `cut` in the strip from `from` to `to` points across the
        /// ruling: at each step, the whole pixels from `from` up to (not at) `to` on the page.
        func share(along r: Ruling, from: Double, to: Double, darkerThan cut: UInt8, stepwise: Bool = false) -> Double {
            var dark = 0, count = 0
            let cutLevel = UInt32(cut)
            if !stepwise, let strip = levelStrip(r, from: from * scale, to: to * scale, closed: false) {
                // the pixels off the page are not counted; the order they are read in does not matter
                let (along, across) = (strip.along, strip.across)
                count = along.count * across.count
                // a row's stretch at a time: the steps along a horizontal ruling, the pixels across a vertical one
                let (rows, stretch) = r.orientation == .horizontal ? (across, along) : (along, across)
                for y in rows {
                    pixels.forEachLuma(from: y * pixels.stride + stretch.lowerBound, count: stretch.count) { _, luma in
                        if luma < cutLevel { dark += 1 }
                    }
                }
                return count == 0 ? 0 : Double(dark) / Double(count)
            }
            forEachStrip(r, from: from * scale, to: to * scale, closed: false) { line, across in
                guard let line else { return }
                count += across.count
                for c in across where pixels.luma(at: line.base + c * line.step) < cutLevel { dark += 1 }
            }
            return count == 0 ? 0 : Double(dark) / Double(count)
        }
    }

    // MARK: - Glyph strokes

    /// Drops segments that lie mostly inside glyph boxes: the horizontal stroke of 一, a bar of 目.
    /// With `trimmingRuns`, a kept segment that starts or ends inside a run of glyphs is cut back to
    /// where the run ends: a row of characters whose strokes touch a table line at one height (wider
    /// outlines than their boxes close the gap) reads as the line running on through the text.
    func dropGlyphStrokes(_ rulings: [Ruling], glyphs: [Glyph], trimmingRuns: Bool = true) -> [Ruling] {
        let boxes = glyphs.lazy.filter { !$0.isWhitespace && !$0.box.isEmpty }.map { $0.box.insetBy(settings.glyphPadding) }
        guard !boxes.isEmpty, !rulings.isEmpty else { return rulings }
        let all = Array(boxes)
        let rows = RulingGlyphIndex(all, for: .horizontal), columns = RulingGlyphIndex(all, for: .vertical)
        var spans: [(Double, Double)] = []
        return rulings.compactMap { r in
            let horizontal = r.orientation == .horizontal
            let (lo, hi) = r.extent
            spans.removeAll(keepingCapacity: true)
            // The boxes the line runs through, clipped to the line's extent.
            (horizontal ? rows : columns).forEachBox(across: r.position) { b in
                let (c0, c1) = horizontal ? (b.left, b.right) : (b.top, b.bottom)
                let s = max(lo, c0), e = min(hi, c1)
                if e > s { spans.append((s, e)) }
            }
            guard !spans.isEmpty else { return r }
            spans.sort { $0.0 < $1.0 }
            let covered = Self.merged(spans, gap: 0).reduce(0) { $0 + $1.end - $1.start }
            guard covered < settings.glyphCoverageLimit * (hi - lo) else { return nil }
            guard trimmingRuns else { return r }
            // Runs of text along the segment: boxes that touch or nearly touch.
            let runs = Self.merged(spans, gap: settings.glyphRunGap)
            // A run at an end is cut off only up to a line across this one just past the text (the
            // cell's border the true line starts from); text merely touching a line leaves it whole.
            let head = runs.first.flatMap { $0.glyphs >= settings.glyphRunMinCount && $0.start <= lo + settings.glyphRunGap ? $0 : nil }
            let tail = runs.last.flatMap { $0.glyphs >= settings.glyphRunMinCount && $0.end >= hi - settings.glyphRunGap ? $0 : nil }
            guard head != nil || tail != nil else { return r }
            let borders = crossings(of: r, among: rulings)
            var from = lo, to = hi
            if let head {
                let limit = runs.count > 1 ? runs[1].start : hi
                if let p = borders.filter({ $0 >= head.end - settings.glyphRunGap && $0 <= limit }).min() { from = p }
            }
            if let tail {
                let limit = runs.count > 1 ? runs[runs.count - 2].end : lo
                if let p = borders.filter({ $0 <= tail.start + settings.glyphRunGap && $0 >= limit }).max() { to = p }
            }
            guard from > lo || to < hi else { return r }
            guard to - from >= settings.minLength else { return nil }
            return r.clipped(from: from, to: to)
        }
    }

    /// Sorted spans joined where they overlap or lie at most `gap` apart, with how many each holds.
    static func merged(_ spans: [(Double, Double)], gap: Double) -> [(start: Double, end: Double, glyphs: Int)] {
        var out: [(start: Double, end: Double, glyphs: Int)] = []
        for (s, e) in spans {
            if let last = out.last, s <= last.end + gap {
                out[out.count - 1] = (last.start, max(last.end, e), last.glyphs + 1)
            } else {
                out.append((s, e, 1))
            }
        }
        return out
    }

    /// Where the rulings across `r` that reach its line cross it (x for a horizontal `r`).
    private func crossings(of r: Ruling, among rulings: [Ruling]) -> [Double] {
        rulings.compactMap { c in
            guard c.orientation != r.orientation else { return nil }
            let (a, b) = c.extent
            return a - settings.glyphRunGap <= r.position && r.position <= b + settings.glyphRunGap ? c.position : nil
        }
    }
}
