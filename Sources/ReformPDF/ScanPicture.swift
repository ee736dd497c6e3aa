import CPoppler
import CScanPicture
import Foundation

/// The document opened again by poppler's core, to read its scanned pages' pictures as they are
/// stored (scan_picture.cpp): a scan at OCR's resolution is then copied into OCR's page image
/// sample for sample, in grey, instead of rendered in colour at 300 dpi, which held two full-page
/// colour surfaces at once (the render's and poppler's decoded copy of the scan).
/// Owns the C source and closes it exactly once.
final class ScanPictureSource {
    private let handle: OpaquePointer

    /// Nil when poppler's core cannot open the document (or reform was built without its headers).
    init?(origin: PDFDocument.Origin, password: String?) {
        let opened: OpaquePointer? = password.withOptionalCString { pw in
            switch origin {
            case .file(let path):
                return reform_scan_source_open_file(path, pw)
            case .bytes(let data):
                return data.withUnsafeBytes { raw in reform_scan_source_open_bytes(raw.baseAddress, raw.count, pw) }
            }
        }
        guard let opened else { return nil }
        handle = opened
    }

    deinit { reform_scan_source_close(handle) }

    /// Page `number`'s (1-based) one picture, when the page is exactly that: one opaque picture over
    /// the whole page with nothing visible drawn after it. Nil for any other page.
    func picture(page number: Int) -> ScanPicture? {
        var raw = ReformScanPicture()
        guard reform_scan_source_picture(handle, Int32(number), &raw) == 1, let pixels = raw.pixels else { return nil }
        let c = raw.ctm
        return ScanPicture(samples: pixels, width: Int(raw.width), height: Int(raw.height),
                           transform: [c.0, c.1, c.2, c.3, c.4, c.5], isGrey: raw.grey != 0)
    }
}

/// A scanned page's picture: grey samples (255 white) at the scan's own resolution, each the grey
/// reform takes of a rendered pixel of its colour, and the affine map `transform` ([a b c d e f],
/// PDF's order) from the picture's unit square (its first row at v = 1, as PDF image space has it)
/// to page points, origin at the page's top-left corner, y down. `isGrey`: every sample was grey in
/// colour too. Owns its samples and frees them exactly once.
public final class ScanPicture {
    public let width: Int
    public let height: Int
    public let transform: [Double]
    public let isGrey: Bool
    private let samples: UnsafeMutablePointer<UInt8>

    /// Takes `samples` (`width` × `height` bytes from malloc).
    init(samples: UnsafeMutablePointer<UInt8>, width: Int, height: Int, transform: [Double], isGrey: Bool) {
        self.samples = samples
        self.width = width
        self.height = height
        self.transform = transform
        self.isGrey = isGrey
    }

    /// A picture of its own samples (copied), for building one without a PDF.
    public convenience init(width: Int, height: Int, samples: [UInt8], transform: [Double], isGrey: Bool = true) {
        precondition(samples.count == width * height && transform.count == 6)
        let copy = malloc(samples.count).assumingMemoryBound(to: UInt8.self)
        samples.withUnsafeBufferPointer { copy.update(from: $0.baseAddress!, count: $0.count) }
        self.init(samples: copy, width: width, height: height, transform: transform, isGrey: isGrey)
    }

    deinit {
        var raw = ReformScanPicture()
        raw.pixels = samples
        reform_scan_picture_free(&raw)
    }

    /// The picture on a page grid of `columns` × `rows` pixels at `scale` pixels per point, pixel
    /// (0, 0) at page point (0, 0), when its samples fall on that grid one for one: drawn at its own
    /// resolution, unturned, on whole pixels. Pixels past its edges are the white page. Nil for any
    /// other picture: a render resamples it (and OCR reads what it has always read).
    public func onGrid(columns: Int, rows: Int, scale: Double) -> [UInt8]? {
        let t = transform
        guard columns > 0, rows > 0, scale > 0, t[1] == 0, t[2] == 0 else { return nil }
        // picture column i spans page x in [e + a·i/w, e + a·(i+1)/w]; row j (from the top, as
        // d < 0 puts v = 1 there) spans y in [f + d·(1 - j/h)…]: in output pixels, one each
        let across = t[0] * scale / Double(width), down = -t[3] * scale / Double(height)
        let left = t[4] * scale, top = (t[5] + t[3]) * scale
        let tolerance = 1e-3
        guard abs(across - 1) * Double(columns) < tolerance, abs(down - 1) * Double(rows) < tolerance,
              abs(left - left.rounded()) < tolerance, abs(top - top.rounded()) < tolerance else { return nil }
        let ox = Int(left.rounded()), oy = Int(top.rounded())
        var out = [UInt8](repeating: 255, count: columns * rows)
        let x0 = Swift.max(0, ox), x1 = Swift.min(columns, ox + width)
        guard x0 < x1 else { return out }
        out.withUnsafeMutableBufferPointer { dst in
            for y in Swift.max(0, oy)..<Swift.min(rows, oy + height) {
                (dst.baseAddress! + y * columns + x0).update(from: samples + (y - oy) * width + (x0 - ox), count: x1 - x0)
            }
        }
        return out
    }


