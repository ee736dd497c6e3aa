import Foundation
import ReformLayout
import ReformPDF

/// When reform reads a page from its image.
public enum OCRPolicy: String, Sendable, CaseIterable {
    /// Image-only pages, and the doubtful cells of scanned pages that have a text layer.
    case auto
    /// Every scanned page: each cell with ink is read from the image, whatever its text layer says.
    case always
    /// Never: an image-only page is an error ("needs OCR"), a text layer is taken as it is.
    case never
}

/// A table cell read from the page image.
public struct CellReading: Sendable, Hashable {
    public var page: Int
    /// The cell's box in page points.
    public var box: Rect
    /// The OCR confidence of the reading that was kept (0…1).
    public var confidence: Double
    /// Whether the reading replaced text that the page's text layer had in the cell.
    public var replacedLayer: Bool
}

/// Reads scanned pages from their image, guided by the table: the grid comes from the rulings,
/// each cell is recognized from its own levelled crop, laid out as its ink says (one line or a
/// block), and a cell that reads as a number is read again by a recognizer that knows Latin digits
/// and `%` better. On a page with a text layer only the cells that need it are read: those that
/// are not exactly one of the form's fixed words (or are one a misread character could make of
/// another, as 一级指标 of 二级指标; the layer of a scan carries no confidence, and
/// misreads about one character in eight), and of those the reading that the grammar and the
/// confidence prefer wins.
public struct ScanReader: Sendable {
    public var policy: OCRPolicy
    /// Resolution the page is rendered at for recognition.
    public var dpi: Double = 300
    /// A cell's text starts this far (points) inside its ruled box: the rules stay out of the crop.
    public var cellInset: Double = 1.2
    /// Pixels darker than this are ink.
    public var inkThreshold: UInt8 = 140
    /// Pixels darker than this belong to a mark whose shape is judged (`≥` against `>`): the thin
    /// strokes of a serif sign are grey where the digits beside it are black.
    public var markThreshold: UInt8 = 200
    /// A crop with fewer ink pixels than this share is an empty cell.
    public var minimumInk: Double = 0.004
    /// A reading at least this confident replaces the text layer when the grammar cannot choose.
    public var acceptConfidence: Double = 0.6
    /// Below this a reading of a cell the layer left empty is dropped as noise.
    public var minimumConfidence: Double = 0.35
    /// When a text layer is not the printed text and the page is read from its picture instead.
    public var legibility = Legibility()
    /// How a scan without a text layer is found to be sideways or upside down.
    public var orientation = Orientation()

    /// The form's fixed words and units as the reader compares them, built on first use: a process
    /// whose pages are all born-digital never needs them (they were 3.2% of a one-page extract).
    private let lexicon: Lexicon

    /// Keys (`LabelMatcher.key`) of the form's fixed words: labels and taxonomy terms.
    var vocabulary: Set<[Unicode.Scalar]> { lexicon.words.vocabulary }
    /// The fixed words a text layer is trusted with: those one misread character cannot make of
    /// another (`二级指标` is one character from 一级指标, and a layer did read one as the other).
    public var trusted: Set<[Unicode.Scalar]> { lexicon.words.trusted }
    /// The taxonomy's level terms by key: cells whose value is one of them.
    var levelTerms: [[Unicode.Scalar]: String] { lexicon.words.levelTerms }
    /// Words for the recognizer's dictionary.
    public var words: [String] { lexicon.words.dictionary }
    /// The template's target units, normalized as the target grammar gives them.
    var units: Set<String> { lexicon.words.units }
    /// The scalars of the units and of dates (年月日): ideographs a number cell holds.
    var unitScalars: Set<Unicode.Scalar> { lexicon.words.unitScalars }
    /// The recognizer for cells that read as numbers.
    public var numberLanguages = "chi_sim+eng"

    public init(template: FormTemplate = .performanceTarget, policy: OCRPolicy = .auto) {
        self.policy = policy
        lexicon = Lexicon(template: template)
    }

    /// What `Lexicon` builds from a template.
    struct Words: Sendable {
        let vocabulary: Set<[Unicode.Scalar]>
        let trusted: Set<[Unicode.Scalar]>
        let levelTerms: [[Unicode.Scalar]: String]
        let dictionary: [String]
        let units: Set<String>
        let unitScalars: Set<Unicode.Scalar>

        init(template: FormTemplate) {
            let fixed = template.allLabels.map { $0.replacingOccurrences(of: "*", with: "").replacingOccurrences(of: "#", with: "") }
                + Taxonomy.level1Terms + Taxonomy.level2Terms + [template.title]
            let vocabulary = Set(fixed.map(LabelMatcher.key).filter { !$0.isEmpty })
            self.vocabulary = vocabulary
            // one misread apart means the same length: only words of a length are compared
            let byLength = Dictionary(grouping: vocabulary, by: \.count)
            trusted = vocabulary.filter { word in
                !(byLength[word.count] ?? []).contains { $0 != word && ScanReader.oneMisreadApart($0, word) }
            }
            levelTerms = Dictionary((Taxonomy.level1Terms + Taxonomy.level2Terms).map { (LabelMatcher.key($0), $0) }, uniquingKeysWith: { a, _ in a })
            dictionary = Array(Set(fixed.filter { !$0.isEmpty })).sorted()
            units = template.normalizedUnits
            unitScalars = Set((template.units + ["年月日"]).flatMap(\.unicodeScalars))
        }
    }

    /// The template's `Words`, built once by the first reader that asks, shared by the copies of a
    /// `ScanReader` (the lanes of a batch).
    final class Lexicon: @unchecked Sendable {
        private let template: FormTemplate
        private let lock = NSLock()
        private var built: Words?

        init(template: FormTemplate) { self.template = template }

        var words: Words {
            lock.lock()
            defer { lock.unlock() }
            if let built { return built }
            let made = Words(template: template)
            built = made
            return made
        }
    }

    /// When a text layer is not the printed text (`isIllegible`).
    public struct Legibility: Sendable {
        /// Fewer visible glyphs than this are too few to judge.
        public var minimumGlyphs = 20
        /// A page is of Chinese when at least one glyph in this many is a CJK ideograph.
        public var ideographsOneIn = 50
        /// One stray glyph in this many makes the layer illegible.
        public var strayOneIn = 20
        /// On a page with almost no ideographs, one glyph in this many stray or an ASCII sign…
        public var signsOneIn = 4
        /// …with at most this percentage of figures (tables of figures have many).
        public var maximumFigurePercent = 15

        public init() {}
    }

