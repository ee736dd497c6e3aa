import Foundation
import ReformForms
import ReformPDF
import ReformTestSupport
import Testing

/// A one-line reading, as the OCR engine would give it, for choosing between readings.
private func reading(_ text: String, confidence: Double = 0.95) -> OCRReading {
    let box = Rect(left: 0, top: 0, right: Double(text.count) * 10, bottom: 10)
    let glyphs = text.unicodeScalars.enumerated().map { i, s in
        Glyph(scalar: s, box: Rect(left: Double(i) * 10, top: 0, right: Double(i + 1) * 10, bottom: 10), fontName: "OCR", fontSize: 10)
    }
    return OCRReading(lines: [OCRLine(text: text, box: box, confidence: confidence, symbolCount: glyphs.count, glyphs: glyphs)])
}

private func crop(_ name: String) throws -> GrayImage { try #require(Fixtures.ocrCrop(name)) }

@Suite struct ScanReaderTests {
    let reader = ScanReader()

    /// A text layer as poppler gives it: `text`'s characters in a row.
    static func layer(_ text: String) -> [Glyph] {
        text.unicodeScalars.enumerated().map { i, s in
            Glyph(scalar: s, box: Rect(left: Double(i) * 6, top: 0, right: Double(i + 1) * 6, bottom: 10), fontName: "F", fontSize: 10)
        }
    }

    /// A layer read from an upright form names it, misreads and all (one word of four characters or
    /// more suffices); one read from its turned picture, garbled Chinese, does not.
    @Test func aLayerNamesTheFormByItsFixedWords() {
        #expect(reader.namesTheForm(Self.layer("项目名秤 杭州市 一级 指标 产出指标 100%")))
        #expect(reader.namesTheForm(Self.layer("数 量 指 标")))
        #expect(!reader.namesTheForm(Self.layer("的一是不了人我在有他这为之大来以个中上们 目标 年度 2024")))
        #expect(!reader.namesTheForm([]))
    }

    /// Layers of fonts without a Unicode map (glyph codes as text) are no layer; Chinese, English
    /// and tables of figures are.
    @Test func aLayerOfGlyphCodesIsIllegible() {
        // reportlab's subset without ToUnicode: control characters and Windows-1252 signs
        #expect(ScanReader.isIllegible(Self.layer("\u{1}\u{2}›œ•žŸ\u{3}\u{4} •¡¢£¤žŸ\u{5}\u{6} 2024-01-01 ›œ•\u{7}")))
        // LibreOffice's subset numbered from `!`: ASCII signs and letters, few figures
        #expect(ScanReader.isIllegible(Self.layer(
            "!\"# $ %&'( !\"# $)*+ ,- ./ 0123 45 674 89:;<= > ?> ? 89@ABC >? >D? EFHI JK L M EF NH JK L M I E OPQ EF JK L M " +
            "OPQR UKKL M F ST OPVW XY ?Z[L M G EF O\\EF M O\\EF M H] H] ^ _ > _ ` abEcde f@A ghijkilmnopqr abEcde f@A")))
        // too little to judge
        #expect(!ScanReader.isIllegible(Self.layer("›œ•žŸ")))
        #expect(!ScanReader.isIllegible(Self.layer("财政项目支出绩效目标申报表 项目名称 城市交通运输管理信息系统运维 2,028.34")))
        // one font of a Chinese page without its map: the labels are codes, the values read
        #expect(ScanReader.isIllegible(Self.layer("\u{1}\u{2}\u{3}\u{4} 城市交通运输管理信息系统运维 \u{5}\u{6}\u{7}\u{8} 上海市交通委员会 ›œ 2024-01-01")))
        // a Chinese page with the signs it prints (units, the yuan sign, a middle dot) is a layer
        #expect(!ScanReader.isIllegible(Self.layer("面积200m² 单价¥1,200.00 温度±2°C 尺寸3×4 艾哈迈德·阿里 项目名称 城市交通运输管理信息系统运维")))
        #expect(!ScanReader.isIllegible(Self.layer("Publication of award of bids: the contract was awarded to the lowest bidder, see below.")))
        #expect(!ScanReader.isIllegible(Self.layer("Total 1,234.56 2,345.67 (3.5%) 4,567.89 -12.30 98.7% 1,000.00 2,000.00")))
        #expect(!ScanReader.isIllegible(Self.layer("« Le résumé de l'année » : les dépenses de fonctionnement ont été réduites à côté de l'état prévu.")))
    }

    @Test func grammarRanksFixedWordsNumbersAndText() {
        #expect(reader.grammarScore("项目名称") > reader.grammarScore("项目名杯"))  // exact beats one misread character
        #expect(reader.grammarScore("项目名杯") > reader.grammarScore("=12.00(个)"))
        #expect(reader.grammarScore("=12.00(个)") > reader.grammarScore("城市道路养护"))
        #expect(reader.grammarScore("城市道路养护") > reader.grammarScore("93(9%0)"))  // a unit the form does not know
        #expect(reader.grammarScore("2021202201") < reader.grammarScore("2021-02-01"))  // separators lost
        #expect(reader.grammarScore("1.516.000.00") == reader.grammarScore("1,516,000.00"))  // repairable
        // a character more and one misread is two: no near word (the layer's 服务对象满意度务 had beaten
        // tesseract's exact 服务对象满意度 as "near" 服务对象满意度指标)
        #expect(reader.grammarScore("服务对象满意度务") == reader.grammarScore("城市道路养护"))
        #expect(reader.grammarScore("服务对象满意度指") > reader.grammarScore("城市道路养护"))
        #expect(reader.choose([reading("服务对象满意度", confidence: 0.99)], layer: "服务对象满意度务")?.text == "服务对象满意度")
    }

    @Test func agreementWithTheLayerDecidesBetweenParsingReadings() {
        // chi_sim+eng lost the date's hyphens; chi_sim and the text layer agree on the date.
        let chosen = reader.choose([reading("2021202201"), reading("2021-02-01")], layer: "| 2021-02-01")
        #expect(chosen?.text == "2021-02-01")
        // A reading that parses beats a layer that does not.
        #expect(reader.choose([reading("=100.00%")], layer: "=10000%0")?.text == "=100.00%")
        // Nothing better than the layer: keep the layer.
        #expect(reader.choose([reading("杭市人州")], layer: "主管部门") == nil)
        // Where the layer is empty, an unsure reading is noise.
        #expect(reader.choose([reading("下", confidence: 0.2)], layer: "") == nil)
    }

    @Test func signComesFromChineseAndNumberFromMixedReading() {
        // chi_sim saw the sign (after the bar check), chi_sim+eng read it as a 2.
        let options = reader.candidates(chinese: reading("≥84.00(%)"), mixed: reading("284.00(%)"))
        #expect(reader.choose(options, layer: "")?.text == "≥84.00(%)")
        // chi_sim+eng keeps its digits and %; chi_sim's known unit wins over eng's letters.
        let units = reader.candidates(chinese: reading("=61180(吨)"), mixed: reading("=61180 (Hifi)"))
        #expect(reader.choose(units, layer: "")?.text == "=61180(吨)")
        // eng read the whole `>=` where chi_sim took its `=` for 二; a space after eng's sign is no matter.
        #expect(reader.choose(reader.candidates(chinese: reading(">二85.0096"), mixed: reading(">=85.00%")), layer: "")?.text == ">=85.00%")
        #expect(reader.choose(reader.candidates(chinese: reading("≥96.00(9%)"), mixed: reading("= 96.00(%)")), layer: "")?.text == "≥96.00(%)")
        // eng's 2 for the sign, where chi_sim read a speck after its sign (`≥z100`)
        #expect(reader.choose(reader.candidates(chinese: reading("≥z100 (%)"), mixed: reading("2100 (%)")), layer: "")?.text == "≥100 (%)")
        // eng's 2 for the sign, where chi_sim ran on into a `%` it read as digits
        #expect(reader.choose(reader.candidates(chinese: reading("≥1002%6"), mixed: reading("2100%")), layer: "")?.text == "≥100%")
        #expect(reader.choose(reader.candidates(chinese: reading("≥100.0026"), mixed: reading("2100.00%")), layer: "")?.text == "≥100.00%")
        // a 2 chi_sim read as well is the number's own
        #expect(reader.choose(reader.candidates(chinese: reading("≥2100%"), mixed: reading("2100%")), layer: "")?.text == "≥2100%")
        // eng's letter or chi_sim's character for the sign in front of the number.
        #expect(reader.choose(reader.candidates(chinese: reading("≤205.00 (10万)"), mixed: reading("S205.00 (/10万)")), layer: "")?.text == "≤205.00 (/10万)")
    }

    @Test func theLayerKeepsTheCharactersTheRecognizerWasUnsureOf() {
        func read(_ text: String, unsureAt: Int?) -> OCRReading {
            var r = reading(text, confidence: 0.97)
            var confidences = Array(repeating: 0.99, count: text.unicodeScalars.count)
            if let i = unsureAt { confidences[i] = 0.6 }
            r.lines[0] = OCRLine(text: text, box: r.lines[0].box, confidence: 0.97, symbolCount: confidences.count,
                                 glyphs: r.lines[0].glyphs, scalarConfidences: confidences)
            return r
        }
        // tesseract unsure of its 汀: the layer's 补 stays, and the rest is tesseract's
        #expect(reader.choose([read("汀贴发放人数", unsureAt: 0)], layer: "补贴发放人数")?.text == "补贴发放人数")
        #expect(reader.choose([read("汀贴发放人數", unsureAt: 0)], layer: "补贴发放人数")?.text == "补贴发放人數")
        // sure of a character the layer misread: tesseract's
        #expect(reader.choose([read("新增长者食堂数量", unsureAt: nil)], layer: "新给长者食堂数量")?.text == "新增长者食堂数量")
        // a layer that lost a character still lines up; a garbled one does not
        #expect(reader.choose([read("汀贴发放人数合计完成", unsureAt: 0)], layer: "补贴发放人数合计完")?.text == "补贴发放人数合计完成")
        #expect(reader.choose([read("汀贴发放人数", unsureAt: 0)], layer: "补人所人人")?.text == "汀贴发放人数")
        // one unsure character more than the layer, which lines up once it is left out
        #expect(reader.choose([read("保障人民和群众身体健康", unsureAt: 4)], layer: "保障人民群众身体健康")?.text == "保障人民群众身体健康")
        // ... but not a sure one, nor where the layer does not line up without it
        #expect(reader.choose([read("保障人民和群众身体健康", unsureAt: nil)], layer: "保障人民群众身体健康")?.text == "保障人民和群众身体健康")
        #expect(reader.choose([read("保障人民和群众身体健康", unsureAt: 4)], layer: "群众身体健康保障人民")?.text == "保障人民和群众身体健康")
        // a layer of another length (its `7X 24`, a stray `”|`) lines up by the fewest edits; only a
        // character the recognizer was quite unsure of gives way to it
        func unsure(_ text: String, _ at: Int, _ confidence: Double) -> OCRReading {
            var r = read(text, unsureAt: nil)
            r.lines[0].scalarConfidences[at] = confidence
            return r
        }
        #expect(reader.choose([unsure("保障系统7×24小时稳定运行、做好网络安全", 14, 0.87)], layer: "保障系统7X 24小时稳定运”|行，做好网络安全")?.text
                == "保障系统7×24小时稳定运行，做好网络安全")
        #expect(reader.choose([unsure("为管理决策提供数据支撑工作", 8, 0.90)], layer: "为管理决策提供数据文撑工作。")?.text == "为管理决策提供数据支撑工作")
        // a 和 chi_sim put between two characters at 0.93, which the layer lacks while the rest lines up
        #expect(reader.choose([unsure("保障人民和群众身体健康", 4, 0.93)], layer: "保障人民群众身体健康")?.text == "保障人民群众身体健康")
        #expect(reader.choose([unsure("保障人民和群众身体健康", 4, 0.97)], layer: "保障人民群众身体健康")?.text == "保障人民和群众身体健康")
        // a layer that swapped two characters gives the unsure one its partner
        #expect(reader.choose([read("劳务派址人员经费", unsureAt: 3)], layer: "萎务派人遣员经费")?.text == "劳务派遣人员经费")
    }

    /// Real tesseract: its block reading of a clean three-line cell drops a line's first word and the
    /// last line's one character; reading line by line finds them, and the fuller reading leads.
    @Test func aBlockThatDropsWordsGivesWayToItsLines() throws {
        let pool = OCREnginePool(words: reader.words)
        let readings = try pool.withEngine { try reader.read(try crop("block-dropped-words.png"), engine: $0, pool: pool) }
        #expect(readings.first?.text == "按规定支付窗口服务人员薪酬及社保费用，保障各项业务工作顺利开展")
        #expect(reader.choose(readings, layer: "按规定支付窗口服务人员薪酬及社保障各项业务工作顺利开")?.text == "按规定支付窗口服务人员薪酬及社保费用，保障各项业务工作顺利开展")
    }

    /// Prose holds digits too: it is judged as text, not as a number that fails to parse.
    @Test func proseWithDigitsIsText() {
        #expect(reader.grammarScore("1、保障辅助人员费用合理。2、保障人员到岗") == reader.grammarScore("保障辅助人员费用合理"))
        #expect(reader.grammarScore("保障系统7×24小时稳定运行") == reader.grammarScore("保障系统稳定运行"))
        #expect(reader.choose([reading("1、保障辅助人员费用合理。2、保障人员到岗", confidence: 0.99)], layer: "人所人人")?.text
                == "1、保障辅助人员费用合理。2、保障人员到岗")
        #expect(reader.grammarScore("93(9%0)") == 0)  // still a number, and a bad one
    }

    @Test func aYearIsTakenFromThePictureOnlyWhenEveryDigitIsSure() {
        #expect(FormFinder.statedYear("财政项目支出绩效目标申报表 （2023年度）") == 2023)
        #expect(FormFinder.statedYear("(202年3度 )") == nil)  // the layer's scrambled year line
        #expect(FormFinder.statedYear("３０２４年，1999 年") == 1999)  // widths folded, spaces ignored, 30xx no year
        #expect(FormFinder.statedYear("2024") == nil && FormFinder.statedYear("20a4年") == nil)
        #expect(FormFinder.scrambledYear("(202年3度 )") == 2023)  // its digits, in order
        #expect(FormFinder.scrambledYear("第3页，共12页") == nil)
        #expect(FormFinder.scrambledYear("(2024年度) 第3页") == nil)
        func line(_ text: String, unsureAt: Int?) -> OCRReading {
            var confidences = Array(repeating: 0.99, count: text.unicodeScalars.count)
            if let i = unsureAt { confidences[i] = 0.5 }
            let r = reading(text)
            return OCRReading(lines: [OCRLine(text: text, box: r.lines[0].box, confidence: 0.99, symbolCount: confidences.count,
                                              glyphs: r.lines[0].glyphs, scalarConfidences: confidences)])
        }
        #expect(ScanReader.sureYear(line("(2024年度)", unsureAt: nil)) == 2024)
        #expect(ScanReader.sureYear(line("(2024年度)", unsureAt: 4)) == nil)
        #expect(ScanReader.sureYear(line("第3页", unsureAt: nil)) == nil)
    }

    @Test func chineseBracketsAndTimesSigns() {
        #expect(ScanReader.chineseBrackets(reading("停车场(库)养护里程")).text == "停车场（库）养护里程")
        #expect(ScanReader.chineseBrackets(reading("=12.00(卷)")).text == "=12.00(卷)")
        #expect(ScanReader.chineseBrackets(reading("完成停车场〈(库)日常养护")).text == "完成停车场（库）日常养护")
        // a bracket opened on one line of the cell closes on the next
        let wrapped = OCRReading(lines: reading("出租汽车驾驶员从业资格证〈交通部").lines + reading("监制)制证数").lines)
        #expect(ScanReader.chineseBrackets(wrapped).text == "出租汽车驾驶员从业资格证（交通部监制）制证数")
        #expect(ScanReader.chineseBrackets(wrapped).lines.map(\.text) == ["出租汽车驾驶员从业资格证（交通部", "监制）制证数"])
        #expect(ScanReader.timesSigns(reading("保障系统7X24小时运行")).text == "保障系统7×24小时运行")
        #expect(ScanReader.timesSigns(reading("型号X24")).text == "型号X24")
        #expect(ScanReader.timesSigns(reading("保障系统7X 24小时运行")).text == "保障系统7×24小时运行")
    }

    /// A text layer is trusted with a fixed word only where no single misread makes it of another:
    /// a layer read the header 一级指标 as 二级指标, and every level moved one column.
    @Test func fixedWordsOneCharacterApartAreReadAgain() {
        #expect(!reader.trusted.contains(LabelMatcher.key("一级指标")))
        #expect(!reader.trusted.contains(LabelMatcher.key("数量指标")))
        #expect(reader.trusted.contains(LabelMatcher.key("项目名称")))
        #expect(reader.trusted.contains(LabelMatcher.key("服务对象满意度指标")))
    }

    /// Real tesseract on committed crops: ≥ is not in chi_sim's alphabet, the picture decides.
    @Test(arguments: [("target-ge-sans.png", "≥385.16(公里)"), ("target-ge-serif.png", "≥93（%）"), ("target-percent-blurred.png", "=100.00%"),
                     ("target-ge-thin.png", "≥90.00（%）"), ("target-le-thin.png", "≤205.00（/10万）"),
                     ("target-eq-bars.png", "=100（%）"), ("target-ge-wide.png", "≥88（%）"), ("target-ge-grey.png", "≥93（%）"),
                     ("target-ge-slanted.png", "≥1771.00(株)"), ("target-gt-wide.png", ">93.90(%)"), ("target-eq-small.png", "=0.00（起）")])
    func readsTargetCrops(file: String, expected: String) throws {
        let pool = OCREnginePool(words: reader.words)
        let readings = try pool.withEngine { try reader.read(try crop(file), engine: $0, pool: pool) }
        let chosen = try #require(reader.choose(readings, layer: ""))
        let got = TargetValue(cell: TextNormalizer.normalize(chosen.text)), want = TargetValue(cell: TextNormalizer.normalize(expected))
        #expect(got.op == want.op && got.value == want.value && got.unit == want.unit, "\(file): read \(chosen.text)")
    }
}

