import Foundation
@testable import ReformPDF
import ReformTestSupport
import Testing

/// Content-stream operators are found in a table of poppler's answers kept once a thread (CFontFiles'
/// operator_lookup.cpp) instead of by poppler's search each time: a page must read the same either way.
@Suite struct OperatorLookupsTests {
    /// Two generators' pages (text, rules, fills, marked content): glyphs and lines are the same with
    /// the operators found in the table as by poppler's own search, and the table did answer.
    @Test(arguments: ["lo-portrait-01.pdf", "ch-portrait-01.pdf"])
    func aCorpusPageReadsTheSameWithOperatorsFromTheTable(_ name: String) throws {
        let path = Fixtures.repoRoot.appendingPathComponent("Corpus/born-digital/\(name)").path
        func read(table: Bool) throws -> (PageContent, kept: Int) {
            try OperatorLookups.using(table: table) {
                let before = OperatorLookups.kept
                let content = PageExtractor().extract(try PDFDocument(path: path).page(1))
                return (content, OperatorLookups.kept - before)
            }
        }
        let (fromTable, kept) = try read(table: true)
        let (byPoppler, keptOff) = try read(table: false)
        #expect(kept > 100, "operators answered from the table")
        #expect(keptOff == 0)
        #expect(fromTable.glyphs.count > 100)
        #expect(fromTable.glyphs == byPoppler.glyphs)
        #expect(fromTable.rulings == byPoppler.rulings)
    }

    /// An operator poppler does not know (`zz`, a long `frobnicate`) is skipped as poppler skips it,
    /// the first time and when the table answers: the text around it reads the same.
    @Test func anUnknownOperatorIsSkippedAsPopplerSkipsIt() throws {
        var pdf = MinimalPDF()
        let font = pdf.add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
        let content = "BT /F1 12 Tf 72 760 Td (Before) Tj zz frobnicate (after) Tj ET 72 700 m 300 700 l S"
        let page = pdf.addPage(content: content, fonts: ["F1": font])
        let data = pdf.data(pages: [page])
        func text(table: Bool) throws -> String {
            try OperatorLookups.using(table: table) {
                let glyphs = try PDFDocument(data: data, path: "unknown-operator.pdf").page(1).glyphs()
                return String(String.UnicodeScalarView(glyphs.map(\.scalar)))
            }
        }
        let byPoppler = try text(table: false)
        #expect(byPoppler.contains("Before") && byPoppler.contains("after"))
        #expect(try text(table: true) == byPoppler)
        #expect(try text(table: true) == byPoppler, "answered from the table the second time")
    }
}
