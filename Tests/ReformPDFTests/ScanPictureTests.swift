import Foundation
@testable import ReformPDF
import ReformTestSupport
import Testing

/// OCR's page image of a scan at OCR's resolution is the scan's own samples, read from the PDF
/// (`ScanPicture`); it must be the very pixels a render gives, and any page that is more than one
/// plain picture over the whole page must still be rendered.
@Suite struct ScanPictureTests {
    /// A 90 × 120 picture of grey stripes and a dark frame, on a page scanned at `dpi`.
    /// With `layer`, an invisible OCR layer over it (and its font, F1, for `before` and `after` to use).
    static func picture(dpi: Double = 100, before: String = "", placement: String? = nil, after: String = "",
                        layer: [(text: String, x: Double, y: Double)] = []) throws -> (url: URL, pixels: [UInt8]) {
        let width = 90, height = 120
        var pixels = [UInt8](repeating: 255, count: width * height)
        for y in 0..<height {
            for x in 0..<width {
                let edge = x < 3 || y < 3 || x >= width - 3 || y >= height - 3
                pixels[y * width + x] = edge ? 20 : UInt8(truncatingIfNeeded: 60 + (x * 7 + y * 3) % 190)
            }
        }
        let pageWidth = Double(width) * 72 / dpi, pageHeight = Double(height) * 72 / dpi
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("reform-picture-\(UUID().uuidString).pdf")
        try MinimalPDF.grayImagePage(pixels, width: width, height: height, pageWidth: pageWidth, pageHeight: pageHeight,
                                     layer: layer, before: before, placement: placement, after: after).write(to: url)
        return (url, pixels)
    }

    static func rendered(_ page: PDFPage, dpi: Double) -> [UInt8] { page.render(scale: dpi / 72, antialias: true).luminance() }

    /// How many pixels two pictures of the same grid differ in (all of them when the grids differ).
    static func differences(_ a: [UInt8], _ b: [UInt8]) -> Int {
        a.count == b.count ? zip(a, b).filter { $0 != $1 }.count : max(a.count, b.count)
    }

    @Test func aScanAtOCRResolutionIsItsOwnSamplesAndTheRendersPixels() throws {
        let (url, pixels) = try Self.picture(dpi: 100)
        defer { try? FileManager.default.removeItem(at: url) }
        let document = try PDFDocument(path: url.path)
        let picture = try #require(document.scanPicture(page: 1))
        #expect(picture.width == 90 && picture.height == 120)
        let page = try document.page(1)
        let image = page.grayImage(dpi: 100)
        #expect(image.width == 90 && image.height == 120)
        #expect(image.pixels == pixels)
        #expect(image.pixels == Self.rendered(page, dpi: 100))
    }

    /// A document read from memory (standard input, a database blob) is parsed in place by poppler-glib
    /// and by poppler's core alike: the bytes, copied once from the caller's data, outlive the data and
    /// give the same picture, and the checksum reads the same bytes.
    @Test func aScanInMemoryIsReadInPlaceAsFromItsFile() throws {
        let (url, pixels) = try Self.picture(dpi: 100)
        defer { try? FileManager.default.removeItem(at: url) }
        var data: Data? = try Data(contentsOf: url)
        let document = try PDFDocument(data: data!, path: "<stdin>")
        let original = data!
        data = nil
        #expect(document.bytes == original)
        let page = try document.page(1)
        #expect(page.grayImage(dpi: 100).pixels == pixels)
        let lane = try document.reopened()
        #expect(try lane.page(1).grayImage(dpi: 100).pixels == pixels)
        #expect(try lane.page(1).render(scale: 100 / 72, antialias: true).luminance() == pixels)
    }

    @Test func aCorpusScanWithItsOCRLayerIsItsOwnSamples() throws {
        // 200 dpi, an invisible OCR layer drawn over the picture (render mode 3)
        let page = try PDFDocument(path: Fixtures.path("scanned-look.pdf")).page(1)
        #expect(page.document.scanPicture(page: 1) != nil)
        #expect(page.grayImage(dpi: 200).pixels == Self.rendered(page, dpi: 200))
    }

    /// A scan's decoded picture is kept for the questions about its own page (its rulings, then
    /// OCR) and let go as soon as another page is read: with `--ocr never` it sat under the next
    /// pages' renders until the next scan (9 MB of the 500-page mixed PDF's peak).
    @Test func aScansPictureIsLetGoWhenAnotherPageIsRead() throws {
        let document = try PDFDocument(path: Fixtures.repoRoot.appendingPathComponent("Corpus/scanned/scan-portrait-01.pdf").path)
        #expect(document.pageCount >= 2)
        _ = PageExtractor().extract(try document.page(1))
        #expect(document.keptScanPicturePage == 1, "kept for page 1's OCR")
        document.keepScanPicture(onlyFor: 1)
        #expect(document.keptScanPicturePage == 1)
        document.keepScanPicture(onlyFor: 2)
        #expect(document.keptScanPicturePage == nil)
        #expect(document.scanPicture(page: 1) != nil, "decoded again on need")
        _ = PageExtractor(findRulings: false).extract(try document.page(2))
        #expect(document.keptScanPicturePage != 1, "page 2's reading let page 1's picture go")
    }

