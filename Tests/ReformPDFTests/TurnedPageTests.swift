import Foundation
import ReformPDF
import ReformTestSupport
import Testing

/// A page scanned upside down is read as the page turned by 180°: its boxes, lines and picture
/// agree on where everything is in the turned page.
@Suite struct TurnedPageTests {
    static let content = PageContent(
        number: 1, width: 600, height: 800, rotation: 0, skewDegrees: 0.5,
        glyphs: [Glyph(scalar: "项", box: Rect(left: 100, top: 50, right: 112, bottom: 62), fontName: "F", fontSize: 12)],
        rulings: [Ruling(orientation: .horizontal, start: Point(x: 40, y: 100), end: Point(x: 560, y: 104.5), thickness: 1),
                  Ruling(orientation: .vertical, start: Point(x: 40, y: 100), end: Point(x: 41, y: 700), thickness: 0.5)])

    @Test func boxesAndLinesTurnAboutThePageCentre() {
        let t = Self.content.turned()
        #expect(t.width == 600 && t.height == 800 && t.skewDegrees == 0.5)
        #expect(t.glyphs[0].box == Rect(left: 488, top: 738, right: 500, bottom: 750))
        // a ruling still runs from its lower end; a slanted one keeps its slope
        #expect(t.rulings[0].start == Point(x: 40, y: 695.5) && t.rulings[0].end == Point(x: 560, y: 700))
        #expect(t.rulings[1].start == Point(x: 559, y: 100) && t.rulings[1].end == Point(x: 560, y: 700))
        #expect(t.rulings[0].thickness == 1 && t.rulings[1].orientation == .vertical)
        #expect(t.turned().glyphs == Self.content.glyphs && t.turned().rulings == Self.content.rulings)
    }

    /// A picture of the whole page, 3 pixels a point, one pixel wider and taller than the page (as a
    /// render rounds up), with a dark pixel at a known place.
    static func picture() -> (image: GrayImage, dark: (x: Int, y: Int)) {
        let width = 1801, height = 2401, dark = (x: 300, y: 150)
        var pixels = [UInt8](repeating: 255, count: width * height)
        pixels[dark.y * width + dark.x] = 0
        let image = GrayImage(width: width, height: height, pixels: pixels, scale: 3,
                              center: Point(x: Double(width) / 6, y: Double(height) / 6))
        return (image, dark)
    }

    @Test func aPageTurnedIsThePictureOfTheTurnedPage() throws {
        let (image, dark) = Self.picture()
        let turned = image.turned(pageWidth: 600, pageHeight: 800)
        let spot = image.pagePoint(x: Double(dark.x) + 0.5, y: Double(dark.y) + 0.5)
        let index = try #require(turned.pixels.firstIndex(of: 0))
        let moved = turned.pagePoint(x: Double(index % turned.width) + 0.5, y: Double(index / turned.width) + 0.5)
        let want = Self.content.turned(spot)
        #expect(abs(moved.x - want.x) < 1e-9 && abs(moved.y - want.y) < 1e-9)
        #expect(turned.degrees == 0)
    }

    @Test func aCropTurnedShowsTheSamePlaceUpsideDown() throws {
        let (image, dark) = Self.picture()
        let spot = image.pagePoint(x: Double(dark.x) + 0.5, y: Double(dark.y) + 0.5)
        let crop = image.crop(center: Point(x: 105, y: 52), width: 20, height: 10, degrees: 0)
        let turned = crop.turned()
        #expect(turned.degrees == 180 && turned.center == crop.center)
        let index = try #require(turned.pixels.firstIndex(of: turned.pixels.min()!))
        let seen = turned.pagePoint(x: Double(index % turned.width) + 0.5, y: Double(index / turned.width) + 0.5)
        #expect(abs(seen.x - spot.x) < 0.5 && abs(seen.y - spot.y) < 0.5)
        #expect(turned.turned().pixels == crop.pixels)
    }
}
