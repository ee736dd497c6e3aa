import Foundation
import Testing
@testable import ReformForms
import ReformTestSupport

@Suite("TextNormalizer")
struct TextNormalizerTests {
    @Test func trimsAndCollapsesSpaces() {
        #expect(TextNormalizer.normalize("  信息化  运维\t项目  ") == "信息化 运维 项目")
    }

    @Test func removesLineWrapInsideChineseText() {
        #expect(TextNormalizer.normalize("上海市公共汽车和电车客运从业人员服务监督卡单位制证成\n本") == "上海市公共汽车和电车客运从业人员服务监督卡单位制证成本")
        #expect(TextNormalizer.normalize("服务对象满意\n\n度指标") == "服务对象满意度指标")
        #expect(TextNormalizer.normalize("项目总体目标\n(2024 年-2024 年)") == "项目总体目标(2024 年-2024 年)")
        #expect(TextNormalizer.normalize("维护好“上海交通微培训”\r\n微信公众号") == "维护好“上海交通微培训”微信公众号")
        #expect(TextNormalizer.normalize("需求，\n维护") == "需求，维护")
    }

    @Test func lineWrapBetweenLatinWordsBecomesOneSpace() {
        #expect(TextNormalizer.normalize("WiFi\nnetwork  \n  upgrade") == "WiFi network upgrade")
    }

    @Test func foldsFullWidthASCIIButKeepsChinesePunctuation() {
        #expect(TextNormalizer.normalize("ＡＢＣ１２３％") == "ABC123%")
        #expect(TextNormalizer.normalize("上海市交通委员会职业资格中心（上海市交通委员会干部学校）")
                == "上海市交通委员会职业资格中心（上海市交通委员会干部学校）")
        #expect(TextNormalizer.normalize("其中：财政资金") == "其中：财政资金")
        #expect(TextNormalizer.normalize("需求，维护；完成！") == "需求，维护;完成!")
        #expect(TextNormalizer.normalize("网络预约、出租汽车驾驶员从业资格证(交通部监制)") == "网络预约、出租汽车驾驶员从业资格证(交通部监制)")
    }

    /// Folding starts at the first scalar that folds; text with none comes back as it was.
    @Test func foldWidthFoldsFromTheFirstFullWidthScalarOn() {
        #expect(TextNormalizer.foldWidth("预算（万元）：１２", keepingChinesePunctuation: false) == "预算(万元):12")
        #expect(TextNormalizer.foldWidth("预算（万元）：１２", keepingChinesePunctuation: true) == "预算（万元）：12")
        #expect(TextNormalizer.foldWidth("１\u{3000}Ａ", keepingChinesePunctuation: true) == "1 A")
        #expect(TextNormalizer.foldWidth("其中：财政资金 12.5", keepingChinesePunctuation: true) == "其中：财政资金 12.5")
        #expect(TextNormalizer.foldWidth("", keepingChinesePunctuation: false) == "")
    }

    /// Trimming white space without Foundation keeps what `trimmingCharacters(in:
    /// .whitespacesAndNewlines)` keeps: every scalar is white space to both or to neither (the
    /// zero-width space is, to Foundation), and mixed ends trim alike.
    @Test func trimmingWhiteSpaceTrimsWhatFoundationTrims() {
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let text = String(Character(scalar)) + "a" + String(Character(scalar))
            #expect(text.trimmingWhiteSpace() == text.trimmingCharacters(in: .whitespacesAndNewlines), "U+\(String(value, radix: 16))")
        }
        for text in ["", " ", "\n\t", "  信息化  运维\t项目  ", "\u{3000}（件）\u{3000}", " \u{301}x \u{2028}", "\r\n216\u{85}", "x", "\u{A0}a\u{A0}", "\u{200B}x\u{200B}"] {
            #expect(text.trimmingWhiteSpace() == text.trimmingCharacters(in: .whitespacesAndNewlines), "\(Array(text.unicodeScalars))")
            #expect(String(text.unicodeScalars.trimmingWhiteSpace()) == text.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        let unchanged = "预算 12"
        #expect(unchanged.trimmingWhiteSpace() == unchanged)
    }

    @Test func ideographicSpaceFoldsAndCollapses() {
        #expect(TextNormalizer.normalize("其他资金\u{3000}\u{3000}其他资金") == "其他资金 其他资金")
    }

    @Test func composesToNFC() {
        let decomposed = "Cafe\u{301}"
        #expect(TextNormalizer.normalize(decomposed).unicodeScalars.count == 4)
        #expect(TextNormalizer.normalize(decomposed) == "Caf\u{E9}")
    }

    @Test func dropsInvisibleCharacters() {
        #expect(TextNormalizer.normalize("\u{FEFF}数量\u{200B}指标") == "数量指标")
    }

    @Test func optionalEmptyBecomesNil() {
        #expect(TextNormalizer.normalizeOptional("  \n ") == nil)
        #expect(TextNormalizer.normalizeOptional(nil) == nil)
        #expect(TextNormalizer.normalizeOptional(" 安全 ") == "安全")
    }

    /// Text returned as it is must be what the full normalization gives: strings drawn from the
    /// characters each step acts on (spaces of every kind at either end and doubled, breaks, marks,
    /// full-width and kept Chinese punctuation, invisible ones) and ones it leaves alone.
    @Test func textReturnedAsItIsIsNormalized() {
        let alphabet: [Unicode.Scalar] = ["a", "Z", "1", "%", ".", " ", " ", "\t", "\n", "\r", "\u{3000}", "\u{A0}", "\u{2002}",
                                          "\u{200B}", "\u{00AD}", "\u{FEFF}", "\u{301}", "e", "\u{E9}", "\u{F900}", "\u{212B}",
                                          "Ａ", "１", "％", "（", "）", "，", "：", "；", "项", "目", "≥", "①", "\u{2028}", "\u{85}"]
        var generator = SplitMix(seed: 0x5EED)
        var kept = 0
        for _ in 0..<20_000 {
            var text = String.UnicodeScalarView()
            for _ in 0..<Int.random(in: 0...6, using: &generator) { text.append(alphabet.randomElement(using: &generator)!) }
            let string = String(text)
            guard TextNormalizer.isNormalized(string) else { continue }   // (a few it leaves to the full path: marks NFC keeps)
            #expect(TextNormalizer.rebuilt(string).unicodeScalars.elementsEqual(string.unicodeScalars),
                    "\(string.unicodeScalars.map { String($0.value, radix: 16) })")
            kept += 1
        }
        #expect(kept > 1_000)
    }
}

