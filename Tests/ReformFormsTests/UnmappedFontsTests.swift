import Foundation
import ReformForms
import ReformPDF
import ReformTestSupport
import Testing

/// A form with part of its text in a font whose character maps poppler lacks: the record is read
/// from the rest, and its `review` says what was not read and what to install.
@Suite struct UnmappedFontsTests {
    @Test func theRecordListsTheUnreadFontsUnderReview() throws {
        let document = try PDFDocument(data: MinimalPDF.formWithUnmappedLine(), path: "form.pdf")
        let records = try FormExtractor(workers: 1).records(document, file: "form.pdf", sha256: String(repeating: "0", count: 64))
        #expect(records.count == 1)
        let flagged = records.first?.review.filter { $0.path == "source.pages" } ?? []
        #expect(flagged.map(\.reason) == ["fonts on page 1 need the Adobe-Japan2 character maps, which are not installed: text in them was not read; install poppler-data (apt-get install poppler-data)"])
    }
}
