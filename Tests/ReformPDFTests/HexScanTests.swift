import Foundation
@testable import ReformPDF
import ReformTestSupport
import Testing

/// sscanf("%x") is answered by the executable where the text is plain hex (CFontFiles'
/// hex_scan.cpp): its answer must be glibc's, and poppler's reading of its character maps must reach it.
@Suite struct HexScanTests {
    /// Where the executable answers, glibc reads one number of the same value; blanks, prefixes,
    /// signs, too many digits, no digit and the empty text are left to glibc.
    @Test func plainHexReadsAsGlibcReadsIt() {
        var texts = ["0", "7", "a", "F", "00", "4e00", "4E00 ", "  \t1f>", "\n9fa5\n", "ffffffff", "0000beef", "12345678 9",
                     "3000 <0020>", "abcdefgh", "1G"]
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        for _ in 0..<2000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1
            let digits = 1 + Int(state >> 60) % 8
            texts.append(String(state >> 8, radix: 16, uppercase: state & 1 == 0).suffix(digits) + (state & 2 == 0 ? "" : " x"))
        }
        for text in texts {
            let own = HexScan.own(text)
            #expect(own != nil, "\(text) is plain hex")
            let libc = HexScan.libc(text)
            #expect(libc.count == 1 && libc.value == own, "\(text): glibc \(libc), own \(String(describing: own))")
        }
        for text in ["", "   ", "0x1f", "0X1F", "-1", "+1", "123456789", "000000000a", "zz", "\u{4E00}", "x"] {
            #expect(HexScan.own(text) == nil, "\(text) is left to glibc")
        }
    }

    /// A form in STSong-Light, not embedded: poppler reads poppler-data's maps for it through the
    /// executable's sscanf, and the text comes out.
    @Test func popplersCharacterMapsAreReadThroughIt() throws {
        let path = Fixtures.repoRoot.appendingPathComponent("Corpus/born-digital/rl-portrait-04.pdf").path
        let glyphs = try PDFDocument(path: path).page(1).glyphs()
        #expect(glyphs.contains { $0.scalar == "财" })
        #expect(HexScan.answered > 10_000)
    }
}
