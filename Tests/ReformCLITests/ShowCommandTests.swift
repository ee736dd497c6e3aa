import Foundation
import ReformTestSupport
import Testing

@Suite struct ShowCommandTests {
    @Test func drawsOnePicturePerPage() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("reform-show-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let result = try Fixtures.reform(["show", Fixtures.path("two-pages.pdf"), "-o", dir, "--scale", "1"])
        #expect(result.status == 0, "\(result.stderr)")
        let files = try FileManager.default.contentsOfDirectory(atPath: dir).sorted()
        #expect(files == ["two-pages-p1.png", "two-pages-p2.png"])
        // A real PNG of the page's size at 72 dpi (A4: 595 × 842 points).
        let data = try Data(contentsOf: URL(fileURLWithPath: dir + "/two-pages-p1.png"))
        #expect(data.prefix(8) == Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        let width = data[16..<20].reduce(0) { $0 << 8 | Int($1) }, height = data[20..<24].reduce(0) { $0 << 8 | Int($1) }
        #expect(width == 596 && height == 842)
    }

    @Test func theOverlayDiffersFromThePlainRendering() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("reform-show-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        _ = try Fixtures.reform(["show", Fixtures.path("ruled-cjk.pdf"), "-o", dir, "--scale", "1"])
        let overlay = try Data(contentsOf: URL(fileURLWithPath: dir + "/ruled-cjk-p1.png"))
        let plain = try Fixtures.run("pdftoppm", ["-png", "-r", "72", "-singlefile", Fixtures.path("ruled-cjk.pdf"), dir + "/plain"])
        #expect(plain.status == 0)
        let reference = try Data(contentsOf: URL(fileURLWithPath: dir + "/plain.png"))
        #expect(overlay != reference && overlay.count > 10_000)
    }
}