@Suite struct ScanTextTargetTests {
    @Test func repairsBracketsAndPercentAroundTheUnit() {
        #expect(ScanText.repairedTarget("=61180〈吨)") == "=61180（吨)")
        #expect(ScanText.repairedTarget("93(9%0)") == "93(%)")
        #expect(ScanText.repairedTarget("≥99(%6)") == "≥99(%)")
        #expect(ScanText.repairedTarget("=12.00(个)") == nil)
        #expect(ScanText.repairedTarget("安全") == nil)
        #expect(ScanText.repairedTarget(">=]1662.00(公里)") == ">=1662.00(公里)")
        #expect(ScanText.repairedTarget(">=89,00(%)") == ">=89.00(%)")
        #expect(ScanText.repairedTarget("≤s12 (人)") == "≤12 (人)")  // a speck between the sign and the number
        #expect(ScanText.repairedTarget("≥77.00%.") == "≥77.00%")  // a speck after the unit
        #expect(ScanText.repairedTarget("=12.5") == nil)
        #expect(ScanText.repairedTarget("≥100.009%4") == "≥100.00%")  // a bare %, its circles read as digits
        #expect(ScanText.repairedTarget("≥95.5%") == nil)
        #expect(ScanText.repairedTarget("=1,474(个)") == nil)
        // two digits more after two decimals, nothing after them: a % read as digits
        #expect(ScanText.repairedTarget("≥92.0026") == "≥92.00%")
        #expect(ScanText.repairedTarget("≥92.002") == nil)
        #expect(ScanText.repairedTarget("=12.0026(个)") == nil)
    }

