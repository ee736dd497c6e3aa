import Foundation
import ReformForms
import ReformIngest
import ReformTestSupport
import Testing

/// Incremental ingest into a real SQLite file on disk (issue 7's acceptance, library level).
@Suite struct IngesterTests {
    @Test func secondRunOverTheSameFolderWritesNothing() throws {
        let space = try IngestWorkspace()
        try space.add("born-digital/rl-portrait-04.pdf")
        try space.add("born-digital/lo-portrait-03.pdf")
        try space.add("text/pdftotext-rl-01.txt")
        let first = try space.ingest()
        #expect(first.total == 3 && first.new == 3 && first.failed == 0)

        let db = try IngestDatabase.openForReading(space.database)
        let counts = try db.rowCounts()
        #expect(counts["files"] == 3 && counts["forms"] == first.forms && counts["indicators"] == first.indicators)
        let dump = try db.contentDump()
        let bytes = try Data(contentsOf: URL(fileURLWithPath: space.database))

        let second = try space.ingest()
        #expect(second.unchanged == 3 && second.new == 0 && second.changed == 0 && second.failed == 0)
        #expect(second.forms == 0 && second.exitCode == 0)
        #expect(try db.rowCounts() == counts)
        #expect(try db.contentDump() == dump)
        #expect(counts["runs"] == 1)
        #expect(try Data(contentsOf: URL(fileURLWithPath: space.database)) == bytes)
    }

    @Test func aChangedFileIsReplacedNotDuplicated() throws {
        let space = try IngestWorkspace()
        try space.add("born-digital/rl-portrait-04.pdf", as: "a.pdf")
        try space.add("born-digital/lo-portrait-03.pdf", as: "b.pdf")
        _ = try space.ingest()
        // b.pdf now holds other forms.
        try space.add("born-digital/rl-portrait-06.pdf", as: "b.pdf")
        let second = try space.ingest()
        #expect(second.changed == 1 && second.unchanged == 1 && second.new == 0)

        let records = space.extracted()
        let db = try IngestDatabase.openForReading(space.database)
        let counts = try db.rowCounts()
        #expect(counts["files"] == 2)
        #expect(counts["forms"] == records.count)
        #expect(counts["indicators"] == records.reduce(0) { $0 + $1.indicators.count })
        #expect(try space.export(.jsonl) == RecordJSON.jsonLines(records))

        // The database now equals one clean run over the folder as it is.
        let clean = try IngestWorkspace()
        try clean.add("born-digital/rl-portrait-04.pdf", as: "a.pdf")
        try clean.add("born-digital/rl-portrait-06.pdf", as: "b.pdf")
        _ = try clean.ingest()
        #expect(try clean.export(.jsonl) == space.export(.jsonl))
    }

    @Test func aCorruptFileIsListedWithItsReasonAndTheRestStored() throws {
        let space = try IngestWorkspace()
        try space.add("born-digital/rl-portrait-04.pdf")
        try space.add("bad/truncated.pdf")
        try space.add("bad/png-named.pdf")
        try space.add("bad/other-document.pdf")
        let tally = try space.ingest()
        #expect(tally.new == 1 && tally.failed == 3)
        #expect(tally.exitCode == 10)

        let failures = try IngestDatabase.openForReading(space.database).failures()
        #expect(failures.map(\.kind) == ["not_this_form", "not_a_pdf", "damaged"])
        #expect(failures.allSatisfy { !$0.reason.isEmpty && $0.reason.contains(URL(fileURLWithPath: $0.path).lastPathComponent) })
        #expect(try space.export(.jsonl) == RecordJSON.jsonLines(space.extracted()))

        // Known failures are not read again unless asked.
        let again = try space.ingest()
        #expect(again.unchanged == 4 && again.exitCode == 0)
        let retried = try Ingester(jobs: 2, retryFailed: true).run([space.inputs.path], into: IngestDatabase.openForWriting(space.database))
        #expect(retried.failed == 3 && retried.unchanged == 1)
    }

    @Test func exportGivesBackWhatExtractPrints() throws {
        let space = try IngestWorkspace()
        try space.add("born-digital/rl-portrait-04.pdf", as: "x/same.pdf")
        try space.add("born-digital/lo-portrait-03.pdf", as: "y/same.pdf")
        try space.add("born-digital/rl-portrait-06.pdf")
        try space.add("bad/empty.pdf")
        _ = try space.ingest(jobs: 3)
        let records = space.extracted()
        #expect(!records.isEmpty)
        #expect(try space.export(.jsonl) == RecordJSON.jsonLines(records))
        #expect(try space.export(.json) == RecordJSON.pretty(records))
        // Two files with one name: RecordCSV numbers their forms on from each other.
        #expect(try space.export(.csv) == RecordCSV.csv(records))
    }

    @Test func exportSelectsFormsWithWhere() throws {
        let space = try IngestWorkspace()
        try space.add("born-digital/rl-portrait-04.pdf")
        try space.add("born-digital/lo-portrait-03.pdf")
        _ = try space.ingest()
        let records = space.extracted()
        let department = try #require(records.first?.project.department)
        let chosen = records.filter { $0.project.department == department }
        #expect(try space.export(.jsonl, where: ["department = '\(department)'"]) == RecordJSON.jsonLines(chosen))
        #expect(try space.export(.json, where: ["1 = 0"]) == "[]\n")
        #expect(try space.export(.csv, where: ["1 = 0"]) == RecordCSV.csv([]))
        #expect(throws: ExportConditionError.self) { try space.export(.jsonl, where: ["no_such_column = 1"]) }
    }

    @Test func aCopiedFileReusesTheStoredRecordsUnderItsOwnName() throws {
        let space = try IngestWorkspace()
        try space.add("born-digital/rl-portrait-04.pdf", as: "a.pdf")
        _ = try space.ingest()
        try space.add("born-digital/rl-portrait-04.pdf", as: "b.pdf")
        let second = try space.ingest()
        #expect(second.new == 1 && second.reused == 1)
        #expect(try space.export(.jsonl) == RecordJSON.jsonLines(space.extracted()))
    }

    @Test func manyFilesOnSeveralWorkersAreEachStoredOnce() throws {
        let space = try IngestWorkspace()
        for n in 1...12 { try space.add("born-digital/rl-portrait-04.pdf", as: "f\(String(format: "%02d", n)).pdf", copy: n) }
        let tally = try space.ingest(jobs: 4)
        #expect(tally.new == 12 && tally.reused == 0)
        let counts = try IngestDatabase.openForReading(space.database).rowCounts()
        #expect(counts["files"] == 12)
        #expect(counts["forms"] == tally.forms)
        #expect(try space.export(.jsonl) == RecordJSON.jsonLines(space.extracted()))
    }
}
