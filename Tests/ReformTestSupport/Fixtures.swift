import Foundation
import ReformPDF

/// Test helpers shared by every test target: the committed fixtures (Corpus/fixtures/), their truth
/// file, and running command-line tools.
/// The committed extract-stage fixtures (Corpus/fixtures/) and their truth file.
public enum Fixtures {
    public static let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    public static let directory = repoRoot.appendingPathComponent("Corpus/fixtures")

    public static func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    /// A committed cell crop (Corpus/fixtures/ocr) as the scan reader cuts it: grey, 300 dpi,
    /// centred on page point (100, 100).
    public static func ocrCrop(_ name: String) -> GrayImage? {
        guard let image = PNGImage(path: path("ocr/\(name)")) else { return nil }
        return GrayImage(width: image.width, height: image.height, pixels: image.pixels.map(GrayImage.luma),
                         scale: 300.0 / 72, center: Point(x: 100, y: 100))
    }

    public struct Truth: Decodable, Sendable {
        public var fixtures: [Fixture]
    }

    public struct Fixture: Decodable, Sendable {
        public var file: String
        public var kind: String?
        public var per_page: [PageTruth]?
        public var expected_error: String?
        public var password: String?
    }

    public struct PageTruth: Decodable, Sendable {
        public var width: Double
        public var height: Double
        public var rotation: Int
        public var skew_degrees: Double
        public var rulings: [RulingTruth]
        public var text_sample: [String]?
        public var cells: [CellTruth]?
    }

    public struct CellTruth: Decodable, Sendable {
        public var x0: Double, y0: Double, x1: Double, y1: Double
        public var text: String
        public var vertical: Bool
    }

    public struct RulingTruth: Decodable, Sendable {
        public var orientation: String
        public var x1: Double, y1: Double, x2: Double, y2: Double
        public var width: Double
    }

    public static let truth: Truth = {
        let data = try! Data(contentsOf: directory.appendingPathComponent("fixtures.json"))
        return try! JSONDecoder().decode(Truth.self, from: data)
    }()

    public static func fixture(_ file: String) -> Fixture { truth.fixtures.first { $0.file == file }! }

    /// The `reform` executable that `swift test` built beside the test bundle.
    public static var reformBinary: String {
        let here = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for candidate in [here, here.deletingLastPathComponent()] {
            let path = candidate.appendingPathComponent("reform").path
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return repoRoot.appendingPathComponent(".build/debug/reform").path
    }

    /// Runs `reform` with `arguments`.
    public static func reform(_ arguments: [String], stdin: Data? = nil) throws -> (status: Int32, stdout: String, stderr: String) {
        try run(reformBinary, arguments, stdin: stdin)
    }

    /// Runs a command-line tool and returns its standard output.
    public static func run(_ tool: String, _ arguments: [String], stdin: Data? = nil) throws -> (status: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool.hasPrefix("/") ? tool : "/usr/bin/env")
        process.arguments = tool.hasPrefix("/") ? arguments : [tool] + arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let input = Pipe()
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(stdin) }
        try? input.fileHandleForWriting.close()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self))
    }
}

extension Fixtures {
    /// image-only.pdf as a scanner stores it when fed the page turned by `scanned` (its picture
    /// turned, the page's sides swapped by a quarter turn), written to a new temporary file the
    /// caller removes. With `garbledLayer`, an OCR layer of common characters over it, as a
    /// recognizer makes of a turned page (none of the form's words).
    public static func turnedScan(_ scanned: QuarterTurn, garbledLayer: Bool = false) throws -> URL {
        let page = try PDFDocument(path: path("image-only.pdf")).page(1)
        let picture = page.grayImage(dpi: 200).turned(scanned)
        let size = scanned.size(width: page.size.width, height: page.size.height)
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("reform-turned-\(UUID().uuidString).pdf")
        let garble = "的一是不了人我在有他这为之大来以个中上们到说和地也子时道出而要于就下得可你生"
        let layer = garbledLayer ? (0..<30).map { (text: garble, x: 60.0, y: 80.0 + 22 * Double($0)) } : []
        try MinimalPDF.grayImagePage(picture.pixels, width: picture.width, height: picture.height,
                                     pageWidth: size.width, pageHeight: size.height, layer: layer).write(to: url)
        return url
    }
}
