/// Everything the extract stage reads off one page: size, orientation, glyphs and rulings.
public struct PageContent: Sendable {
    /// 1-based page number.
    public var number: Int
    /// Displayed size in points (after the page's /Rotate).
    public var width: Double
    public var height: Double
    /// The page's /Rotate as far as poppler-glib lets us know it: 0 or 90 (see `PDFPage.rotation`).
    public var rotation: Int
    /// Skew of the page content in degrees, positive counter-clockwise as seen on screen; 0 when level.
    public var skewDegrees: Double
    /// Every scalar of the text layer with its box, in poppler's text order.
    public var glyphs: [Glyph]
    /// Ruled lines, empty when rulings were not asked for.
    public var rulings: [Ruling]
    /// Share of the page under its largest image (near 1 on a scan).
    public var imageCoverage: Double
    /// Character collections (`Adobe-GB1`) whose maps poppler lacked for fonts the page's resources
    /// name: text in those fonts is missing.
    public var missingCharacterMaps: [String] = []

    public init(number: Int, width: Double, height: Double, rotation: Int, skewDegrees: Double,
                glyphs: [Glyph], rulings: [Ruling], imageCoverage: Double = 0) {
        self.number = number
        self.width = width
        self.height = height
        self.rotation = rotation
        self.skewDegrees = skewDegrees
        self.glyphs = glyphs
        self.rulings = rulings
        self.imageCoverage = imageCoverage
    }

    /// A scanned page: one image covers (nearly) all of it; its text, if any, is an OCR layer.
    public var isScan: Bool { imageCoverage >= PageContent.scanCoverage }

    /// A page this much under one image is a scan.
    public static let scanCoverage = 0.8

    /// Whether the page has any visible text in its text layer.
    public var hasTextLayer: Bool { glyphs.contains { !$0.isWhitespace } }
}

extension PageContent {
    /// The page turned (a page scanned sideways or upside down, set upright): every box and line
    /// moved with it, width and height swapped by a quarter turn. A skew keeps its sign: the whole
    /// page turns, its lines keep their slant against its edges.
    public func turned(_ turn: QuarterTurn) -> PageContent {
        var out = self
        (out.width, out.height) = turn.size(width: width, height: height)
        out.glyphs = glyphs.map { g in
            var t = g
            t.box = turn.rect(g.box, width: width, height: height)
            return t
        }
        out.rulings = rulings.map { r in
            let a = turn.point(r.start, width: width, height: height), b = turn.point(r.end, width: width, height: height)
            let orientation: Ruling.Orientation = turn.swapsSides ? (r.orientation == .horizontal ? .vertical : .horizontal) : r.orientation
            // a ruling still runs from its lower end
            let forward = orientation == .horizontal ? a.x <= b.x : a.y <= b.y
            return Ruling(orientation: orientation, start: forward ? a : b, end: forward ? b : a, thickness: r.thickness)
        }
        return out
    }
}
