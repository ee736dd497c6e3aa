import Foundation
@testable import ReformPDF
import ReformTestSupport
import Testing

/// `PageExtractor` measures a page's image coverage in one of two orders (image mapping first, or a
/// render that notes whether any image may have been drawn), chosen by what the document's previous
/// page was. The order may change the cost, never the result.
@Suite struct ImageCoverageTests {
    /// Born-digital, image-only, born-digital, scanned-look, born-digital pages in one document, so
    /// every page kind follows every other.
    static func mixedDocument() throws -> String {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("reform-mixed-\(UUID().uuidString).pdf").path
        let parts = ["ruled-cjk.pdf", "image-only.pdf", "ruled-cjk.pdf", "scanned-look.pdf", "ruled-cjk.pdf"].map(Fixtures.path)
        let result = try Fixtures.run("pdfunite", parts + [out])
        #expect(result.status == 0, "pdfunite: \(result.stderr)")
        return out
    }

    /// Each page of the mixed document as the first page of a document of its own (image mapping first).
    static func alone(_ name: String) throws -> PageContent {
        try PageExtractor().extract(try PDFDocument(path: Fixtures.path(name)).page(1))
    }

    @Test func eitherOrderFindsTheSameImagesAndRulings() throws {
        let path = try Self.mixedDocument()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let document = try PDFDocument(path: path)
        let names = ["ruled-cjk.pdf", "image-only.pdf", "ruled-cjk.pdf", "scanned-look.pdf", "ruled-cjk.pdf"]
        #expect(document.pageCount == names.count)
        for (index, name) in names.enumerated() {
            let page = try document.page(index + 1)
            let inSequence = PageExtractor().extract(page)
            let expected = try Self.alone(name)
            #expect(inSequence.imageCoverage == page.imageCoverage, "page \(index + 1)")
            #expect(inSequence.imageCoverage == expected.imageCoverage, "page \(index + 1)")
            #expect(inSequence.isScan == expected.isScan, "page \(index + 1)")
            #expect(inSequence.rulings == expected.rulings, "page \(index + 1)")
            #expect(inSequence.skewDegrees == expected.skewDegrees, "page \(index + 1)")
            #expect(inSequence.glyphs == expected.glyphs, "page \(index + 1)")
        }
        // the fixtures are what the test needs: images on two pages, none on the others
        let first = try Self.alone("ruled-cjk.pdf"), image = try Self.alone("image-only.pdf")
        #expect(first.imageCoverage == 0 && !first.rulings.isEmpty)
        #expect(image.isScan)
    }

    /// A scan after a born-digital page is seen to be one picture over the page without decoding it,
    /// and is not rendered at the born-digital scale first (a render that would decode the whole scan
    /// to be thrown away): its image mapping comes before its one render, as on a first page.
    @Test func aScanAfterABornDigitalPageIsNotRenderedAtTheBornDigitalScale() throws {
        let path = try Self.mixedDocument()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let document = try PDFDocument(path: path)
        #expect(document.isOnePicture(page: 4) && !document.isOnePicture(page: 3))
        #expect(!PageExtractor().extract(try document.page(3)).isScan)
        #expect(document.history.lastPageWasScan == false)
        let timings = StageTimings()
        #expect(PageExtractor().extract(try document.page(4), timings: timings).isScan)
        #expect(Array(timings.entries.map(\.stage).prefix(2)) == ["images", "render"])
        // the born-digital page after it is guessed from the scan, as before
        let after = StageTimings()
        #expect(!PageExtractor().extract(try document.page(5), timings: after).isScan)
        #expect(Array(after.entries.map(\.stage).prefix(2)) == ["images", "render"])
    }

    /// A document whose bytes name no image object starts with the render (its first page needs
    /// no image mapping); one that does starts with the mapping, as after a scan.
    @Test func theFirstPageSkipsTheImageMappingOnlyWhenNoImageObjectIsNamed() throws {
        #expect(try PDFDocument(path: Fixtures.path("ruled-cjk.pdf")).history.lastPageWasScan == false)
        #expect(try PDFDocument(path: Fixtures.path("image-only.pdf")).history.lastPageWasScan == nil)
        #expect(try PDFDocument(path: Fixtures.path("scanned-look.pdf")).history.lastPageWasScan == nil)
        let names: [(String, Bool)] = [
            ("<< /Type /XObject /Subtype /Image /Width 10 >>", true), ("/Subtype/Image/Width 10", true),
            ("/Subtype /Image", true), ("/Subtype /Image\n", true), ("/ProcSet [/PDF /Text /ImageB /ImageC /ImageI]", false),
            ("/ImageMask true", false), ("/Imagery", false), ("no names at all", false), ("/ImageB /Image[", true),
        ]
        for (text, named) in names {
            #expect(PDFDocument.namesImageObject(Data(text.utf8)) == named, "\(text)")
        }
    }

    @Test func aRenderWithoutImagesSaysSoAndOneWithAnImageMayHoldOne() throws {
        let born = try PDFDocument(path: Fixtures.path("ruled-cjk.pdf")).page(1)
        #expect(born.renderNotingImages(scale: 1).mayHoldImages == false)
        let scan = try PDFDocument(path: Fixtures.path("image-only.pdf")).page(1)
        #expect(scan.renderNotingImages(scale: 1).mayHoldImages == true)
    }
}
