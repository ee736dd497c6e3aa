import ReformPDF

/// Joins a table continued on the next page into one: same column boundaries, rows appended, and a
/// repeated header row dropped.
public struct TableStitcher: Sendable {
    public var settings: TableSettings

    public init(settings: TableSettings = TableSettings()) {
        self.settings = settings
    }

    /// `tables` in page order; a table that opens a page and continues the one that closed the
    /// previous page is appended to it.
    public func stitch(_ tables: [Table]) -> [Table] {
        var out: [Table] = []
        for t in tables {
            if let last = out.last, continues(last, with: t, among: tables) {
                out[out.count - 1] = append(t, to: last)
            } else {
                out.append(t)
            }
        }
        return out
    }

    /// Whether `next` (first table of its page) continues `previous` (last table of the page before).
    func continues(_ previous: Table, with next: Table, among all: [Table]) -> Bool {
        guard next.page == previous.pages.last! + 1 else { return false }
        guard all.first(where: { $0.page == next.page })?.box == next.box else { return false }
        guard previous.columnCount == next.columnCount else { return false }
        let tol = settings.stitchColumnTolerance
        return zip(previous.columnEdges, next.columnEdges).allSatisfy { abs($0 - $1) <= tol }
    }

    func append(_ next: Table, to previous: Table) -> Table {
        // A repeated header: the continuation's first row reads as the table's first row.
        let repeated = previous.rowCount > 0 && next.rowCount > 1 && next.rows.first == previous.rows.first
        let skip = repeated ? 1 : 0
        let offset = previous.rowCount - skip
        var cells = previous.cells
        for c in next.cells where c.row >= skip {
            var moved = c
            moved.row += offset
            cells.append(moved)
        }
        // Row edges continue below the previous table's, in the previous page's coordinates.
        let shift = previous.rowEdges.last! - next.rowEdges[skip]
        let edges = previous.rowEdges + next.rowEdges.dropFirst(skip + 1).map { $0 + shift }
        var table = Table(page: previous.page, box: previous.box, mode: previous.mode, rowEdges: edges,
                          columnEdges: previous.columnEdges, cells: cells)
        table.pages = previous.pages + [next.page]
        table.rowPages = previous.rowPages + Array(repeating: next.page, count: next.rowCount - skip)
        return table
    }
}
