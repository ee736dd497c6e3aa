import CPoppler
import Foundation

/// A scanned page's picture: grey samples (255 white) at the scan's own resolution, each the grey
/// reform takes of a rendered pixel of its colour, and the affine map `transform` ([a b c d e f],
/// PDF's order) from the picture's unit square (its first row at v = 1, as PDF image space has it)
/// to page points, origin at the page's top-left corner, y down. `isGrey`: every sample was grey in
/// colour too.
public final class ScanPicture {
    public let width: Int
    public let height: Int
    public let transform: [Double]
    public let isGrey: Bool
    /// `width` × `height` bytes, row by row from the picture's first row.
    private let samples: [UInt8]

    public init(width: Int, height: Int, samples: [UInt8], transform: [Double], isGrey: Bool = true) {
        precondition(samples.count == width * height && transform.count == 6)
        self.width = width
        self.height = height
        self.samples = samples
        self.transform = transform
        self.isGrey = isGrey
    }

    /// How close to a whole pixel a picture's edge, step or the page's edge must be to count as one.
    static let wholePixel = 1e-3

    /// The picture on a page grid of `columns` × `rows` pixels at `scale` pixels per point, pixel
    /// (0, 0) at page point (0, 0), when its samples fall on that grid one for one: drawn at its own
    /// resolution, unturned, on whole pixels. Pixels past its edges are the white page. Nil for any
    /// other picture (`drawn` then), and for one that reaches past an edge of the page (`page`
    /// points) that falls inside a pixel: the render blends that pixel with the white page.
    public func onGrid(columns: Int, rows: Int, scale: Double, page: (width: Double, height: Double)) -> [UInt8]? {
        let t = transform
        guard columns > 0, rows > 0, scale > 0, t[1] == 0, t[2] == 0 else { return nil }
        let tolerance = Self.wholePixel
        func cutsPixel(_ v: Double) -> Bool { abs(v - v.rounded()) >= tolerance }
        let right = page.width * scale, bottom = page.height * scale
        // picture column i spans page x in [e + a·i/w, e + a·(i+1)/w]; row j (from the top, as
        // d < 0 puts v = 1 there) spans y in [f + d·(1 - j/h)…]: in output pixels, one each
        let across = t[0] * scale / Double(width), down = -t[3] * scale / Double(height)
        let left = t[4] * scale, top = (t[5] + t[3]) * scale
        guard abs(across - 1) * Double(columns) < tolerance, abs(down - 1) * Double(rows) < tolerance,
              !cutsPixel(left), !cutsPixel(top) else { return nil }
        let ox = Int(left.rounded()), oy = Int(top.rounded())
        if (Double(ox + width) > right + tolerance && cutsPixel(right)) || (Double(oy + height) > bottom + tolerance && cutsPixel(bottom)) {
            return nil
        }
        // the samples are the page's pixels as they are: shared, not copied (the picture is let go after)
        if ox == 0, oy == 0, width == columns, height == rows { return samples }
        var out = [UInt8](repeating: 255, count: columns * rows)
        let x0 = Swift.max(0, ox), x1 = Swift.min(columns, ox + width)
        guard x0 < x1 else { return out }
        samples.withUnsafeBufferPointer { src in
            out.withUnsafeMutableBufferPointer { dst in
                for y in Swift.max(0, oy)..<Swift.min(rows, oy + height) {
                    (dst.baseAddress! + y * columns + x0).update(from: src.baseAddress! + (y - oy) * width + (x0 - ox), count: x1 - x0)
                }
            }
        }
        return out
    }

    /// Rows of the page grid drawn at a time by `drawBands` (fewer for a shrunk picture: as many as
    /// take this many of its sample rows).
    public static let bandRows = 256

    /// How many times its own size a picture may be drawn by `drawBands`. poppler's cairo device
    /// stops filtering a picture without /Interpolate enlarged four times or more (nearest samples,
    /// decided on its rounded size): such a picture is rendered, and the limit keeps clear of the edge.
    static let enlargementLimit = 3.5

    /// Whether `drawn` may be used: cairo 1.16 (Debian 12's), whose hand-over to pixman
    /// `PixmanPlacement` follows. Another cairo renders, as before.
    static let drawsAsRendered = cairo_version() / 100 == 1 * 100 + 16

    /// The picture on a page grid of `columns` × `rows` pixels at `scale` pixels per point, on a
    /// page of `page` points, in grey, drawn as a render draws it (`drawBands`). Nil where
    /// `drawBands` cannot.
    public func drawn(columns: Int, rows: Int, scale: Double, page: (width: Double, height: Double), bandRows: Int = ScanPicture.bandRows) -> [UInt8]? {
        var out = [UInt8](repeating: 255, count: columns * rows)
        let drew = drawBands(columns: columns, rows: rows, scale: scale, page: page, bandRows: bandRows) { top, count, band in
            out.withUnsafeMutableBufferPointer { band.writeLuminance(rows: count, into: $0, fromRow: top) }
        }
        return drew ? out : nil
    }

