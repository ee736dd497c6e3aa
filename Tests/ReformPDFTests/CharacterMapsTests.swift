import Foundation
import ReformPDF
import ReformTestSupport
import Testing

/// Text in a CID font the PDF does not embed needs poppler-data's character maps; where poppler
/// lacks them the page must say which, instead of reading as if it had no text.
@Suite struct CharacterMapsTests {
    /// Page 1: Helvetica and the unmapped CID font; page 2: the CID font alone; page 3: Helvetica
    /// alone; page 4: both again, the fonts of page 1's resources (built for page 1, reused).
    static func document() throws -> PDFDocument {
        try PDFDocument(data: MinimalPDF.unmappedCIDSample([(true, true), (false, true), (true, false), (true, true)]), path: "maps.pdf")
    }

    @Test func aPageNamesTheMapsItsFontsLacked() throws {
        let document = try Self.document()
        let extractor = PageExtractor()
        let mixed = extractor.extract(try document.page(1))
        #expect(String(String.UnicodeScalarView(mixed.glyphs.map(\.scalar))).contains("Readable"))
        #expect(mixed.missingCharacterMaps == ["Adobe-Japan2"])
        let bare = extractor.extract(try document.page(2))
        #expect(!bare.hasTextLayer)
        #expect(bare.missingCharacterMaps == ["Adobe-Japan2"])
        // a page in fonts poppler can read carries nothing over from the pages before it
        let latin = extractor.extract(try document.page(3))
        #expect(latin.hasTextLayer)
        #expect(latin.missingCharacterMaps.isEmpty)
        // fonts built for page 1 and handed to page 4 still lack their maps there
        let again = extractor.extract(try document.page(4))
        #expect(again.glyphs.map(\.scalar) == mixed.glyphs.map(\.scalar))
        #expect(again.missingCharacterMaps == ["Adobe-Japan2"])
    }

    @Test func theErrorSaysWhatToInstall() {
        let error = ExtractError.noTextLayer(path: "a.pdf", pages: [1, 2], missingMaps: ["Adobe-GB1"])
        #expect(error.description == "a.pdf: no readable text on pages 1–2: its fonts need the Adobe-GB1 character maps, which are not installed; install poppler-data (apt-get install poppler-data)")
        #expect(error.exitCode == ExtractError.noTextLayer(path: "a.pdf", pages: [1]).exitCode)
    }
}
