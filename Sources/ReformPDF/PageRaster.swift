import CPoppler
import Foundation

/// A rendered page: a cairo image surface this value owns and destroys exactly once.
public final class PageRaster: RulingRaster {
    public let width: Int
    public let height: Int
    /// Pixels per point.
    public let scale: Double
    /// Whether the page's text was filled in (a render without glyphs through an active `GlyphGate`
    /// leaves it out; a raster drawn some other way may hold anything, so it says yes).
    public internal(set) var textDrawn = true
    private let surface: OpaquePointer

    /// A white raster. `pooled`: its memory comes from and goes back to `RasterMemory` (page rasters,
    /// made again page after page); a band drawn once a page (`ScanPicture.drawBands`) takes fresh
    /// memory and frees it, so that no band waits idle through OCR.
    init(width: Int, height: Int, scale: Double, pooled: Bool = true) {
        self.width = width
        self.height = height
        self.scale = scale
        surface = pooled ? RasterMemory.shared.surface(width: width, height: height)
                         : cairo_image_surface_create(CAIRO_FORMAT_RGB24, Int32(clamping: width), Int32(clamping: height))
        draw { cr in
            cairo_set_source_rgb(cr, 1, 1, 1)
            cairo_paint(cr)
        }
    }

    deinit { cairo_surface_destroy(surface) }

    /// A new cairo context over the surface; the caller owns it and destroys it.
    func makeContext() -> OpaquePointer { cairo_create(surface)! }

    /// Runs drawing code on a fresh cairo context over the surface.
    func draw(_ body: (OpaquePointer) -> Void) {
        let cr = cairo_create(surface)!
        defer { cairo_destroy(cr) }
        body(cr)
        cairo_surface_flush(surface)
    }

    /// Runs drawing code like `draw`, through a cairo observer, and says whether it may have drawn an
    /// image: whether any paint, fill or mask took its colours from a surface. poppler's cairo backend
    /// draws an image as a fill or paint from the image's surface (a masked image or an image mask
    /// as a mask); tiling patterns and transparency groups come from surfaces too, so `true` means
    /// "maybe an image", `false` "certainly none".
    func drawNotingImages(_ body: (OpaquePointer) -> Void) -> Bool {
        let observer = cairo_surface_create_observer(surface, CAIRO_SURFACE_OBSERVER_NORMAL)!
        defer { cairo_surface_destroy(observer) }
        let cr = cairo_create(observer)!
        defer { cairo_destroy(cr) }
        let notes = UnsafeMutablePointer<ImageNotes>.allocate(capacity: 1)
        notes.initialize(to: ImageNotes(context: cr))
        defer { notes.deallocate() }
        let fromSurface: cairo_surface_observer_callback_t = { _, _, data in
            guard let notes = data?.assumingMemoryBound(to: ImageNotes.self) else { return }
            let source = cairo_pattern_get_type(cairo_get_source(notes.pointee.context))
            if source == CAIRO_PATTERN_TYPE_SURFACE || source == CAIRO_PATTERN_TYPE_RASTER_SOURCE {
                notes.pointee.mayHoldImages = true
            }
        }
        let always: cairo_surface_observer_callback_t = { _, _, data in
            data?.assumingMemoryBound(to: ImageNotes.self).pointee.mayHoldImages = true
        }
        cairo_surface_observer_add_paint_callback(observer, fromSurface, notes)
        cairo_surface_observer_add_fill_callback(observer, fromSurface, notes)
        cairo_surface_observer_add_mask_callback(observer, always, notes)
        body(cr)
        cairo_surface_flush(surface)
        return notes.pointee.mayHoldImages
    }

    /// Runs `body` over the surface's pixels: 0x00RRGGBB words, `stride` words a row.
    func withPixels<R>(_ body: (_ pixels: UnsafePointer<UInt32>, _ stride: Int) -> R) -> R {
        let stride = Int(cairo_image_surface_get_stride(surface)) / 4
        let base = UnsafeRawPointer(cairo_image_surface_get_data(surface)!).assumingMemoryBound(to: UInt32.self)
        return body(base, stride)
    }

    public func withLuma<R>(_ body: (LumaPixels) -> R) -> R {
        withPixels { body(LumaPixels(storage: .colour($0), stride: $1)) }
    }