    /// The picture as a grey raster of the page at `scale` pixels per point (the grid `PDFPage.render`
    /// makes), drawn as a render draws it (`drawBands`): the luminance of the render's pixels, at one
    /// byte a pixel. Nil where `drawBands` cannot.
    func raster(scale: Double, page: (width: Double, height: Double), bandRows: Int = ScanPicture.bandRows) -> GreyRaster? {
        let grid = PageRaster.grid(width: page.width, height: page.height, scale: scale)
        let raster = GreyRaster(width: grid.columns, height: grid.rows, scale: scale)
        let drew = drawBands(columns: raster.width, rows: raster.height, scale: scale, page: page, bandRows: bandRows) { top, count, band in
            raster.copyRows(from: band, count: count, to: top)
        }
        return drew ? raster : nil
    }

    /// Draws the picture on a page grid of `columns` × `rows` pixels at `scale` pixels per point,
    /// on a page of `page` points, `bandRows` rows at a time (a shrunk picture as many as take
    /// `bandRows` sample rows), as poppler's cairo device draws an image onto a white page: the
    /// samples as an RGB24 surface, filter GOOD, edges extended, inside the page's clip, the
    /// picture's unit square filled. Each band is handed to `body` (its top row,
    /// its rows, the band) before the next is drawn on the same surface: the render's very pixels,
    /// with a band instead of a page-sized surface, and of the samples only the rows a band takes
    /// as colours (the render holds all of them at 4 bytes a sample). False, drawing nothing, for a
    /// picture that is not grey (a render filters its colours, not its greys) or is turned against
    /// the page, enlarged past `enlargementLimit`, and under another cairo than `drawsAsRendered`
    /// names; false too when a band cannot be placed as the page's, after `body` had earlier bands
    /// (the caller then drops what it was given).
    func drawBands(columns: Int, rows: Int, scale: Double, page: (width: Double, height: Double), bandRows: Int,
                   _ body: (_ top: Int, _ count: Int, _ band: PageRaster) -> Void) -> Bool {
        guard Self.drawsAsRendered, isGrey, columns > 0, rows > 0, scale > 0, bandRows > 0,
              transform[1] == 0, transform[2] == 0,
              abs(transform[0]) * scale < Self.enlargementLimit * Double(width),
              abs(transform[3]) * scale < Self.enlargementLimit * Double(height) else { return false }
        var placement = cairo_matrix_t(xx: transform[0], yx: transform[1], xy: transform[2], yy: transform[3],
                                       x0: transform[4], y0: transform[5])
        guard let bands = BandPlacements(picture: self, placement: placement, columns: columns, rows: rows, scale: scale, page: page) else { return false }
        // A band of a shrunk picture takes more sample rows than it has rows (twice as many from 300 to
        // 144 dpi, at 4 bytes a sample as colours): it is cut shorter so that its source holds about
        // `bandRows` sample rows, not several times that.
        let pixelsPerSampleRow = abs(transform[3]) * scale / Double(height)
        let bandHeight = Swift.min(rows, Swift.max(1, Int(Double(bandRows) * Swift.min(1, pixelsPerSampleRow))))
        let band = PageRaster(width: columns, height: bandHeight, scale: scale, pooled: false)
        for top in stride(from: 0, to: rows, by: bandHeight) {
            let count = Swift.min(bandHeight, rows - top)
            let taken = bands.sampleRows(top: top, count: count, of: height)
            guard let source = greySource(rows: taken) else { return false }
            defer { cairo_surface_destroy(source) }
            let pattern = cairo_pattern_create_for_surface(source)!
            defer { cairo_pattern_destroy(pattern) }
            cairo_pattern_set_filter(pattern, CAIRO_FILTER_GOOD)
            cairo_pattern_set_extend(pattern, CAIRO_EXTEND_PAD)
            guard var matrix = bands.samplesMatrix(top: top, bandHeight: bandHeight, firstRow: taken.lowerBound) else { return false }
            cairo_pattern_set_matrix(pattern, &matrix)
            band.draw { cr in
                cairo_set_source_rgb(cr, 1, 1, 1)
                cairo_paint(cr)
                cairo_translate(cr, 0, -Double(top))
                cairo_scale(cr, scale, scale)
                // the page's clip, as poppler sets it before the page's content, then the picture filled
                cairo_rectangle(cr, 0, 0, page.width, page.height)
                cairo_clip(cr)
                cairo_transform(cr, &placement)
                cairo_rectangle(cr, 0, 0, 1, 1)
                cairo_set_source(cr, pattern)
                cairo_fill(cr)
            }
            body(top, count, band)
        }
        return true
    }

    /// Sample rows `rows` as cairo's RGB24 surface (grey: R = G = B), the caller's to destroy.
    private func greySource(rows: Range<Int>) -> OpaquePointer? {
        let source = cairo_image_surface_create(CAIRO_FORMAT_RGB24, Int32(width), Int32(Swift.max(1, rows.count)))!
        guard cairo_surface_status(source) == CAIRO_STATUS_SUCCESS, let base = cairo_image_surface_get_data(source) else {
            cairo_surface_destroy(source)
            return nil
        }
        let stride = Int(cairo_image_surface_get_stride(source))
        samples.withUnsafeBufferPointer { src in
            for (i, y) in rows.enumerated() {
                let row = UnsafeMutableRawPointer(base + i * stride).assumingMemoryBound(to: UInt32.self)
                let grey = src.baseAddress! + y * width
                for x in 0..<width { row[x] = UInt32(grey[x]) &* 0x010101 }
            }
        }
        cairo_surface_mark_dirty(source)
        return source
    }
}