    /// Rows of the page grid drawn at a time by `drawn`.
    public static let bandRows = 256

    /// Whether `drawn` may be used: cairo 1.16 (Debian 12's), whose hand-over to pixman
    /// `PixmanPlacement` follows. Another cairo renders, as before.
    static let drawsAsRendered = cairo_version() / 100 == 1 * 100 + 16

    /// The picture on a page grid of `columns` × `rows` pixels at `scale` pixels per point, on a
    /// page of `page` points, in grey, drawn as a render draws it (`drawBands`). Nil where
    /// `drawBands` cannot.
    public func drawn(columns: Int, rows: Int, scale: Double, page: (width: Double, height: Double), bandRows: Int = ScanPicture.bandRows) -> [UInt8]? {
        var out = [UInt8](repeating: 255, count: columns * rows)
        let drew = drawBands(columns: columns, rows: rows, scale: scale, page: page, bandRows: bandRows) { top, count, band in
            band.withPixels { pixels, stride in
                out.withUnsafeMutableBufferPointer { dst in
                    for y in 0..<count {
                        let row = pixels + y * stride, o = (top + y) * columns
                        for x in 0..<columns { dst[o + x] = GrayImage.luma(row[x]) }
                    }
                }
            }
        }
        return drew ? out : nil
    }

    /// The picture as a raster of the page at `scale` pixels per point (the grid `PDFPage.render`
    /// makes), drawn as a render draws it (`drawBands`). Nil where `drawBands` cannot.
    func raster(scale: Double, page: (width: Double, height: Double), bandRows: Int = ScanPicture.bandRows) -> PageRaster? {
        let raster = PageRaster(width: Swift.max(1, Int((page.width * scale).rounded(.up))),
                                height: Swift.max(1, Int((page.height * scale).rounded(.up))), scale: scale)
        let drew = drawBands(columns: raster.width, rows: raster.height, scale: scale, page: page, bandRows: bandRows) { top, count, band in
            raster.copyRows(from: band, count: count, to: top)
        }
        return drew ? raster : nil
    }

    /// Draws the picture on a page grid of `columns` × `rows` pixels at `scale` pixels per point,
    /// on a page of `page` points, `bandRows` rows at a time, as poppler's cairo device draws an
    /// image onto a white page: the samples as an RGB24 surface, filter GOOD, edges extended, inside
    /// the page's clip, the picture's unit square filled. Each band is handed to `body` (its top row,
    /// its rows, the band) before the next is drawn on the same surface: the render's very pixels,
    /// with a band instead of a page-sized surface, and of the samples only the rows a band takes
    /// as colours (the render holds all of them at 4 bytes a sample). False, drawing nothing, for a
    /// picture that is not grey (a render filters its colours, not its greys) or is turned against
    /// the page, and under another cairo than `drawsAsRendered` names.
    func drawBands(columns: Int, rows: Int, scale: Double, page: (width: Double, height: Double), bandRows: Int,
                   _ body: (_ top: Int, _ count: Int, _ band: PageRaster) -> Void) -> Bool {
        guard Self.drawsAsRendered, isGrey, columns > 0, rows > 0, scale > 0, bandRows > 0,
              transform[1] == 0, transform[2] == 0 else { return false }
        var placement = cairo_matrix_t(xx: transform[0], yx: transform[1], xy: transform[2], yy: transform[3],
                                       x0: transform[4], y0: transform[5])
        guard let bands = BandPlacements(picture: self, placement: placement, columns: columns, rows: rows, scale: scale, page: page) else { return false }
        let bandHeight = Swift.min(rows, bandRows)
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
            var matrix = bands.samplesMatrix(top: top, bandHeight: bandHeight, firstRow: taken.lowerBound)
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
        for (i, y) in rows.enumerated() {
            let row = UnsafeMutableRawPointer(base + i * stride).assumingMemoryBound(to: UInt32.self)
            let grey = samples + y * width
            for x in 0..<width { row[x] = UInt32(grey[x]) &* 0x010101 }
        }
        cairo_surface_mark_dirty(source)
        return source
    }
}

