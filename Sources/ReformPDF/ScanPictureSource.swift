import CScanPicture
import Foundation

/// The document opened again by poppler's core, to read its scanned pages' pictures as they are
/// stored (scan_picture.cpp), for the pixels of a scan that is one picture over the page: OCR's page
/// image and the raster its rulings are found in (`ScanPicture`). Owns the C source and closes it
/// exactly once.
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