    /// Whether a page's text layer is not the printed text: fonts embedded without a Unicode map
    /// give their glyph codes, control characters and stray Latin-1 signs (`›œ•žŸ`), or, from a
    /// subset numbered from `!`, ASCII signs and letters (`!"# $ %&'(`), where the page prints
    /// 项目名称; often in one font only (the bold labels, the figures), the rest reading.
    ///
    /// Of at least 20 visible glyphs: one in twenty or more stray: control characters, private-use
    /// code points, U+FFFD and signs no text prints (`¤¦¨¬¯´¸ƒˆ‰‹›ŒœŠšŽžŸ˜™`), and on a page of
    /// Chinese (2% or more CJK ideographs) any Latin-1 or Latin Extended character but the signs
    /// Chinese documents print (`·×°±²³µ÷¥`); or, with almost no CJK ideograph, those and ASCII
    /// signs together a quarter or more and figures at most 15% (English or French text has few
    /// signs; tables of figures have many figures). No page of the corpus or the peer suites
    /// qualifies.
    public static func isIllegible(_ glyphs: [Glyph], rules: Legibility = Legibility()) -> Bool {
        var visible = 0, ideographs = 0, strict = 0, latin = 0, signs = 0, figures = 0
        for g in glyphs where !g.isWhitespace {
            visible += 1
            let s = g.scalar, v = s.value
            if v < 0x20 || (0x7F...0x9F).contains(v) || (0xE000...0xF8FF).contains(v) || v == 0xFFFD {
                strict += 1
            } else if v < 0x7F {
                switch v {
                case 0x30...0x39: figures += 1
                case 0x41...0x5A, 0x61...0x7A: break  // letters
                default: signs += 1
                }
            } else if TextNormalizer.isIdeograph(s) {
                ideographs += 1
            } else if unprintedSigns.contains(s) {
                strict += 1
            } else if v <= 0x24F && !printedLatinSigns.contains(s) {
                latin += 1
            }
        }
        guard visible >= rules.minimumGlyphs else { return false }
        let chinese = ideographs * rules.ideographsOneIn >= visible
        if (strict + (chinese ? latin : 0)) * rules.strayOneIn >= visible { return true }
        return !chinese && (strict + latin + signs) * rules.signsOneIn >= visible
            && figures * 100 <= visible * rules.maximumFigurePercent
    }

    /// Signs of Latin-1 that Chinese documents print (units, products, the yuan sign).
    static let printedLatinSigns: Set<Unicode.Scalar> = ["·", "×", "°", "±", "²", "³", "µ", "÷", "¥", "§", "©", "®", "¹", "¼", "½", "¾"]

    /// Signs of Latin-1 and Windows-1252 that text does not print: what a font's codes read as.
    static let unprintedSigns: Set<Unicode.Scalar> = ["¤", "¦", "¨", "¬", "¯", "´", "¸", "ƒ", "ˆ", "‰", "‹", "›", "Œ", "œ", "Š", "š", "Ž", "ž", "Ÿ", "˜", "™"]

    /// Whether `content` is read from its image under the policy: scans, image-only pages, and pages
    /// without a text layer whose table is drawn (text printed as outlines: vector glyphs, no font).
    /// A page whose text is gone because poppler lacked its fonts' character maps draws none of it
    /// either: its picture holds nothing more to read.
    public func wants(_ content: PageContent) -> Bool {
        policy != .never && (content.isScan || (!content.hasTextLayer && content.missingCharacterMaps.isEmpty
                                                && (content.imageCoverage > 0 || !content.rulings.isEmpty)))
    }

    /// What reading a page from its image gave.
    public struct Result: Sendable {
        /// The page with its text layer completed or replaced by what was read.
        public var content: PageContent
        /// The cells read from the image whose reading was kept.
        public var cells: [CellReading]
        /// Whether the page had no text layer, so all its text comes from OCR.
        public var imageOnly: Bool
        /// How the page was turned to be read, when it was scanned sideways or upside down:
        /// `content` is the turned page.
        public var turn = QuarterTurn.upright
    }

    /// Reads `page` (whose extracted content is given) from its image, cell by ruled cell of the
    /// grids `extractor` finds. chi_sim reads the picture first (`readPicture`); the picture is let
    /// go, and the cells that read as numbers are read again by chi_sim+eng. Each engine is started
    /// for its part of the page and ended after it (`withPassingEngine`): a page's reading holds
    /// one engine at a time, and never one beside the page's picture and chi_sim's search buffers.
    /// What was read is then taken cell by cell, then strip by strip, in the page's order; what
    /// the engines freed goes back to the system when the page is done.
    public func read(_ page: PDFPage, content: PageContent, extractor: TableExtractor,
                     pool: OCREnginePool, timings: StageTimings? = nil) throws -> Result {
        defer { pool.releaseFreedMemory() }
        var read = try readPicture(page, content: content, extractor: extractor, pool: pool, timings: timings)
        if read.cells.contains(where: { $0.crops.contains { $0.number != nil } }) {
            try timings.measure("ocr.numbers") {
                try pool.withPassingEngine(languages: numberLanguages) { engine in
                    for c in read.cells.indices {
                        for k in read.cells[c].crops.indices {
                            guard let number = read.cells[c].crops[k].number else { continue }
                            read.cells[c].crops[k].mixed = engine.read(number.crop, layout: number.layout)
                        }
                    }
                }
            }
        }
        var glyphs = read.glyphs
        var cells: [CellReading] = []
        for cell in read.cells {
            let readings = cell.crops.flatMap(finished)
            guard let reading = choose(readings, layer: cell.layer) else { continue }
            if !read.imageOnly { glyphs.removeAll { cell.frame.contains(read.deskew.level($0.box.center)) } }
            glyphs += reading.glyphs()
            cells.append(CellReading(page: read.content.number, box: cell.box, confidence: reading.confidence,
                                     replacedLayer: !cell.layer.isEmpty))
        }
        for strip in read.strips {
            if case .replacingYear(let layerYear) = strip.use {
                guard let year = Self.sureYear(strip.reading), year != layerYear else { continue }
                glyphs.removeAll { strip.box.contains($0.box.center) }
            }
            glyphs += strip.reading.glyphs()
        }
        var out = read.content
        out.glyphs = glyphs
        return Result(content: out, cells: cells, imageOnly: read.imageOnly, turn: read.turn)
    }

    /// What chi_sim read of a page's picture (`readPicture`), the picture itself let go.
    struct PictureReading {
        /// The page, turned as it was read.
        var content: PageContent
        var imageOnly: Bool
        var turn: QuarterTurn
        var deskew: Deskew
        /// The text layer's glyphs as the picture was read (none when it is no text).
        var glyphs: [Glyph]
        var cells: [CellCrops]
        var strips: [StripReading]
    }

    /// A ruled cell read from the picture: the first readings of each of its crops (the whole lines
    /// of text that overflow it first, then the cell's own crop).
    struct CellCrops {
        var box: Rect
        var frame: LevelFrame
        /// The text layer's text of the cell ("" on an image-only page).
        var layer: String
        var crops: [FirstReadings]
    }

    /// A band outside the tables read as a page.
    struct StripReading {
        var box: Rect
        var reading: OCRReading
        var use: StripUse
    }

    /// What a strip's reading does to the page's text.
    enum StripUse {
        /// Added: the page has no text layer.
        case added
        /// Replaces the layer's text of the strip, which shows a year line stating `layer` (nil:
        /// none it can read), when the reading states a year, sure of each digit, that the layer
        /// does not: the layer misreads digits as it does any (2021 for 2023, `202年3度`).
        case replacingYear(layer: Int?)
    }

