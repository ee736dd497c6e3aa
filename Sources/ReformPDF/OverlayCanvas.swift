import CPoppler

/// A rendered page to draw on, for pictures that show what was read where. Coordinates are page
/// points (origin top-left); the canvas scales them to its pixels. Owns its raster and its cairo
/// context; both are released in `deinit`.
public final class OverlayCanvas {
    private let raster: PageRaster
    private let context: OpaquePointer

    /// An RGBA colour, components 0…1.
    public struct Colour: Sendable {
        public var r, g, b, a: Double
        public init(_ r: Double, _ g: Double, _ b: Double, _ a: Double = 1) {
            self.r = r; self.g = g; self.b = b; self.a = a
        }
    }

    /// Renders `page` at `scale` pixels per point, ready to draw on; turned for a page that was read
    /// turned (the drawing's points are then the turned page's).
    public init(page: PDFPage, scale: Double, turn: QuarterTurn = .upright) {
        raster = page.render(scale: scale, turn: turn)
        context = raster.makeContext()
        cairo_scale(context, scale, scale)
        cairo_select_font_face(context, "Noto Sans CJK SC", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL)
    }

    deinit { cairo_destroy(context) }

    private func set(_ c: Colour) { cairo_set_source_rgba(context, c.r, c.g, c.b, c.a) }

    public func fill(_ rect: Rect, _ colour: Colour) {
        set(colour)
        cairo_rectangle(context, rect.left, rect.top, rect.width, rect.height)
        cairo_fill(context)
    }

    public func stroke(_ rect: Rect, _ colour: Colour, width: Double) {
        set(colour)
        cairo_set_line_width(context, width)
        cairo_rectangle(context, rect.left, rect.top, rect.width, rect.height)
        cairo_stroke(context)
    }

    public func line(_ a: Point, _ b: Point, _ colour: Colour, width: Double) {
        set(colour)
        cairo_set_line_width(context, width)
        cairo_move_to(context, a.x, a.y)
        cairo_line_to(context, b.x, b.y)
        cairo_stroke(context)
    }

    /// An ellipse around `rect`, grown by `margin`.
    public func ring(_ rect: Rect, _ colour: Colour, width: Double, margin: Double = 3) {
        let r = rect.insetBy(margin)
        set(colour)
        cairo_set_line_width(context, width)
        // A fresh path: cairo_arc would otherwise join the current point (left by the last text) to the ring.
        cairo_new_path(context)
        cairo_save(context)
        cairo_translate(context, r.midX, r.midY)
        cairo_scale(context, max(r.width / 2, 1), max(r.height / 2, 1))
        cairo_arc(context, 0, 0, 1, 0, 2 * .pi)
        cairo_restore(context)
        cairo_stroke(context)
    }

    /// Text with its baseline's left end at `origin`, on a pale box so it stays legible over the page.
    public func label(_ text: String, at origin: Point, size: Double, _ colour: Colour, background: Colour? = Colour(1, 1, 1, 0.8)) {
        cairo_set_font_size(context, size)
        var extents = cairo_text_extents_t()
        cairo_text_extents(context, text, &extents)
        if let background {
            fill(Rect(left: origin.x - 1, top: origin.y - size, right: origin.x + extents.x_advance + 1, bottom: origin.y + size * 0.25), background)
        }
        set(colour)
        cairo_move_to(context, origin.x, origin.y)
        cairo_show_text(context, text)
        cairo_new_path(context)
    }

    /// Writes the picture as PNG. Returns false when the file cannot be written.
    public func writePNG(to path: String) -> Bool {
        cairo_surface_flush(cairo_get_target(context))
        return raster.writePNG(to: path)
    }
}
