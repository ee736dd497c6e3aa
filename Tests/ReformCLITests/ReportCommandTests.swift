import Foundation
import ReformPDF
import ReformTestSupport
import Testing

/// The report in a real headless browser (Debian's chromium), and an overlay against its reference.
@Suite struct ReportCommandTests {
    static let corpus = Fixtures.repoRoot.appendingPathComponent("Corpus").path
    static let outputDir = Fixtures.repoRoot.appendingPathComponent(".build/test-output").path

    static func chromium(_ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        let binary = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first { FileManager.default.isExecutableFile(atPath: $0) }
        let path = try #require(binary, "chromium is not installed (scripts/test installs it)")
        return try Fixtures.run(path, ["--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--enable-logging=stderr", "--v=0"] + arguments)
    }

    @Test func everyFormAndReviewItemIsInThePageWithNoConsoleError() throws {
        try FileManager.default.createDirectory(atPath: Self.outputDir, withIntermediateDirectories: true)
        let inputs = ["\(Self.corpus)/scanned/scan-portrait-02.pdf", "\(Self.corpus)/born-digital/lo-portrait-01.pdf"]
        let html = Self.outputDir + "/report.html"
        let made = try Fixtures.reform(["report"] + inputs + ["-o", html])
        #expect(made.status == 0, "\(made.stderr)")

        let records = try Fixtures.reform(["extract"] + inputs + ["--format", "jsonl"]).stdout.split(separator: "\n").map {
            try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any]
        }
        #expect(records.count >= 5)
        #expect(records.contains { !($0["review"] as! [Any]).isEmpty })

        let dom = try Self.chromium(["--dump-dom", "file://" + html])
        #expect(dom.status == 0)
        for r in records {
            let name = (r["project"] as! [String: Any])["name"] as? String ?? "(no name)"
            #expect(dom.stdout.contains(Self.escaped(name)), "form \(name) missing")
            for item in r["review"] as! [[String: String]] {
                #expect(dom.stdout.contains(Self.escaped(item["reason"]!)), "review item missing: \(item["reason"]!)")
            }
        }
        // Flagged cells are drawn on the page pictures from the start.
        #expect(dom.stdout.contains("cell") && dom.stdout.contains("flagged"))
        #expect(!dom.stderr.contains("Uncaught") && !dom.stderr.contains("CONSOLE"), "\(dom.stderr.suffix(2000))")

        let shot = try Self.chromium(["--window-size=1400,1800", "--screenshot=\(Self.outputDir)/report-screenshot.png", "file://" + html])
        #expect(shot.status == 0)
        #expect(FileManager.default.fileExists(atPath: Self.outputDir + "/report-screenshot.png"))
        #expect(!shot.stderr.contains("Uncaught"))
    }

    @Test func overlayMatchesItsReference() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("reform-ref-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let made = try Fixtures.reform(["show", Fixtures.path("ruled-cjk.pdf"), "-o", dir, "--scale", "1"])
        #expect(made.status == 0)
        let reference = Fixtures.repoRoot.appendingPathComponent("Tests/ReformCLITests/References/show-ruled-cjk-p1.png").path
        let got = try #require(PNGImage(path: dir + "/ruled-cjk-p1.png"))
        let want = try #require(PNGImage(path: reference))
        let difference = try #require(got.meanDifference(want))
        // Font rasterization may differ a little between machines; a lost grid or tint would not.
        #expect(difference < 2.0, "mean difference \(difference)")
        // And the overlay is not the plain page: the reference differs from a rendering without it.
        _ = try Fixtures.run("pdftoppm", ["-png", "-r", "72", "-singlefile", Fixtures.path("ruled-cjk.pdf"), dir + "/plain"])
        if let plain = PNGImage(path: dir + "/plain.png"), let d = plain.meanDifference(want) { #expect(d > 2.0) }
    }

    /// Text as chromium serializes it in the DOM.
    static func escaped(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }
}
