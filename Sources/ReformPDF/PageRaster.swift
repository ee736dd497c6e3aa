import CPoppler

/// A rendered page: a cairo image surface this value owns and destroys exactly once.
public final class PageRaster {
    public let width: Int
    public let height: Int
    /// Pixels per point.
    public let scale: Double
    private let surface: OpaquePointer

    init(width: Int, height: Int, scale: Double) {
        self.width = width
        self.height = height
        self.scale = scale
        surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, Int32(width), Int32(height))
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

    /// Runs `body` over the surface's pixels: 0x00RRGGBB words, `stride` words a row.
    func withPixels<R>(_ body: (_ pixels: UnsafePointer<UInt32>, _ stride: Int) -> R) -> R {
        let stride = Int(cairo_image_surface_get_stride(surface)) / 4
        let base = UnsafeRawPointer(cairo_image_surface_get_data(surface)!).assumingMemoryBound(to: UInt32.self)
        return body(base, stride)
    }

    /// The 8-bit luminance of every pixel, row-major, `width * height` bytes.
    public func luminance() -> [UInt8] {
        let stride = Int(cairo_image_surface_get_stride(surface))
        guard let base = cairo_image_surface_get_data(surface) else { return [] }
        var out = [UInt8](repeating: 255, count: width * height)
        out.withUnsafeMutableBufferPointer { dst in
            for y in 0..<height {
                let row = UnsafeRawPointer(base + y * stride).assumingMemoryBound(to: UInt32.self)
                let o = y * width
                for x in 0..<width {
                    let p = row[x]
                    // Rec. 601 weights in fixed point: (77 R + 150 G + 29 B) / 256.
                    let r = (p >> 16) & 0xFF, g = (p >> 8) & 0xFF, b = p & 0xFF
                    dst[o + x] = UInt8(truncatingIfNeeded: (77 &* r &+ 150 &* g &+ 29 &* b) >> 8)
                }
            }
        }
        return out
    }

    /// Writes the raster as a PNG file (for overlays and debugging).
    public func writePNG(to path: String) -> Bool {
        cairo_surface_write_to_png(surface, path) == CAIRO_STATUS_SUCCESS
    }
}
