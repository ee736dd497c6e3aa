import CPoppler

/// One open page of a `PDFDocument`. Owns its poppler page.
public final class PDFPage {
    private let page: GObjectReference
    /// 1-based page number.
    public let number: Int

    var handle: OpaquePointer { OpaquePointer(page.pointer) }

    /// The document it belongs to (poppler's page holds its document too).
    let document: PDFDocument
    /// Its document's, shared by the document's pages.
    var history: ReadingHistory { document.history }

    init(taking pointer: UnsafeMutableRawPointer, number: Int, document: PDFDocument) {
        page = GObjectReference(taking: pointer)
        self.number = number
        self.document = document
    }

    /// Displayed size in points (poppler swaps width and height for a page rotated by 90° or 270°).
    public var size: (width: Double, height: Double) {
        var w = 0.0, h = 0.0
        poppler_page_get_size(handle, &w, &h)
        return (w, h)
    }

    /// The page's quarter-turn, inferred from the crop box against the displayed size.
    ///
    /// poppler-glib does not expose /Rotate; a swapped crop box says 90 (or 270), an unswapped one 0
    /// (or 180). All geometry is in the displayed page either way, so this is for information only.
    public var rotation: Int {
        var crop = PopplerRectangle()
        poppler_page_get_crop_box(handle, &crop)
        let (w, h) = size
        let cw = abs(crop.x2 - crop.x1), ch = abs(crop.y2 - crop.y1)
        return (abs(cw - w) > 0.5 || abs(ch - h) > 0.5) && abs(cw - h) < 0.5 && abs(ch - w) < 0.5 ? 90 : 0
    }

    /// The share of the page covered by its largest image: near 1 for a scanned page.
    public var imageCoverage: Double {
        guard let list = poppler_page_get_image_mapping(handle) else { return 0 }
        defer { poppler_page_free_image_mapping(list) }
        let (w, h) = size
        guard w > 0 && h > 0 else { return 0 }
        var best = 0.0
        var node: UnsafeMutablePointer<GList>? = list
        while let n = node {
            if let data = n.pointee.data {
                let area = data.assumingMemoryBound(to: PopplerImageMapping.self).pointee.area
                best = max(best, abs(area.x2 - area.x1) * abs(area.y2 - area.y1) / (w * h))
            }
            node = n.pointee.next
        }
        return min(best, 1)
    }

    /// Every scalar of the text layer with its box and font, in poppler's text order.
    public func glyphs() -> [Glyph] {
        let text = GLibBuffer<CChar>(taking: poppler_page_get_text(handle), count: 0)
        guard let cText = text.pointer else { return [] }
        let scalars = Array(String(cString: cText).unicodeScalars)
        if scalars.isEmpty { return [] }

        var rects: UnsafeMutablePointer<PopplerRectangle>? = nil
        var n: guint = 0
        _ = poppler_page_get_text_layout(handle, &rects, &n)
        let layout = GLibBuffer(taking: rects, count: Int(n))
        let boxes = layout.buffer

        var fonts = [(start: Int, end: Int, name: FontName, size: Double)]()
        TextAttributeList(taking: poppler_page_get_text_attributes(handle)).forEach { a in
            let name = a.font_name.map { String(cString: $0) } ?? ""
            fonts.append((Int(a.start_index), Int(a.end_index), FontName(name), a.font_size))
        }
        let unnamed = FontName("")

        let count = min(scalars.count, boxes.count)
        var glyphs = [Glyph]()
        glyphs.reserveCapacity(count)
        var fontIndex = 0
        var lastRight = Point(x: 0, y: 0)
        for i in 0..<count {
            while fontIndex < fonts.count && fonts[fontIndex].end < i { fontIndex += 1 }
            let font = fontIndex < fonts.count && fonts[fontIndex].start <= i ? fonts[fontIndex] : nil
            let r = boxes[i]
            let s = scalars[i]
            var box = Rect(left: min(r.x1, r.x2), top: min(r.y1, r.y2), right: max(r.x1, r.x2), bottom: max(r.y1, r.y2))
            if s == "\n" || s == "\r" {
                box = Rect(left: lastRight.x, top: lastRight.y, right: lastRight.x, bottom: lastRight.y)
            } else {
                lastRight = Point(x: box.right, y: box.midY)
            }
            glyphs.append(Glyph(scalar: s, box: box, font: font?.name ?? unnamed, fontSize: font?.size ?? box.height))
        }
        return glyphs
    }