/// The picture matrix of each band of `ScanPicture.drawBands`.
///
/// cairo hands pixman the device-to-samples matrix in 16.16 fixed point, its translation fitted so
/// that the drawn area's centre lands exactly (`PixmanPlacement`). A band's drawn area has another
/// centre, so its samples would fall elsewhere by the rounding of the matrix's entries; each band's
/// picture matrix is moved so that pixman's fitted translation is the whole page's, moved by whole rows.
struct BandPlacements {
    /// The picture's matrix to its samples (PDF image space to sample rows from the top).
    let toSamples: cairo_matrix_t
    private let fromPlacement: cairo_matrix_t
    private let scale: Double
    /// The drawn area in device pixels: the picture within the page's clip, its edges in cairo's
    /// 24.8 fixed point rounded out to whole pixels, within the surface.
    private let area: (left: Double, right: Double, top: Double, bottom: Double)
    private let whole: PixmanPlacement

    init?(picture: ScanPicture, placement: cairo_matrix_t, columns: Int, rows: Int, scale: Double, page: (width: Double, height: Double)) {
        var inverse = placement
        guard cairo_matrix_invert(&inverse) == CAIRO_STATUS_SUCCESS else { return nil }
        fromPlacement = inverse
        var samples = cairo_matrix_t()
        cairo_matrix_init_translate(&samples, 0, Double(picture.height))
        cairo_matrix_scale(&samples, Double(picture.width), -Double(picture.height))
        toSamples = samples
        self.scale = scale
        func edge(_ v: Double) -> Double { (v * 256).rounded() / 256 }
        let t = picture.transform
        let xs = [t[4] * scale, (t[4] + t[0]) * scale].map(edge), ys = [t[5] * scale, (t[5] + t[3]) * scale].map(edge)
        area = (left: Swift.max(0, xs.min()!.rounded(.down)),
                right: Swift.min(Double(columns), xs.max()!.rounded(.up), edge(page.width * scale).rounded(.up)),
                top: Swift.max(0, ys.min()!.rounded(.down)),
                bottom: Swift.min(Double(rows), ys.max()!.rounded(.up), edge(page.height * scale).rounded(.up)))
        whole = PixmanPlacement(Self.deviceToSamples(fromPlacement: inverse, scale: scale, toSamples: samples, top: 0),
                                centre: ((area.left + area.right) / 2, (area.top + area.bottom) / 2))
    }

    /// The sample rows the band of `count` device rows from `top` takes, with room for the filter:
    /// the rows its pixels' centres fall between, widened by the rows a pixel averages when the
    /// picture is shrunk, and two more each way; within the picture's `sampleRows`.
    func sampleRows(top: Int, count: Int, of sampleRows: Int) -> Range<Int> {
        let m = Self.deviceToSamples(fromPlacement: fromPlacement, scale: scale, toSamples: toSamples, top: 0)
        let ends = [m.yy * Double(top) + m.y0, m.yy * Double(top + count) + m.y0]
        let margin = abs(m.yy).rounded(.up) + 2
        let first = Swift.max(0, Int((ends.min()! - margin).rounded(.down)))
        let last = Swift.min(sampleRows, Int((ends.max()! + margin).rounded(.up)))
        return first..<Swift.max(first + 1, last)
    }

    /// The picture matrix for the band of `bandHeight` rows from device row `top`, whose samples
    /// start at row `firstRow` of the picture.
    func samplesMatrix(top: Int, bandHeight: Int, firstRow: Int = 0) -> cairo_matrix_t {
        let bandTop = Swift.max(0, area.top - Double(top)), bandBottom = Swift.min(Double(bandHeight), area.bottom - Double(top))
        let centre = ((area.left + area.right) / 2, (bandTop + bandBottom) / 2)
        var moved = toSamples, up = cairo_matrix_t(), next = cairo_matrix_t()
        cairo_matrix_init_translate(&up, 0, -Double(firstRow))
        cairo_matrix_multiply(&next, &moved, &up)
        moved = next
        for _ in 0..<5 {
            let placed = PixmanPlacement(Self.deviceToSamples(fromPlacement: fromPlacement, scale: scale, toSamples: moved, top: top), centre: centre)
            let dx = whole.offset.x - placed.offset.x
            let dy = whole.offset.y + whole.fixedYY * Double(top) - 65536 * Double(firstRow) - placed.offset.y
            if dx == 0 && dy == 0 { break }
            var move = cairo_matrix_t(), next = cairo_matrix_t()
            cairo_matrix_init_translate(&move, dx / 65536, dy / 65536)
            cairo_matrix_multiply(&next, &moved, &move)
            moved = next
        }
        return moved
    }

