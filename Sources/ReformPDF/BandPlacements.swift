import CPoppler

/// The picture matrix of each band of `ScanPicture.drawBands`.
///
/// cairo hands pixman the device-to-samples matrix in 16.16 fixed point, its translation fitted so
/// that the drawn area's centre lands exactly (`PixmanPlacement`). A band's drawn area has another
/// centre, so its samples would fall elsewhere by the rounding of the matrix's entries; each band's
/// picture matrix is moved so that pixman's fitted translation is the whole page's, moved by whole rows.
struct BandPlacements {
    /// The picture's matrix to its samples (PDF image space to sample rows from the top).
    let toSamples: cairo_matrix_t
    private let fromPlacement: cairo_matrix_t
    private let scale: Double
    /// The drawn area in device pixels: the picture within the page's clip, its edges in cairo's
    /// 24.8 fixed point rounded out to whole pixels, within the surface.
    private let area: (left: Double, right: Double, top: Double, bottom: Double)
    /// The whole page's device-to-samples matrix, and how cairo hands it to pixman.
    private let wholeMatrix: cairo_matrix_t
    private let whole: PixmanPlacement

    /// Sample rows taken beyond those a band's pixels reach, each way, for the filter's reach.
    static let filterMarginRows = 2.0

    init?(picture: ScanPicture, placement: cairo_matrix_t, columns: Int, rows: Int, scale: Double, page: (width: Double, height: Double)) {
        var inverse = placement
        guard cairo_matrix_invert(&inverse) == CAIRO_STATUS_SUCCESS else { return nil }
        fromPlacement = inverse
        var samples = cairo_matrix_t()
        cairo_matrix_init_translate(&samples, 0, Double(picture.height))
        cairo_matrix_scale(&samples, Double(picture.width), -Double(picture.height))
        toSamples = samples
        self.scale = scale
        func edge(_ v: Double) -> Double { (v * 256).rounded() / 256 }
        let t = picture.transform
        let xs = [t[4] * scale, (t[4] + t[0]) * scale].map(edge), ys = [t[5] * scale, (t[5] + t[3]) * scale].map(edge)
        area = (left: Swift.max(0, xs.min()!.rounded(.down)),
                right: Swift.min(Double(columns), xs.max()!.rounded(.up), edge(page.width * scale).rounded(.up)),
                top: Swift.max(0, ys.min()!.rounded(.down)),
                bottom: Swift.min(Double(rows), ys.max()!.rounded(.up), edge(page.height * scale).rounded(.up)))
        wholeMatrix = Self.deviceToSamples(fromPlacement: inverse, scale: scale, toSamples: samples, top: 0)
        whole = PixmanPlacement(wholeMatrix, centre: ((area.left + area.right) / 2, (area.top + area.bottom) / 2))
    }

    /// The sample rows the band of `count` device rows from `top` takes, with room for the filter:
    /// the rows its pixels' centres fall between, widened by the rows a pixel averages when the
    /// picture is shrunk, and `filterMarginRows` more each way; within the picture's `sampleRows`.
    func sampleRows(top: Int, count: Int, of sampleRows: Int) -> Range<Int> {
        let m = wholeMatrix
        let ends = [m.yy * Double(top) + m.y0, m.yy * Double(top + count) + m.y0]
        let margin = abs(m.yy).rounded(.up) + Self.filterMarginRows
        let first = Swift.max(0, Int((ends.min()! - margin).rounded(.down)))
        let last = Swift.min(sampleRows, Int((ends.max()! + margin).rounded(.up)))
        return first..<Swift.max(first + 1, last)
    }

    /// How many times a band's matrix is moved toward the page's placement before giving up.
    static let placementSteps = 5

    /// The picture matrix for the band of `bandHeight` rows from device row `top`, whose samples
    /// start at row `firstRow` of the picture; nil when it does not come to the page's placement
    /// (seen with bands of one row, their centre on a rounding tie: the matrix moved a unit one way
    /// fits a unit the other way, and back), and the page is rendered instead.
    func samplesMatrix(top: Int, bandHeight: Int, firstRow: Int = 0) -> cairo_matrix_t? {
        let bandTop = Swift.max(0, area.top - Double(top)), bandBottom = Swift.min(Double(bandHeight), area.bottom - Double(top))
        let centre = ((area.left + area.right) / 2, (bandTop + bandBottom) / 2)
        var moved = toSamples, up = cairo_matrix_t(), next = cairo_matrix_t()
        cairo_matrix_init_translate(&up, 0, -Double(firstRow))
        cairo_matrix_multiply(&next, &moved, &up)
        moved = next
        for step in 0...Self.placementSteps {
            let placed = PixmanPlacement(Self.deviceToSamples(fromPlacement: fromPlacement, scale: scale, toSamples: moved, top: top), centre: centre)
            let dx = whole.offset.x - placed.offset.x
            let dy = whole.offset.y + whole.fixedYY * Double(top) - 65536 * Double(firstRow) - placed.offset.y
            if dx == 0 && dy == 0 { return moved }
            if step == Self.placementSteps { break }
            var move = cairo_matrix_t(), next = cairo_matrix_t()
            cairo_matrix_init_translate(&move, dx / 65536, dy / 65536)
            cairo_matrix_multiply(&next, &moved, &move)
            moved = next
        }
        return nil
    }

    /// The device-to-samples matrix cairo derives for a band drawn `top` rows up, computed as cairo
    /// does (its inverse transformation kept step by step, the pattern's matrix after it): the same
    /// doubles, so the same fixed point.
    static func deviceToSamples(fromPlacement: cairo_matrix_t, scale: Double, toSamples: cairo_matrix_t, top: Int) -> cairo_matrix_t {
        var inverse = cairo_matrix_t(), step = cairo_matrix_t(), next = cairo_matrix_t()
        var fromPlacement = fromPlacement, toSamples = toSamples
        cairo_matrix_init_identity(&inverse)
        cairo_matrix_init_translate(&step, 0, Double(top))
        cairo_matrix_multiply(&next, &inverse, &step); inverse = next
        cairo_matrix_init_scale(&step, 1 / scale, 1 / scale)
        cairo_matrix_multiply(&next, &inverse, &step); inverse = next
        cairo_matrix_multiply(&next, &inverse, &fromPlacement); inverse = next
        cairo_matrix_multiply(&next, &inverse, &toSamples)
        return next
    }
}
