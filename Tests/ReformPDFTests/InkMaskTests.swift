@testable import ReformPDF
import CPoppler
import Testing

/// The ink mask and the luminance histogram come from one pass over the pixels (white stretches
/// skipped eight and sixty-four pixels at a time); they must equal the plain per-pixel definitions.
@Suite struct InkMaskTests {
    /// A deterministic scatter of grey rectangles, so every skip path meets ink at every alignment.
    static func scatter(on raster: PageRaster, paper: Double, count: Int) {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ n: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(n))
        }
        raster.draw { cr in
            cairo_set_source_rgb(cr, paper, paper, paper)
            cairo_paint(cr)
            for _ in 0..<count {
                let grey = Double(next(256)) / 255
                cairo_set_source_rgb(cr, grey, Double(next(256)) / 255, grey)
                cairo_rectangle(cr, Double(next(raster.width)), Double(next(raster.height)), Double(1 + next(40)), Double(1 + next(3)))
                cairo_fill(cr)
            }
        }
    }

    /// The sampled pixels (every third of every other row), counted by luminance one by one.
    static func plainHistogram(_ raster: PageRaster) -> [Int] {
        var bins = [Int](repeating: 0, count: 256)
        raster.withPixels { px, stride in
            for y in Swift.stride(from: 0, to: raster.height, by: InkMask.sampleRows) {
                for x in Swift.stride(from: 0, to: raster.width, by: InkMask.sampleColumns) { bins[Int(InkMask.luma(px[y * stride + x]))] += 1 }
            }
        }
        return bins
    }

    static func plainMask(_ raster: PageRaster, cutoff: UInt32) -> [Bool] {
        raster.withPixels { px, stride in
            (0..<raster.height).flatMap { y in (0..<raster.width).map { x in InkMask.luma(px[y * stride + x]) < cutoff } }
        }
    }

    static func bits(_ mask: InkMask) -> [Bool] {
        (0..<mask.height).flatMap { y in (0..<mask.width).map { x in mask.plane.isInk(x: x, y: y) } }
    }

    /// White paper: the pass's own cut-off (the hairline one) stands, and the mask is the pass's.
    @Test(arguments: [203, 256, 611])
    func onWhitePaperTheOnePassMaskAndHistogramArePlainOnes(width: Int) {
        let raster = PageRaster(width: width, height: 97, scale: 1)
        Self.scatter(on: raster, paper: 1, count: 60)
        let settings = RulingSettings()
        let (mask, histogram, cutoff) = InkMask.thresholded(raster, settings: settings)
        #expect(cutoff == UInt32(settings.inkLuminance))
        #expect(histogram == Self.plainHistogram(raster))
        #expect(histogram[255] > histogram.reduce(0, +) / 2, "mostly white paper")
        #expect(Self.bits(mask) == Self.plainMask(raster, cutoff: cutoff))
    }

    /// The processor's AVX2 loop (CInkMask) marks the same bits and counts the same histogram as
    /// the Swift loop, at every width's tail and on white and grey paper, at the hairline cut-off
    /// and at one above white (nothing skipped). Without AVX2 both are the Swift loop.
    @Test(arguments: [(203, 1.0), (256, 1.0), (611, 1.0), (301, 0.8), (67, 0.9)])
    func theProcessorsMaskIsTheSwiftLoops(width: Int, paper: Double) {
        let raster = PageRaster(width: width, height: 61, scale: 1)
        Self.scatter(on: raster, paper: paper, count: 50)
        for cutoff in [UInt32(RulingSettings().inkLuminance), 256] {
            func marked(processor: Bool) -> (bits: [Bool], histogram: [Int]) {
                var histogram = [Int](repeating: 0, count: 256)
                let mask = histogram.withUnsafeMutableBufferPointer { InkMask(raster: raster, cutoff: cutoff, histogram: $0, processor: processor) }
                return (Self.bits(mask), histogram)
            }
            let fast = marked(processor: true), plain = marked(processor: false)
            #expect(fast.bits == plain.bits, "cut-off \(cutoff)")
            #expect(fast.histogram == plain.histogram, "cut-off \(cutoff)")
            #expect(fast.histogram == Self.plainHistogram(raster), "cut-off \(cutoff)")
        }
    }

    /// CInkMask's contrast loops (SSE2 on x86-64) make the same luminance and marks as the Swift loop,
    /// in colour and in grey, at every width's tail (no multiple of 16 or 64, and narrower than 16),
    /// reaching one to three pixels, at no, some and most contrast.
    @Test(arguments: [(203, 1.0), (611, 0.8), (53, 1.0), (64, 0.9), (11, 1.0)])
    func theContrastLoopInCIsTheSwiftLoop(width: Int, paper: Double) {
        let colour = PageRaster(width: width, height: 43, scale: 1)
        Self.scatter(on: colour, paper: paper, count: 50)
        let grey = GreyRaster(width: width, height: 43, scale: 1)
        grey.copyRows(from: colour, count: colour.height, to: 0)
        var marked = 0
        for raster in [colour, grey] as [any RulingRaster] {
            for reach in 1...3 {
                for delta in [0, 12, 24, 200] {
                    let c = InkMask.contrast(raster, reach: reach, delta: delta, inC: true)
                    let swift = InkMask.contrast(raster, reach: reach, delta: delta, inC: false)
                    #expect(Self.bits(c.rows) == Self.bits(swift.rows), "rows, reach \(reach), delta \(delta)")
                    #expect(Self.bits(c.columns) == Self.bits(swift.columns), "columns, reach \(reach), delta \(delta)")
                    marked += Self.bits(c.rows).filter { $0 }.count
                }
            }
        }
        #expect(marked > 0, "the scatter's bars are lines by contrast")
    }

    /// A raster with no pixels has no contrast marks (and no plane words for the C loop to write).
    @Test(arguments: [(0, 5), (7, 0), (0, 0)])
    func anEmptyRasterHasNoContrastMarks(width: Int, height: Int) {
        let raster = GreyRaster(width: width, height: height, scale: 1)
        for inC in [true, false] {
            let (rows, columns) = InkMask.contrast(raster, reach: 2, delta: 24, inC: inC)
            #expect(rows.width == width && rows.height == height && Self.bits(rows).isEmpty)
            #expect(Self.bits(columns).isEmpty)
        }
    }

    /// Grey paper (a scan): the histogram calls for a cut-off under the paper's grey, and the mask is
    /// made at that one, not at the hairline cut-off of the first pass.
    @Test func onGreyPaperTheMaskIsRemadeAtTheHistogramsCutoff() {
        let raster = PageRaster(width: 301, height: 80, scale: 1)
        Self.scatter(on: raster, paper: 0.8, count: 40)
        let settings = RulingSettings()
        let (mask, histogram, cutoff) = InkMask.thresholded(raster, settings: settings)
        #expect(histogram == Self.plainHistogram(raster))
        let paper = UInt32(InkMask.paperLevel(histogram))
        #expect(paper < UInt32(settings.whitePaperLuminance))
        #expect(cutoff == paper - UInt32(settings.scanPaperMargin))
        #expect(Self.bits(mask) == Self.plainMask(raster, cutoff: cutoff))
        #expect(Self.bits(mask) != Self.plainMask(raster, cutoff: UInt32(settings.inkLuminance)), "the first pass's mask would differ")
    }

    /// The same page in grey (a scan's picture drawn for its rulings, `GreyRaster`): the same mask,
    /// histogram and cut-off from the one pass, on white and on grey paper, and the same contrast
    /// masks, as from the colour render whose luminance it holds.
    @Test(arguments: [(203, 1.0), (611, 1.0), (301, 0.8)])
    func aGreyRasterReadsAsTheColourOneItsLuminanceCameFrom(width: Int, paper: Double) {
        let colour = PageRaster(width: width, height: 89, scale: 1)
        Self.scatter(on: colour, paper: paper, count: 60)
        let grey = GreyRaster(width: width, height: 89, scale: 1)
        grey.copyRows(from: colour, count: colour.height, to: 0)
        #expect(grey.luminance() == colour.luminance())
        let settings = RulingSettings()
        let a = InkMask.thresholded(colour, settings: settings), b = InkMask.thresholded(grey, settings: settings)
        #expect(a.histogram == b.histogram)
        #expect(a.cutoff == b.cutoff)
        #expect(Self.bits(a.mask) == Self.bits(b.mask))
        #expect(Self.bits(b.mask) == Self.plainMask(colour, cutoff: b.cutoff))
        let c = InkMask.contrast(colour, reach: 2, delta: 12), d = InkMask.contrast(grey, reach: 2, delta: 12)
        #expect(Self.bits(c.rows) == Self.bits(d.rows) && Self.bits(c.columns) == Self.bits(d.columns))
        #expect(Self.bits(c.rows).contains(true), "the scatter's bars are lines by contrast")
    }
}
