import ArgumentParser
import Foundation
import ReformLayout
import ReformPDF

/// `reform tables`: the tables of PDF pages, rebuilt from rulings and text geometry.
struct TablesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tables",
        abstract: "Extract the tables of PDF pages (cells with spans) as JSON, CSV, Markdown or HTML.",
        discussion: "Each file's tables are written as soon as it is read. JSON is one object for one file named, an array with an element per file read for several."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case json, csv, markdown, html }

    @Argument(help: "PDF files ('-' reads standard input).")
    var files: [String]

    @OptionGroup var input: PDFInputOptions

    @Option(help: "Only look inside this area: top,left,bottom,right in points from the page's top-left.")
    var area: String?

    @Option(help: "How grids are found: auto, lattice (rulings) or stream (text alignment).")
    var mode: TableExtractor.Mode = .auto

    @Option(help: "Stream-mode column boundaries: x positions in points, comma-separated.")
    var columns: String?

    @Flag(help: "Join tables continued across pages (same columns) into one.")
    var stitch = false

    @Option(help: "Output format: json, csv, markdown or html.")
    var format: Format = .json

    @OptionGroup var options: RunOptions

    func validate() throws {
        if let area, Self.numbers(area)?.count != 4 { throw ValidationError("--area: write four numbers top,left,bottom,right") }
        if let columns, Self.numbers(columns) == nil { throw ValidationError("--columns: write x positions separated by commas") }
    }

    static func numbers(_ text: String) -> [Double]? {
        let parts = text.split(separator: ",").map { Double($0.trimmingCharacters(in: .whitespaces)) }
        return parts.contains(where: { $0 == nil }) || parts.isEmpty ? nil : parts.compactMap { $0 }
    }

    func run() throws {
        var run = FileRun()
        let tally = options.tally()
        let extractor = PageExtractor()
        let tableExtractor = TableExtractor()
        let region = area.flatMap(Self.numbers).map { Rect(left: $0[1], top: $0[0], right: $0[3], bottom: $0[2]) }
        let hints = columns.flatMap(Self.numbers)
        let mode = self.mode
        let stitch = self.stitch, input = self.input
        let (lanes, pageWorkers) = options.lanes(files: files.count)
        var writer = TablesWriter(format: format, inputs: files)
        try Console.out(writer.begin())
        // Each file's tables are written as soon as it and the files before it are read.
        try lanes.forEachInOrder(files, { path in
            Result { () throws -> (file: String, tables: [Table], unmapped: [(page: Int, maps: [String])]) in
                let document = try FileRun.open(path, password: input.password)
                var tables: [Table] = []
                var unmapped: [(page: Int, maps: [String])] = []
                try PageStream(workers: pageWorkers).run(document, pages: try input.selectedPages(of: document), read: { page in
                    let content = extractor.extract(page, timings: tally)
                    let found = tally.measure("grid") { tableExtractor.tables(in: content, area: region, mode: mode, columns: hints) }
                    return (tables: found, maps: content.missingCharacterMaps)
                }, consume: { number, read in
                    tables += read.tables
                    if !read.maps.isEmpty { unmapped.append((number, read.maps)) }
                })
                if stitch { tables = TableStitcher(settings: tableExtractor.settings).stitch(tables) }
                return (document.path, tables, unmapped)
            }
        }) { result in
            try run.guarded {
                let read = try result.get()
                for page in read.unmapped { Console.unmappedFonts(read.file, page: page.page, maps: page.maps) }
                try Console.out(try tally.measure("write") { try writer.add(file: read.file, tables: read.tables) })
            }
        }
        try Console.out(writer.end())
        if let tally { TimingsReport.print(tally) }
        try run.finish()
    }
}

extension TableExtractor.Mode: ExpressibleByArgument {}

/// The JSON shape of `reform tables --format json` for one file: `file` and its `tables`, each with
/// the members of `TableJSON` in the order it declares them.
enum TablesReport {
    static func write(file: String, tables: [Table], to json: inout PrettyJSON) throws {
        try json.object { json in
            json.key("file")
            json.value(file)
            json.key("tables")
            try json.array { list in
                for table in tables {
                    list.element()
                    try write(TableJSON(table), to: &list)
                }
            }
        }
    }

    static func write(_ t: TableJSON, to json: inout PrettyJSON) throws {
        try json.object { json in
            json.key("page"); json.value(t.page)
            json.key("pages")
            json.array { list in
                for p in t.pages {
                    list.element()
                    list.value(p)
                }
            }
            json.key("bbox"); try json.value(t.bbox)
            json.key("mode"); json.value(t.mode)
            json.key("n_rows"); json.value(t.nRows)
            json.key("n_cols"); json.value(t.nCols)
            json.key("cells")
            try json.array { list in
                for c in t.cells {
                    list.element()
                    try list.object { json in
                        json.key("row"); json.value(c.row)
                        json.key("col"); json.value(c.col)
                        json.key("row_span"); json.value(c.rowSpan)
                        json.key("col_span"); json.value(c.colSpan)
                        json.key("bbox"); try json.value(c.bbox)
                        json.key("text"); json.value(c.text)
                    }
                }
            }
            json.key("rows")
            json.array { list in
                for row in t.rows {
                    list.element()
                    list.array { cells in
                        for text in row {
                            cells.element()
                            cells.value(text)
                        }
                    }
                }
            }
        }
    }
}
