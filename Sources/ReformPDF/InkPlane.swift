/// A binary image packed one bit a pixel: bit `k` of word `i` of row `y` is pixel `x = 64 i + k`.
/// Bits past the width are always 0.
///
/// Ink runs are read a word at a time (a white stretch of 64 pixels is one comparison), and the
/// plane transposes in 64×64 blocks, so vertical lines are read along rows as cheaply as horizontal ones.
struct InkPlane {
    let width: Int
    let height: Int
    let wordsPerRow: Int
    var words: [UInt64]

    /// An empty (all white) plane.
    init(width: Int, height: Int) {
        self.width = width
        self.height = height
        wordsPerRow = (width + 63) / 64
        words = [UInt64](repeating: 0, count: wordsPerRow * height)
    }

    func isInk(x: Int, y: Int) -> Bool {
        words[y * wordsPerRow + (x >> 6)] & (1 &<< UInt64(x & 63)) != 0
    }

    /// Calls `body(first, last)` for every maximal run of ink pixels of row `y` inside `from..<to`,
    /// left to right (a run is cut at the range's ends).
    @inline(__always)
    static func forEachRun(_ words: UnsafeBufferPointer<UInt64>, wordsPerRow: Int, row y: Int, from: Int, to: Int,
                           _ body: (_ first: Int, _ last: Int) -> Void) {
        let base = y * wordsPerRow
        var x = from
        while x < to {
            var i = x >> 6
            var word = words[base + i] & (~0 &<< UInt64(x & 63))
            while word == 0 {
                i += 1
                if (i << 6) >= to { return }
                word = words[base + i]
            }
            let first = (i << 6) + word.trailingZeroBitCount
            if first >= to { return }
            // The first white pixel after `first`.
            var white = ~words[base + i] & (~0 &<< UInt64(first & 63))
            var end = to
            while white == 0 {
                i += 1
                if (i << 6) >= to { break }
                white = ~words[base + i]
            }
            if white != 0 { end = min(to, (i << 6) + white.trailingZeroBitCount) }
            body(first, end - 1)
            x = end
        }
    }

    /// Whether row `y` holds `length` ink pixels in a row (a stretch may run across words), a word at
    /// a time: within a word by shifts that double the span checked, across words by the ink at a
    /// word's top and the next one's bottom.
    @inline(__always)
    static func hasInkStretch(_ words: UnsafeBufferPointer<UInt64>, wordsPerRow: Int, row y: Int, length: Int) -> Bool {
        let base = y * wordsPerRow
        var carried = 0  // ink pixels ending at the top of the words before
        for i in 0..<wordsPerRow {
            let word = words[base + i]
            if word == 0 { carried = 0; continue }
            let bottom = (~word).trailingZeroBitCount  // 64 for a word all ink
            if carried + bottom >= length { return true }
            if bottom == 64 { carried += 64; continue }
            if length <= 64 {
                // bit x of `inside` stays set while bits x ..< x + covered are all ink
                var inside = word, covered = 1
                while covered < length {
                    let step = min(covered, length - covered)
                    inside &= inside >> UInt64(step)
                    covered += step
                }
                if inside != 0 { return true }
            }
            carried = (~word).leadingZeroBitCount
        }
        return false
    }

    /// The plane with rows and columns swapped: row `x` of the result is column `x` of this plane.
    func transposed() -> InkPlane {
        var out = InkPlane(width: height, height: width)
        let outWords = out.wordsPerRow
        var block = [UInt64](repeating: 0, count: 64)
        words.withUnsafeBufferPointer { src in
            out.words.withUnsafeMutableBufferPointer { dst in
                block.withUnsafeMutableBufferPointer { block in
                    for by in 0..<((height + 63) / 64) {
                        let rows = min(64, height - by * 64)
                        for bx in 0..<wordsPerRow {
                            var any: UInt64 = 0
                            for k in 0..<rows {
                                let w = src[(by * 64 + k) * wordsPerRow + bx]
                                block[k] = w
                                any |= w
                            }
                            if any == 0 { continue }
                            for k in rows..<64 { block[k] = 0 }
                            InkPlane.transpose64(block)
                            for k in 0..<min(64, width - bx * 64) { dst[(bx * 64 + k) * outWords + by] = block[k] }
                        }
                    }
                }
            }
        }
        return out
    }

    /// Transposes a 64×64 bit matrix in place (bit `j` of word `i` trades places with bit `i` of word
    /// `j`) by swapping off-diagonal blocks of halving size.
    @inline(__always)
    static func transpose64(_ a: UnsafeMutableBufferPointer<UInt64>) {
        var j = 32
        var m: UInt64 = 0x0000_0000_FFFF_FFFF
        while j != 0 {
            var k = 0
            while k < 64 {
                let t = ((a[k] &>> UInt64(j)) ^ a[k + j]) & m
                a[k] ^= t &<< UInt64(j)
                a[k + j] ^= t
                k = (k + j + 1) & ~j
            }
            j >>= 1
            m ^= m &<< UInt64(j)
        }
    }
}
