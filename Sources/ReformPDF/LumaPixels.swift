/// A page's pixels as the ruling scanner reads them: their luminance, row by row, whether the page
/// was rendered in colour (cairo's 0x00RRGGBB words, `PageRaster`) or drawn in grey (`GreyRaster`).
public struct LumaPixels {
    enum Storage {
        /// 0x00RRGGBB words; the luminance is `InkMask.luma`'s.
        case colour(UnsafePointer<UInt32>)
        /// One luminance byte a pixel.
        case grey(UnsafePointer<UInt8>)
    }

    let storage: Storage
    /// Pixels from one row to the next.
    let stride: Int

    /// Calls `body(k, luminance)` for the `count` pixels from `offset` on (a stretch of one row), the
    /// storage looked at once rather than at every pixel.
    @inline(__always)
    func forEachLuma(from offset: Int, count: Int, _ body: (_ k: Int, _ luma: UInt32) -> Void) {
        switch storage {
        case .colour(let words): for k in 0..<count { body(k, InkMask.luma(words[offset + k])) }
        case .grey(let bytes): for k in 0..<count { body(k, UInt32(bytes[offset + k])) }
        }
    }

    /// The luminance of pixel (`x`, `y`).
    @inline(__always)
    func luma(x: Int, y: Int) -> UInt32 { luma(at: y * stride + x) }

    /// The luminance of the pixel `offset` pixels from the first (`y * stride + x`).
    @inline(__always)
    func luma(at offset: Int) -> UInt32 {
        switch storage {
        case .colour(let words): return InkMask.luma(words[offset])
        case .grey(let bytes): return UInt32(bytes[offset])
        }
    }
}

/// What the ruling scanner needs of a page's pixels: their grid, how fine it is, whether the page's
/// text was drawn in it, and the pixels' luminance.
public protocol RulingRaster: AnyObject {
    var width: Int { get }
    var height: Int { get }
    /// Pixels per point.
    var scale: Double { get }
    /// Whether the page's text was filled in (see `PageRaster.textDrawn`).
    var textDrawn: Bool { get }
    /// The 8-bit luminance of every pixel, row-major, `width * height` bytes.
    func luminance() -> [UInt8]
    /// Runs `body` over the pixels (which live only as long as the call).
    func withLuma<R>(_ body: (LumaPixels) -> R) -> R
}

/// A page in grey, one byte a pixel (255 white), that this value owns and frees exactly once: a scan's
/// picture drawn for its rulings (`ScanPicture.raster`), a quarter of the memory of a colour render.
public final class GreyRaster: RulingRaster {
    public let width: Int
    public let height: Int
    public let scale: Double
    public internal(set) var textDrawn = true
    private let pixels: UnsafeMutablePointer<UInt8>

    /// A white raster.
    init(width: Int, height: Int, scale: Double) {
        self.width = width
        self.height = height
        self.scale = scale
        pixels = .allocate(capacity: Swift.max(1, width * height))
        pixels.initialize(repeating: 255, count: Swift.max(1, width * height))
    }

    deinit { pixels.deallocate() }

    public func withLuma<R>(_ body: (LumaPixels) -> R) -> R {
        body(LumaPixels(storage: .grey(UnsafePointer(pixels)), stride: width))
    }

    /// Writes the luminance of the first `count` rows of `band` (as wide as this raster) over rows `top…`.
    func copyRows(from band: PageRaster, count: Int, to top: Int) {
        precondition(band.width == width && top >= 0 && top + count <= height && count <= band.height)
        band.writeLuminance(rows: count, into: UnsafeMutableBufferPointer(start: pixels, count: width * height), fromRow: top)
    }

    public func luminance() -> [UInt8] { Array(UnsafeBufferPointer(start: pixels, count: width * height)) }
}