    /// Reads the page's picture with chi_sim: the orientation of a scan, each ruled cell's crop (as
    /// `firstReadings`), and the bands outside the tables; the picture is let go on return.
    func readPicture(_ page: PDFPage, content: PageContent, extractor: TableExtractor,
                     pool: OCREnginePool, timings: StageTimings?) throws -> PictureReading {
        var imageOnly = !content.hasTextLayer
        var image = timings.measure("ocr.render") { page.grayImage(dpi: dpi) }
        // The cells read are the ruled ones: a layer's misplaced words must not cut a cell in two
        // (the picture is read where it is whole; the tables are built again from what was read).
        var ruled = extractor
        ruled.settings.splitsByText = false
        var content = content
        var grids = ruled.tables(in: content, mode: .lattice).filter { $0.mode == .lattice }
        var deskew = Deskew(page: content)
        var glyphs = imageOnly ? [] : content.glyphs
        var cells: [CellCrops] = []
        var stripReadings: [StripReading] = []
        var turn = QuarterTurn.upright
        try pool.withPassingEngine(languages: pool.languages) { engine in
            // A scan may have been fed sideways or upside down: its grid is a grid either way, its
            // text reads only one way. Asked of a scan with no text layer, and of one whose layer
            // names none of the form's fixed words (a layer read from the turned picture is
            // garbled Chinese, which does not look illegible). Read turned, everything after is as
            // for any page: a layer read from the turned picture is no text.
            if content.isScan && (imageOnly || !namesTheForm(content.glyphs)) {
                turn = timings.measure("ocr.orientation") { uprightTurn(of: image, grids: grids, deskew: deskew, skew: content.skewDegrees, engine: engine) }
                if turn != .upright {
                    if !imageOnly {
                        imageOnly = true
                        content.glyphs = []
                        glyphs = []
                    }
                    image = image.turned(turn, pageWidth: content.width, pageHeight: content.height)
                    content = content.turned(turn)
                    grids = ruled.tables(in: content, mode: .lattice).filter { $0.mode == .lattice }
                    deskew = Deskew(page: content)
                }
            }
            for table in grids {
                for cell in table.cells {
                    if !imageOnly && policy == .auto && trusted.contains(LabelMatcher.key(cell.text)) { continue }
                    let (frame, crop) = cellCrop(cell, of: image, deskew: deskew, skew: content.skewDegrees)
                    // Where the layer saw nothing, a box that cuts a line of text (a grid missing a rule) gives no reading.
                    guard let ink = crop.inkBounds(threshold: inkThreshold, minimumShare: minimumInk,
                                                   rejectingCuts: !imageOnly && cell.text.isEmpty, faintThreshold: markThreshold) else { continue }
                    let layer = imageOnly ? "" : cell.text
                    var crops = [timings.measure("ocr.cells") { firstReadings(ink, layer: layer, engine: engine) }]
                    // Text that overflows its cell (a row too low for its lines) is cut by the box: the
                    // whole lines are read too, and the grammar chooses.
                    if let whole = overflow(of: crop, image: image, skew: content.skewDegrees) {
                        crops.insert(timings.measure("ocr.cells") { firstReadings(whole, layer: layer, engine: engine) }, at: 0)
                    }
                    cells.append(CellCrops(box: cell.box, frame: frame, layer: layer, crops: crops))
                }
            }
            if imageOnly {
                // Text outside the tables (the title, the year line, page numbers) is read strip by strip.
                for strip in strips(outside: grids, content: content) {
                    let crop = image.crop(center: strip.center, width: strip.width, height: strip.height, degrees: 0)
                    guard crop.inkBounds(threshold: inkThreshold, minimumShare: minimumInk) != nil else { continue }
                    let reading = timings.measure("ocr.page") { engine.read(crop, layout: .page) }
                    stripReadings.append(StripReading(box: strip, reading: reading, use: .added))
                }
            } else {
                // The year under a form's title is read from the picture too: nothing else states it.
                for strip in strips(outside: grids, content: content) {
                    let layer = glyphs.filter { strip.contains($0.box.center) }
                    let layerText = String(scalars: layer.map(\.scalar))
                    // only a strip the layer shows a year line in, however garbled (not page numbers)
                    guard layerText.contains(where: Self.yearLineCharacters.contains) else { continue }
                    let crop = image.crop(center: strip.center, width: strip.width, height: strip.height, degrees: content.skewDegrees)
                    let reading = timings.measure("ocr.page") { engine.read(crop, layout: .page) }
                    stripReadings.append(StripReading(box: strip, reading: reading, use: .replacingYear(layer: FormFinder.statedYear(layerText))))
                }
            }
        }
        return PictureReading(content: content, imageOnly: imageOnly, turn: turn, deskew: deskew, glyphs: glyphs,
                              cells: cells, strips: stripReadings)
    }

    /// Whether a text layer holds one of the form's fixed words of at least `orientation.namingLength`
    /// characters (a label, a level of the taxonomy): a layer read from an upright form does,
    /// misreads and all, on every page of it.
    public func namesTheForm(_ glyphs: [Glyph]) -> Bool {
        let text = LabelMatcher.key(String(scalars: glyphs.map(\.scalar)))
        guard !text.isEmpty else { return false }
        return vocabulary.contains { word in word.count >= orientation.namingLength && text.firstRange(of: word) != nil }
    }

    /// How the page's picture reads best: as it is, or turned. Its largest inked cells
    /// (`probeCells` of them) are read a line each as they are and, when the recognizer is not sure
    /// of them (`uprightConfidence`), turned each other way; a turn wins when its lines read clearly
    /// better (`turnedMargin`). A page read upright pays the first readings only.
    func uprightTurn(of image: GrayImage, grids: [Table], deskew: Deskew, skew: Double, engine: OCREngine) -> QuarterTurn {
        // The largest cells that hold ink: text, where a figure (0, 1, 8) reads alike either way up.
        var inked: [GrayImage] = []
        let largest = grids.flatMap(\.cells).sorted { $0.box.width * $0.box.height > $1.box.width * $1.box.height }
        for cell in largest where inked.count < orientation.probeCells {
            if let ink = cellCrop(cell, of: image, deskew: deskew, skew: skew).crop.inkBounds(threshold: inkThreshold, minimumShare: minimumInk) { inked.append(ink) }
        }
        guard !inked.isEmpty else { return .upright }
        // One line of each, its tallest band of ink as it lies that way, so that judging costs a
        // few line readings.
        func reading(_ turn: QuarterTurn) -> (confidence: Double, symbols: Int) {
            let lines = inked.map { crop -> GrayImage in
                let turned = crop.turned(turn)
                let bands = turned.lineBands(threshold: turned.lineThreshold(atLeast: inkThreshold))
                return bands.count <= 1 ? turned : turned.rows(bands.max { $0.count < $1.count }!, margin: turned.marginPixels)
            }
            let read = OCRReading(lines: lines.flatMap { engine.read($0, layout: .line).lines })
            return (read.confidence, read.lines.map(\.symbolCount).reduce(0, +))
        }
        let upright = reading(.upright)
        guard upright.confidence < orientation.uprightConfidence else { return .upright }
        // Turned a quarter, an upright line is a column of characters: its tallest band may be one
        // character, read sure of itself. A turn must read lines as long as upright's, near enough.
        let best = [QuarterTurn.half, .clockwise, .counterclockwise].map { ($0, reading($0)) }
            .filter { Double($0.1.symbols) >= orientation.turnedLength * Double(upright.symbols) }
            .max { $0.1.confidence < $1.1.confidence }
        guard let best, best.1.confidence > upright.confidence + orientation.turnedMargin else { return .upright }
        return best.0
    }

