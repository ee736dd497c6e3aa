import Foundation
@testable import ReformPDF
import Testing

/// A born-digital layer whose boxes poppler made ems too tall (Chromium's Type 3 fonts) is cut back to
/// its font's size; a layer of ordinary fonts is left as it is.
@Suite struct InflatedBoxesTests {
    /// `text` set left to right from x 40, each character `advance` wide, its box `height` tall about y 160.
    static func line(_ text: String, font: String, advance: Double, digitAdvance: Double = 5.5, height: Double, size: Double) -> [Glyph] {
        var x = 40.0
        return text.unicodeScalars.map { s in
            let w = InflatedBoxes.isIdeograph(s) ? advance : digitAdvance
            defer { x += w }
            return Glyph(scalar: s, box: Rect(left: x, top: 160 - height / 2, right: x + w, bottom: 160 + height / 2), fontName: font, fontSize: size)
        }
    }

    @Test func ideographsTwoAndAHalfEmsTallAreCutBackToOneEm() {
        // measured on a Chromium print: a 10-point label's boxes 26 points tall, its size read as 20
        let glyphs = Self.line("计划开始日期2025", font: "Default", advance: 10, height: 26, size: 20)
        let fitted = InflatedBoxes.fitted(glyphs)
        #expect(fitted.count == glyphs.count)
        for (a, b) in zip(glyphs, fitted) {
            #expect(b.scalar == a.scalar)
            #expect(abs(b.box.height - 10) < 1e-9, "\(b)")
            #expect(b.box.midY == a.box.midY && b.box.left == a.box.left && b.box.right == a.box.right)
            #expect(b.fontSize == 10)
        }
    }

    @Test func ordinaryFontsAreLeftAlone() {
        // Noto CJK through a CID font: boxes 1.3 ems tall; WenQuanYi: about one em
        let noto = Self.line("项目资金总额", font: "NotoSansCJK", advance: 11, height: 14.3, size: 11)
        let wqy = Self.line("项目资金总额", font: "WenQuanYi", advance: 10.5, height: 10.55, size: 10.5)
        #expect(InflatedBoxes.fitted(noto + wqy) == noto + wqy)
        // too few ideographs to judge a font by
        let two = Self.line("项目", font: "Default", advance: 10, height: 26, size: 20)
        #expect(InflatedBoxes.fitted(two) == two)
    }

    @Test func onlyTheInflatedFontIsCut() {
        let inflated = Self.line("绩效指标", font: "T3", advance: 10, height: 26, size: 20)
        let plain = Self.line("绩效指标", font: "Plain", advance: 10, height: 13, size: 10)
        let fitted = InflatedBoxes.fitted(inflated + plain)
        #expect(fitted.prefix(4).allSatisfy { abs($0.box.height - 10) < 1e-9 })
        #expect(Array(fitted.suffix(4)) == plain)
    }

    @Test func verticalTextIsCutAcrossItsColumn() {
        // a column of characters one under the other, boxes too wide across the column
        let glyphs = "项目资金".unicodeScalars.enumerated().map { i, s in
            Glyph(scalar: s, box: Rect(left: 30, top: 200 + Double(i) * 10, right: 56, bottom: 210 + Double(i) * 10), fontName: "V", fontSize: 20)
        }
        let fitted = InflatedBoxes.fitted(glyphs)
        for (a, b) in zip(glyphs, fitted) {
            #expect(abs(b.box.width - 10) < 1e-9 && b.box.midX == a.box.midX && b.box.top == a.box.top && b.box.bottom == a.box.bottom)
        }
    }
}
