import ArgumentParser
import Foundation
import ReformLayout
import ReformPDF

/// `reform text`: a page's text in geometric reading order, or everything the extract stage sees as JSON.
struct TextCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "text",
        abstract: "Print the text of PDF pages in geometric reading order (or words, lines and rulings as JSON)."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Argument(help: "PDF files ('-' reads standard input).")
    var files: [String]

    @OptionGroup var input: PDFInputOptions

    @Option(help: "Output format: text or json.")
    var format: Format = .text

    @Flag(help: "Include every glyph in the JSON output.")
    var glyphs = false

    @Flag(name: .customLong("no-rulings"), help: "Skip ruling detection (faster; text only).")
    var noRulings = false

    @OptionGroup var options: RunOptions

    func run() throws {
        var run = FileRun()
        let extractor = PageExtractor(findRulings: !noRulings)
        let layout = TextLayout()
        let tally = options.tally()
        var reports: [TextReport.File] = []
        for path in files {
            try run.each(path, password: input.password) { document in
                var pages: [TextReport.Page] = []
                let selected = try input.selectedPages(of: document)
                try PageStream(workers: options.workers).run(document, pages: selected, read: { page in
                    let content = extractor.extract(page, timings: tally)
                    let lines = tally.measure("layout") { layout.lines(glyphs: content.glyphs, rulings: content.rulings) }
                    return (content, lines)
                }, consume: { number, result in
                    let (content, lines) = result
                    if !content.hasTextLayer {
                        Console.warning("\(document.path): page \(number) has no text layer; scanned image?")
                    }
                    switch format {
                    case .text:
                        Console.out("=== \(document.path) page \(number) ===\n" + layout.plainText(lines) + "\n")
                    case .json:
                        pages.append(TextReport.Page(content, lines: lines, includeGlyphs: glyphs))
                    }
                })
                if format == .json { reports.append(TextReport.File(file: document.path, pageCount: document.pageCount, pages: pages)) }
            }
        }
        if format == .json {
            try tally.measure("write") {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                let data = reports.count == 1 ? try encoder.encode(reports[0]) : try encoder.encode(reports)
                Console.out(String(decoding: data, as: UTF8.self) + "\n")
            }
        }
        if let tally { TimingsReport.print(tally) }
        try run.finish()
    }
}

/// The JSON shape of `reform text --format json`.
enum TextReport {
    struct File: Encodable {
        var file: String
        var pageCount: Int
        var pages: [Page]
        enum CodingKeys: String, CodingKey { case file, pageCount = "page_count", pages }
    }

    struct Page: Encodable {
        var page: Int
        var width: Double
        var height: Double
        var rotation: Int
        var skew: Double
        var hasTextLayer: Bool
        var lines: [Line]
        var words: [WordJSON]
        var rulings: [RulingJSON]
        var glyphs: [GlyphJSON]?

        enum CodingKeys: String, CodingKey {
            case page, width, height, rotation, skew, lines, words, rulings, glyphs
            case hasTextLayer = "has_text_layer"
        }

        init(_ c: PageContent, lines: [TextLine], includeGlyphs: Bool) {
            page = c.number
            width = c.width.rounded2
            height = c.height.rounded2
            rotation = c.rotation
            skew = (c.skewDegrees * 1000).rounded() / 1000
            hasTextLayer = c.hasTextLayer
            self.lines = lines.map { Line(text: $0.text, bbox: $0.box.json) }
            words = lines.flatMap(\.words).map { WordJSON(text: $0.text, bbox: $0.box.json, fontSize: $0.fontSize.rounded2) }
            rulings = c.rulings.map(RulingJSON.init)
            glyphs = includeGlyphs
                ? c.glyphs.map { GlyphJSON(char: String($0.scalar), bbox: $0.box.json, font: $0.fontName, size: $0.fontSize.rounded2) }
                : nil
        }
    }

    struct Line: Encodable { var text: String; var bbox: [Double] }

    struct WordJSON: Encodable {
        var text: String
        var bbox: [Double]
        var fontSize: Double
        enum CodingKeys: String, CodingKey { case text, bbox, fontSize = "font_size" }
    }

    struct GlyphJSON: Encodable { var char: String; var bbox: [Double]; var font: String; var size: Double }

    struct RulingJSON: Encodable {
        var orientation: String
        var x1: Double, y1: Double, x2: Double, y2: Double
        var thickness: Double
        init(_ r: Ruling) {
            orientation = r.orientation.rawValue
            x1 = r.start.x.rounded2; y1 = r.start.y.rounded2
            x2 = r.end.x.rounded2; y2 = r.end.y.rounded2
            thickness = r.thickness.rounded2
        }
    }
}

/// `--timings`: seconds per stage on standard error.
enum TimingsReport {
    static func print(_ tally: StageTimings) {
        let total = tally.entries.reduce(0) { $0 + $1.seconds }
        var lines = ["stage timings (s):"]
        // Pad to the longest name; padding(toLength:) would cut longer ones.
        let width = max(10, tally.entries.map(\.stage.count).max() ?? 0)
        func pad(_ name: String) -> String { name + String(repeating: " ", count: max(0, width - name.count)) }
        for (stage, s) in tally.entries {
            lines.append("  \(pad(stage)) \(String(format: "%8.4f", s))")
        }
        lines.append("  \(pad("total")) \(String(format: "%8.4f", total))")
        FileHandle.standardError.write(Data((lines.joined(separator: "\n") + "\n").utf8))
    }
}

extension Double {
    /// Rounded to hundredths of a point: finer than any form needs, and short in JSON.
    var rounded2: Double { (self * 100).rounded() / 100 }
}

extension Rect {
    /// `[top, left, bottom, right]` rounded for JSON.
    var json: [Double] { tlbr.map(\.rounded2) }
}
