import Foundation
import ReformForms
import ReformIngest
import ReformTestSupport

/// A temporary folder of inputs and a database beside it, removed when the test ends.
final class IngestWorkspace {
    let root: URL
    /// The folder `reform ingest` walks.
    let inputs: URL
    var database: String { root.appendingPathComponent("reform.sqlite").path }

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("reform-ingest-\(UUID().uuidString)")
        inputs = root.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: inputs, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: root)
    }

    /// A corpus file (`born-digital/rl-portrait-04.pdf`) as `in/<name>`; a `copy` number makes
    /// its bytes distinct: a PDF comment and a second `%%EOF` after the end, which readers accept.
    @discardableResult
    func add(_ corpusFile: String, as name: String? = nil, copy: Int? = nil) throws -> String {
        var data = try Data(contentsOf: Fixtures.repoRoot.appendingPathComponent("Corpus").appendingPathComponent(corpusFile))
        if let copy { data.append(Data("\n% copy \(copy)\n%%EOF\n".utf8)) }
        let target = inputs.appendingPathComponent(name ?? URL(fileURLWithPath: corpusFile).lastPathComponent)
        try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: target)
        return target.path
    }

    /// The records `reform extract` gives for the workspace's inputs: each file read in
    /// `RecordReader.expand` order, failures skipped.
    func extracted() -> [Record] {
        let reader = RecordReader(pdf: FormExtractor(workers: 1))
        return RecordReader.expand([inputs.path]).flatMap { (try? reader.records($0)) ?? [] }
    }

    func ingest(jobs: Int = 2, reuse: Bool = true) throws -> IngestTally {
        let db = try IngestDatabase.openForWriting(database)
        return try Ingester(jobs: jobs, reuseIdenticalFiles: reuse).run([inputs.path], into: db)
    }

    func export(_ format: RecordExporter.Format, where conditions: [String] = []) throws -> String {
        var out = ""
        try RecordExporter(database: try IngestDatabase.openForReading(database)).export(format, where: conditions) { out += $0 }
        return out
    }
}
