import Foundation
import Testing
@testable import ReformForms

@Suite struct RecordWriterTests {
    /// Three forms: two of one file, read as two batches, and one of another file.
    static func forms() throws -> [[Record]] {
        var a1 = try RecordJSONTests.specRecord(), a2 = RecordJSONTests.busyRecord(), b1 = try RecordJSONTests.specRecord()
        a1.source.file = "a.pdf"; a2.source.file = "a.pdf"; b1.source.file = "b.pdf"
        return [[a1], [], [a2, b1]]
    }

    static func written(_ batches: [[Record]], _ format: RecordWriter.Format) -> String {
        var writer = RecordWriter(format: format)
        var out = writer.begin()
        for batch in batches { out += writer.add(batch) }
        return out + writer.end()
    }

    @Test func batchesMakeOneJSONArray() throws {
        let batches = try Self.forms()
        let text = Self.written(batches, .json)
        let items = batches.joined().map { RecordJSON.pretty($0).split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }.joined(separator: "\n") }
        #expect(text == "[\n" + items.joined(separator: ",\n") + "\n]\n")
        #expect(try RecordJSON.decodeRecords(from: Data(text.utf8)).map(\.source.file) == ["a.pdf", "a.pdf", "b.pdf"])
        #expect(Self.written([[], []], .json) == "[]\n")
    }

    @Test func batchesMakeJSONLines() throws {
        let batches = try Self.forms()
        #expect(Self.written(batches, .jsonl) == batches.joined().map { RecordJSON.compact($0) + "\n" }.joined())
        #expect(Self.written([], .jsonl) == "")
        var writer = RecordWriter(format: .jsonl)
        #expect(writer.add(compactLines: ["{\"a\":1}", "{\"b\":2}"]) == "{\"a\":1}\n{\"b\":2}\n")
        #expect(writer.count == 2)
    }

    @Test func csvNumbersAFilesFormsAcrossBatches() throws {
        let text = Self.written(try Self.forms(), .csv)
        #expect(text.hasPrefix("\u{FEFF}file,form,pages,"))
        let rows = text.components(separatedBy: "\r\n").dropFirst().filter { !$0.isEmpty }
        // file and form number of each row, one row an indicator: a.pdf's second form keeps counting
        // in the later batch.
        let keys = rows.map { $0.split(separator: ",").prefix(2).joined(separator: ",") }
        let forms = try Self.forms().joined()
        let expected = zip(["a.pdf,1", "a.pdf,2", "b.pdf,1"], forms).flatMap { key, form in Array(repeating: key, count: max(1, form.indicators.count)) }
        #expect(keys == expected)
        #expect(Self.written([], .csv) == RecordCSV.headerLine)
    }
}