    @Test func aScanAtAnotherResolutionIsDrawnBandByBandWithTheRendersPixels() throws {
        let (url, _) = try Self.picture(dpi: 100)
        defer { try? FileManager.default.removeItem(at: url) }
        let document = try PDFDocument(path: url.path)
        let picture = try #require(document.scanPicture(page: 1))
        let page = try document.page(1)
        let (w, h) = page.size
        for dpi in [150.0, 83.0, 300.0] {
            let scale = dpi / 72
            let columns = Int((w * scale).rounded(.up)), rows = Int((h * scale).rounded(.up))
            #expect(picture.onGrid(columns: columns, rows: rows, scale: scale, page: (w, h)) == nil)
            let rendered = Self.rendered(page, dpi: dpi)
            // bands of a few rows and the whole page at once; of one row, where a band's centre may
            // sit on a rounding tie that no placement fits (then nil, and the page is rendered)
            for bandRows in [7, 64, rows] {
                let drawn = try #require(picture.drawn(columns: columns, rows: rows, scale: scale, page: (w, h), bandRows: bandRows))
                #expect(Self.differences(drawn, rendered) == 0, "\(dpi) dpi, \(bandRows) rows a band")
            }
            if let drawn = picture.drawn(columns: columns, rows: rows, scale: scale, page: (w, h), bandRows: 1) {
                #expect(Self.differences(drawn, rendered) == 0, "\(dpi) dpi, 1 row a band")
            }
            #expect(Self.differences(page.grayImage(dpi: dpi).pixels, rendered) == 0, "\(dpi) dpi")
        }
    }

    /// The corpus's scans at 200 and 240 dpi, portrait and landscape (the page a fraction of a pixel
    /// wider or taller than its grid at 300 dpi), read at OCR's 300 dpi.
    @Test(arguments: ["scanned/scan-portrait-03.pdf", "scanned/scan-landscape-01.pdf", "image-only/image-only-02.pdf"])
    func corpusScansAtOtherResolutionsAreDrawnWithTheRendersPixels(file: String) throws {
        let document = try PDFDocument(path: Fixtures.repoRoot.appendingPathComponent("Corpus/" + file).path)
        let page = try document.page(1)
        let picture = try #require(document.scanPicture(page: 1))
        let scale = 300.0 / 72
        let (w, h) = page.size
        let columns = Int((w * scale).rounded(.up)), rows = Int((h * scale).rounded(.up))
        let drawn = try #require(picture.drawn(columns: columns, rows: rows, scale: scale, page: (w, h), bandRows: 97))
        let rendered = Self.rendered(page, dpi: 300)
        #expect(Self.differences(drawn, rendered) == 0)
    }

    /// The raster the ruling scanner reads of a scan (2 pixels a point: the pictures shrunk) is the
    /// render's too, pixel for pixel, drawn band by band.
    @Test(arguments: ["scanned/scan-portrait-03.pdf", "scanned/scan-landscape-01.pdf", "scanned/scan-portrait-05.pdf"])
    func corpusScansShrunkForTheirRulingsAreDrawnWithTheRendersPixels(file: String) throws {
        let document = try PDFDocument(path: Fixtures.repoRoot.appendingPathComponent("Corpus/" + file).path)
        let page = try document.page(1)
        let picture = try #require(document.scanPicture(page: 1))
        let scale = RulingSettings().scanRenderScale
        let rendered = page.render(scale: scale, antialias: true, glyphs: false)
        for bandRows in [ScanPicture.bandRows, 61] {
            let drawn = try #require(picture.raster(scale: scale, page: page.size, bandRows: bandRows))
            #expect(drawn.width == rendered.width && drawn.height == rendered.height)
            #expect(Self.differences(drawn.luminance(), rendered.luminance()) == 0, "\(bandRows) rows a band")
        }
    }

    @Test func aColourPictureIsNotDrawnButRendered() {
        let picture = ScanPicture(width: 2, height: 2, samples: [10, 20, 30, 40], transform: [2, 0, 0, -2, 0, 2], isGrey: false)
        #expect(picture.drawn(columns: 3, rows: 3, scale: 1.5, page: (2, 2)) == nil)
        // kept at its size it is still its samples: the grey of each colour is the render's
        #expect(picture.onGrid(columns: 2, rows: 2, scale: 1, page: (2, 2)) == [10, 20, 30, 40])
    }

