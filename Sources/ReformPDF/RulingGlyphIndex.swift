/// A page's glyph boxes bucketed along one axis, to find the boxes that a ruling's line runs through
/// without testing every box of the page against every ruling.
///
/// For horizontal rulings the axis is y (a box is a candidate when the ruling's y lies in its
/// top…bottom), for vertical rulings x. Buckets only narrow the search: the caller still tests each
/// candidate exactly, so the bucket size has no effect on results.
struct RulingGlyphIndex {
    private let boxes: [Rect]
    private let horizontal: Bool
    private let origin: Double
    private let bucketSize: Double
    /// Box indices of bucket `b` are `members[offsets[b]..<offsets[b + 1]]`, in box order.
    private let offsets: [Int]
    private let members: [Int]
    private let unbucketed: [Int]

    /// Typical glyph size in points: a box falls into one or two buckets.
    private static let preferredBucketSize = 8.0
    /// Caps the bucket count when coordinates are far apart (a stray glyph off the page).
    private static let maxBuckets = 4096

    /// Indexes `boxes` for rulings of `orientation`.
    init(_ boxes: [Rect], for orientation: Ruling.Orientation) {
        self.boxes = boxes
        horizontal = orientation == .horizontal
        let lows = boxes.map { orientation == .horizontal ? $0.top : $0.left }
        let highs = boxes.map { orientation == .horizontal ? $0.bottom : $0.right }
        // Boxes with a non-finite extent cannot be bucketed; they are checked on every query (all of
        // them when the extents are too far apart to divide).
        var finite = boxes.indices.filter { lows[$0].isFinite && highs[$0].isFinite }
        var lo = finite.map { lows[$0] }.min() ?? 0
        var hi = max(lo, finite.map { highs[$0] }.max() ?? 0)
        if !(hi - lo).isFinite { finite = []; lo = 0; hi = 0 }
        var bucketed = [Bool](repeating: false, count: boxes.count)
        for i in finite { bucketed[i] = true }
        unbucketed = boxes.indices.filter { !bucketed[$0] }
        origin = lo
        bucketSize = max(Self.preferredBucketSize, (hi - lo) / Double(Self.maxBuckets - 1))
        let count = Int(((hi - lo) / bucketSize).rounded(.down)) + 1
        let size = bucketSize
        // A box that no position can fall in (low above high) goes into no bucket.
        func range(_ i: Int) -> Range<Int> {
            guard lows[i] <= highs[i] else { return 0..<0 }
            let a = Int(((lows[i] - lo) / size).rounded(.down)), b = Int(((highs[i] - lo) / size).rounded(.down))
            return min(a, count - 1)..<(min(b, count - 1) + 1)
        }
        var counts = [Int](repeating: 0, count: count + 1)
        for i in finite { for b in range(i) { counts[b + 1] += 1 } }
        for b in 0..<count { counts[b + 1] += counts[b] }
        var fill = counts
        var members = [Int](repeating: 0, count: counts[count])
        for i in finite {
            for b in range(i) {
                members[fill[b]] = i
                fill[b] += 1
            }
        }
        offsets = counts
        self.members = members
    }

    /// Calls `body` with every box whose extent across the rulings (top…bottom for horizontal ones)
    /// contains `position` (in no particular order).
    func forEachBox(across position: Double, _ body: (Rect) -> Void) {
        func visit(_ i: Int) {
            let box = boxes[i]
            let (a0, a1) = horizontal ? (box.top, box.bottom) : (box.left, box.right)
            if position >= a0 && position <= a1 { body(box) }
        }
        for i in unbucketed { visit(i) }
        let f = ((position - origin) / bucketSize).rounded(.down)
        guard f >= 0 && f < Double(offsets.count - 1) else { return }
        let b = Int(f)
        for k in offsets[b]..<offsets[b + 1] { visit(members[k]) }
    }
}