    /// The device-to-samples matrix cairo derives for a band drawn `top` rows up, computed as cairo
    /// does (its inverse transformation kept step by step, the pattern's matrix after it): the same
    /// doubles, so the same fixed point.
    static func deviceToSamples(fromPlacement: cairo_matrix_t, scale: Double, toSamples: cairo_matrix_t, top: Int) -> cairo_matrix_t {
        var inverse = cairo_matrix_t(), step = cairo_matrix_t(), next = cairo_matrix_t()
        var fromPlacement = fromPlacement, toSamples = toSamples
        cairo_matrix_init_identity(&inverse)
        cairo_matrix_init_translate(&step, 0, Double(top))
        cairo_matrix_multiply(&next, &inverse, &step); inverse = next
        cairo_matrix_init_scale(&step, 1 / scale, 1 / scale)
        cairo_matrix_multiply(&next, &inverse, &step); inverse = next
        cairo_matrix_multiply(&next, &inverse, &fromPlacement); inverse = next
        cairo_matrix_multiply(&next, &inverse, &toSamples)
        return next
    }
}

/// How cairo 1.16 hands an axis-aligned device-to-samples matrix to pixman
/// (`_cairo_matrix_to_pixman_matrix_offset`): moved by whole device pixels `t` toward the smallest
/// translation, converted to 16.16 fixed point, its translation then corrected until pixman maps
/// `centre` where the matrix does. `offset` is what decides the sample positions: pixman's sample
/// coordinate (fixed point) for device pixel p is round(fixed entry × (p + 0.5)) + offset, per axis.
struct PixmanPlacement {
    let fixedXX: Double, fixedYY: Double
    let offset: (x: Double, y: Double)

    init(_ matrix: cairo_matrix_t, centre: (Double, Double)) {
        func fixed(_ v: Double) -> Int64 { Int64((v * 65536).rounded(.toNearestOrEven)) }
        var m = matrix
        var tx = m.x0, ty = m.y0
        var norm = Swift.max(abs(tx), abs(ty))
        for i in [-1.0, 1.0] {
            for j in [-1.0, 1.0] {
                let den = (m.xx + i) * (m.yy + j) - m.xy * m.yx
                if abs(den) < Double.ulpOfOne { continue }
                let x = (m.y0 * m.xy - m.x0 * (m.yy + j)) / den, y = (m.x0 * m.yx - m.y0 * (m.xx + i)) / den
                if norm > Swift.max(abs(x), abs(y)) { norm = Swift.max(abs(x), abs(y)); tx = x; ty = y }
            }
        }
        tx = tx.rounded(.down)
        ty = ty.rounded(.down)
        cairo_matrix_translate(&m, tx, ty)
        let xx = fixed(m.xx), xy = fixed(m.xy), yx = fixed(m.yx), yy = fixed(m.yy)
        var x0 = fixed(m.x0), y0 = fixed(m.y0)
        var inverse = m
        if cairo_matrix_invert(&inverse) == CAIRO_STATUS_SUCCESS {
            let cx = fixed(centre.0), cy = fixed(centre.1)
            for _ in 0..<5 {
                // pixman_transform_point_3d: 48.16 products, rounded
                let px = ((xx * cx + xy * cy + 0x8000) >> 16) + x0
                let py = ((yx * cx + yy * cy + 0x8000) >> 16) + y0
                var ex = Double(px) / 65536, ey = Double(py) / 65536
                cairo_matrix_transform_point(&inverse, &ex, &ey)
                ex -= centre.0
                ey -= centre.1
                cairo_matrix_transform_distance(&m, &ex, &ey)
                let dx = fixed(ex), dy = fixed(ey)
                x0 -= dx
                y0 -= dy
                if dx == 0 && dy == 0 { break }
            }
        }
        fixedXX = Double(xx)
        fixedYY = Double(yy)
        // pixman is handed q = p - t: in device pixels p the translation is the fitted one minus entry × t
        offset = (Double(x0) - Double(xx) * tx, Double(y0) - Double(yy) * ty)
    }
}