    @Test func somethingDrawnOverThePictureMakesTheRenderTheAnswer() throws {
        let (url, pixels) = try Self.picture(after: "0 g 10 10 20 20 re f")
        defer { try? FileManager.default.removeItem(at: url) }
        let document = try PDFDocument(path: url.path)
        #expect(document.scanPicture(page: 1) == nil)
        let page = try document.page(1)
        let image = page.grayImage(dpi: 100)
        #expect(image.pixels == Self.rendered(page, dpi: 100))
        #expect(image.pixels != pixels)
    }

    @Test func whatThePictureHidesDoesNotCount() throws {
        let (url, pixels) = try Self.picture(before: "0 g 10 10 20 20 re f")
        defer { try? FileManager.default.removeItem(at: url) }
        let document = try PDFDocument(path: url.path)
        #expect(document.scanPicture(page: 1) != nil)
        #expect(try document.page(1).grayImage(dpi: 100).pixels == pixels)
    }

    @Test func aPictureShortOfThePageIsRendered() throws {
        // half the page's width, from its left edge
        let (url, _) = try Self.picture(placement: "32.4 0 0 86.4 0 0")
        defer { try? FileManager.default.removeItem(at: url) }
        let document = try PDFDocument(path: url.path)
        #expect(document.scanPicture(page: 1) == nil)
    }

    @Test func aClipBeforeThePictureThatIsNoRectangleAroundThePageMakesTheRenderTheAnswer() throws {
        // a bow tie, and text clipping (render mode 7): the picture shows only in part
        for clip in ["0 0 m 64.8 86.4 l 64.8 0 l 0 86.4 l h W n", "BT 7 Tr /F1 40 Tf 5 40 Td <4E00> Tj ET"] {
            let (url, _) = try Self.picture(before: clip, layer: [(text: "一", x: 5, y: 20)])
            defer { try? FileManager.default.removeItem(at: url) }
            let document = try PDFDocument(path: url.path)
            #expect(document.scanPicture(page: 1) == nil, "\(clip)")
            let page = try document.page(1)
            #expect(Self.differences(page.grayImage(dpi: 100).pixels, Self.rendered(page, dpi: 100)) == 0, "\(clip)")
        }
        // a rectangle around the page is no clip at all
        let (url, pixels) = try Self.picture(before: "-1 -1 70 90 re W n")
        defer { try? FileManager.default.removeItem(at: url) }
        #expect(try PDFDocument(path: url.path).page(1).grayImage(dpi: 100).pixels == pixels)
    }

    @Test func aPictureEnlargedFourTimesIsRenderedNotDrawn() throws {
        // 100 dpi samples read at 400 dpi: poppler's cairo device takes the nearest sample there
        let (url, _) = try Self.picture(dpi: 100)
        defer { try? FileManager.default.removeItem(at: url) }
        let document = try PDFDocument(path: url.path)
        let page = try document.page(1)
        let picture = try #require(document.scanPicture(page: 1))
        #expect(picture.drawn(columns: 360, rows: 480, scale: 400.0 / 72, page: page.size) == nil)
        #expect(Self.differences(page.grayImage(dpi: 400).pixels, Self.rendered(page, dpi: 400)) == 0)
    }

    @Test func aBornDigitalPageHasNoPicture() throws {
        #expect(try PDFDocument(path: Fixtures.path("ruled-cjk.pdf")).scanPicture(page: 1) == nil)
    }

    @Test func samplesAreCopiedOntoTheGridWhereTheyFallOneForOne() {
        // 3 × 2 samples at 1 pixel a point, placed 1 point from the left and 2 from the top of a 5 × 5 grid
        let picture = ScanPicture(width: 3, height: 2, samples: [1, 2, 3, 4, 5, 6], transform: [3, 0, 0, -2, 1, 4])
        let grid = picture.onGrid(columns: 5, rows: 5, scale: 1, page: (5, 5))
        #expect(grid == [255, 255, 255, 255, 255,
                         255, 255, 255, 255, 255,
                         255, 1, 2, 3, 255,
                         255, 4, 5, 6, 255,
                         255, 255, 255, 255, 255])
        // upside down, half a pixel off, or at another scale: not one for one
        #expect(ScanPicture(width: 3, height: 2, samples: [1, 2, 3, 4, 5, 6], transform: [3, 0, 0, 2, 1, 2]).onGrid(columns: 5, rows: 5, scale: 1, page: (5, 5)) == nil)
        #expect(ScanPicture(width: 3, height: 2, samples: [1, 2, 3, 4, 5, 6], transform: [3, 0, 0, -2, 1.5, 4]).onGrid(columns: 5, rows: 5, scale: 1, page: (5, 5)) == nil)
        #expect(picture.onGrid(columns: 10, rows: 10, scale: 2, page: (5, 5)) == nil)
        // reaching past a page edge that cuts a pixel (the render blends that pixel with the page)
        #expect(picture.onGrid(columns: 4, rows: 5, scale: 1, page: (3.5, 5)) == nil)
        #expect(picture.onGrid(columns: 4, rows: 5, scale: 1, page: (4, 5)) != nil)
    }
}

