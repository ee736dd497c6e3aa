/// Where a rendered page has ink: luminance below a cut-off, one bit a pixel (`InkPlane`).
struct InkMask {
    var plane: InkPlane

    var width: Int { plane.width }
    var height: Int { plane.height }

    /// A sample of the page's luminance histogram (every third pixel of every other row).
    static func histogram(_ raster: PageRaster) -> [Int] {
        var histogram = [Int](repeating: 0, count: 256)
        // White paper is most of a page: counted apart, so the loop does not wait on one bin.
        var white = 0
        let w = raster.width, h = raster.height
        raster.withPixels { px, stride in
            histogram.withUnsafeMutableBufferPointer { bins in
                var y = 0
                while y < h {
                    let row = px + y * stride
                    var x = 0
                    while x < w {
                        let p = row[x]
                        if p & 0xFF_FFFF == 0xFF_FFFF { white += 1 } else { bins[Int(InkMask.luma(p))] += 1 }
                        x += 3
                    }
                    y += 2
                }
            }
        }
        histogram[Int(InkMask.luma(0xFF_FFFF))] += white
        return histogram
    }

    /// Thresholds a rendered page in one pass over its pixels: luminance below `cutoff` is ink.
    init(raster: PageRaster, cutoff: UInt32) {
        let w = raster.width, h = raster.height
        var plane = InkPlane(width: w, height: h)
        let wordsPerRow = plane.wordsPerRow
        // White (luminance 255) is never below a cut-off of at most 255: eight white pixels are skipped
        // with one comparison.
        let skipWhite = cutoff <= 255
        let white = SIMD8<UInt32>(repeating: 0xFF_FFFF)
        let cut = SIMD8<UInt32>(repeating: cutoff)
        let weights = SIMD8<UInt32>(1, 2, 4, 8, 16, 32, 64, 128)
        raster.withPixels { px, stride in
            plane.words.withUnsafeMutableBufferPointer { out in
                for y in 0..<h {
                    let row = px + y * stride
                    let o = y * wordsPerRow
                    var x = 0
                    // Eight pixels at a time; x stays a multiple of 8, so their bits never straddle two words.
                    // A white stretch of 64 pixels (most of a page) is passed over after one comparison.
                    while x + 8 <= w {
                        if skipWhite && x & 63 == 0 && x + 64 <= w {
                            var all = SIMD8<UInt32>(repeating: 0xFFFF_FFFF)
                            var k = 0
                            while k < 64 {
                                all &= UnsafeRawPointer(row + x + k).loadUnaligned(as: SIMD8<UInt32>.self)
                                k += 8
                            }
                            if all & white == white {
                                x += 64
                                continue
                            }
                        }
                        let p = UnsafeRawPointer(row + x).loadUnaligned(as: SIMD8<UInt32>.self) & white
                        if !skipWhite || p != white {
                            let luma = (77 &* ((p &>> 16) & 0xFF) &+ 150 &* ((p &>> 8) & 0xFF) &+ 29 &* (p & 0xFF)) &>> 8
                            let bits = UInt64(weights.replacing(with: 0, where: .!(luma .< cut)).wrappedSum())
                            out[o + (x >> 6)] |= bits &<< UInt64(x & 63)
                        }
                        x += 8
                    }
                    while x < w {
                        if InkMask.luma(row[x]) < cutoff { out[o + (x >> 6)] |= 1 &<< UInt64(x & 63) }
                        x += 1
                    }
                }
            }
        }
        self.plane = plane
    }

    init(plane: InkPlane) {
        self.plane = plane
    }

    /// Rec. 601 luminance in fixed point: (77 R + 150 G + 29 B) / 256.
    @inline(__always)
    static func luma(_ p: UInt32) -> UInt32 {
        (77 &* ((p >> 16) & 0xFF) &+ 150 &* ((p >> 8) & 0xFF) &+ 29 &* (p & 0xFF)) >> 8
    }

    /// The paper's luminance: the histogram's most common level.
    static func paperLevel(_ histogram: [Int]) -> UInt8 {
        UInt8(histogram.indices.max { histogram[$0] < histogram[$1] } ?? 255)
    }

    /// The ink cut-off for a luminance histogram: fixed on white paper, Otsu's on a scan.
    static func cutoff(_ histogram: [Int], settings: RulingSettings) -> UInt32 {
        let paper = Int(paperLevel(histogram))
        var cut = Int(settings.inkLuminance)
        // On a scan the paper is grey and faint hairlines sit just below it: cut close under the paper
        // (noise specks never make the long dense runs a line needs).
        if paper < Int(settings.whitePaperLuminance) { cut = paper - Int(settings.scanPaperMargin) }
        return UInt32(max(1, cut))
    }

    /// The mask with rows and columns swapped, so vertical lines can be scanned as horizontal ones.
    func transposed() -> InkMask {
        InkMask(plane: plane.transposed())
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
