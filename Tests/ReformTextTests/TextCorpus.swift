import Foundation
import ReformForms
import ReformTestSupport
import ReformText

/// The text corpus (Corpus/text/*.txt with their .expected.json), read through the text stage, and
/// the calibration of its pairing confidences.
enum TextCorpus {
    static let directory = Fixtures.repoRoot.appendingPathComponent("Corpus/text")

    /// Every `.txt` in `directory` that has an expected file beside it.
    static func files(in directory: URL = directory) -> [URL] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { $0.hasSuffix(".txt") }.sorted().map { directory.appendingPathComponent($0) }
            .filter { FileManager.default.fileExists(atPath: expectedURL($0).path) }
    }

    static func expectedURL(_ text: URL) -> URL {
        text.deletingPathExtension().appendingPathExtension("expected.json")
    }

    static func expected(_ text: URL) throws -> [Record] {
        try RecordJSON.decodeRecords(from: Data(contentsOf: expectedURL(text)))
    }

    static func read(_ text: URL) throws -> [TextFormResult] {
        let data = try Data(contentsOf: text)
        return try TextFormExtractor().forms(text: String(decoding: data, as: UTF8.self), path: text.path,
                                             file: text.lastPathComponent, sha256: SHA256.hex(data))
    }

    /// One pairing judged against the truth: right when an expected indicator of the same form has
    /// the same name and target.
    struct JudgedPairing {
        var confidence: Double
        var kind: Pairing.Kind
        var right: Bool
    }

    static func judge(_ results: [TextFormResult], against expected: [Record]) -> [JudgedPairing] {
        results.enumerated().flatMap { index, result -> [JudgedPairing] in
            let truth = index < expected.count ? expected[index].indicators : []
            return result.pairings.map { pairing in
                let right = truth.contains { $0.name == pairing.name && $0.target.sameMeaning(as: pairing.target) }
                return JudgedPairing(confidence: pairing.confidence, kind: pairing.kind, right: right)
            }
        }
    }

    /// Confidence bands for the calibration table.
    static let bands: [(label: String, range: Range<Double>)] = [
        ("< 0.5", 0..<0.5), ("0.5–0.7", 0.5..<0.7), ("0.7–0.9", 0.7..<0.9), ("0.9–0.95", 0.9..<0.95), ("≥ 0.95", 0.95..<1.01),
    ]

    /// A Markdown table: per band, pairings and the share right.
    static func calibrationTable(_ judged: [JudgedPairing]) -> String {
        var lines = ["| confidence | pairings | right | share right |", "| --- | ---: | ---: | ---: |"]
        for band in bands {
            let inBand = judged.filter { band.range.contains($0.confidence) }
            let right = inBand.filter(\.right).count
            let share = inBand.isEmpty ? "–" : String(format: "%.3f", Double(right) / Double(inBand.count))
            lines.append("| \(band.label) | \(inBand.count) | \(right) | \(share) |")
        }
        let high = judged.filter { $0.confidence >= 0.9 }
        lines.append(String(format: "| **≥ 0.9** | %d | %d | %.3f |", high.count, high.filter(\.right).count,
                            high.isEmpty ? 1 : Double(high.filter(\.right).count) / Double(high.count)))
        return lines.joined(separator: "\n")
    }
}
