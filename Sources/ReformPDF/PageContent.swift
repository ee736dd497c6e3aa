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
    /// The page turned by 180° (a page scanned upside down, set upright): every box and line
    /// through the page's centre. A skew keeps its sign (a line turned half round keeps its slope).
    public func turned() -> PageContent {
        var out = self
        out.glyphs = glyphs.map { g in
            var t = g
            t.box = turned(g.box)
            return t
        }
        out.rulings = rulings.map { r in
            // the ends swap, so that a ruling still runs from its lower end
            Ruling(orientation: r.orientation, start: turned(r.end), end: turned(r.start), thickness: r.thickness)
        }
        return out
    }

    /// Page point `p` on the page turned by 180°.
    public func turned(_ p: Point) -> Point { Point(x: width - p.x, y: height - p.y) }

    /// Box `r` on the page turned by 180°.
    public func turned(_ r: Rect) -> Rect {
        Rect(left: width - r.right, top: height - r.bottom, right: width - r.left, bottom: height - r.top)
    }
}
