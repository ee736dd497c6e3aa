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
                           transform: [c.0, c.1, c.2, c.3, c.4, c.5])
    }
}

/// A scanned page's picture: grey samples (255 white) at the scan's own resolution, and the affine
/// map `transform` ([a b c d e f], PDF's order) from the picture's unit square (its first row at
/// v = 1, as PDF image space has it) to page points, origin at the page's top-left corner, y down.
/// Owns its samples and frees them exactly once.
public final class ScanPicture {
    public let width: Int
    public let height: Int
    public let transform: [Double]
    private let samples: UnsafeMutablePointer<UInt8>

    /// Takes `samples` (`width` × `height` bytes from malloc).
    init(samples: UnsafeMutablePointer<UInt8>, width: Int, height: Int, transform: [Double]) {
        self.samples = samples
        self.width = width
        self.height = height
        self.transform = transform
    }

    /// A picture of its own samples (copied), for building one without a PDF.
    public convenience init(width: Int, height: Int, samples: [UInt8], transform: [Double]) {
        precondition(samples.count == width * height && transform.count == 6)
        let copy = malloc(samples.count).assumingMemoryBound(to: UInt8.self)
        samples.withUnsafeBufferPointer { copy.update(from: $0.baseAddress!, count: $0.count) }
        self.init(samples: copy, width: width, height: height, transform: transform)
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

}
