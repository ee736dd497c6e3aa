import CInkMask

/// Where a rendered page has ink: luminance below a cut-off, one bit a pixel (`InkPlane`).
struct InkMask {
    var plane: InkPlane

    var width: Int { plane.width }
    var height: Int { plane.height }

    /// The histogram's sample: every `sampleColumns`-th pixel of every `sampleRows`-th row (from 0).
    static let sampleColumns = 3
    static let sampleRows = 2

    /// The page's ink and a sample of its luminance histogram (`sampleColumns`, `sampleRows`),
    /// from one pass over the pixels at the white-paper cut-off. The histogram decides the cut-off
    /// (`cutoff(_:settings:)`); where it calls for another (a scan's grey paper), the mask is made
    /// again at that one.
    static func thresholded(_ raster: any RulingRaster, settings: RulingSettings) -> (mask: InkMask, histogram: [Int], cutoff: UInt32) {
        var histogram = [Int](repeating: 0, count: 256)
        let guess = UInt32(settings.inkLuminance)
        var mask = histogram.withUnsafeMutableBufferPointer { InkMask(raster: raster, cutoff: guess, histogram: $0) }
        let cut = cutoff(histogram, settings: settings)
        if cut != guess { mask = InkMask(raster: raster, cutoff: cut) }
        return (mask, histogram, cut)
    }

    /// Thresholds a rendered page in one pass over its pixels: luminance below `cutoff` is ink. With
    /// `histogram`, the pass also counts the luminance of the sampled pixels into its 256 bins.
    /// `processor`: a colour render is marked with the processor's AVX2 instructions where it has
    /// them (CInkMask, the same bits and counts); the tests turn it off to compare the two.
    init(raster: any RulingRaster, cutoff: UInt32, histogram: UnsafeMutableBufferPointer<Int>? = nil, processor: Bool = true) {
        var plane = InkPlane(width: raster.width, height: raster.height)
        let sampledWhite = raster.withLuma { pixels in
            switch pixels.storage {
            case .colour(let words):
                if processor, let whites = Self.markWithProcessor(words, stride: pixels.stride, into: &plane, cutoff: cutoff, histogram: histogram) {
                    return whites
                }
                return Self.mark(words, stride: pixels.stride, into: &plane, cutoff: cutoff, histogram: histogram)
            case .grey(let bytes): return Self.mark(bytes, stride: pixels.stride, into: &plane, cutoff: cutoff, histogram: histogram)
            }
        }
        histogram?[Int(InkMask.luma(0xFF_FFFF))] += sampledWhite
        self.plane = plane
    }

    /// `mark` of a colour render by CInkMask's AVX2 loop; nil, nothing touched, on a processor without AVX2.
    private static func markWithProcessor(_ px: UnsafePointer<UInt32>, stride: Int, into plane: inout InkPlane, cutoff: UInt32,
                                          histogram: UnsafeMutableBufferPointer<Int>?) -> Int? {
        let (w, h, wordsPerRow) = (plane.width, plane.height, plane.wordsPerRow)
        var whites: Int64 = 0
        let done = plane.words.withUnsafeMutableBufferPointer { out in
            let bins = histogram.flatMap { UnsafeMutableRawPointer($0.baseAddress)?.assumingMemoryBound(to: Int64.self) }
            return reform_ink_mark_rgb(px, stride, w, h, out.baseAddress!, wordsPerRow, cutoff, bins,
                                       Self.sampleColumns, Self.sampleRows, &whites)
        }
        return done != 0 ? Int(whites) : nil
    }

