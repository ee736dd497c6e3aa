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
        let workers = options.pageWorkers()
        let format = self.format, includeGlyphs = glyphs
        // One input is one JSON object; several are an array with an element per file read, each
        // written one level deeper and as soon as its file is read (a folder is never held whole).
        var list = JSONFileList(inputs: files.count)
        let level = list.elementLevel
        for path in files {
            try run.each(path, password: input.password) { document in
                let selected = try input.selectedPages(of: document)
                var report = PrettyJSON(level: level)
                try report.object { json in
                    json.key("file")
                    json.value(document.path)
                    json.key("page_count")
                    json.value(document.pageCount)
                    json.key("pages")
                    try json.array { pages in
                        try PageStream(workers: workers).run(document, pages: selected, read: { page in
                            let content = extractor.extract(page, timings: tally)
                            let lines = tally.measure("layout") { layout.lines(glyphs: content.glyphs, rulings: content.rulings) }
                            // Each page's JSON is written on the thread that read it.
                            let written = format == .json
                                ? tally.measure("write") { TextReport.Page(content, lines: lines, includeGlyphs: includeGlyphs).json(level: level + 2) }
                                : nil
                            return (content, lines, written)
                        }, consume: { number, result in
                            let (content, lines, written) = result
                            if !content.missingCharacterMaps.isEmpty {
                                Console.unmappedFonts(document.path, page: number, maps: content.missingCharacterMaps)
                            } else if !content.hasTextLayer {
                                Console.warning("\(document.path): page \(number) has no text layer; scanned image?")
                            }
                            switch written {
                            case nil:
                                try Console.out("=== \(document.path) page \(number) ===\n" + layout.plainText(lines) + "\n")
                            case .success(let bytes)?:
                                pages.element()
                                pages.append(rendered: bytes)
                            case .failure(let error)?:
                                throw error
                            }
                        })
                    }
                }
                if format == .json {
                    try tally.measure("write") {
                        try Console.out(list.next())
                        try Console.out(report.bytes)
                    }
                }
            }
        }
        if format == .json { try Console.out(list.end()) }
        if let tally { TimingsReport.print(tally) }
        try run.finish()
    }
}

/// The JSON shape of `reform text --format json`: per file `file`, `page_count` and `pages`, each page
/// as below. Keys are written sorted, as `JSONEncoder` with `.sortedKeys` would.
enum TextReport {
    struct Page {
        var page: Int
        var width: Double
        var height: Double
        var rotation: Int
        var skew: Double
        var hasTextLayer: Bool
        var lines: [Line]
        var words: [Word]
        var rulings: [RulingJSON]
        var glyphs: [GlyphJSON]?

        init(_ c: PageContent, lines: [TextLine], includeGlyphs: Bool) {
            page = c.number
            width = c.width.rounded2
            height = c.height.rounded2
            rotation = c.rotation
            skew = (c.skewDegrees * 1000).rounded() / 1000
            hasTextLayer = c.hasTextLayer
            self.lines = lines.map { Line(text: $0.text, bbox: $0.box.json) }
            words = lines.flatMap(\.words).map { Word(text: $0.text, bbox: $0.box.json, fontSize: $0.fontSize.rounded2) }
            rulings = c.rulings.map(RulingJSON.init)
            glyphs = includeGlyphs
                ? c.glyphs.map { GlyphJSON(char: String($0.scalar), bbox: $0.box.json, font: $0.fontName, size: $0.fontSize.rounded2) }
                : nil
        }

        /// The page as JSON text, to sit at indentation `level` in the report.
        func json(level: Int) -> Result<[UInt8], any Error> {
            var json = PrettyJSON(level: level)
            do {
                try json.object { json in
                    if let glyphs {
                        json.key("glyphs")
                        try json.array { list in
                            for g in glyphs {
                                list.element()
                                try list.object { json in
                                    json.key("bbox"); try json.value(g.bbox)
                                    json.key("char"); json.value(g.char)
                                    json.key("font"); json.value(g.font)
                                    json.key("size"); try json.value(g.size)
                                }
                            }
                        }
                    }
                    json.key("has_text_layer"); json.value(hasTextLayer)
                    json.key("height"); try json.value(height)
                    json.key("lines")
                    try json.array { list in
                        for line in lines {
                            list.element()
                            try list.object { json in
                                json.key("bbox"); try json.value(line.bbox)
                                json.key("text"); json.value(line.text)
                            }
                        }
                    }
                    json.key("page"); json.value(page)
                    json.key("rotation"); json.value(rotation)
                    json.key("rulings")
                    try json.array { list in
                        for r in rulings {
                            list.element()
                            try list.object { json in
                                json.key("orientation"); json.value(r.orientation)
                                json.key("thickness"); try json.value(r.thickness)
                                json.key("x1"); try json.value(r.x1)
                                json.key("x2"); try json.value(r.x2)
                                json.key("y1"); try json.value(r.y1)
                                json.key("y2"); try json.value(r.y2)
                            }
                        }
                    }
                    json.key("skew"); try json.value(skew)
                    json.key("width"); try json.value(width)
                    json.key("words")
                    try json.array { list in
                        for w in words {
                            list.element()
                            try list.object { json in
                                json.key("bbox"); try json.value(w.bbox)
                                json.key("font_size"); try json.value(w.fontSize)
                                json.key("text"); json.value(w.text)
                            }
                        }
                    }
                }
            } catch {
                return .failure(error)
            }
            return .success(json.bytes)
        }
    }

    struct Line { var text: String; var bbox: [Double] }

    struct Word { var text: String; var bbox: [Double]; var fontSize: Double }

    struct GlyphJSON { var char: String; var bbox: [Double]; var font: String; var size: Double }

    struct RulingJSON {
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
