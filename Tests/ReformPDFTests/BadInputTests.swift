import Foundation
import ReformPDF
import ReformTestSupport
import Testing

@Suite struct BadInputTests {
    static func error(opening file: String, password: String? = nil) -> ExtractError? {
        do {
            _ = try PDFDocument(path: file, password: password)
            return nil
        } catch {
            return error
        }
    }

    @Test func eachBadFixtureGivesItsError() {
        let expected: [String: String] = [
            "bad/empty.pdf": "empty", "bad/png-named.pdf": "not_a_pdf", "bad/truncated.pdf": "damaged",
            "bad/encrypted.pdf": "encrypted", "bad/zero-pages.pdf": "zero_pages",
        ]
        for (file, kind) in expected {
            let error = Self.error(opening: Fixtures.path(file))
            #expect(error?.kind == kind, "\(file)")
            #expect(error?.description.hasPrefix(Fixtures.path(file)) == true)
            #expect(error?.description.contains("\n") == false)
        }
        #expect(Self.error(opening: "/nonexistent/x.pdf")?.kind == "file_not_found")
        #expect(Self.error(opening: "/etc/hostname")?.kind == "not_a_pdf")
    }

    /// The envelope markers are found wherever they sit: first bytes, last bytes, after a false
    /// start (`%%%EOF`); a marker cut short is no marker.
    @Test func envelopeMarkersAreFoundAnywhere() throws {
        let pdf = try Data(contentsOf: URL(fileURLWithPath: Fixtures.path("ruled-cjk.pdf")))
        func kind(_ data: Data) -> String? {
            do { _ = try PDFDocument(data: data, path: "x.pdf"); return nil } catch { return error.kind }
        }
        #expect(kind(pdf) == nil)
        let body = pdf.prefix(pdf.count - 6)   // without its trailing "%%EOF\n"
        #expect(kind(body) == "damaged")
        #expect(kind(body + Data("%%EO".utf8)) == "damaged")
        #expect(kind(body + Data("%%%EOF".utf8)) == nil)
        #expect(kind(body + Data("%%EOF".utf8)) == nil)
        #expect(kind(Data("x%PDF-".utf8) + pdf.dropFirst(5)) == nil)
        #expect(kind(Data("%PD".utf8) + pdf.dropFirst(5)) == "not_a_pdf")
    }

    @Test func encryptedOpensWithItsPasswordOnly() throws {
        let path = Fixtures.path("bad/encrypted.pdf")
        let password = Fixtures.fixture("bad/encrypted.pdf").password ?? "secret"
        #expect(Self.error(opening: path, password: "wrong") == .encrypted(path: path, passwordGiven: true))
        let document = try PDFDocument(path: path, password: password)
        #expect(try document.page(1).glyphs().contains { $0.scalar == "申" })
    }

    @Test func exitCodesAreDistinct() {
        let errors: [ExtractError] = [
            .fileNotFound(path: "a"), .notAPDF(path: "a"), .damaged(path: "a", reason: ""),
            .encrypted(path: "a", passwordGiven: false), .zeroPages(path: "a"), .noTextLayer(path: "a", pages: [1]),
        ]
        #expect(Set(errors.map(\.exitCode)).count == errors.count)
        #expect(errors.allSatisfy { $0.exitCode != 0 && $0.exitCode != 1 })
    }

    @Test func imageOnlyPageHasNoTextLayer() throws {
        let document = try PDFDocument(path: Fixtures.path("image-only.pdf"))
        let content = PageExtractor(findRulings: false).extract(try document.page(1))
        #expect(!content.hasTextLayer)
    }

    @Test func pageRangesParse() {
        #expect(PageRanges.parse("1-3,5", pageCount: 9) == [1, 2, 3, 5])
        #expect(PageRanges.parse("7-", pageCount: 9) == [7, 8, 9])
        #expect(PageRanges.parse("x", pageCount: 9) == nil)
        #expect(PageRanges.parse("3-1", pageCount: 9) == nil)
        #expect(PageRanges.describe([1, 2, 3, 5, 7, 8]) == "1–3, 5, 7–8")
    }
}
