import ReformPDF

/// How a table's grid was found.
public enum TableMode: String, Sendable, Codable {
    /// From ruled lines.
    case lattice
    /// From text alignment (with horizontal rulings as row separators where there are some).
    case stream
}

/// One cell of a table: its place in the grid, its spans, its box and its text.
public struct Cell: Sendable, Hashable {
    public var row: Int
    public var column: Int
    public var rowSpan: Int
    public var columnSpan: Int
    /// In page coordinates.
    public var box: Rect
    /// The cell's text: lines joined (CJK without a space, Latin with one), vertical stacks read as one string.
    public var text: String
    /// The text line by line, as printed.
    public var lines: [String]

    public init(row: Int, column: Int, rowSpan: Int = 1, columnSpan: Int = 1, box: Rect, text: String, lines: [String]) {
        self.row = row
        self.column = column
        self.rowSpan = rowSpan
        self.columnSpan = columnSpan
        self.box = box
        self.text = text
        self.lines = lines
    }

    public var lastRow: Int { row + rowSpan - 1 }
    public var lastColumn: Int { column + columnSpan - 1 }

    /// Whether the cell's text runs top to bottom, one character a line.
    public var isVertical: Bool { lines.count >= 2 && lines.allSatisfy { $0.count == 1 } }
}

/// A table found on a page (or stitched over several): its grid and its cells.
public struct Table: Sendable {
    /// 1-based page of the table's first row.
    public var page: Int
    /// Every page the table covers, in order.
    public var pages: [Int]
    public var box: Rect
    public var mode: TableMode
    public var rowCount: Int
    public var columnCount: Int
    /// Cells in row-major order of their top-left slot; spanning cells appear once.
    public var cells: [Cell]
    /// Row boundaries (rowCount + 1 values) and column boundaries (columnCount + 1), in levelled page
    /// coordinates of the first page.
    public var rowEdges: [Double]
    public var columnEdges: [Double]
    /// For each row, the page it was read from.
    public var rowPages: [Int]

    public init(page: Int, box: Rect, mode: TableMode, rowEdges: [Double], columnEdges: [Double], cells: [Cell]) {
        self.page = page
        pages = [page]
        self.box = box
        self.mode = mode
        self.rowEdges = rowEdges
        self.columnEdges = columnEdges
        rowCount = rowEdges.count - 1
        columnCount = columnEdges.count - 1
        self.cells = cells.sorted { ($0.row, $0.column) < ($1.row, $1.column) }
        rowPages = Array(repeating: page, count: max(0, rowEdges.count - 1))
    }

    /// The grid as rows of strings: a spanning cell's text at its top-left slot, "" in the slots it covers.
    public var rows: [[String]] {
        var grid = Array(repeating: Array(repeating: "", count: columnCount), count: rowCount)
        for c in cells where c.row < rowCount && c.column < columnCount { grid[c.row][c.column] = c.text }
        return grid
    }

    /// The cell covering a grid slot.
    public func cell(atRow r: Int, column c: Int) -> Cell? {
        cells.first { r >= $0.row && r <= $0.lastRow && c >= $0.column && c <= $0.lastColumn }
    }

    /// Number of cells with text.
    public var filledCellCount: Int { cells.filter { !$0.text.isEmpty }.count }
}
