import ReformPDF

/// Renders tables for people and programs: CSV, Markdown, HTML (with real row and column spans).
public enum TableWriters {
    /// RFC 4180 CSV of the grid (spanned slots empty), one table after another separated by a blank line.
    public static func csv(_ tables: [Table]) -> String {
        tables.map { t in
            t.rows.map { row in row.map(csvField).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
        }.joined(separator: "\r\n")
    }

    static func csvField(_ s: String) -> String {
        s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
            ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
    }

    /// A GitHub-flavoured Markdown table per table; the first row is the header row. Tables are
    /// numbered from `first` (a run's tables written file by file go on counting).
    public static func markdown(_ tables: [Table], numberingFrom first: Int = 1) -> String {
        tables.enumerated().map { i, t in
            var lines = ["**Table \(first + i)** (page \(t.page), \(t.mode.rawValue), \(t.rowCount)×\(t.columnCount))", ""]
            let rows = t.rows.map { $0.map(markdownCell) }
            guard let head = rows.first else { return lines.joined(separator: "\n") }
            lines.append("| " + head.joined(separator: " | ") + " |")
            lines.append("|" + String(repeating: " --- |", count: t.columnCount))
            for r in rows.dropFirst() { lines.append("| " + r.joined(separator: " | ") + " |") }
            return lines.joined(separator: "\n") + "\n"
        }.joined(separator: "\n")
    }

    static func markdownCell(_ s: String) -> String {
        s.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: "<br>")
    }

    /// A self-contained HTML page with one `<table>` per table, spans as rowspan/colspan.
    public static func html(_ tables: [Table], title: String) -> String {
        htmlHead(title: title) + htmlTables(tables) + htmlFoot
    }

    /// The start of `html(_:title:)`'s page, up to its first table.
    public static func htmlHead(title: String) -> String {
        """
            <!DOCTYPE html>
            <html lang="zh"><head><meta charset="utf-8"><title>\(escape(title))</title>
            <style>body{font-family:sans-serif}table{border-collapse:collapse;margin:1em 0}td{border:1px solid #888;padding:2px 6px;vertical-align:top}caption{text-align:left;color:#555}</style>
            </head><body>

            """
    }

    /// The end of `html(_:title:)`'s page, after its last table.
    public static let htmlFoot = "</body></html>\n"

    /// The `<table>` elements of `html(_:title:)`'s page, numbered from `first`.
    public static func htmlTables(_ tables: [Table], numberingFrom first: Int = 1) -> String {
        var out = ""
        for (i, t) in tables.enumerated() {
            out += "<table>\n<caption>Table \(first + i): page \(t.pages.map(String.init).joined(separator: ", ")), \(t.mode.rawValue), \(t.rowCount)×\(t.columnCount)</caption>\n"
            for r in 0..<t.rowCount {
                out += "<tr>"
                for c in t.cells where c.row == r {
                    let spans = (c.rowSpan > 1 ? " rowspan=\"\(c.rowSpan)\"" : "") + (c.columnSpan > 1 ? " colspan=\"\(c.columnSpan)\"" : "")
                    out += "<td\(spans)>" + c.lines.map(escape).joined(separator: "<br>") + "</td>"
                }
                out += "</tr>\n"
            }
            out += "</table>\n"
        }
        return out
    }

    /// Text made safe for HTML content and attribute values.
    public static func escape(_ s: String) -> String {
        var out = ""
        for ch in s {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(ch)
            }
        }
        return out
    }
}

/// The JSON shape of a table (`reform tables --format json`).
public struct TableJSON: Encodable, Sendable {
    public var page: Int
    public var pages: [Int]
    public var bbox: [Double]
    public var mode: String
    public var nRows: Int
    public var nCols: Int
    public var cells: [CellJSON]
    public var rows: [[String]]

    public struct CellJSON: Encodable, Sendable {
        public var row: Int
        public var col: Int
        public var rowSpan: Int
        public var colSpan: Int
        public var bbox: [Double]
        public var text: String
        enum CodingKeys: String, CodingKey { case row, col, rowSpan = "row_span", colSpan = "col_span", bbox, text }
    }

    enum CodingKeys: String, CodingKey { case page, pages, bbox, mode, nRows = "n_rows", nCols = "n_cols", cells, rows }

    public init(_ t: Table) {
        page = t.page
        pages = t.pages
        bbox = t.box.tlbr.map(Self.round)
        mode = t.mode.rawValue
        nRows = t.rowCount
        nCols = t.columnCount
        cells = t.cells.map { CellJSON(row: $0.row, col: $0.column, rowSpan: $0.rowSpan, colSpan: $0.columnSpan, bbox: $0.box.tlbr.map(Self.round), text: $0.text) }
        rows = t.rows
    }

    static func round(_ v: Double) -> Double { (v * 100).rounded() / 100 }
}
