/// A binary image: 1 where the rendered page has ink, 0 elsewhere, row-major.
struct InkMask {
    var width: Int
    var height: Int
    var bits: [UInt8]

    /// Thresholds a luminance image. On white paper the fixed cut-off is used; on a scan (grey paper,
    /// noise) the cut-off comes from the page's histogram.
    init(luminance: [UInt8], width: Int, height: Int, settings: RulingSettings) {
        self.width = width
        self.height = height
        var histogram = [Int](repeating: 0, count: 256)
        luminance.withUnsafeBufferPointer { lum in
            var i = 0
            while i < lum.count { histogram[Int(lum[i])] += 1; i += 3 }
        }
        let paper = histogram.indices.max { histogram[$0] < histogram[$1] } ?? 255
        var cut = Int(settings.inkLuminance)
        if paper < Int(settings.whitePaperLuminance) {
            cut = min(InkMask.otsu(histogram), paper - 24)
        }
        let threshold = UInt8(clamping: max(1, cut))
        bits = [UInt8](repeating: 0, count: luminance.count)
        bits.withUnsafeMutableBufferPointer { out in
            luminance.withUnsafeBufferPointer { lum in
                for i in 0..<lum.count { out[i] = lum[i] < threshold ? 1 : 0 }
            }
        }
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