    /// How `uprightTurn(of:)` decides.
    public struct Orientation: Sendable {
        /// Cells read to judge a page.
        public var probeCells = 3
        /// Readings at least this sure are of an upright page.
        public var uprightConfidence = 0.95
        /// Turned readings must be this much surer than upright ones…
        public var turnedMargin = 0.05
        /// …and hold at least this share of the characters the upright ones hold.
        public var turnedLength = 0.5
        /// A text layer that holds a fixed word of the form this long is of an upright page.
        public var namingLength = 4

        public init() {}
    }

    /// The year a reading states as `2024年`, when the recognizer was sure of each of its digits.
    public static func sureYear(_ reading: OCRReading) -> Int? {
        for line in reading.lines {
            let scalars = Array(line.text.unicodeScalars)
            guard let start = FormFinder.yearOffset(in: scalars) else { continue }
            let digits = start..<(start + 4)
            guard digits.upperBound <= line.scalarConfidences.count,
                  digits.allSatisfy({ line.scalarConfidences[$0] >= sureCharacter }) else { return nil }
            return Int(String(scalars: scalars[digits]))
        }
        return nil
    }

    /// Characters of a year line (`（2024年度）`) that a misread layer still shows.
    static let yearLineCharacters: Set<Character> = ["年", "度"]

    /// Reads a cell crop, as one line or as a block as its ink says (`firstReadings`). A cell that
    /// reads as a number (an amount, a date, a target) is read again by chi_sim with eng beside it,
    /// which reads digits, `%` and separators far better (`=]100.009%` → `=100.00%`); that reading is
    /// kept unless the grammar likes it less (`finished`). (tesseract's character whitelist is no
    /// help: with chi_sim's LSTM it garbles readings, `1.516.000.00` as `5650098909`.)
    public func read(_ crop: GrayImage, layer: String = "", engine: OCREngine, pool: OCREnginePool) throws -> [OCRReading] {
        var first = firstReadings(crop, layer: layer, engine: engine)
        if let number = first.number {
            first.mixed = try pool.withEngine(languages: numberLanguages) { $0.read(number.crop, layout: number.layout) }
        }
        return finished(first)
    }

    /// A cell crop's readings by chi_sim, best first, and the crop to read again as a number.
    struct FirstReadings {
        var readings: [OCRReading]
        /// Set when the cell reads as a number (by chi_sim's reading or the text layer's).
        var number: NumberRead?
        /// chi_sim+eng's reading of `number`, once made.
        var mixed: OCRReading?
    }

    /// A crop for chi_sim+eng: read as `layout`; the comparison sign is judged on `firstLine`.
    struct NumberRead {
        var crop: GrayImage
        var layout: OCRLayout
        var firstLine: GrayImage?
    }

    /// chi_sim's readings of a cell crop, and whether it is to be read as a number (`read`).
    func firstReadings(_ crop: GrayImage, layer: String, engine: OCREngine) -> FirstReadings {
        var extra: [OCRReading] = []
        let bands = crop.lineBands(threshold: crop.lineThreshold(atLeast: inkThreshold))
        let layout: OCRLayout = bands.count <= 1 ? .line : .block
        var reading = engine.read(crop, layout: layout)
        // tesseract's line finding now and then finds nothing in a clean line, or runs two close
        // lines of a block together: such a cell is read line by line, without line finding.
        if Self.isEmpty(reading) || (layout == .block && reading.lines.count != bands.count) {
            let lines = bands.map { band -> OCRReading in
                let line = crop.rows(band, margin: crop.marginPixels)
                let read = engine.read(line, layout: .line)
                return Self.isEmpty(read) ? engine.read(line, layout: .rawLine) : read
            }
            let joined = OCRReading(lines: lines.flatMap(\.lines))
            if Self.isEmpty(reading) {
                reading = joined
            } else if Self.visibleCount(joined) > Self.visibleCount(reading) {
                // tesseract's block dropped pieces of lines (a line's first word, a last line of one
                // character) that reading each line found: the fuller reading leads.
                extra.append(reading)
                reading = joined
            } else if !Self.isEmpty(joined) {
                extra.append(joined)
            }
        }
        // The sign opens the first line.
        let firstLine = bands.first.map { layout == .line ? crop : crop.rows($0, margin: 0) }
        if let firstLine { reading = withComparisonSign(reading, firstLine) }
        var readings = [reading] + extra
        // One character away from a fixed word (`效量指标`): read again as one word, where tesseract leans
        // on its dictionary (the form's words are in it) and reads 数量指标.
        if layout == .line && grammarScore(reading.text) == Self.nearWord {
            readings.append(engine.read(crop, layout: .word))
        }
        // A number by its reading, or by the text layer's when chi_sim made characters of it.
        let number = looksNumeric(reading.text) || looksNumeric(layer) ? NumberRead(crop: crop, layout: layout, firstLine: firstLine) : nil
        return FirstReadings(readings: readings, number: number)
    }

    /// A crop's readings for `choose`: chi_sim's, or once chi_sim+eng has read a number crop, the
    /// candidates made of both readings.
    func finished(_ first: FirstReadings) -> [OCRReading] {
        var readings = first.readings
        if let number = first.number, var mixed = first.mixed {
            if let firstLine = number.firstLine { mixed = withComparisonSign(mixed, firstLine) }
            readings = candidates(chinese: readings[0], mixed: mixed, pointing: number.firstLine.flatMap(pointingSign))
        }
        return readings.map { Self.timesSigns(Self.chineseBrackets($0)) }
    }

    /// The reading to keep among `readings` (best first) and the text layer's `layer`, or nil to keep
    /// the layer. The grammar ranks first (a fixed word, a near one, a value that parses, text in the
    /// form's scripts), then how many of the other readings (the layer among them) agree on the value,
    /// then a reading's confidence.
    public func choose(_ readings: [OCRReading], layer: String) -> OCRReading? {
        let layerText = layer.trimmingCharacters(in: .whitespacesAndNewlines)
        let texts = readings.map { $0.text.trimmingCharacters(in: .whitespacesAndNewlines) } + (layerText.isEmpty ? [] : [layerText])
        let keys = texts.map(valueKey)
        // Ranked by (grammar, agreeing readings, sure); the first of equals wins.
        var best: (index: Int, rank: (Int, Int, Bool))?
        for (i, text) in texts.enumerated() where !text.isEmpty {
            let agreeing = keys.indices.filter { $0 != i && keys[$0] == keys[i] }.count
            let sure = i < readings.count && readings[i].confidence >= acceptConfidence
            let rank = (grammarScore(text), agreeing, sure)
            if let b = best, !Self.outranks(rank, b.rank) { continue }
            best = (i, rank)
        }
        guard let pick = best, pick.index < readings.count else { return nil }
        let reading = readings[pick.index]
        if layerText.isEmpty && reading.confidence < minimumConfidence { return nil }
        return pick.rank.0 == Self.plainText ? withLayerWhereUnsure(reading, layer: layerText) : snapped(reading)
    }

