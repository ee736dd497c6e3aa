import Foundation
@testable import ReformPDF
import ReformTestSupport
import Testing

/// poppler frees its global parameters (loaded character maps, name tables, substituted fonts) with
/// the last open document; the process keeps them from the first document on (CFontFiles'
/// global_params.cpp), so a folder read in one call builds them once.
@Suite struct PopplerParamsTests {
    @Test func theParametersOutliveTheDocuments() throws {
        let path = Fixtures.repoRoot.appendingPathComponent("Corpus/born-digital/lo-portrait-01.pdf").path
        var seen: Set<UInt> = []
        for _ in 0..<5 {
            do {
                let document = try PDFDocument(path: path)
                #expect(!PageExtractor().extract(try document.page(1)).glyphs.isEmpty)
            }
            // the document is gone; without the kept parameters poppler would have freed them
            #expect(PopplerParams.current != 0)
            seen.insert(PopplerParams.current)
        }
        #expect(seen.count == 1, "the same parameters every time")
    }
}