    /// The pixel grid of a page `width` × `height` points at `scale` pixels per point: its size
    /// rounded up, at least one pixel each way (what `PDFPage.render` draws on).
    static func grid(width: Double, height: Double, scale: Double) -> (columns: Int, rows: Int) {
        (max(1, Int((width * scale).rounded(.up))), max(1, Int((height * scale).rounded(.up))))
    }

    /// The 8-bit luminance of every pixel, row-major, `width * height` bytes.
    public func luminance() -> [UInt8] {
        guard cairo_image_surface_get_data(surface) != nil else { return [] }
        var out = [UInt8](repeating: 255, count: width * height)
        out.withUnsafeMutableBufferPointer { writeLuminance(rows: height, into: $0, fromRow: 0) }
        return out
    }

    /// The luminance of this raster's first `rows` rows, written over rows `fromRow…` of `out`, a
    /// row-major picture as wide as this raster.
    func writeLuminance(rows: Int, into out: UnsafeMutableBufferPointer<UInt8>, fromRow: Int) {
        withPixels { pixels, stride in
            for y in 0..<rows {
                let row = pixels + y * stride, o = (fromRow + y) * width
                for x in 0..<width { out[o + x] = GrayImage.luma(row[x]) }
            }
        }
    }

    /// The raster encoded as PNG, in memory (for self-contained reports).
    public func pngData() -> Data? {
        let sink = PNGSink()
        let status = withExtendedLifetime(sink) {
            cairo_surface_write_to_png_stream(surface, { closure, bytes, length in
                guard let closure, let bytes else { return CAIRO_STATUS_WRITE_ERROR }
                Unmanaged<PNGSink>.fromOpaque(closure).takeUnretainedValue().data.append(bytes, count: Int(length))
                return CAIRO_STATUS_SUCCESS
            }, Unmanaged.passUnretained(sink).toOpaque())
        }
        return status == CAIRO_STATUS_SUCCESS ? sink.data : nil
    }

    /// Writes the raster as a PNG file (for overlays and debugging).
    public func writePNG(to path: String) -> Bool {
        cairo_surface_write_to_png(surface, path) == CAIRO_STATUS_SUCCESS
    }
}

/// Collects the bytes cairo writes while encoding a PNG.
private final class PNGSink {
    var data = Data()
}

/// A PNG file's pixels, decoded by cairo: for comparing pictures with references.
public struct PNGImage: Sendable {
    public let width: Int
    public let height: Int
    /// 0x00RRGGBB (alpha dropped), row-major.
    public let pixels: [UInt32]

    /// Reads a PNG file; nil when it is not one.
    public init?(path: String) {
        guard let surface = cairo_image_surface_create_from_png(path) else { return nil }
        defer { cairo_surface_destroy(surface) }
        guard cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS, let base = cairo_image_surface_get_data(surface) else { return nil }
        width = Int(cairo_image_surface_get_width(surface))
        height = Int(cairo_image_surface_get_height(surface))
        let stride = Int(cairo_image_surface_get_stride(surface)) / 4
        let words = UnsafeRawPointer(base).assumingMemoryBound(to: UInt32.self)
        var out = [UInt32](repeating: 0, count: width * height)
        for y in 0..<height { for x in 0..<width { out[y * width + x] = words[y * stride + x] & 0xFFFFFF } }
        pixels = out
    }

    /// Mean absolute difference per channel (0–255) against another image of the same size; nil when sizes differ.
    public func meanDifference(_ other: PNGImage) -> Double? {
        guard width == other.width, height == other.height, !pixels.isEmpty else { return nil }
        var total = 0
        for (a, b) in zip(pixels, other.pixels) {
            for shift in [16, 8, 0] as [UInt32] {
                total += abs(Int((a >> shift) & 0xFF) - Int((b >> shift) & 0xFF))
            }
        }
        return Double(total) / Double(pixels.count * 3)
    }
}

/// What `PageRaster.drawNotingImages`'s observer callbacks read and write: the context being drawn
/// with (whose source tells an image from a path) and the finding.
private struct ImageNotes {
    let context: OpaquePointer
    var mayHoldImages = false
}
