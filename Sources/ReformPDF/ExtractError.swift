/// Why a file could not be read. Each case has its own exit code, documented in README.md.
public enum ExtractError: Error, Sendable, Equatable, CustomStringConvertible {
    case fileNotFound(path: String)
    case unreadable(path: String, reason: String)
    case empty(path: String)
    case notAPDF(path: String)
    case damaged(path: String, reason: String)
    case encrypted(path: String, passwordGiven: Bool)
    case zeroPages(path: String)
    /// `missingMaps`: character collections whose maps poppler lacked (poppler-data not installed).
    case noTextLayer(path: String, pages: [Int], missingMaps: [String] = [])
    case pageOutOfRange(path: String, page: Int, pageCount: Int)

    /// The process exit code for this failure (see README.md, "Exit codes").
    public var exitCode: Int32 {
        switch self {
        case .fileNotFound, .unreadable: return 3
        case .empty, .notAPDF: return 4
        case .damaged: return 5
        case .encrypted: return 6
        case .zeroPages: return 7
        case .noTextLayer: return 8
        case .pageOutOfRange: return 64
        }
    }

    /// A short machine-readable name of the failure kind, stable for databases and JSON.
    public var kind: String {
        switch self {
        case .fileNotFound: return "file_not_found"
        case .unreadable: return "unreadable"
        case .empty: return "empty"
        case .notAPDF: return "not_a_pdf"
        case .damaged: return "damaged"
        case .encrypted: return "encrypted"
        case .zeroPages: return "zero_pages"
        case .noTextLayer: return "no_text_layer"
        case .pageOutOfRange: return "page_out_of_range"
        }
    }

    public var path: String {
        switch self {
        case .fileNotFound(let p), .unreadable(let p, _), .empty(let p), .notAPDF(let p), .damaged(let p, _),
             .encrypted(let p, _), .zeroPages(let p), .noTextLayer(let p, _, _), .pageOutOfRange(let p, _, _):
            return p
        }
    }

    public var description: String {
        switch self {
        case .fileNotFound(let p): return "\(p): no such file"
        case .unreadable(let p, let r): return "\(p): cannot be read (\(r))"
        case .empty(let p): return "\(p): empty file (0 bytes), not a PDF"
        case .notAPDF(let p): return "\(p): not a PDF (no %PDF- header)"
        case .damaged(let p, let r): return "\(p): damaged or truncated PDF (\(r))"
        case .encrypted(let p, let given):
            return given ? "\(p): encrypted PDF and the password is wrong; pass the right one with --password"
                         : "\(p): encrypted PDF; pass its password with --password"
        case .zeroPages(let p): return "\(p): the PDF has zero pages"
        case .noTextLayer(let p, let pages, let maps) where !maps.isEmpty:
            return "\(p): no readable text on pages \(PageRanges.describe(pages)): its fonts need \(CharacterMaps.named(maps)), which are not installed; \(CharacterMaps.remedy)"
        case .noTextLayer(let p, let pages, _):
            return "\(p): no readable text layer on pages \(PageRanges.describe(pages)): scanned images, text drawn as outlines or fonts without a Unicode map, needs OCR"
        case .pageOutOfRange(let p, let page, let n): return "\(p): page \(page) does not exist (the PDF has \(n) pages)"
        }
    }
}
