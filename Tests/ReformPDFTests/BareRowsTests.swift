@testable import ReformPDF
import ReformTestSupport
import Testing

/// The ruling scan reads no runs from a row without the unbroken ink any kept run must hold
/// (`RulingScanner.inkStretch`, `InkPlane.hasInkStretch`); these tests hold it to reading them all.
@Suite struct BareRowsTests {
    /// Every row of up to 14 pixels that a bridged run could be (ink at both ends, gaps no longer
    /// than `maxGap`) and that `BridgedRun.close` keeps holds the stretch its settings promise.
    @Test(arguments: [2, 3, 6, 9])
    func everyKeptRunHoldsThePromisedStretch(minLength: Int) {
        let width = 14
        var checked = 0
        for density in [0.0, 0.5, 0.75, 0.9, 0.95, 1.0] {
            let promised = RulingScanner.inkStretch(minLength: minLength, minInkDensity: density, width: width)
            for maxGap in 1...3 {
                for len in 1...width {
                    for bits in 0..<(1 << len) where bits & 1 == 1 && bits >> (len - 1) & 1 == 1 {
                        var longest = 0, current = 0, gap = 0, widestGap = 0, inked = 0
                        for x in 0..<len {
                            if bits >> x & 1 == 1 {
                                current += 1; inked += 1; longest = max(longest, current); gap = 0
                            } else {
                                current = 0; gap += 1; widestGap = max(widestGap, gap)
                            }
                        }
                        guard widestGap <= maxGap else { continue }
                        var runs: [(Int, Int)] = []
                        RulingScanner.BridgedRun(start: 0, lastInk: len - 1, inked: inked)
                            .close(into: &runs, minLength: minLength, minInkDensity: density)
                        guard !runs.isEmpty else { continue }
                        checked += 1
                        #expect(longest >= promised, "len \(len) bits \(String(bits, radix: 2)) density \(density)")
                    }
                }
            }
        }
        #expect(checked > 100)
    }

    /// The settings reform scans born-digital pages with promise five pixels in a row, so a row that
    /// only crosses lines one or two pixels wide is never read.
    @Test func theDefaultSettingsPromiseFivePixels() {
        let settings = RulingSettings()
        let minLength = max(2, Int(settings.minLength.rounded(.down)))
        #expect(RulingScanner.inkStretch(minLength: minLength, minInkDensity: settings.minInkDensity, width: 842) == 5)
        #expect(RulingScanner.inkStretch(minLength: 900, minInkDensity: 0.9, width: 842) == 843, "no length is kept")
    }

    /// `hasInkStretch` against a pixel loop, on rows whose runs cross word boundaries and fill whole words.
    @Test func aRowsStretchIsFoundWithinAndAcrossWords() {
        var random = SplitMix(seed: 7)
        for width in [1, 5, 63, 64, 65, 128, 130, 200, 257] {
            for _ in 0..<40 {
                var plane = InkPlane(width: width, height: 1)
                var ink = [Bool](repeating: false, count: width)
                var x = Int.random(in: 0..<4, using: &random)
                while x < width {
                    let run = Int.random(in: 0..<10, using: &random) == 0 ? Int.random(in: 60...140, using: &random)
                        : Int.random(in: 1...8, using: &random)
                    for p in x..<min(width, x + run) {
                        ink[p] = true
                        plane.words[p >> 6] |= 1 << UInt64(p & 63)
                    }
                    x += run + Int.random(in: 1...12, using: &random)
                }
                var longest = 0, current = 0
                for p in ink { current = p ? current + 1 : 0; longest = max(longest, current) }
                for length in [1, 2, 3, 5, 8, 13, 31, 64, 65, 100, 129] {
                    let found = plane.words.withUnsafeBufferPointer {
                        InkPlane.hasInkStretch($0, wordsPerRow: plane.wordsPerRow, row: 0, length: length)
                    }
                    #expect(found == (longest >= length), "width \(width) length \(length) longest \(longest)")
                }
            }
        }
    }

    static func same(_ a: [RulingScanner.Segment], _ b: [RulingScanner.Segment]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy {
            ($0.first, $0.last, $0.firstRow, $0.lastRow, $0.rowSum, $0.weight) == ($1.first, $1.last, $1.firstRow, $1.lastRow, $1.rowSum, $1.weight)
        }
    }