    /// Free text (a name, a unit, a goal) read again where the text layer says the same with its own
    /// misreads: where the two differ in an ideograph (or a pause mark, `，` for `、`) the recognizer
    /// was unsure of, the layer's is kept. Its misreads (`汀贴` for 补贴, `赚案` for 档案) come with a
    /// low confidence for that one character, while the characters it reads right where the layer is
    /// wrong come near-certain. The layer lines up with the reading character for character; or once
    /// one unsure ideograph the layer does not have is left out (`人民和群众` beside the layer's
    /// 人民群众); or, with other lengths (the layer's `7X 24` and stray `”|`), by the fewest edits, when
    /// most of the reading then agrees with it. A layer that swapped two characters (`人遣` for 遣人)
    /// gives the unsure one its partner, not the neighbour's.
    func withLayerWhereUnsure(_ reading: OCRReading, layer: String) -> OCRReading {
        let theirs = Array(layer.unicodeScalars), ours = Array(reading.text.unicodeScalars)
        let confidences = reading.scalarConfidences
        let exchangeable = { (s: Unicode.Scalar) in TextNormalizer.isIdeograph(s) || Self.pauseMarks.contains(s) }
        // A layer that does not line up character for character is garbled somewhere: a worse witness,
        // which only the characters the recognizer was quite unsure of give way to.
        let lengthsAgree = ours.count == theirs.count || ours.count == theirs.count + 1
        let sure = lengthsAgree ? Self.sureCharacter : Self.sureBesideGarbledLayer
        let unsure = { (k: Int) in exchangeable(ours[k]) && confidences[k] < sure }
        // the layer's index for each of ours (nil: the layer has nothing there, or it is left out)
        var layerIndex: [Int?]
        var left: Int?
        if ours.count == theirs.count {
            layerIndex = Array(ours.indices)
        } else if ours.count == theirs.count + 1,
                  let extra = Self.extraCharacter(ours, theirs, candidates: ours.indices.filter {
                      TextNormalizer.isIdeograph(ours[$0]) && confidences[$0] < Self.sureOfExtraCharacter }) {
            left = extra
            layerIndex = ours.indices.map { $0 == extra ? nil : ($0 < extra ? $0 : $0 - 1) }
        } else {
            layerIndex = Self.alignment(ours, theirs)
            let agreeing = ours.indices.filter { k in layerIndex[k].map { theirs[$0] == ours[k] } ?? false }.count
            guard Double(agreeing) >= Double(ours.count) * Self.lineUpShare else { return reading }
        }
        var out = reading
        for (i, (line, offset)) in zip(reading.lines, reading.lineOffsets).enumerated() {
            var scalars: [Unicode.Scalar] = []
            for (j, scalar) in line.text.unicodeScalars.enumerated() {
                let k = offset + j
                if k == left { continue }
                guard let t = layerIndex[k], unsure(k), scalar != theirs[t] else { scalars.append(scalar); continue }
                var pick = theirs[t]
                // the layer's character here is our neighbour's: the layer swapped the two
                for step in [1, -1] where ours.indices.contains(k + step) {
                    guard let n = layerIndex[k + step], n == t + step else { continue }
                    if theirs[t] == ours[k + step] && theirs[n] != ours[k + step] { pick = theirs[n]; break }
                }
                let sameKind = TextNormalizer.isIdeograph(pick) == TextNormalizer.isIdeograph(scalar) && exchangeable(pick)
                scalars.append(sameKind ? pick : scalar)
            }
            out.lines[i] = line.withScalars(scalars)
        }
        return out
    }

    /// Marks the recognizer confuses with one another inside Chinese text.
    static let pauseMarks: Set<Unicode.Scalar> = ["，", "、"]

    /// For each of `ours`, the index of `theirs` it stands against in an alignment with the fewest
    /// edits (nil where `ours` has a character `theirs` lacks). Ties go to the character-for-character step.
    static func alignment(_ ours: [Unicode.Scalar], _ theirs: [Unicode.Scalar]) -> [Int?] {
        let n = ours.count, m = theirs.count
        var cost = [[Int]](repeating: [Int](repeating: 0, count: m + 1), count: n + 1)
        for i in 0...n { cost[i][0] = i }
        for j in 0...m { cost[0][j] = j }
        if n > 0 && m > 0 {
            for i in 1...n {
                for j in 1...m {
                    cost[i][j] = min(cost[i - 1][j - 1] + (ours[i - 1] == theirs[j - 1] ? 0 : 1), cost[i - 1][j] + 1, cost[i][j - 1] + 1)
                }
            }
        }
        var out = [Int?](repeating: nil, count: n)
        var i = n, j = m
        while i > 0 && j > 0 {
            if cost[i][j] == cost[i - 1][j - 1] + (ours[i - 1] == theirs[j - 1] ? 0 : 1) {
                out[i - 1] = j - 1; i -= 1; j -= 1
            } else if cost[i][j] == cost[i - 1][j] + 1 {
                i -= 1
            } else {
                j -= 1
            }
        }
        return out
    }

    /// The one of `candidates` (indices of `ours`, one longer than `theirs`) whose leaving out lines
    /// the rest up with `theirs` best, when that is near all of it and no other leaves another text.
    static func extraCharacter(_ ours: [Unicode.Scalar], _ theirs: [Unicode.Scalar], candidates: [Int]) -> Int? {
        func agreement(without k: Int) -> Int {
            var n = 0
            for (t, o) in zip(theirs, ours[..<k] + ours[(k + 1)...]) where t == o { n += 1 }
            return n
        }
        let scored = candidates.map { ($0, agreement(without: $0)) }
        guard let best = scored.max(by: { $0.1 < $1.1 }), Double(best.1) >= Double(theirs.count) * lineUpShare else { return nil }
        // ties that leave the same text (one of a doubled character) are one answer
        let tied = Set(scored.filter { $0.1 == best.1 }.map { String(scalars: ours[..<$0.0] + ours[($0.0 + 1)...]) })
        return tied.count == 1 ? scored.first { $0.1 == best.1 }?.0 : nil
    }

    /// The share of characters that must agree once the texts are lined up.
    static let lineUpShare = 0.8

