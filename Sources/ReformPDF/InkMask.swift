/// A binary image: 1 where the rendered page has ink, 0 elsewhere, row-major.
struct InkMask {
    var width: Int
    var height: Int
    var bits: [UInt8]

    /// A sample of the page's luminance histogram (every third pixel of every other row).
    static func histogram(_ raster: PageRaster) -> [Int] {
        var histogram = [Int](repeating: 0, count: 256)
        raster.withPixels { px, stride in
            var y = 0
            while y < raster.height {
                let row = px + y * stride
                var x = 0
                while x < raster.width { histogram[Int(InkMask.luma(row[x]))] += 1; x += 3 }
                y += 2
            }
        }
        return histogram
    }

    /// Thresholds a rendered page in one pass over its pixels: luminance below `cutoff` is ink.
    init(raster: PageRaster, cutoff: UInt32) {
        let w = raster.width, h = raster.height
        width = w
        height = h
        var out = [UInt8](repeating: 0, count: w * h)
        raster.withPixels { px, stride in
            out.withUnsafeMutableBufferPointer { dst in
                for y in 0..<h {
                    let row = px + y * stride
                    let o = y * w
                    for x in 0..<w { dst[o + x] = InkMask.luma(row[x]) < cutoff ? 1 : 0 }
                }
            }
        }
        bits = out
    }

    /// Rec. 601 luminance in fixed point: (77 R + 150 G + 29 B) / 256.
    @inline(__always)
    static func luma(_ p: UInt32) -> UInt32 {
        (77 &* ((p >> 16) & 0xFF) &+ 150 &* ((p >> 8) & 0xFF) &+ 29 &* (p & 0xFF)) >> 8
    }

    /// The ink cut-off for a luminance histogram: fixed on white paper, Otsu's on a scan.
    static func cutoff(_ histogram: [Int], settings: RulingSettings) -> UInt32 {
        let paper = histogram.indices.max { histogram[$0] < histogram[$1] } ?? 255
        var cut = Int(settings.inkLuminance)
        // On a scan the paper is grey and faint hairlines sit just below it: cut close under the paper
        // (noise specks never make the long dense runs a line needs).
        if paper < Int(settings.whitePaperLuminance) { cut = paper - Int(settings.scanPaperMargin) }
        return UInt32(max(1, cut))
    }

    init(width: Int, height: Int, bits: [UInt8]) {
        self.width = width
        self.height = height
        self.bits = bits
    }

    /// The mask with rows and columns swapped, so vertical lines can be scanned as horizontal ones.
    func transposed() -> InkMask {
        var out = [UInt8](repeating: 0, count: bits.count)
        let w = width, h = height, block = 32
        out.withUnsafeMutableBufferPointer { dst in
            bits.withUnsafeBufferPointer { src in
                var by = 0
                while by < h {
                    var bx = 0
                    while bx < w {
                        for y in by..<min(by + block, h) {
                            for x in bx..<min(bx + block, w) { dst[x * h + y] = src[y * w + x] }
                        }
                        bx += block
                    }
                    by += block
                }
            }
        }
        return InkMask(width: h, height: w, bits: out)
    }

    /// Otsu's threshold: the cut that best separates the histogram into two classes.
    static func otsu(_ histogram: [Int]) -> Int {
        let total = histogram.reduce(0, +)
        guard total > 0 else { return 128 }
        var sumAll = 0.0
        for (i, c) in histogram.enumerated() { sumAll += Double(i * c) }
        var sumB = 0.0, weightB = 0, best = 0.0, cut = 128
        for t in 0..<256 {
            weightB += histogram[t]
            if weightB == 0 { continue }
            let weightF = total - weightB
            if weightF == 0 { break }
            sumB += Double(t * histogram[t])
            let mB = sumB / Double(weightB), mF = (sumAll - sumB) / Double(weightF)
            let between = Double(weightB) * Double(weightF) * (mB - mF) * (mB - mF)
            if between > best { best = between; cut = t }
        }
        return cut + 1
    }
}
