import CScanPicture
import Foundation

/// The document opened again by poppler's core, to read its scanned pages' pictures as they are
/// stored (scan_picture.cpp), for the pixels of a scan that is one picture over the page: OCR's page
/// image and the raster its rulings are found in (`ScanPicture`). Owns the C source and closes it
/// exactly once.
final class ScanPictureSource {
    private let handle: OpaquePointer
    /// The bytes a source opened from memory reads in place, kept until it is closed (in `deinit`,
    /// before stored properties are let go).
    private let bytes: PDFBytes?

    /// Nil when poppler's core cannot open the document (or reform was built without its headers).
    init?(origin: PDFDocument.Origin, password: String?) {
        var kept: PDFBytes?
        let opened: OpaquePointer? = password.withOptionalCString { pw in
            switch origin {
            case .file(let path):
                return reform_scan_source_open_file(path, pw)
            case .bytes(let bytes):
                kept = bytes
                return reform_scan_source_open_bytes(bytes.pointer, bytes.count, pw)
            }
        }
        guard let opened else { return nil }
        handle = opened
        bytes = kept
    }

    deinit { reform_scan_source_close(handle) }

    /// Whether page `number` (1-based) is one opaque picture over the whole page with nothing visible
    /// drawn after it; the picture is not decoded.
    func isOnePicture(page number: Int) -> Bool { found(page: number) != nil }

    /// The size and place of page `number`'s one picture, found without decoding it.
    private func found(page number: Int) -> ReformScanPicture? {
        var found = ReformScanPicture()
        return reform_scan_source_picture(handle, Int32(number), &found) == 1 ? found : nil
    }

    /// Page `number`'s (1-based) one picture, when the page is exactly that: one opaque picture over
    /// the whole page with nothing visible drawn after it. Nil for any other page. The page is looked
    /// at once to find the picture and once more to decode it straight into the picture's own samples.
    func picture(page number: Int) -> ScanPicture? {
        guard let found = found(page: number) else { return nil }
        let count = Int(found.width) * Int(found.height)
        var raw = ReformScanPicture()
        var decoded = false
        let samples = [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
            decoded = reform_scan_source_decode(handle, Int32(number), buffer.baseAddress, count, &raw) == 1
                && raw.width == found.width && raw.height == found.height
            initialized = decoded ? count : 0
        }
        guard decoded else { return nil }
        let c = raw.ctm
        return ScanPicture(width: Int(raw.width), height: Int(raw.height), samples: samples,
                           transform: [c.0, c.1, c.2, c.3, c.4, c.5], isGrey: raw.grey != 0)
    }
}