/// The scalars `TextNormalizer.composed` passes through without Foundation's normalization.
@Suite struct ComposedFastPathTests {
    /// Each of them alone, and after a letter, and with a combining mark before it, is left as it is
    /// by NFC (Foundation's), so taking a string of them as it is can never differ from normalizing it.
    @Test func everyScalarTakenAsItIsIsOneNFCKeeps() {
        var checked = 0
        for value in UInt32(0)..<0x10000 {
            guard let scalar = Unicode.Scalar(value), TextNormalizer.isComposedAlone(scalar) else { continue }
            // a starter: nothing before it reorders or composes with it
            #expect(scalar.properties.canonicalCombiningClass == .notReordered, "U+\(String(value, radix: 16))")
            let alone = String(Character(scalar))
            #expect(alone.precomposedStringWithCanonicalMapping.unicodeScalars.elementsEqual(alone.unicodeScalars), "U+\(String(value, radix: 16))")
            let pair = "a" + alone
            #expect(pair.precomposedStringWithCanonicalMapping.unicodeScalars.elementsEqual(pair.unicodeScalars), "a + U+\(String(value, radix: 16))")
            checked += 1
        }
        #expect(checked > 20_000)
    }

    @Test func stringsWithMarksOrCompatibilityIdeographsAreStillComposed() {
        #expect(TextNormalizer.composed("e\u{301}") == "\u{E9}")
        #expect(TextNormalizer.composed("\u{F900}").unicodeScalars.first?.value == 0x8C48)
        #expect(TextNormalizer.composed("か\u{3099}") == "が")
        #expect(TextNormalizer.composed("\u{212B}") == "\u{C5}")  // Å (angstrom) to Å
        #expect(TextNormalizer.composed("≥ 95%") == "≥ 95%")
        #expect(TextNormalizer.composed("项目资金 12.5万元") == "项目资金 12.5万元")
    }
}
