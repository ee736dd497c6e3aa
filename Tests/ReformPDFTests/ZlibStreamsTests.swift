import Foundation
@testable import ReformPDF
import ReformTestSupport
import Testing

/// /FlateDecode streams without a predictor are inflated by zlib (CFontFiles' flate_streams.cpp)
/// instead of poppler's own inflater: a page must read the same either way, whole or broken.
@Suite struct ZlibStreamsTests {
    @Test func theZlibStreamsAreInTheProcess() {
        #expect(ZlibStreams.isActive)
    }

    /// Real content streams, fonts and object streams of two generators: glyphs and lines are the
    /// same inflated by zlib as by poppler, and zlib did inflate them.
    @Test(arguments: ["lo-portrait-01.pdf", "wp-portrait-01.pdf"])
    func aCorpusPageReadsTheSameInflatedByZlib(_ name: String) throws {
        let path = Fixtures.repoRoot.appendingPathComponent("Corpus/born-digital/\(name)").path
        func read(zlib: Bool) throws -> (PageContent, made: Int) {
            try ZlibStreams.using(zlib) {
                let before = ZlibStreams.made
                let content = PageExtractor().extract(try PDFDocument(path: path).page(1))
                return (content, ZlibStreams.made - before)
            }
        }
        let (byZlib, made) = try read(zlib: true)
        let (byPoppler, madeOff) = try read(zlib: false)
        #expect(made > 0)
        #expect(madeOff == 0)
        #expect(byZlib.glyphs.count > 100)
        #expect(byZlib.glyphs == byPoppler.glyphs)
        #expect(byZlib.rulings == byPoppler.rulings)
    }

    /// One line of text in a content stream deflated as one stored block, behind /ASCIIHexDecode so
    /// that the PDF stays text: whole, with a wrong checksum (which poppler never reads), broken
    /// off inside the data or the checksum, without the zlib header, and as no deflate data at all.
    @Test func aBrokenStreamReadsAsPopplerReadsIt() throws {
        let content = Array("BT /F1 12 Tf 72 760 Td (Same words) Tj ET".utf8)
        let whole = Self.storedZlib(content)
        var wrongSum = whole
        wrongSum[wrongSum.count - 1] ^= 0xFF
        let cases: [(String, [UInt8], Bool)] = [
            ("whole", whole, true),
            ("wrong checksum", wrongSum, true),
            ("broken off in the data", Array(whole.prefix(7 + 20)), false),
            ("broken off in the checksum", Array(whole.dropLast(2)), true),
            ("no zlib header", Array(whole.dropFirst(2)), false),
            ("not deflate", Array("plain words".utf8), false),
        ]
        for (label, stream, readable) in cases {
            let data = Self.page(hexStream: stream)
            func glyphs(zlib: Bool) throws -> [Glyph] {
                try ZlibStreams.using(zlib) { try PDFDocument(data: data, path: "\(label).pdf").page(1).glyphs() }
            }
            let before = ZlibStreams.made
            let byZlib = try glyphs(zlib: true)
            #expect(ZlibStreams.made > before, "\(label): inflated by zlib")
            let byPoppler = try glyphs(zlib: false)
            #expect(byZlib == byPoppler, "\(label)")
            let text = String(String.UnicodeScalarView(byZlib.map(\.scalar)))
            #expect(text.contains("Same words") == readable, "\(label): \(text)")
        }
    }

    /// An inline image deflated in the content stream (`/F /Fl`, as Ghostscript writes a thin bar),
    /// then text: the image's inflater must stop where its data ends, or the page's content after
    /// it is read as image data (the text was lost).
    @Test func textAfterADeflatedInlineImageIsRead() throws {
        let pixels = Self.storedZlib([0, 0, 0, 0])
        let placeholder = String(repeating: "Z", count: pixels.count)
        var pdf = MinimalPDF()
        let font = pdf.add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
        let page = pdf.addPage(content: "q 100 0 0 2 72 700 cm BI /W 4 /H 1 /BPC 8 /CS /G /F /Fl ID \(placeholder)\nEI Q "
                                   + "BT /F1 12 Tf 72 760 Td (Same words) Tj ET", fonts: ["F1": font])
        var data = pdf.data(pages: [page])
        // the image's bytes put in place of the placeholder, the same length: the offsets hold
        let at = try #require(data.range(of: Data(placeholder.utf8)))
        data.replaceSubrange(at, with: pixels)
        func text(zlib: Bool) throws -> String {
            try ZlibStreams.using(zlib) {
                String(String.UnicodeScalarView(try PDFDocument(data: data, path: "inline.pdf").page(1).glyphs().map(\.scalar)))
            }
        }
        #expect(try text(zlib: true).contains("Same words"))
        #expect(try text(zlib: true) == text(zlib: false))
    }

    /// `bytes` as a zlib stream of one stored (uncompressed) final block.
    static func storedZlib(_ bytes: [UInt8]) -> [UInt8] {
        let n = UInt16(bytes.count)
        var a: UInt32 = 1, b: UInt32 = 0
        for byte in bytes {
            a = (a + UInt32(byte)) % 65521
            b = (b + a) % 65521
        }
        let adler = b << 16 | a
        return [0x78, 0x01, 0x01, UInt8(n & 0xFF), UInt8(n >> 8), UInt8(~n & 0xFF), UInt8(~n >> 8)] + bytes
            + [UInt8(adler >> 24), UInt8(adler >> 16 & 0xFF), UInt8(adler >> 8 & 0xFF), UInt8(adler & 0xFF)]
    }

    /// A one-page PDF in Helvetica whose content stream is `stream`, hex-encoded, then inflated.
    static func page(hexStream stream: [UInt8]) -> Data {
        var pdf = MinimalPDF()
        let font = pdf.add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
        let hex = stream.map { String(format: "%02X", $0) }.joined() + ">"
        let contents = pdf.add("<< /Length \(hex.utf8.count) /Filter [/ASCIIHexDecode /FlateDecode] >>\nstream\n\(hex)\nendstream")
        let page = pdf.add("<< /Type /Page /Parent 1 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 \(font) 0 R >> >> /Contents \(contents) 0 R >>")
        return pdf.data(pages: [page])
    }
}
