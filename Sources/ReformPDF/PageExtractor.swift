/// The extract stage for one page: text layer and, when asked, rulings and skew.
public struct PageExtractor: Sendable {
    public var rulingSettings: RulingSettings
    /// Whether to render the page to find rulings (costly; text-only work can skip it).
    public var findRulings: Bool

    public init(rulingSettings: RulingSettings = RulingSettings(), findRulings: Bool = true) {
        self.rulingSettings = rulingSettings
        self.findRulings = findRulings
    }

    /// Characters an OCR layer writes where it met a table line.
    static let ocrLineScalars: Set<Unicode.Scalar> = ["|", "｜", "丨", "│", "┃", "¦", "_", "＿", "─", "━", "—", "―"]

    public func extract(_ page: PDFPage, timings: StageTimings? = nil) -> PageContent {
        let size = page.size
        page.document.keepScanPicture(onlyFor: page.number)
        // poppler reports a missing character map on the thread that loads the font, this one
        _ = CharacterMaps.takeMissing()
        var rulings: [Ruling] = []
        var skew = 0.0
        // Rendering first lets poppler collect the text layer in the same pass (it keeps it for the
        // page), instead of interpreting the page and loading its fonts once more for the text.
        var coverage = 0.0
        var raster: (any RulingRaster)?
        // A page after a born-digital one is guessed born-digital too, unless it is plainly a scan: one
        // picture over the page, found without decoding it (the render at the born-digital scale would
        // decode the whole scan into a colour surface, the peak memory of a mixed document, and be
        // thrown away for the render at the scan scale).
        if findRulings && page.history.lastPageWasScan == false
            && !(page.history.mayHoldScans && page.document.isOnePicture(page: page.number)) {
            // Most pages hold no image: the render at the born-digital scale notes whether one may have
            // been drawn, and only such a page pays for the image coverage and, when it is a scan, for
            // a second render at the scan scale.
            let mayHoldImages = timings.measure("render") {
                let rendered = page.renderNotingImages(scale: rulingSettings.renderScale, antialias: rulingSettings.antialias, glyphs: false)
                raster = rendered.raster
                return rendered.mayHoldImages
            }
            if mayHoldImages { coverage = timings.measure("images") { page.imageCoverage } }
        } else {
            // The first page of a document that may hold image objects, a page after a scan, or one
            // that is one picture: its image coverage first (a pass over the page's content that
            // decodes no image), then one render at the scale it calls for. A scan rendered at the
            // born-digital scale first would decode its image twice.
            coverage = timings.measure("images") { page.imageCoverage }
        }
        let isScan = coverage >= PageContent.scanCoverage
        page.history.lastPageWasScan = isScan
        if findRulings && (raster == nil || isScan) {
            raster = nil  // a born-digital-scale raster of a scan is let go before the larger render
            // a scan that is one grey picture is drawn from its samples (the same pixels in grey, less memory)
            raster = timings.measure("render") { () -> any RulingRaster in
                if isScan, let grey = page.pictureRaster(scale: rulingSettings.scanRenderScale) { return grey }
                return page.render(scale: isScan ? rulingSettings.scanRenderScale : rulingSettings.renderScale,
                                   antialias: rulingSettings.antialias || isScan, glyphs: false)
            }
        }
        // A born-digital layer's boxes are brought back to their fonts' size where poppler made them
        // ems too tall; a scan's layer is OCR, its advances fitted to the words it read, so its
        // ideographs are narrower than its boxes are tall without the boxes being inflated.
        let glyphs = timings.measure("text") { isScan ? page.glyphs() : InflatedBoxes.fitted(page.glyphs()) }
        if let raster {
            // On a scan the text layer is OCR: its boxes are loose (taller still under skew) and would
            // hide the table lines they touch, so only their core (the text body) marks glyph strokes.
            // OCR also reads table lines themselves as bars (`|`, `_`): those glyphs are the line.
            let strokeGlyphs = isScan
                ? glyphs.filter { !Self.ocrLineScalars.contains($0.scalar) }.map { $0.core(rulingSettings.scanGlyphCore) }
                : glyphs
            let settings = rulingSettings
            let finer: (() -> PageRaster)? = isScan ? nil : {
                timings.measure("render") { page.render(scale: settings.contrastRenderScale, antialias: true, glyphs: false) }
            }
            let found = RulingScanner(settings: rulingSettings).scan(raster, glyphs: strokeGlyphs, glyphsAreExact: !isScan,
                                                                  estimateSkew: isScan || coverage > 0, finer: finer, timings: timings)
            // A table line on a scan meets at least two lines across it (its ends, or the lines it crosses);
            // a blurred row of text inside a cell meets at most the border it starts from. A page without
            // a text layer whose text is drawn (glyphs printed as outlines) has the same strokes among its
            // lines and no glyph boxes to tell them by.
            rulings = isScan || glyphs.isEmpty
                ? found.rulings.filter { r in
                    found.rulings.filter { $0.orientation != r.orientation && r.meets($0, tolerance: rulingSettings.touchTolerance) }.count >= 2
                }
                : found.rulings
            skew = found.skewDegrees
        }
        var content = PageContent(number: page.number, width: size.width, height: size.height, rotation: page.rotation,
                                  skewDegrees: skew, glyphs: glyphs, rulings: rulings, imageCoverage: coverage)
        content.missingCharacterMaps = CharacterMaps.takeMissing()
        return content
    }
}
