import ArgumentParser
import Foundation
import ReformForms
import ReformIngest
import ReformPDF
import ReformText

/// `reform eval`: scores reform's records against the corpus truth (SPEC §3), per file and overall.
struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Score extraction against expected records (<name>.expected.json beside each input).",
        discussion: "Header score, indicator precision/recall/F1 and form counts as SPEC §3 defines them; _ambiguous paths are skipped. Bad inputs listed in a folder's manifest.json are checked for their error kind."
    )

    @Argument(help: "Inputs or directories (default: Corpus).")
    var paths: [String] = ["Corpus"]

    @Option(help: "Directory holding the expected files (default: beside each input).")
    var expected: String?

    @Option(help: "Differences listed per file.")
    var differences: Int = 5

    @Option(help: "Pages read in parallel (default: the number of cores).")
    var jobs: Int?

    @Option(help: "Read pages from their image with tesseract: auto, always or never (as for extract).")
    var ocr: OCRPolicy = .auto

    func run() throws {
        let extractor = FormExtractor(workers: AllocatorPolicy.lanes(jobs: jobs), ocr: ocr)
        // Built once, every argument given: a fresh reader per file with default arguments was
        // miscompiled in release builds (a copy of an unbuilt temporary).
        let reader = RecordReader(pdf: extractor, text: TextFormExtractor(), password: nil)
        var groups: [String: RecordScore] = [:]
        var order: [String] = []
        var total = RecordScore()
        var badChecked = 0, badRight = 0
        for path in RecordReader.expand(paths) {
            let url = URL(fileURLWithPath: path)
            let stem = url.deletingPathExtension().lastPathComponent
            let dir = url.deletingLastPathComponent()
            let group = dir.lastPathComponent
            if let manifest = Self.manifest(dir), let entry = manifest[url.lastPathComponent] {
                // A bad input: the error kind must match (an encrypted file's password is in the manifest).
                let want = entry["error"] as? String ?? ""
                var got = "ok"
                do { _ = try reader.records(path) } catch let f as any Failure { got = f.kind }
                badChecked += 1
                if Self.sameKind(got, want) { badRight += 1 }
                try Console.out("\(Self.pad(path, 52)) error \(got)\(Self.sameKind(got, want) ? "" : "  (expected \(want))")\n")
                if entry["password"] == nil { continue }
            }
            let truthURL = (expected.map { URL(fileURLWithPath: $0) } ?? dir).appendingPathComponent(stem + ".expected.json")
            guard let truthData = try? Data(contentsOf: truthURL) else { continue }
            let want = try RecordJSON.decodeRecords(from: truthData)
            let password = Self.manifest(dir)?[url.lastPathComponent]?["password"] as? String
            var got: [Record] = []
            var failure = ""
            var withPassword = reader
            withPassword.password = password
            do { got = try withPassword.records(path) } catch let f as any Failure { failure = " [\(f.kind)]" }
            let s = RecordScore.score(extracted: got, expected: want)
            if groups[group] == nil { order.append(group) }
            groups[group, default: RecordScore()] = groups[group, default: RecordScore()] + s
            total = total + s
            try Console.out(String(format: "%@ forms %2d/%-2d header %.3f  P %.3f R %.3f F1 %.3f%@\n",
                               Self.pad(path, 52), s.formsExtracted, s.formsExpected, s.headerScore, s.precision, s.recall, s.f1, failure))
            for d in s.differences.prefix(differences) { try Console.out("    \(d)\n") }
        }
        try Console.out("\n")
        for g in order {
            let s = groups[g]!
            try Console.out(Self.summary(g, s))
        }
        try Console.out(Self.summary("all", total))
        if badChecked > 0 { try Console.out("bad inputs: \(badRight)/\(badChecked) gave the expected error\n") }
    }

    static func summary(_ name: String, _ s: RecordScore) -> String {
        String(format: "%@ forms %d/%d  header %.3f  indicators P %.3f R %.3f F1 %.3f (%d/%d/%d)\n", pad(name, 14),
               s.formsExtracted, s.formsExpected, s.headerScore, s.precision, s.recall, s.f1, s.truePositives, s.extracted, s.expected)
    }

    static func pad(_ s: String, _ n: Int) -> String { s.count >= n ? s : s + String(repeating: " ", count: n - s.count) }

    static func manifest(_ dir: URL) -> [String: [String: Any]]? {
        guard let data = try? Data(contentsOf: dir.appendingPathComponent("manifest.json")),
              let json = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return nil }
        return json.compactMapValues { $0 as? [String: Any] }
    }

    /// Error kinds that name the same failure (the corpus manifest's words against reform's).
    static func sameKind(_ got: String, _ want: String) -> Bool {
        // The corpus manifest calls a zero-byte file and a PDF with no pages both "empty".
        got == want || (want == "not_a_pdf" && got == "empty") || (want == "empty" && got == "zero_pages")
    }
}