    @Test func bracketsInsideChineseTextAreFullWidth() {
        #expect(ScanText.cleaned("| 停车场(库)养护里程") == "停车场（库）养护里程")
        #expect(ScanText.cleaned("停车场〈库)运营补贴") == "停车场（库）运营补贴")
        #expect(ScanText.cleaned("《条例》宣传") == "《条例》宣传")
        #expect(ScanText.cleaned("=12.00(卷)") == "=12.00(卷)")
    }
}

/// The scanned corpus page with an OCR layer: re-reading from the image beats the layer alone.
@Suite struct ScanRereadTests {
    @Test func rereadingBeatsTheTextLayer() throws {
        let path = Fixtures.repoRoot.appendingPathComponent("Corpus/scanned/scan-portrait-03.pdf").path
        let want = try RecordJSON.decodeRecords(from: Data(contentsOf: URL(fileURLWithPath: path.replacingOccurrences(of: ".pdf", with: ".expected.json"))))
        let layer = try FormExtractor(workers: 2, ocr: .never).records(try PDFDocument(path: path), file: "s.pdf", sha256: "")
        let reread = try FormExtractor(workers: 2, ocr: .auto).records(try PDFDocument(path: path), file: "s.pdf", sha256: "")
        let before = RecordScore.score(extracted: layer, expected: want), after = RecordScore.score(extracted: reread, expected: want)
        #expect(after.f1 >= before.f1 + 0.3, "F1 \(before.f1) -> \(after.f1)")
        #expect(after.headerScore > before.headerScore, "header \(before.headerScore) -> \(after.headerScore)")
        #expect(reread.allSatisfy { $0.source.method == .ocrLayer && !($0.source.reread ?? []).isEmpty && $0.confidence < 1 })
    }

