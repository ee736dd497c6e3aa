import Foundation
import ReformTestSupport
import Testing

@Suite struct TextCommandTests {
    @Test func printsLinesInGeometricReadingOrder() throws {
        let result = try Fixtures.reform(["text", Fixtures.path("ruled-cjk.pdf")])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        // Label and value of one row come out on one line, in order, even though the cells were drawn shuffled.
        let nameLine = try #require(lines.first { $0.hasPrefix("项目名称") })
        #expect(nameLine.split(separator: " ").count >= 2)
        let title = try #require(lines.firstIndex { $0.contains("财政项目支出绩效目标申报表") })
        let name = try #require(lines.firstIndex { $0.hasPrefix("项目名称") })
        let funds = try #require(lines.firstIndex { $0.contains("项目资金总额") })
        #expect(title < name && name < funds)
    }

    /// The ruling render leaves text out only through the executable's own `cairo_show_glyphs`,
    /// `cairo_show_text_glyphs` and `cairo_glyph_path` (CGlyphGate), and system fonts are mapped
    /// only through its own `FoFiTrueType::load`, and glyphless renders get a stand-in font only
    /// through its own `GfxFont::locateFont`, and operators are found in a table only through its own
    /// `Gfx::findOp` (CFontFiles): the `reform` users run must export them for poppler's calls to
    /// reach them.
    @Test(arguments: ["cairo_show_glyphs", "cairo_show_text_glyphs", "cairo_glyph_path", "_ZN12FoFiTrueType4loadEPKci",
                      "_ZN7GfxFont10locateFontEP4XRefP11PSOutputDev", "_ZN3Gfx6findOpEPKc"])
    func theExecutableExportsWhatPopplerCalls(symbol: String) throws {
        let result = try Fixtures.run("nm", ["-D", "--defined-only", Fixtures.reformBinary])
        #expect(result.status == 0, "nm: \(result.stderr)")
        #expect(result.stdout.split(separator: "\n").contains { $0.hasSuffix(" T \(symbol)") })
    }

    @Test func jsonListsPagesWordsLinesAndRulings() throws {
        let result = try Fixtures.reform(["text", Fixtures.path("two-pages.pdf"), "--format", "json", "--glyphs"])
        #expect(result.status == 0)
        let json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [String: Any]
        let pages = json["pages"] as! [[String: Any]]
        #expect(pages.count == 2)
        for page in pages {
            #expect((page["rulings"] as! [Any]).count >= 10)
            #expect(!(page["words"] as! [Any]).isEmpty)
            #expect(!(page["lines"] as! [Any]).isEmpty)
            #expect(!(page["glyphs"] as! [Any]).isEmpty)
            #expect(page["width"] as? Double != nil && page["skew"] as? Double == 0)
        }
    }

    @Test func pagesOptionSelects() throws {
        let result = try Fixtures.reform(["text", Fixtures.path("two-pages.pdf"), "--pages", "2", "--format", "json"])
        let json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [String: Any]
        #expect((json["pages"] as! [[String: Any]]).map { $0["page"] as! Int } == [2])
    }

    @Test func readsStandardInput() throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: Fixtures.path("ruled-cjk.pdf")))
        let result = try Fixtures.reform(["text", "-"], stdin: data)
        #expect(result.status == 0 && result.stdout.contains("项目名称"))
    }

    @Test func badInputGivesOneLineAndItsExitCode() throws {
        let cases: [(String, Int32)] = [
            ("/etc/hostname", 4), ("bad/empty.pdf", 4), ("bad/png-named.pdf", 4), ("bad/truncated.pdf", 5),
            ("bad/encrypted.pdf", 6), ("bad/zero-pages.pdf", 7), ("/no/such/file.pdf", 3),
        ]
        for (file, code) in cases {
            let path = file.hasPrefix("/") ? file : Fixtures.path(file)
            let result = try Fixtures.reform(["text", path])
            #expect(result.status == code, "\(file)")
            let lines = result.stderr.split(separator: "\n")
            #expect(lines.count == 1 && lines[0].contains(path), "\(file): \(result.stderr)")
        }
        let wrong = try Fixtures.reform(["text", Fixtures.path("bad/encrypted.pdf"), "--password", "nope"])
        #expect(wrong.status == 6 && wrong.stderr.contains("password is wrong"))
    }

    @Test func aBatchReportsEachBadFileAndCarriesOn() throws {
        let result = try Fixtures.reform(["text", Fixtures.path("bad/empty.pdf"), Fixtures.path("ruled-cjk.pdf"),
                                          Fixtures.path("bad/truncated.pdf"), Fixtures.path("hairline.pdf")])
        #expect(result.status == 10)  // two different kinds of failure
        #expect(result.stderr.split(separator: "\n").count == 2)
        #expect(result.stdout.contains("ruled-cjk.pdf page 1") && result.stdout.contains("hairline.pdf page 1"))
    }

    @Test func warnsAboutPagesWithoutTextLayer() throws {
        let result = try Fixtures.reform(["text", Fixtures.path("image-only.pdf")])
        #expect(result.status == 0)
        #expect(result.stderr.contains("page 1 has no text layer; scanned image?"))
    }

    @Test func versionAndHelp() throws {
        #expect(try Fixtures.reform(["--version"]).stdout.hasPrefix("0."))
        let help = try Fixtures.reform(["text", "--help"])
        #expect(help.status == 0 && help.stdout.contains("--pages"))
    }
}