    /// Random ruled planes (lines one to three pixels wide, broken lines, specks, text-like blots),
    /// level and skewed, give the same segments whether bare rows are skipped or read.
    @Test func skippingBareRowsKeepsEverySegmentOfRandomPlanes() {
        var random = SplitMix(seed: 11)
        let scanner = RulingScanner()
        var skippedSome = false
        for _ in 0..<30 {
            let width = Int.random(in: 40...300, using: &random), height = Int.random(in: 40...300, using: &random)
            var plane = InkPlane(width: width, height: height)
            func set(_ x: Int, _ y: Int) {
                guard x >= 0 && x < width && y >= 0 && y < height else { return }
                plane.words[y * plane.wordsPerRow + (x >> 6)] |= 1 << UInt64(x & 63)
            }
            for _ in 0..<Int.random(in: 0...12, using: &random) {
                let horizontal = Bool.random(using: &random), thick = Int.random(in: 1...3, using: &random)
                let at = Int.random(in: 0..<(horizontal ? height : width), using: &random)
                let from = Int.random(in: 0..<(horizontal ? width : height), using: &random)
                let to = min(horizontal ? width : height, from + Int.random(in: 2...300, using: &random))
                for along in from..<to where Int.random(in: 0..<25, using: &random) != 0 {
                    for across in at..<(at + thick) { horizontal ? set(along, across) : set(across, along) }
                }
            }
            for _ in 0..<Int.random(in: 0...200, using: &random) {
                let x = Int.random(in: 0..<width, using: &random), y = Int.random(in: 0..<height, using: &random)
                for dx in 0..<Int.random(in: 1...7, using: &random) { set(x + dx, y) }
            }
            let mask = InkMask(plane: plane)
            let skipped = (0..<height).contains { y in
                plane.words.withUnsafeBufferPointer { words in
                    !InkPlane.hasInkStretch(words, wordsPerRow: plane.wordsPerRow, row: y, length: 5)
                        && (0..<plane.wordsPerRow).contains { words[y * plane.wordsPerRow + $0] != 0 }
                }
            }
            skippedSome = skippedSome || skipped
            for slope in [0.0, 0.004, -0.02] {
                for minLength in [2, 6, 12] {
                    for maxGap in [1, 2] {
                        let read = scanner.segments(in: mask, slope: slope, minLength: minLength, maxGap: maxGap, skipBareRows: false)
                        let skipping = scanner.segments(in: mask, slope: slope, minLength: minLength, maxGap: maxGap)
                        let equal = Self.same(read, skipping)
                        #expect(equal, "\(width)×\(height) slope \(slope) min \(minLength) gap \(maxGap)")
                    }
                }
            }
        }
        #expect(skippedSome, "some planes have rows with ink but no stretch")
    }

    /// Settings the bound does not hold for (a density below 0 keeps runs with no ink at all, one that
    /// is not a number keeps nothing) read every row: the same segments as reading them all.
    @Test(arguments: [-Double.infinity, -0.5, 1.5, Double.nan])
    func aDensityOutsideZeroToOneReadsEveryRow(density: Double) {
        var plane = InkPlane(width: 90, height: 30)
        for x in stride(from: 0, to: 90, by: 3) { for y in 0..<30 { plane.words[y * plane.wordsPerRow + (x >> 6)] |= 1 << UInt64(x & 63) } }
        for x in 0..<90 { plane.words[10 * plane.wordsPerRow + (x >> 6)] |= 1 << UInt64(x & 63) }
        var settings = RulingSettings()
        settings.minInkDensity = density
        let scanner = RulingScanner(settings: settings), mask = InkMask(plane: plane)
        let read = scanner.segments(in: mask, slope: 0, minLength: 6, maxGap: 2, skipBareRows: false)
        let skipping = scanner.segments(in: mask, slope: 0, minLength: 6, maxGap: 2)
        let equal = Self.same(read, skipping)
        #expect(equal, "\(read.count) segments read, \(skipping.count) skipping")
    }

    /// Rendered fixture pages, rows and columns, give the same segments either way.
    @Test(arguments: ["ruled-cjk.pdf", "shaded.pdf", "landscape.pdf", "scanned-look.pdf", "../born-digital/ch-portrait-04.pdf", "../born-digital/lo-landscape-01.pdf"])
    func skippingBareRowsKeepsEverySegmentOfRenderedPages(file: String) throws {
        let document = try PDFDocument(path: Fixtures.path(file))
        let page = try document.page(1)
        let scanner = RulingScanner()
        let settings = scanner.settings
        let raster = page.render(scale: settings.renderScale, antialias: settings.antialias, glyphs: false)
        let mask = InkMask.thresholded(raster, settings: settings).mask
        let minLength = max(2, Int(settings.minLength.rounded(.down)))
        var segments = 0
        for plane in [mask, InkMask(plane: mask.plane.transposed())] {
            let read = scanner.segments(in: plane, slope: 0, minLength: minLength, maxGap: 2, skipBareRows: false)
            let skipping = scanner.segments(in: plane, slope: 0, minLength: minLength, maxGap: 2)
            let equal = Self.same(read, skipping)
            #expect(equal, "\(read.count) segments read, \(skipping.count) skipping")
            segments += read.count
        }
        #expect(segments > 4, "the page has lines")
    }
}
