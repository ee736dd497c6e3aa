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

    /// The picture on a page grid of `columns` × `rows` pixels at `scale` pixels per point, on a
    /// page of `page` points, drawn by cairo as poppler's cairo device draws an image (the samples
    /// as an RGB24 surface, filter GOOD, edges extended, inside the page's clip, the picture's unit
    /// square filled), `bandRows` rows at a time, in grey: the render's very pixels, with a band
    /// instead of the page-sized colour surface under them. Nil for a picture that is not grey (a
    /// render filters its colours, not its greys) or is turned against the page.
    public func drawn(columns: Int, rows: Int, scale: Double, page: (width: Double, height: Double), bandRows: Int = ScanPicture.bandRows) -> [UInt8]? {
        guard isGrey, columns > 0, rows > 0, scale > 0, bandRows > 0, transform[1] == 0, transform[2] == 0 else { return nil }
        let source = cairo_image_surface_create(CAIRO_FORMAT_RGB24, Int32(width), Int32(height))!
        defer { cairo_surface_destroy(source) }
        guard cairo_surface_status(source) == CAIRO_STATUS_SUCCESS, let base = cairo_image_surface_get_data(source) else { return nil }
        let stride = Int(cairo_image_surface_get_stride(source))
        for y in 0..<height {
            let row = UnsafeMutableRawPointer(base + y * stride).assumingMemoryBound(to: UInt32.self)
            let grey = samples + y * width
            for x in 0..<width { row[x] = UInt32(grey[x]) &* 0x010101 }
        }
        cairo_surface_mark_dirty(source)
        let pattern = cairo_pattern_create_for_surface(source)!
        defer { cairo_pattern_destroy(pattern) }
        cairo_pattern_set_filter(pattern, CAIRO_FILTER_GOOD)
        cairo_pattern_set_extend(pattern, CAIRO_EXTEND_PAD)
        var toSamples = cairo_matrix_t()
        cairo_matrix_init_translate(&toSamples, 0, Double(height))
        cairo_matrix_scale(&toSamples, Double(width), -Double(height))
        var placement = cairo_matrix_t(xx: transform[0], yx: transform[1], xy: transform[2], yy: transform[3],
                                       x0: transform[4], y0: transform[5])
        var fromPlacement = placement
        guard cairo_matrix_invert(&fromPlacement) == CAIRO_STATUS_SUCCESS else { return nil }
        // The device-to-samples matrix cairo derives for a band drawn `top` rows up with the picture
        // matrix moved by `shift`, computed as cairo does (its inverse transformation kept step by
        // step, then the pattern's matrix after it): the same doubles, so the same fixed point.
        func deviceToSamples(top: Int, shift: (x: Double, y: Double)) -> cairo_matrix_t {
            var inverse = cairo_matrix_t(), step = cairo_matrix_t(), next = cairo_matrix_t()
            cairo_matrix_init_identity(&inverse)
            cairo_matrix_init_translate(&step, 0, Double(top))
            cairo_matrix_multiply(&next, &inverse, &step); inverse = next
            cairo_matrix_init_scale(&step, 1 / scale, 1 / scale)
            cairo_matrix_multiply(&next, &inverse, &step); inverse = next
            cairo_matrix_multiply(&next, &inverse, &fromPlacement); inverse = next
            var samples = bandSamples(shift)
            cairo_matrix_multiply(&next, &inverse, &samples)
            return next
        }
        func bandSamples(_ shift: (x: Double, y: Double)) -> cairo_matrix_t {
            var move = cairo_matrix_t(), moved = cairo_matrix_t()
            cairo_matrix_init_translate(&move, shift.x, shift.y)
            cairo_matrix_multiply(&moved, &toSamples, &move)
            return moved
        }
        // Where pixman samples: cairo hands it the device-to-samples matrix in 16.16 fixed point, first
        // moved by whole device pixels to keep the translation small, its translation then fitted so
        // that the drawn area's centre lands exactly (_cairo_matrix_to_pixman_matrix_offset). A band's
        // area has another centre, so its samples would fall elsewhere by the entries' rounding: each
        // band's matrix is moved so that pixman's fitted translation is the whole page's, by whole rows.
        // The drawn area, whose centre cairo fits at: the picture within the page's clip, its edges in
        // cairo's 24.8 fixed point rounded out to whole pixels, within the surface.
        func edge(_ v: Double) -> Double { (v * 256).rounded() / 256 }
        let xs = [transform[4] * scale, (transform[4] + transform[0]) * scale].map(edge)
        let ys = [transform[5] * scale, (transform[5] + transform[3]) * scale].map(edge)
        let area = (left: Swift.max(0, xs.min()!.rounded(.down)),
                    right: Swift.min(Double(columns), xs.max()!.rounded(.up), edge(page.width * scale).rounded(.up)),
                    top: Swift.max(0, ys.min()!.rounded(.down)),
                    bottom: Swift.min(Double(rows), ys.max()!.rounded(.up), edge(page.height * scale).rounded(.up)))
        let across = (area.left + area.right) / 2
        let whole = PixmanPlacement(deviceToSamples(top: 0, shift: (0, 0)), centre: (across, (area.top + area.bottom) / 2))
        var out = [UInt8](repeating: 255, count: columns * rows)
        let bandHeight = Swift.min(rows, bandRows)
        let band = PageRaster(width: columns, height: bandHeight, scale: scale)
        var top = 0
        while top < rows {
            let count = Swift.min(bandHeight, rows - top)
            let bandTop = Swift.max(0, area.top - Double(top)), bandBottom = Swift.min(Double(bandHeight), area.bottom - Double(top))
            let centre = (across, (bandTop + bandBottom) / 2)
            var shift = (x: 0.0, y: 0.0)
            for _ in 0..<4 {
                let placed = PixmanPlacement(deviceToSamples(top: top, shift: shift), centre: centre)
                let dx = whole.offset.x - placed.offset.x, dy = whole.offset.y + whole.fixedYY * Double(top) - placed.offset.y
                if dx == 0 && dy == 0 { break }
                shift.x += dx / 65536
                shift.y += dy / 65536
            }
            var matrix = bandSamples(shift)
            cairo_pattern_set_matrix(pattern, &matrix)
            band.draw { cr in
                cairo_set_source_rgb(cr, 1, 1, 1)
                cairo_paint(cr)
                cairo_translate(cr, 0, -Double(top))
                cairo_scale(cr, scale, scale)
                // the page's clip, as poppler sets it before the page's content, then the picture's
                cairo_rectangle(cr, 0, 0, page.width, page.height)
                cairo_clip(cr)
                cairo_transform(cr, &placement)
                cairo_rectangle(cr, 0, 0, 1, 1)
                cairo_set_source(cr, pattern)
                cairo_fill(cr)
            }
            band.withPixels { pixels, stride in
                out.withUnsafeMutableBufferPointer { dst in
                    for y in 0..<count {
                        let row = pixels + y * stride, o = (top + y) * columns
                        for x in 0..<columns { dst[o + x] = GrayImage.luma(row[x]) }
                    }
                }
            }
            top += count
        }
        return out
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