    /// Marks the pixels of a colour render (0x00RRGGBB words, `stride` a row) darker than `cutoff` in
    /// `plane` (as wide and high), counting the sampled pixels' luminance into `histogram`; returns how
    /// many sampled pixels were white, left out of the histogram so that the loop does not wait on one bin.
    private static func mark(_ px: UnsafePointer<UInt32>, stride: Int, into plane: inout InkPlane, cutoff: UInt32,
                             histogram: UnsafeMutableBufferPointer<Int>?) -> Int {
        let w = plane.width, h = plane.height
        let wordsPerRow = plane.wordsPerRow
        // White (luminance 255) is never below a cut-off of at most 255: eight white pixels are skipped
        // with one comparison.
        let skipWhite = cutoff <= 255
        let white = SIMD8<UInt32>(repeating: 0xFF_FFFF)
        let cut = SIMD8<UInt32>(repeating: cutoff)
        let weights = SIMD8<UInt32>(1, 2, 4, 8, 16, 32, 64, 128)
        var sampledWhite = 0
        let step = Self.sampleColumns
        plane.words.withUnsafeMutableBufferPointer { out in
            for y in 0..<h {
                let row = px + y * stride
                let o = y * wordsPerRow
                let bins = y % Self.sampleRows == 0 ? histogram : nil
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
                            if bins != nil { sampledWhite += sampledCount(x, 64, step: step) }
                            x += 64
                            continue
                        }
                    }
                    let p = UnsafeRawPointer(row + x).loadUnaligned(as: SIMD8<UInt32>.self) & white
                    if !skipWhite || p != white {
                        let luma = Self.luma(p)
                        let bits = UInt64(weights.replacing(with: 0, where: .!(luma .< cut)).wrappedSum())
                        out[o + (x >> 6)] |= bits &<< UInt64(x & 63)
                        if let bins { count(luma, at: x, step: step, into: bins) }
                    } else if bins != nil {
                        sampledWhite += sampledCount(x, 8, step: step)
                    }
                    x += 8
                }
                while x < w {
                    let l = InkMask.luma(row[x])
                    if l < cutoff { out[o + (x >> 6)] |= 1 &<< UInt64(x & 63) }
                    if let bins, x % step == 0 { bins[Int(l)] += 1 }
                    x += 1
                }
            }
        }
        return sampledWhite
    }

    /// `mark` over a grey raster (one luminance byte a pixel): the same marks and counts, eight
    /// pixels at a time, a white eight skipped with one comparison.
    private static func mark(_ px: UnsafePointer<UInt8>, stride: Int, into plane: inout InkPlane, cutoff: UInt32,
                             histogram: UnsafeMutableBufferPointer<Int>?) -> Int {
        let w = plane.width, h = plane.height
        let wordsPerRow = plane.wordsPerRow
        let skipWhite = cutoff <= 255
        let white = SIMD8<UInt8>(repeating: 0xFF)
        let cut = SIMD8<UInt32>(repeating: cutoff)
        let weights = SIMD8<UInt32>(1, 2, 4, 8, 16, 32, 64, 128)
        var sampledWhite = 0
        let step = Self.sampleColumns
        plane.words.withUnsafeMutableBufferPointer { out in
            for y in 0..<h {
                let row = px + y * stride
                let o = y * wordsPerRow
                let bins = y % Self.sampleRows == 0 ? histogram : nil
                var x = 0
                while x + 8 <= w {
                    let p = UnsafeRawPointer(row + x).loadUnaligned(as: SIMD8<UInt8>.self)
                    if !skipWhite || p != white {
                        let luma = SIMD8<UInt32>(truncatingIfNeeded: p)
                        let bits = UInt64(weights.replacing(with: 0, where: .!(luma .< cut)).wrappedSum())
                        out[o + (x >> 6)] |= bits &<< UInt64(x & 63)
                        if let bins { count(luma, at: x, step: step, into: bins) }
                    } else if bins != nil {
                        sampledWhite += sampledCount(x, 8, step: step)
                    }
                    x += 8
                }
                while x < w {
                    let l = UInt32(row[x])
                    if l < cutoff { out[o + (x >> 6)] |= 1 &<< UInt64(x & 63) }
                    if let bins, x % step == 0 { bins[Int(l)] += 1 }
                    x += 1
                }
            }
        }
        return sampledWhite
    }

    /// How many sampled columns (every `step`-th from 0) lie in x..<x+n.
    @inline(__always)
    private static func sampledCount(_ x: Int, _ n: Int, step: Int) -> Int { (x + n + step - 1) / step - (x + step - 1) / step }

    /// Counts the sampled ones of the eight pixels from column `x` into `bins` by their luminance.
    @inline(__always)
    private static func count(_ luma: SIMD8<UInt32>, at x: Int, step: Int, into bins: UnsafeMutableBufferPointer<Int>) {
        var k = (step - x % step) % step
        while k < 8 {
            bins[Int(luma[k])] += 1
            k += step
        }
    }

    init(plane: InkPlane) {
        self.plane = plane
    }

    /// Thin dark lines by their contrast with what lies either side of them, whatever the shade
    /// around: a hairline over grey shading, anti-aliased at 72 dpi, is lighter than the dark cut-off
    /// (and on paper than the hairline cut-off, where it straddles two pixel rows). A pixel is marked
    /// when it is at least `delta` levels darker than both pixels `reach` away across the line; a step
    /// from one fill to another (one side as dark as the pixel) is not a line. `rows` marks across
    /// rows (horizontal lines: the pixels above and below), `columns` across columns (vertical lines).
    /// Light lines (white gaps between coloured fills) are not marked: on the peer suites marking them
    /// lost as many cases as it won (us-010, us-011a worse; background_lines_1 better).
    /// `inC`: the luminance and the marks are made by CInkMask's loops (SSE2 on x86-64, which turns a
    /// comparison of sixteen pixels into bits with one instruction); the tests turn it off to compare
    /// them with this file's.
    static func contrast(_ raster: any RulingRaster, reach: Int, delta: Int, inC: Bool = true) -> (rows: InkMask, columns: InkMask) {
        let w = raster.width, h = raster.height
        // Rows padded by `reach` white pixels either side, so every comparison is a plain load.
        let pad = reach, stride = w + 2 * pad + 16
        var luma = [UInt8](repeating: 255, count: stride * h + 64)
        // Luminance as `luma(_:)` computes it, eight pixels at a time, straight into the padded rows.
        raster.withLuma { pixels in
            luma.withUnsafeMutableBufferPointer { out in
                if inC, case .colour(let words) = pixels.storage {
                    reform_contrast_luma_rgb(words, pixels.stride, w, h, out.baseAddress!, stride, pad)
                    return
                }
                for y in 0..<h {
                    let o = y * stride + pad
                    switch pixels.storage {
                    case .grey(let bytes):
                        (out.baseAddress! + o).update(from: bytes + y * pixels.stride, count: w)
                    case .colour(let words):
                        let row = words + y * pixels.stride
                        var x = 0
                        while x + 8 <= w {
                            let l = Self.luma(UnsafeRawPointer(row + x).loadUnaligned(as: SIMD8<UInt32>.self))
                            UnsafeMutableRawPointer(out.baseAddress! + o + x).storeBytes(of: SIMD8<UInt8>(truncatingIfNeeded: l), as: SIMD8<UInt8>.self)
                            x += 8
                        }
                        while x < w {
                            out[o + x] = UInt8(truncatingIfNeeded: Self.luma(row[x]))
                            x += 1
                        }
                    }
                }
            }
        }
        var rows = InkPlane(width: w, height: h), columns = InkPlane(width: w, height: h)
        let wordsPerRow = rows.wordsPerRow
        let d = SIMD16<UInt8>(repeating: UInt8(clamping: delta))
        // A pixel darker than 255 - delta can be `delta` darker than its sides; the sum does not wrap.
        let ceiling = SIMD16<UInt8>(repeating: UInt8(clamping: 255 - delta))
        let weights = SIMD16<UInt16>(1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024, 2048, 4096, 8192, 16384, 32768)
        @inline(__always) func bits(_ m: SIMDMask<SIMD16<Int8>>) -> UInt64 {
            let ones = SIMD16<UInt8>(repeating: 0).replacing(with: 1, where: m)
            return UInt64((SIMD16<UInt16>(truncatingIfNeeded: ones) &* weights).wrappedSum())
        }
        if inC {
            guard w > 0 && h > 0 else { return (InkMask(plane: rows), InkMask(plane: columns)) } // no plane words to mark
            luma.withUnsafeBufferPointer { l in
                rows.words.withUnsafeMutableBufferPointer { across in
                    columns.words.withUnsafeMutableBufferPointer { along in
                        reform_contrast_marks(l.baseAddress!, stride, pad, w, h, reach, UInt8(clamping: delta),
                                              across.baseAddress!, along.baseAddress!, wordsPerRow)
                    }
                }
            }
            return (InkMask(plane: rows), InkMask(plane: columns))
        }
        luma.withUnsafeBufferPointer { l in
            let base = UnsafeRawPointer(l.baseAddress!)
            @inline(__always) func load(_ i: Int) -> SIMD16<UInt8> { base.loadUnaligned(fromByteOffset: i, as: SIMD16<UInt8>.self) }
            rows.words.withUnsafeMutableBufferPointer { across in
                columns.words.withUnsafeMutableBufferPointer { along in
                    for y in 0..<h {
                        let o = y * stride + pad
                        let hasRows = y >= reach && y + reach < h
                        var x = 0
                        while x < w {
                            let v = load(o + x)
                            let dark = v .<= ceiling
                            let lifted = v &+ d
                            let word = y * wordsPerRow + (x >> 6), shift = UInt64(x & 63)
                            let n = min(16, w - x)
                            let keep: UInt64 = n == 16 ? 0xFFFF : (1 << UInt64(n)) - 1
                            if hasRows {
                                let m = dark .& (lifted .<= load(o + x - reach * stride)) .& (lifted .<= load(o + x + reach * stride))
                                across[word] |= (bits(m) & keep) << shift
                            }
                            // Columns within `reach` of the page's edge have padding beside them, not
                            // pixels: they are left unmarked.
                            let m = dark .& (lifted .<= load(o + x - reach)) .& (lifted .<= load(o + x + reach))
                            var b = bits(m) & keep
                            if x < reach { b &= ~((1 << UInt64(reach - x)) - 1) }
                            if x + n > w - reach {
                                let from = max(0, w - reach - x)
                                b &= (1 << UInt64(from)) - 1
                            }
                            along[word] |= b << shift
                            x += 16
                        }
                    }
                }
            }
        }
        return (InkMask(plane: rows), InkMask(plane: columns))
    }

    /// Rec. 601 luminance in fixed point: (77 R + 150 G + 29 B) / 256.
    @inline(__always)
    static func luma(_ p: UInt32) -> UInt32 {
        (77 &* ((p >> 16) & 0xFF) &+ 150 &* ((p >> 8) & 0xFF) &+ 29 &* (p & 0xFF)) >> 8
    }

    /// `luma(_:)` of eight pixels at once.
    @inline(__always)
    static func luma(_ p: SIMD8<UInt32>) -> SIMD8<UInt32> {
        (77 &* ((p &>> 16) & 0xFF) &+ 150 &* ((p &>> 8) & 0xFF) &+ 29 &* (p & 0xFF)) &>> 8
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