    /// Every indicator row of the scanned corpus is found, under its level1 and level2: the spanning
    /// level cells hold up against OCR-layer bars on the rules, bold text rows that look like rules,
    /// and text that overflows a low row.
    @Test func everyScannedRowHasItsLevels() throws {
        let dir = Fixtures.repoRoot.appendingPathComponent("Corpus/scanned")
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".pdf") }.sorted()
        #expect(!files.isEmpty)
        for file in files {
            let path = dir.appendingPathComponent(file).path
            let want = try RecordJSON.decodeRecords(from: Data(contentsOf: URL(fileURLWithPath: path.replacingOccurrences(of: ".pdf", with: ".expected.json"))))
            let got = try FormExtractor(workers: 2).records(try PDFDocument(path: path), file: file, sha256: "")
            #expect(got.count == want.count, "\(file)")
            for (g, w) in zip(got, want) {
                #expect(g.indicators.count == w.indicators.count, "\(file)")
                let levels = { (r: Record) in r.indicators.map { "\($0.level1 ?? "-")/\($0.level2 ?? "-")" } }
                #expect(levels(g) == levels(w), "\(file)")
            }
        }
    }
}

/// How a scanned page holds its OCR engines.
@Suite struct ScanEngineTests {
    /// A page is read by one engine at a time (chi_sim for the picture, then chi_sim+eng for its
    /// number cells once the picture is let go), each started for its part and ended after it: no
    /// engine outlives the page, and a page reads the same whatever the lane read before it.
    @Test func aPageHoldsOneEngineAtATimeAndReadsTheSameAfterAnother() throws {
        let document = try PDFDocument(path: Fixtures.repoRoot.appendingPathComponent("Corpus/scanned/scan-portrait-03.pdf").path)
        let reader = ScanReader()
        let extractor = FormExtractor().tableExtractor
        func read(_ number: Int, _ pool: OCREnginePool) throws -> ScanReader.Result {
            let page = try document.page(number)
            return try reader.read(page, content: PageExtractor().extract(page), extractor: extractor, pool: pool)
        }
        let pool = OCREnginePool(words: reader.words)
        let alone = try read(1, pool)
        #expect(alone.cells.count > 20, "the page's cells were read")
        #expect(pool.engines.started == 2, "one engine for the picture, one for the number cells")
        #expect(pool.engines.mostAlive == 1)
        #expect(pool.engines.alive == 0, "no engine outlives the page")

        let lane = OCREnginePool(words: reader.words)
        _ = try read(2, lane)
        let after = try read(1, lane)
        #expect(after.cells == alone.cells)
        #expect(after.content.glyphs == alone.content.glyphs)
        #expect(lane.engines.started == 4 && lane.engines.alive == 0)
    }
}
