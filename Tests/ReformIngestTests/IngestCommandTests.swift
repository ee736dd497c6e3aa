import Foundation
import ReformForms
import ReformIngest
import ReformTestSupport
import Testing

/// The built `reform ingest` and `reform export` binaries, as a nightly job runs them.
@Suite(.serialized) struct IngestCommandTests {
    /// Files in the kill test: enough that a run is still busy when it is killed.
    static let killBatch = 24

    @Test func aRunKilledHalfwayAndRunAgainEndsLikeOneCleanRun() throws {
        let space = try IngestWorkspace()
        // PDFs only: the text reader's confidences currently vary from run to run.
        for n in 1...Self.killBatch {
            try space.add(n % 2 == 0 ? "born-digital/rl-portrait-04.pdf" : "born-digital/rl-portrait-06.pdf",
                          as: String(format: "f%03d.pdf", n), copy: n)
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Fixtures.reformBinary)
        process.arguments = ["ingest", space.inputs.path, "--db", space.database, "--jobs", "2"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        var storedAtKill = 0
        let deadline = Date().addingTimeInterval(120)
        while process.isRunning, Date() < deadline {
            if let counts = try? IngestDatabase.openForReading(space.database).rowCounts(), let files = counts["files"], files >= 4 {
                kill(process.processIdentifier, SIGKILL)
                storedAtKill = files
                break
            }
            usleep(20_000)
        }
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal, "the run ended before it could be killed")
        #expect(storedAtKill > 0 && storedAtKill < Self.killBatch)

        let afterKill = try IngestDatabase.openForReading(space.database).rowCounts()["files"] ?? 0
        let rerun = try Fixtures.reform(["ingest", space.inputs.path, "--db", space.database, "--jobs", "2"])
        #expect(rerun.status == 0, "\(rerun.stderr)")
        #expect(rerun.stdout.contains("unchanged  \(afterKill)\n"), "\(rerun.stdout)")

        let clean = space.root.appendingPathComponent("clean.sqlite").path
        let once = try Fixtures.reform(["ingest", space.inputs.path, "--db", clean])
        #expect(once.status == 0)
        let resumed = try IngestDatabase.openForReading(space.database)
        let reference = try IngestDatabase.openForReading(clean)
        #expect(try resumed.contentDump() == reference.contentDump())
        var counts = try resumed.rowCounts(), cleanCounts = try reference.rowCounts()
        #expect(counts.removeValue(forKey: "runs") == 2 && cleanCounts.removeValue(forKey: "runs") == 1)
        #expect(counts == cleanCounts)
        #expect(counts["files"] == Self.killBatch)
    }

    @Test func exportRoundTripsExtractByteForByte() throws {
        let space = try IngestWorkspace()
        try space.add("born-digital/rl-portrait-04.pdf")
        try space.add("born-digital/lo-portrait-03.pdf", as: "sub/lo-portrait-03.pdf")
        try space.add("born-digital/rl-portrait-06.pdf")
        try space.add("bad/truncated.pdf")
        let jsonl = space.root.appendingPathComponent("run.jsonl").path
        let ingest = try Fixtures.reform(["ingest", space.inputs.path, "--db", space.database, "--jsonl", jsonl])
        #expect(ingest.status == 5, "\(ingest.stderr)")
        #expect(ingest.stdout.contains("failed     1\n"))
        #expect(ingest.stderr.contains("truncated.pdf"))
        for format in ["json", "jsonl", "csv"] {
            let extract = try Fixtures.reform(["extract", space.inputs.path, "--format", format])
            let export = try Fixtures.reform(["export", "--db", space.database, "--format", format])
            #expect(export.status == 0, "\(export.stderr)")
            #expect(!extract.stdout.isEmpty && export.stdout == extract.stdout, "\(format)")
            if format == "jsonl" { #expect(try String(contentsOfFile: jsonl, encoding: .utf8) == extract.stdout) }
        }
        let unchanged = try Fixtures.reform(["ingest", space.inputs.path, "--db", space.database])
        #expect(unchanged.status == 0 && unchanged.stdout.contains("unchanged  4\n"), "\(unchanged.stdout)")
    }

    @Test func badDatabasesExitEleven() throws {
        let space = try IngestWorkspace()
        try Data("not sqlite".utf8).write(to: URL(fileURLWithPath: space.database))
        let ingest = try Fixtures.reform(["ingest", space.inputs.path, "--db", space.database])
        #expect(ingest.status == 11 && ingest.stderr.contains("not an SQLite database"))
        let export = try Fixtures.reform(["export", "--db", space.root.appendingPathComponent("none.sqlite").path])
        #expect(export.status == 11 && export.stderr.contains("no such database"))
    }
}