    /// A character read with less confidence than this gives way to the text layer's.
    static let sureCharacter = 0.92
    /// ... to a layer that lines up only after edits.
    static let sureBesideGarbledLayer = 0.88
    /// A character the reading has and the layer lacks, where the rest lines up, goes below this:
    /// chi_sim inserts a 和 between characters with 0.87–0.93 (`人员和薪酬`, `人民和群众`).
    static let sureOfExtraCharacter = 0.95

    /// How many characters a reading shows, spaces aside.
    static func visibleCount(_ reading: OCRReading) -> Int {
        reading.text.unicodeScalars.filter { !$0.isUnicodeWhiteSpace }.count
    }

    static func isEmpty(_ reading: OCRReading) -> Bool {
        reading.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
    }

    static func outranks(_ a: (Int, Int, Bool), _ b: (Int, Int, Bool)) -> Bool {
        (a.0, a.1, a.2 ? 1 : 0) > (b.0, b.1, b.2 ? 1 : 0)
    }

    /// A reading one character away from exactly one level term of the taxonomy (`服务对象满意度指册`) as
    /// that term: a level cell holds nothing else. Single lines and vertical stacks (one character a line) are snapped.
    func snapped(_ reading: OCRReading) -> OCRReading {
        let key = LabelMatcher.key(reading.text)
        guard key.count >= Self.nearWordLength, levelTerms[key] == nil else { return reading }
        // Only one term may be that close: `效量指标` is as near 数量指标 as 质量指标, and is left alone.
        let near = levelTerms.filter { Self.oneMisreadApart($0.key, key) }
        guard near.count == 1, let term = near.first?.value else { return reading }
        var out = reading
        if reading.lines.count == 1 {
            out.lines[0] = reading.lines[0].withText(term)
        } else if reading.lines.count == term.count && reading.lines.allSatisfy({ $0.text.count == 1 }) {
            for (i, c) in term.enumerated() { out.lines[i] = reading.lines[i].withText(String(c)) }
        } else {
            return reading
        }
        return out
    }

    /// What a cell's text means, for telling whether two readings agree: a date, an amount, a target, or the text.
    func valueKey(_ text: String) -> String {
        let t = ScanText.trimArtifacts(text)
        return numberValue(t)?.key ?? "text " + LabelMatcher.keyText(t)
    }

    /// The value a number cell's text holds: a date or an amount (separators OCR confused repaired,
    /// as the form reader repairs them), or a target, with whether its unit is one the form knows.
    func numberValue(_ t: String) -> (key: String, known: Bool)? {
        if let d = DateValue(parsing: t) ?? ScanText.repairedDate(t).flatMap(DateValue.init(parsing:)) { return ("date \(d.iso)", true) }
        if let a = ScanText.scannedAmount(t)?.amount { return ("amount \(a)", true) }
        if case .success(let v) = TargetGrammar.parse(TextNormalizer.normalize(t)), let value = v.value {
            return ("target \(v.op?.rawValue ?? "") \(value) \(v.unit ?? "")", v.unit.map(units.contains) ?? true)
        }
        return nil
    }

    /// The better of two readings of a number cell. chi_sim knows the comparison signs and the
    /// Chinese units, chi_sim+eng the digits and `%` (it reads `≥` as `2`, `（吨）` as `(Hifi)`): the
    /// candidates are both readings and one made of chi_sim's sign, the mixed reading's number and
    /// whichever unit is one the form knows (or one character from exactly one it knows). The
    /// grammar picks; on a tie the made-up one, then the mixed one. `pointing` is the sign the
    /// picture's first mark shows, for a sign neither recognizer read (eng's `292` beside chi_sim's `92`).
    public func candidates(chinese: OCRReading, mixed: OCRReading, pointing: Character? = nil) -> [OCRReading] {
        // A target that wraps (`≤10.71（元/平` / `方米）`) is one text; its reading keeps the first line's place.
        guard let b = mixed.lines.first, !chinese.lines.isEmpty else { return [mixed, chinese] }
        let aText = chinese.text, bText = mixed.text
        let pa = TargetParts(aText)
        var pb = TargetParts(bText)
        // Any other mark in front of its number (`S205.00`, `之99`) stands for the sign chi_sim saw.
        if !pa.sign.isEmpty && pb.sign.isEmpty && pb.number.isEmpty {
            let rest = TargetParts(String(bText.trimmingCharacters(in: .whitespaces).dropFirst()))
            if rest.sign.isEmpty && !rest.number.isEmpty { pb = rest }
        }
        // eng's `2` in front of the number chi_sim read without it (`292` beside `92`): a sign neither
        // read, which the picture's mark tells when it points.
        let chineseNumber = TargetParts(String(aText.drop { !($0.isASCII && $0.isNumber) })).number
        if pa.sign.isEmpty && pb.sign.isEmpty, let sign = pointing, let d = pb.number.first, Self.signStandIns.contains(d),
           !chineseNumber.isEmpty, pb.number.dropFirst() == chineseNumber {
            pb.number.removeFirst()
            pb.sign = String(sign)
        }
        var candidates: [OCRReading] = []
        // Only a target has a sign to keep from chi_sim; amounts and dates are the mixed reading's or chi_sim's.
        if !pb.number.isEmpty && !(pa.sign.isEmpty && pb.sign.isEmpty) {
            var number = pb.number
            // The mixed reading's stand-in for a sign chi_sim saw: one digit more, in front (chi_sim's
            // number counted past a speck it read after the sign, `≥z100`), or the rest of it is how
            // chi_sim's number begins (chi_sim ran on into a `%` it read as digits: `≥1002%6` beside
            // `2100%`).
            let theirs = pa.number.isEmpty ? chineseNumber : pa.number
            if !pa.sign.isEmpty && pb.sign.isEmpty && theirs.count > 0 && number.count >= 2,
               number.count == theirs.count + 1 || theirs.hasPrefix(number.dropFirst()),
               let d = number.first, Self.signStandIns.contains(d) {
                number.removeFirst()
            }
            let unit = knownUnit(pb.rest) ?? knownUnit(pa.rest) ?? nearUnit(pb.rest) ?? nearUnit(pa.rest) ?? pb.rest
            // chi_sim's sign, unless eng read more of it (`>=` where chi_sim read `>` and took `=` for 二).
            let sign = pa.sign.isEmpty || (pb.sign.count > pa.sign.count && pb.sign.hasPrefix(pa.sign)) ? pb.sign : pa.sign
            let made = sign + number + unit
            candidates.append(OCRReading(lines: [b.withText(made)]))
        }
        return candidates + [mixed, chinese]
    }

    /// The text after a target's number when it is empty or a bracketed unit the form knows, with
    /// bracket look-alikes repaired (`〈吨)` → `（吨)`); nil otherwise.
    func knownUnit(_ rest: String) -> String? {
        for text in [rest, ScanText.repairedTarget("1" + rest).map { String($0.dropFirst()) }].compactMap({ $0 }) {
            if case .success(let t) = TargetGrammar.parse(TextNormalizer.normalize("1" + text)),
               t.unit.map(units.contains) ?? text.trimmingCharacters(in: .whitespaces).isEmpty {
                return text
            }
        }
        return nil
    }

