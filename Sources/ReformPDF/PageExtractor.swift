/// The extract stage for one page: text layer and, when asked, rulings and skew.
public struct PageExtractor: Sendable {
    public var rulingSettings: RulingSettings
    /// Whether to render the page to find rulings (costly; text-only work can skip it).
    public var findRulings: Bool

    public init(rulingSettings: RulingSettings = RulingSettings(), findRulings: Bool = true) {
        self.rulingSettings = rulingSettings
        self.findRulings = findRulings
    }

    public func extract(_ page: PDFPage, timings: StageTimings? = nil) -> PageContent {
        let size = page.size
        let glyphs = timings.measure("text") { page.glyphs() }
        var rulings: [Ruling] = []
        var skew = 0.0
        if findRulings {
            let raster = timings.measure("render") { page.render(scale: rulingSettings.renderScale) }
            let found = RulingScanner(settings: rulingSettings).scan(raster, glyphs: glyphs, timings: timings)
            rulings = found.rulings
            skew = found.skewDegrees
        }
        return PageContent(number: page.number, width: size.width, height: size.height, rotation: page.rotation,
                           skewDegrees: skew, glyphs: glyphs, rulings: rulings, imageCoverage: page.imageCoverage)
    }
}
