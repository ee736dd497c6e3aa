import Foundation
import ReformPDF
import ReformTestSupport
import Testing

/// A page scanned sideways or upside down is read as the page turned upright: its boxes, lines and
/// picture agree on where everything is in the turned page.
@Suite struct TurnedPageTests {
    static let content = PageContent(
        number: 1, width: 600, height: 800, rotation: 0, skewDegrees: 0.5,
        glyphs: [Glyph(scalar: "项", box: Rect(left: 100, top: 50, right: 112, bottom: 62), fontName: "F", fontSize: 12)],
        rulings: [Ruling(orientation: .horizontal, start: Point(x: 40, y: 100), end: Point(x: 560, y: 104.5), thickness: 1),
                  Ruling(orientation: .vertical, start: Point(x: 40, y: 100), end: Point(x: 41, y: 700), thickness: 0.5)])

    @Test func halfATurnMovesEverythingThroughThePageCentre() {
        let t = Self.content.turned(.half)
        #expect(t.width == 600 && t.height == 800 && t.skewDegrees == 0.5)
        #expect(t.glyphs[0].box == Rect(left: 488, top: 738, right: 500, bottom: 750))
        // a ruling still runs from its lower end; a slanted one keeps its slope
        #expect(t.rulings[0].start == Point(x: 40, y: 695.5) && t.rulings[0].end == Point(x: 560, y: 700))
        #expect(t.rulings[1].start == Point(x: 559, y: 100) && t.rulings[1].end == Point(x: 560, y: 700))
        #expect(t.rulings[0].thickness == 1 && t.rulings[1].orientation == .vertical)
    }

    @Test func aQuarterTurnSwapsTheSidesAndTheLines() {
        let t = Self.content.turned(.clockwise)
        #expect(t.width == 800 && t.height == 600 && t.skewDegrees == 0.5)
        // clockwise: (x, y) → (height − y, x)
        #expect(t.glyphs[0].box == Rect(left: 738, top: 100, right: 750, bottom: 112))
        #expect(t.rulings[0].orientation == .vertical && t.rulings[1].orientation == .horizontal)
        #expect(t.rulings[0].start == Point(x: 700, y: 40) && t.rulings[0].end == Point(x: 695.5, y: 560))
        #expect(t.rulings[1].start == Point(x: 100, y: 41) && t.rulings[1].end == Point(x: 700, y: 40))
        let back = Self.content.turned(.counterclockwise)
        #expect(back.glyphs[0].box == Rect(left: 50, top: 488, right: 62, bottom: 500))
    }

    @Test(arguments: QuarterTurn.allCases)
    func turnsAddUp(turn: QuarterTurn) {
        let inverse = QuarterTurn(rawValue: (4 - turn.rawValue) % 4)!
        let there = Self.content.turned(turn), back = there.turned(inverse)
        #expect(back.glyphs == Self.content.glyphs && back.rulings == Self.content.rulings)
        #expect(back.width == 600 && back.height == 800)
    }

    /// A picture of the whole page, 3 pixels a point, one pixel wider and taller than the page (as a
    /// render rounds up), with a dark pixel at a known place.
    static func picture() -> (image: GrayImage, spot: Point) {
        let width = 1801, height = 2401, dark = (x: 300, y: 150)
        var pixels = [UInt8](repeating: 255, count: width * height)
        pixels[dark.y * width + dark.x] = 0
        let image = GrayImage(width: width, height: height, pixels: pixels, scale: 3,
                              center: Point(x: Double(width) / 6, y: Double(height) / 6))
        return (image, image.pagePoint(x: Double(dark.x) + 0.5, y: Double(dark.y) + 0.5))
    }

    /// Where the darkest pixel of `image` is, in its page's points.
    static func darkest(_ image: GrayImage) throws -> Point {
        let index = try #require(image.pixels.firstIndex(of: image.pixels.min()!))
        return image.pagePoint(x: Double(index % image.width) + 0.5, y: Double(index / image.width) + 0.5)
    }

    @Test(arguments: QuarterTurn.allCases)
    func aPageTurnedIsThePictureOfTheTurnedPage(turn: QuarterTurn) throws {
        let (image, spot) = Self.picture()
        let turned = image.turned(turn, pageWidth: 600, pageHeight: 800)
        let moved = try Self.darkest(turned), want = turn.point(spot, width: 600, height: 800)
        #expect(abs(moved.x - want.x) < 1e-9 && abs(moved.y - want.y) < 1e-9)
        #expect(turned.degrees == 0)
        #expect(turned.width == (turn.swapsSides ? image.height : image.width))
    }

    @Test(arguments: QuarterTurn.allCases)
    func aCropTurnedShowsTheSamePlace(turn: QuarterTurn) throws {
        let (image, spot) = Self.picture()
        let crop = image.crop(center: Point(x: 105, y: 52), width: 20, height: 10, degrees: 0)
        let turned = crop.turned(turn)
        #expect(turned.degrees == Double(90 * turn.rawValue) && turned.center == crop.center)
        let seen = try Self.darkest(turned)
        #expect(abs(seen.x - spot.x) < 1e-9 && abs(seen.y - spot.y) < 1e-9)
    }

    /// A page rendered turned shows what stood at `p` where the turned page's `p` is: a page of
    /// 600 × 800 points, one 10-point square of its picture dark.
    @Test(arguments: QuarterTurn.allCases)
    func aPageRendersTurned(turn: QuarterTurn) throws {
        var pixels = [UInt8](repeating: 255, count: 60 * 80)
        pixels[5 * 60 + 10] = 0  // page points 100–110 across, 50–60 down
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("reform-spot-\(UUID().uuidString).pdf")
        defer { try? FileManager.default.removeItem(at: url) }
        try MinimalPDF.grayImagePage(pixels, width: 60, height: 80, pageWidth: 600, pageHeight: 800).write(to: url)
        let raster = try PDFDocument(path: url.path).page(1).render(scale: 0.5, turn: turn)
        let size = turn.size(width: 600, height: 800)
        #expect(raster.width == Int(size.width / 2) && raster.height == Int(size.height / 2))
        let luminance = raster.luminance()
        var sum = (x: 0.0, y: 0.0), count = 0.0
        for (i, l) in luminance.enumerated() where l < 128 {
            sum.x += Double(i % raster.width) + 0.5
            sum.y += Double(i / raster.width) + 0.5
            count += 1
        }
        let want = turn.point(Point(x: 105, y: 55), width: 600, height: 800)
        #expect(count > 0)
        #expect(abs(sum.x / count / 0.5 - want.x) < 1 && abs(sum.y / count / 0.5 - want.y) < 1)
    }
}
