import CPoppler
@testable import ReformPDF
import ReformTestSupport
import Testing

/// The text-band check reads a level ruling's strips row by row; a skewed one is read step by step.
/// Both ways must read the same pixels: level rulings read both ways over random pages.
@Suite struct BandSamplerTests {
    @Test(arguments: [1.0, 2.0])
    func aLevelRulingReadsTheSameRowByRowAsStepByStep(scale: Double) {
        var random = SplitMix(seed: scale == 1 ? 3 : 4)
        func unit() -> Double { Double.random(in: 0..<1, using: &random) }
        var compared = 0, darkSeen = false
        for _ in 0..<12 {
            let width = Int.random(in: 20...160, using: &random), height = Int.random(in: 20...160, using: &random)
            let raster = PageRaster(width: width, height: height, scale: scale)
            raster.draw { cr in
                for _ in 0..<30 {
                    let grey = unit()
                    cairo_set_source_rgb(cr, grey, unit(), grey)
                    cairo_rectangle(cr, unit() * Double(width), unit() * Double(height), unit() * 40, unit() * 6)
                    cairo_fill(cr)
                }
            }
            let (w, h) = (Double(width) / scale, Double(height) / scale)
            raster.withLuma { pixels in
                let sampler = RulingScanner.BandSampler(pixels: pixels, width: width, height: height, scale: scale)
                for _ in 0..<40 {
                    let horizontal = Bool.random(using: &random)
                    let (alongSize, acrossSize) = horizontal ? (w, h) : (h, w)
                    // ends and position may lie off the page
                    let a = unit() * alongSize * 1.4 - alongSize * 0.2, b = unit() * alongSize * 1.4 - alongSize * 0.2
                    let at = unit() * acrossSize * 1.2 - acrossSize * 0.1
                    let r = horizontal
                        ? Ruling(orientation: .horizontal, start: Point(x: a, y: at), end: Point(x: b, y: at), thickness: 0.5 + unit() * 5)
                        : Ruling(orientation: .vertical, start: Point(x: at, y: a), end: Point(x: at, y: b), thickness: 0.5 + unit() * 5)
                    let half = r.thickness / 2
                    let band = sampler.darkness(along: r, halfWidth: half)
                    #expect(band == sampler.darkness(along: r, halfWidth: half, stepwise: true))
                    darkSeen = darkSeen || band < 200
                    let cut = UInt8.random(in: 0...255, using: &random)
                    let near = unit() * 2, far = near + unit() * 3
                    for (from, to) in [(-far, -near), (near, far)] {
                        #expect(sampler.share(along: r, from: from, to: to, darkerThan: cut)
                                == sampler.share(along: r, from: from, to: to, darkerThan: cut, stepwise: true))
                    }
                    compared += 1
                }
            }
        }
        #expect(compared == 480)
        #expect(darkSeen, "some rulings lie over ink")
    }
}