    /// The bracketed unit the form knows that `rest` is one character away from, when only one is
    /// (`(万元/ A)`: eng's A for 人 → `(万元/人)`); units of fewer than three characters are not guessed.
    func nearUnit(_ rest: String) -> String? {
        let inner = rest.filter { !$0.isWhitespace && !"()（）〈".contains($0) }
        guard inner.count >= Self.nearUnitLength else { return nil }
        let near = units.filter { $0.count == inner.count && zip($0, inner).filter { $0 != $1 }.count == 1 }
        guard near.count == 1, let unit = near.first else { return nil }
        return "(" + unit + ")"
    }

    static let nearUnitLength = 3

    /// What eng reads for a `≥` or `≤` it does not know.
    static let signStandIns: Set<Character> = ["2", "Z", "z"]

    /// A target cell's text cut into its sign, its number and what follows.
    struct TargetParts {
        var sign = "", number = "", rest = ""

        init(_ text: String) {
            var chars = Substring(text.trimmingCharacters(in: .whitespaces))
            while let c = chars.first, ScanReader.comparisonSigns.contains(c) || c == "+" { sign.append(c); chars.removeFirst() }
            if !sign.isEmpty { chars = chars.drop(while: \.isWhitespace) }
            while let c = chars.first, c.isASCII && (c.isNumber || c == "." || c == ",") { number.append(c); chars.removeFirst() }
            rest = String(chars)
        }
    }

    /// Whether a reading is a number, a date or a target: digits, and no more ideographs than a unit
    /// or a date's 年月日 hold.
    func looksNumeric(_ text: String) -> Bool {
        Self.hasDigit(text) && text.unicodeScalars.filter { TextNormalizer.isIdeograph($0) && !unitScalars.contains($0) }.count <= Self.strayIdeographs
    }

    /// Ideographs a misread number may still show.
    static let strayIdeographs = 1

    /// The comparison sign that opens a target, as the picture shows it. The recognizer's alphabet
    /// (chi_sim) has no `≥` or `≤`: it reads them as `>` and `<`, or, drawn slanted (`⩾`), as a
    /// character (`过`, `委`), or as `=`. A `>` or `<` standing on a bar is `≥` or `≤`; a `=` or a
    /// character in front of a number whose mark points one way is the sign with the bar. Marks are
    /// judged at `markThreshold`: a thin sign is grey beside black digits.
    func withComparisonSign(_ reading: OCRReading, _ crop: GrayImage) -> OCRReading {
        guard let line = reading.lines.first, let sign = line.text.first else { return reading }
        let rest = line.text.dropFirst().drop(while: \.isWhitespace)
        var replacement: Character?
        // How many characters the sign was read as (a slanted `⩾` now and then as two: `和肥205.00`).
        var width = 1
        if let wide = Self.underbarred[sign] {
            // `>=` already says it.
            if rest.first != "=" && (crop.firstMarkStandsOnBar(threshold: markThreshold) || crop.firstMarkHasSlantedBar(threshold: markThreshold)) {
                replacement = wide
            }
        } else if sign == "=" {
            // A slanted `⩾` whose strokes blur into two bars: the mark still points.
            replacement = pointingSign(crop)
        } else if !(sign.isASCII && sign.isNumber) && !Self.signs.contains(sign) {  // 三 is a number to Swift
            let junk = line.text.prefix { !($0.isASCII && $0.isNumber) }
            if junk.count <= Self.signReadings, !junk.contains(where: { Self.signs.contains($0) }),
               junk.count < line.text.count, looksNumeric(String(line.text.dropFirst(junk.count))) {
                // Bars alone (`二`, `三` for `=`) that point nowhere are the plain sign.
                replacement = pointingSign(crop) ?? (junk.allSatisfy(Self.equalsReadings.contains) ? "=" : nil)
                width = junk.count
            }
        }
        guard let replacement else { return reading }
        var out = reading
        out.lines[0] = line.withScalars(Array((String(replacement) + line.text.dropFirst(width)).unicodeScalars))
        return out
    }

    /// The most characters a sign is read as.
    static let signReadings = 2

    /// Characters of horizontal bars only, as chi_sim reads a `=` it sees as strokes.
    static let equalsReadings: Set<Character> = ["二", "三"]

    /// `≥` or `≤` when the picture's first mark clearly points right or left and has a bar under it,
    /// `>` or `<` when it points without one.
    func pointingSign(_ crop: GrayImage) -> Character? {
        let direction = crop.firstMarkDirection(threshold: markThreshold)
        guard direction != 0 else { return nil }
        let barred = crop.firstMarkStandsOnBar(threshold: markThreshold) || crop.firstMarkHasSlantedBar(threshold: markThreshold)
        return direction > 0 ? (barred ? "≥" : ">") : (barred ? "≤" : "<")
    }

    /// The reading with the brackets inside Chinese text full-width (`ScanText.chineseBrackets`).
    /// A bracket opened on one line of a cell closes on the next (`资格证（交通部` / `监制）制证数`).
    public static func chineseBrackets(_ reading: OCRReading) -> OCRReading {
        var out = mapScalars(reading) { ScanText.dropDoubledBrackets(&$0) }
        let lines = out.lines.map { Array($0.text.unicodeScalars) }
        var joined = lines.flatMap { $0 }
        ScanText.fullWidthBrackets(&joined)
        var start = 0
        for (n, line) in lines.enumerated() {
            let changed = Array(joined[start..<(start + line.count)])
            start += line.count
            if changed != line { out.lines[n] = out.lines[n].withScalars(changed) }
        }
        return out
    }

    /// `×` where the recognizer read a Latin x between digits of Chinese text (`7X24小时`, `7X 24小时`).
    public static func timesSigns(_ reading: OCRReading) -> OCRReading {
        mapScalars(reading) { scalars in
            guard scalars.contains(where: TextNormalizer.isIdeograph) else { return }
            let digit = { (s: Unicode.Scalar) in ("0"..."9").contains(s) }
            var i = 1
            while i < scalars.count - 1 {
                if scalars[i] == "X" || scalars[i] == "x" {
                    var before = i - 1, after = i + 1
                    if scalars[before] == " " && before > 0 { before -= 1 }
                    if scalars[after] == " " && after + 1 < scalars.count { after += 1 }
                    if digit(scalars[before]) && digit(scalars[after]) {
                        scalars.replaceSubrange((before + 1)..<after, with: ["×"])
                        i = before + 1
                    }
                }
                i += 1
            }
        }
    }

    /// The reading with each line's scalars changed in place by `change` (glyphs keep their boxes).
    static func mapScalars(_ reading: OCRReading, _ change: (inout [Unicode.Scalar]) -> Void) -> OCRReading {
        var out = reading
        for (n, line) in reading.lines.enumerated() {
            var scalars = Array(line.text.unicodeScalars)
            change(&scalars)
            if scalars != Array(line.text.unicodeScalars) { out.lines[n] = line.withScalars(scalars) }
        }
        return out
    }

