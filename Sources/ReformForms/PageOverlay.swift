import Foundation
import ReformLayout
import ReformPDF

/// Draws what was read on a page: rulings, each table cell outlined with its row and column, cells
/// tinted by their role with the record field they fill, and every review item circled with its reason.
public enum PageOverlay {
    typealias Colour = OverlayCanvas.Colour

    /// Tint per role: labels grey-blue, header text green, funds orange, goals violet, levels teal,
    /// indicator names yellow, targets pink.
    static func tint(_ role: FieldSource.Role) -> Colour {
        switch role {
        case .label: return Colour(0.45, 0.55, 0.75, 0.22)
        case .text: return Colour(0.20, 0.70, 0.30, 0.25)
        case .funds: return Colour(1.00, 0.60, 0.10, 0.30)
        case .goal: return Colour(0.60, 0.35, 0.85, 0.22)
        case .level: return Colour(0.10, 0.65, 0.70, 0.22)
        case .indicatorName: return Colour(1.00, 0.90, 0.10, 0.28)
        case .target: return Colour(0.95, 0.35, 0.60, 0.25)
        }
    }

    static let ruling = Colour(0.90, 0.10, 0.10, 0.85)
    static let grid = Colour(0.10, 0.30, 0.90, 0.75)
    static let ink = Colour(0.05, 0.05, 0.30, 1)
    static let alarm = Colour(0.90, 0.00, 0.00, 1)

    /// Draws page `page` of an inspection on `canvas`.
    public static func draw(_ inspection: FormExtractor.Inspection, page: Int, on canvas: OverlayCanvas) {
        guard let p = inspection.pages.first(where: { $0.number == page }) else { return }
        for r in p.rulings { canvas.line(r.start, r.end, ruling, width: 0.6) }
        for t in p.tables {
            for c in t.cells {
                canvas.stroke(c.box, grid, width: 0.4)
                canvas.label("\(c.row),\(c.column)", at: Point(x: c.box.left + 1, y: c.box.top + 4), size: 3.5, grid, background: nil)
            }
        }
        var reviewsDrawn = 0
        for (record, sources) in zip(inspection.records, inspection.sources) {
            for s in sources where s.page == page {
                canvas.fill(s.box, tint(s.role))
                if s.role != .label {
                    canvas.label(s.path, at: Point(x: s.box.left + 1, y: s.box.bottom - 1.5), size: 4, ink)
                }
            }
            for item in record.review {
                // The cell of the field, or of the field whose path the item's path begins with.
                guard let s = sources.first(where: { $0.page == page && $0.role != .label && ($0.path == item.path || item.path.hasPrefix($0.path + ".")) })
                    ?? sources.first(where: { $0.page == page && $0.role != .label && $0.path.hasPrefix(item.path) }) else { continue }
                canvas.ring(s.box, alarm, width: 1.2)
                canvas.label("⚠ \(item.reason)", at: Point(x: s.box.left, y: s.box.bottom + 7), size: 5, alarm)
                reviewsDrawn += 1
            }
        }
        let skew = p.skewDegrees == 0 ? "level" : String(format: "skew %.2f°", p.skewDegrees)
        let kind = Self.kind(of: p)
        canvas.label("page \(page) · \(kind) · \(skew) · \(p.tables.count) table(s) · \(p.rulings.count) rulings · \(reviewsDrawn) review item(s)",
                     at: Point(x: 6, y: 10), size: 6, ink)
    }

    /// What a page's text came from, for its heading: its layer, or tesseract where it had no
    /// readable layer (an image, text drawn as outlines, fonts without a Unicode map).
    static func kind(of page: PageTables) -> String {
        let kind = page.readByOCR ? (page.isScan ? "scan, read by OCR" : "no readable text layer, read by OCR")
                                  : (page.isScan ? "scan, OCR layer" : "born-digital")
        return page.turn.scanned.map { kind + ", " + $0 + ": shown turned" } ?? kind
    }
}