    /// Renders the page onto a white background at `scale` pixels per point. Without `antialias`
    /// edges are hard (faster, and what the ruling scanner wants); pictures for people keep it.
    /// Without `glyphs` the page's text is not filled in (`GlyphGate`): lines, fills and images are
    /// what the ruling scanner looks for, and the text comes from poppler's text layer (text drawn
    /// as outlines only, a rare render mode, is still stroked).
    /// `turn` draws it turned (a page scanned sideways or upside down, as it was read).
    public func render(scale: Double, antialias: Bool = true, glyphs: Bool = true, turn: QuarterTurn = .upright) -> PageRaster {
        if glyphs, let fresh = freshForGlyphs() { return fresh.render(scale: scale, antialias: antialias, glyphs: true, turn: turn) }
        let (w, h) = size
        let raster = blankRaster(scale: scale, glyphs: glyphs, turn: turn)
        raster.draw { cr in
            // page point p lands where `turn.point(p)` of the turned page does: the page's corner
            // (0, 0) where the turn takes it, the rest turned about it
            if turn != .upright {
                let corner = turn.point(Point(x: 0, y: 0), width: w, height: h)
                cairo_translate(cr, corner.x * scale, corner.y * scale)
                cairo_rotate(cr, Double(turn.rawValue) * .pi / 2)
            }
            draw(on: cr, scale: scale, antialias: antialias, glyphs: glyphs)
        }
        return raster
    }

    /// What `render(scale:antialias: true, glyphs: false)` gives of a scan that is one grey picture
    /// over the page, drawn from the picture's samples a band at a time (`ScanPicture.raster`): the
    /// luminance of the same pixels, without poppler's copy of the whole scan at 4 bytes a sample
    /// and at a byte a pixel. Nil for any other page.
    public func pictureRaster(scale: Double) -> GreyRaster? {
        guard let raster = document.scanPicture(page: number)?.raster(scale: scale, page: size) else { return nil }
        raster.textDrawn = !GlyphGate.isActive  // as a render without glyphs says
        return raster
    }

    /// `render`, and whether the page may have drawn an image on the way (`PageRaster.drawNotingImages`):
    /// a page that certainly drew none covers nothing with images, and needs no `imageCoverage`
    /// (poppler's image mapping is another full pass over the page's content and fonts).
    public func renderNotingImages(scale: Double, antialias: Bool = true, glyphs: Bool = true) -> (raster: PageRaster, mayHoldImages: Bool) {
        if glyphs, let fresh = freshForGlyphs() { return fresh.renderNotingImages(scale: scale, antialias: antialias, glyphs: true) }
        let raster = blankRaster(scale: scale, glyphs: glyphs)
        let mayHoldImages = raster.drawNotingImages { cr in draw(on: cr, scale: scale, antialias: antialias, glyphs: glyphs) }
        return (raster, mayHoldImages)
    }

    /// A raster for the page at `scale`, turned by `turn` (its sides swapped by a quarter turn), that
    /// knows whether the render with `glyphs` fills the text in.
    private func blankRaster(scale: Double, glyphs: Bool, turn: QuarterTurn = .upright) -> PageRaster {
        let (w, h) = turn.size(width: size.width, height: size.height)
        let grid = PageRaster.grid(width: w, height: h, scale: scale)
        let raster = PageRaster(width: grid.columns, height: grid.rows, scale: scale)
        raster.textDrawn = glyphs || !GlyphGate.isActive
        return raster
    }

    /// This page of a fresh copy of the document, when this one rendered without glyphs and so with
    /// stand-in fonts (`FontStubs`) that poppler keeps for the document's later renders; nil when
    /// the document's fonts are its own (or it cannot be opened again: then stand-ins draw nothing).
    private func freshForGlyphs() -> PDFPage? {
        guard document.fontsStoodIn else { return nil }
        return try? document.reopened().page(number)
    }

    private func draw(on cr: OpaquePointer, scale: Double, antialias: Bool, glyphs: Bool) {
        if !glyphs && FontStubs.isActive { document.fontsStoodIn = true }
        cairo_scale(cr, scale, scale)
        if !antialias { cairo_set_antialias(cr, CAIRO_ANTIALIAS_NONE) }
        GlyphGate.drawing(glyphs) { poppler_page_render(handle, cr) }
    }
}