    /// Comparison signs a target opens with.
    static let comparisonSigns: Set<Character> = ["=", "≥", "≤", ">", "<", "＝", "≧", "≦"]
    /// Characters that open a target without being a misread sign.
    static let signs = comparisonSigns.union(["+", "-", "(", "（", "."])
    /// Signs with a bar under them, by the sign without it.
    static let underbarred: [Character: Character] = [">": "≥", "<": "≤"]

    static let fixedWord = 4, nearWord = 3, parses = 2, plainText = 1

    /// A bare run of this many digits is a number that lost its separators.
    static let bareDigits = 6
    /// Words at least this long may be a fixed word with a character misread.
    static let nearWordLength = 4
    static let nearWordSimilarity = 0.75

    /// Whether two word keys of one length differ by about one misread character.
    static func oneMisreadApart(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Bool {
        a.count == b.count && LabelMatcher.similarity(a, b) >= nearWordSimilarity
    }

    /// Whether `text` holds a digit (ASCII or full-width; not `京` or `万`, which Unicode also calls numeric).
    static func hasDigit(_ text: String) -> Bool {
        text.unicodeScalars.contains { ("0"..."9").contains($0) || ("０"..."９").contains($0) }
    }

    /// How well a cell's text fits what a form's cell may hold: one of the fixed words; a number
    /// that parses as an amount, a date or a target; text in the form's scripts; or none of these.
    public func grammarScore(_ text: String) -> Int {
        let key = LabelMatcher.key(text)
        if vocabulary.contains(key) { return Self.fixedWord }
        // Close to one of the form's fixed words (a label or a level, one character misread).
        // A character more or less is the one misread (`服务对象满意度务` is no near 服务对象满意度指标).
        if key.count >= Self.nearWordLength && vocabulary.contains(where: { word in
            word.count == key.count ? LabelMatcher.similarity(word, key) >= Self.nearWordSimilarity
                : abs(word.count - key.count) == 1 && LabelMatcher.similarity(word, key) >= 1 - 1 / Double(max(word.count, key.count))
        }) {
            return Self.nearWord
        }
        let trimmed = ScanText.trimArtifacts(text)
        // Prose may hold digits too (`1、保障…2、保障…`, `12345热线`): only a number is judged as one.
        if looksNumeric(trimmed) {
            // Digits alone, six or more: a number whose separators OCR lost (`2021202201` for 2021-02-01).
            if trimmed.count >= Self.bareDigits && trimmed.allSatisfy({ $0.isASCII && $0.isNumber }) { return 0 }
            // A target counts when its unit is one the form knows (`93(9%0)` is a misread `93(%)`).
            return numberValue(trimmed)?.known == true ? Self.parses : 0
        }
        return ScriptCheck.isExpected(trimmed) ? Self.plainText : 0
    }

    /// The crop `crop` (cut from `image`) grown beyond the edges where it cuts through ink, over the
    /// rest of the lines it cuts, trimmed to its ink; nil when it cuts nothing.
    func overflow(of crop: GrayImage, image: GrayImage, skew: Double) -> GrayImage? {
        let cut = crop.cutEdges(threshold: inkThreshold)
        guard cut.top || cut.bottom else { return nil }
        let height = Double(crop.height) / crop.scale
        let reach = min(max(height, Self.minimumOverflow), Self.maximumOverflow)
        let above = cut.top ? reach : 0, below = cut.bottom ? reach : 0
        let center = crop.pagePoint(x: Double(crop.width) / 2, y: (Double(crop.height) + (below - above) * crop.scale) / 2)
        let taller = image.crop(center: center, width: Double(crop.width) / crop.scale, height: height + above + below, degrees: skew)
        let first = Int((above * crop.scale).rounded())
        return taller.grown(rows: first, first + crop.height - 1, threshold: inkThreshold)
            .inkBounds(threshold: inkThreshold, minimumShare: minimumInk)
    }

    /// How far (points) a crop is grown over text that overflows it: its own height, within these bounds.
    static let minimumOverflow = 4.0
    static let maximumOverflow = 10.0

    /// The levelled rectangle of a cell whose page box is `box` (the bounding box of the turned cell).
    func levelFrame(of box: Rect, deskew: Deskew) -> LevelFrame {
        let a = abs(deskew.degrees) * .pi / 180, c = cos(a), s = sin(a)
        // Solving the bounding box for the turned box is ill-conditioned near 45°; a scan's skew is never near it.
        let d = c * c - s * s
        let w = d > Self.solvableTurn ? (box.width * c - box.height * s) / d : box.width
        let h = d > Self.solvableTurn ? (box.height * c - box.width * s) / d : box.height
        return LevelFrame(center: box.center, levelCenter: deskew.level(box.center), width: max(w, 1), height: max(h, 1))
    }

    /// cos²−sin² of the skew above which a turned cell's size is solved from its bounding box (about 30°).
    static let solvableTurn = 0.5

    /// A cell's rectangle in the levelled page: its centre on the page and in the level frame, and its size.
    struct LevelFrame {
        var center: Point
        var levelCenter: Point
        var width: Double
        var height: Double

        func contains(_ levelPoint: Point) -> Bool {
            abs(levelPoint.x - levelCenter.x) <= width / 2 && abs(levelPoint.y - levelCenter.y) <= height / 2
        }
    }

    /// A cell's levelled rectangle and its crop of `image`, inset from its rules (`cellInset`).
    func cellCrop(_ cell: Cell, of image: GrayImage, deskew: Deskew, skew: Double) -> (frame: LevelFrame, crop: GrayImage) {
        let frame = levelFrame(of: cell.box, deskew: deskew)
        let crop = image.crop(center: frame.center, width: max(1, frame.width - 2 * cellInset),
                              height: max(1, frame.height - 2 * cellInset), degrees: skew)
        return (frame, crop)
    }

    /// The bands of the page above, between and below the tables (the whole page when there are none).
    func strips(outside tables: [Table], content: PageContent) -> [Rect] {
        let page = Rect(left: 0, top: 0, right: content.width, bottom: content.height)
        var out: [Rect] = []
        var top = 0.0
        for t in tables.sorted(by: { $0.box.top < $1.box.top }) {
            if t.box.top - top > Self.minimumStrip { out.append(Rect(left: page.left, top: top, right: page.right, bottom: t.box.top)) }
            top = max(top, t.box.bottom)
        }
        if page.bottom - top > Self.minimumStrip { out.append(Rect(left: page.left, top: top, right: page.right, bottom: page.bottom)) }
        return out
    }

    /// Bands lower than this (points) hold no line of text.
    static let minimumStrip = 6.0
}

extension QuarterTurn {
    /// How a page that needed this turn was scanned, for review items and pictures; nil upright.
    var scanned: String? {
        switch self {
        case .upright: nil
        case .half: "scanned upside down"
        case .clockwise, .counterclockwise: "scanned sideways"
        }
    }

    /// How it was read, for review items; nil upright.
    var read: String? {
        switch self {
        case .upright: nil
        case .clockwise: "read turned clockwise by 90°"
        case .half: "read turned by 180°"
        case .counterclockwise: "read turned counter-clockwise by 90°"
        }
    }
}
