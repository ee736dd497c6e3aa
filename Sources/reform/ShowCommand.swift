import ArgumentParser
import Foundation
import ReformForms
import ReformPDF

/// `reform show`: pictures of what was read where, one PNG per page.
struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Draw what reform read on each page (rulings, grid, cells by role, field names, review items) as PNGs."
    )

    @Argument(help: "A PDF file.")
    var file: String

    @OptionGroup var input: PDFInputOptions

    @Option(name: .shortAndLong, help: "Directory for the PNGs (created if missing).")
    var output: String

    @Option(help: "Pixels per point (2 = 144 dpi).")
    var scale: Double = 2

    func run() throws {
        var run = FileRun()
        try run.each(file, password: input.password) { document in
            let sha = file == "-" ? "" : ((try? SHA256.hex(fileAt: file)) ?? "")
            let inspection = try FormExtractor().inspect(document, file: URL(fileURLWithPath: file).lastPathComponent, sha256: sha)
            try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
            let stem = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
            for number in try input.selectedPages(of: document) {
                let canvas = OverlayCanvas(page: try document.page(number), scale: scale, turn: inspection.turn(ofPage: number))
                PageOverlay.draw(inspection, page: number, on: canvas)
                let path = URL(fileURLWithPath: output).appendingPathComponent("\(stem)-p\(number).png").path
                guard canvas.writePNG(to: path) else { throw ValidationError("cannot write \(path)") }
                try Console.out(path + "\n")
            }
        }
        try run.finish()
    }
}
