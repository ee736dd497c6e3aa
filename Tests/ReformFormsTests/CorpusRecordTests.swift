import Foundation
import Testing
@testable import ReformForms

/// The corpus's expected records (written by `scripts/corpus/canon.py`) read back through this
/// module: the Python and Swift normalizations must agree, or scores would measure the difference.
@Suite("Corpus expected records")
struct CorpusRecordTests {
    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .resolvingSymlinksInPath().deletingLastPathComponent().deletingLastPathComponent()

    static func expectedFiles() -> [URL] {
        let corpus = repositoryRoot.appendingPathComponent("Corpus")
        guard let walker = FileManager.default.enumerator(at: corpus, includingPropertiesForKeys: nil) else { return [] }
        return walker.compactMap { $0 as? URL }
            .filter { $0.lastPathComponent.hasSuffix(".expected.json") }
            .sorted { $0.path < $1.path }
    }

    @Test func corpusHasExpectedRecords() {
        #expect(!Self.expectedFiles().isEmpty)
    }

    @Test(arguments: expectedFiles())
    func expectedRecordsAgreeWithThisModule(file: URL) throws {
        let records = try RecordJSON.decodeRecords(from: Data(contentsOf: file))
        #expect(!records.isEmpty)
        for record in records {
            for (index, indicator) in record.indicators.enumerated() {
                #expect(TargetValue(cell: indicator.target.raw) == indicator.target, "indicators[\(index)] \(indicator.target.raw)")
            }
            let strings = ProjectInfo.Field.allCases.compactMap { record.project[$0] }
                + [record.goals.overall, record.goals.annual].compactMap { $0 }
                + record.indicators.flatMap { [$0.level1, $0.level2, $0.name].compactMap { $0 } }
            for text in strings {
                #expect(TextNormalizer.normalize(text) == text)
            }
            #expect(RecordChecks.review(record).isEmpty, "\(record.project.name ?? "?")")
        }
    }
}
