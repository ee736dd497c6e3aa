import Foundation
import ReformTestSupport
import Testing

@Suite struct ExtractCommandTests {
    static let corpus = Fixtures.repoRoot.appendingPathComponent("Corpus").path

    @Test func recordsValidateAgainstTheSchema() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("reform-records-\(UUID().uuidString).json").path
        defer { try? FileManager.default.removeItem(atPath: out) }
        let result = try Fixtures.reform(["extract", "\(Self.corpus)/born-digital", "\(Self.corpus)/scanned", "-o", out])
        #expect(result.status == 0, "\(result.stderr)")
        let validation = try Fixtures.run(Fixtures.repoRoot.appendingPathComponent("scripts/validate-records").path, [out])
        #expect(validation.status == 0, "\(validation.stdout)")
        #expect(validation.stdout.contains(" valid, 0 invalid"))
    }

    @Test func formatsAgree() throws {
        let file = "\(Self.corpus)/born-digital/lo-portrait-01.pdf"
        let json = try Fixtures.reform(["extract", file]).stdout
        let jsonl = try Fixtures.reform(["extract", file, "--format", "jsonl"]).stdout
        let csv = try Fixtures.reform(["extract", file, "--format", "csv"]).stdout
        let records = try JSONSerialization.jsonObject(with: Data(json.utf8)) as! [[String: Any]]
        #expect(jsonl.split(separator: "\n").count == records.count)
        #expect(csv.hasPrefix("\u{FEFF}file,form,"))
        let indicators = records.reduce(0) { $0 + ($1["indicators"] as! [Any]).count }
        #expect(csv.split(separator: "\r\n").count == indicators + 1)
    }

    @Test func standardInputAndDirectoriesWork() throws {
        let file = "\(Self.corpus)/born-digital/lo-portrait-01.pdf"
        let fromFile = try Fixtures.reform(["extract", file, "--format", "jsonl"]).stdout
        let fromStdin = try Fixtures.reform(["extract", "-", "--format", "jsonl"], stdin: Data(contentsOf: URL(fileURLWithPath: file))).stdout
        // Same records but for the file name.
        #expect(fromStdin.replacingOccurrences(of: "\"file\":\"stdin\"", with: "\"file\":\"lo-portrait-01.pdf\"") == fromFile)
    }

    @Test func badFilesAreReportedAndTheBatchGoesOn() throws {
        let result = try Fixtures.reform(["extract", "\(Self.corpus)/bad", "\(Self.corpus)/born-digital/lo-portrait-01.pdf", "--format", "jsonl"])
        #expect(result.status == 10)
        let errors = result.stderr.split(separator: "\n")
        #expect(errors.count == 6)  // every bad input, one line each
        #expect(errors.contains { $0.contains("other-document.pdf") && $0.contains("not this form") })
        #expect(errors.contains { $0.contains("encrypted.pdf") && $0.contains("password") })
        #expect(result.stdout.split(separator: "\n").count == 4)  // the good file's four forms
    }

    @Test func textInFontsWithoutInstalledMapsIsNamedWithTheRemedy() throws {
        // The page's only text is in a CID font whose character maps poppler lacks: exit 8 like a
        // page without text, but the line says which maps and what to install, and no OCR is tried
        // (the font's glyphs are not drawn either).
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("reform-maps-\(UUID().uuidString).pdf")
        try MinimalPDF.unmappedCIDSample([(false, true), (false, true)]).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let result = try Fixtures.reform(["extract", file.path, "--timings"])
        #expect(result.status == 8)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.first == "reform: \(file.path): no readable text on pages 1–2: its fonts need the Adobe-Japan2 character maps, which are not installed; install poppler-data (apt-get install poppler-data)")
        #expect(!result.stderr.contains("ocr"))

        // `text` and `tables` go on with what they can read and warn for each such page.
        try MinimalPDF.unmappedCIDSample([(true, true), (true, false)]).write(to: file)
        let warning = "reform: warning: \(file.path): page 1: text in fonts that need the Adobe-Japan2 character maps was not read (not installed); install poppler-data (apt-get install poppler-data)"
        for command in ["text", "tables"] {
            let read = try Fixtures.reform([command, file.path])
            #expect(read.status == 0, "\(command): \(read.stderr)")
            #expect(read.stderr.split(separator: "\n").map(String.init) == [warning], "\(command)")
        }
        #expect(try Fixtures.reform(["text", file.path]).stdout.contains("Readable"))
    }

    @Test func aFolderGivesTheSameRecordsOnOneLaneAndOnTwo() throws {
        // Two lanes read one file each at a time; records and error lines still come in input order.
        let inputs = ["\(Self.corpus)/born-digital", "\(Self.corpus)/bad", "\(Self.corpus)/text"]
        let one = try Fixtures.reform(["extract", "--jobs", "1", "--format", "jsonl"] + inputs)
        let two = try Fixtures.reform(["extract", "--jobs", "2", "--format", "jsonl"] + inputs)
        #expect(one.status == 10 && two.status == 10)
        #expect(one.stdout.split(separator: "\n").count > 60)
        #expect(two.stdout == one.stdout)
        #expect(two.stderr == one.stderr)
        let tablesOne = try Fixtures.reform(["tables", "--jobs", "1", "\(Self.corpus)/born-digital/lo-portrait-01.pdf", "\(Self.corpus)/born-digital/rl-portrait-02.pdf"])
        let tablesTwo = try Fixtures.reform(["tables", "--jobs", "2", "\(Self.corpus)/born-digital/lo-portrait-01.pdf", "\(Self.corpus)/born-digital/rl-portrait-02.pdf"])
        #expect(tablesOne.status == 0 && tablesTwo.stdout == tablesOne.stdout)
    }

    @Test func outputFileHoldsWhatStandardOutputShows() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("reform-out-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let inputs = ["\(Self.corpus)/born-digital/lo-portrait-01.pdf", "\(Self.corpus)/bad/empty.pdf", "\(Self.corpus)/text"]
        for format in ["json", "jsonl", "csv"] {
            let out = dir.appendingPathComponent("records.\(format)").path
            let printed = try Fixtures.reform(["extract", "--format", format] + inputs)
            let written = try Fixtures.reform(["extract", "--format", format, "-o", out] + inputs)
            #expect(printed.status == 4 && written.status == 4)
            #expect(written.stdout.isEmpty)
            #expect(try Data(contentsOf: URL(fileURLWithPath: out)) == Data(printed.stdout.utf8))
        }
        // Nothing but the output is left in the folder (the temporary file was moved into place).
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == ["records.csv", "records.json", "records.jsonl"])
    }

    /// A destination that is not a regular file (a named pipe here; `/dev/null` and `/dev/stdout`
    /// alike) is written in place: a temporary file moved over it would replace the pipe or device.
    @Test func anOutputThatIsNotARegularFileIsWrittenInPlace() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("reform-fifo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let fifo = dir.appendingPathComponent("records.jsonl").path, copy = dir.appendingPathComponent("copy.jsonl").path
        #expect(mkfifo(fifo, 0o600) == 0)
        // a reader at the other end of the pipe, as a shell's `reform … -o >(…)` would have
        let reader = Process()
        reader.executableURL = URL(fileURLWithPath: "/bin/sh")
        reader.arguments = ["-c", "timeout 60 cat \"$0\" > \"$1\"", fifo, copy]  // a pipe replaced by a file gets no writer
        try reader.run()
        let input = "\(Self.corpus)/born-digital/lo-portrait-01.pdf"
        let written = try Fixtures.reform(["extract", "--format", "jsonl", "-o", fifo, input])
        reader.waitUntilExit()
        let printed = try Fixtures.reform(["extract", "--format", "jsonl", input])
        #expect(written.status == 0, "\(written.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: copy)) == Data(printed.stdout.utf8))
        var status = stat()
        #expect(stat(fifo, &status) == 0 && (status.st_mode & S_IFMT) == S_IFIFO, "the pipe is still a pipe")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == ["copy.jsonl", "records.jsonl"])
    }

    @Test func everyInputFailingStillWritesAnEmptyResult() throws {
        let json = try Fixtures.reform(["extract", "\(Self.corpus)/bad/empty.pdf"])
        #expect(json.status == 4 && json.stdout == "[]\n")
        let csv = try Fixtures.reform(["extract", "--format", "csv", "\(Self.corpus)/bad/empty.pdf"])
        #expect(csv.status == 4 && csv.stdout.hasPrefix("\u{FEFF}file,form,") && csv.stdout.split(separator: "\r\n").count == 1)
    }

    @Test func anUnwritableOutputIsAUsageErrorNamingIt() throws {
        let out = "/nonexistent-\(UUID().uuidString)/records.json"
        let result = try Fixtures.reform(["extract", "\(Self.corpus)/born-digital/lo-portrait-01.pdf", "-o", out])
        #expect(result.status == 64)
        #expect(result.stderr.contains("cannot write \(out): No such file or directory"))
    }

    /// A write the system refuses part-way (a full disk: /dev/full takes nothing) is a usage error
    /// naming the destination and the reason, on standard output as on a file.
    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/dev/full")))
    func aFailedWriteIsAUsageErrorNamingTheDestination() throws {
        let input = "\(Self.corpus)/born-digital/lo-portrait-01.pdf"
        let file = try Fixtures.reform(["extract", input, "-o", "/dev/full"])
        #expect(file.status == 64)
        #expect(file.stderr.contains("cannot write /dev/full: No space left on device"))
        let piped = try Fixtures.run("sh", ["-c", "exec \"$0\" extract \"$1\" > /dev/full", Fixtures.reformBinary, input])
        #expect(piped.status == 64)
        #expect(piped.stderr.contains("cannot write standard output: No space left on device"))
    }

    /// The commands that write a file's output as it is read (tables, text) fail the same way on a
    /// full disk: a usage error naming standard output, not a crash with a stack trace.
    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/dev/full")),
          arguments: [["tables"], ["tables", "--format", "csv"], ["tables", "--format", "html"], ["text"], ["text", "--format", "json"]])
    func otherCommandsSayAFailedWriteToStandardOutput(command: [String]) throws {
        let input = "\(Self.corpus)/born-digital/lo-portrait-01.pdf"
        let piped = try Fixtures.run("sh", ["-c", "exec \"$0\" \"$@\" > /dev/full", Fixtures.reformBinary] + command + [input])
        #expect(piped.status == 64, "\(command): \(piped.stderr)")
        #expect(piped.stderr.contains("cannot write standard output: No space left on device"))
        #expect(!piped.stderr.contains("Fatal error"))
    }

    @Test func exitCodesForFormErrors() throws {
        #expect(try Fixtures.reform(["extract", Fixtures.path("hairline.pdf")]).status == 9)
        let imageOnly = try Fixtures.reform(["extract", "--ocr", "never", Fixtures.path("image-only.pdf")])
        #expect(imageOnly.status == 8 && imageOnly.stderr.contains("needs OCR"))
        let read = try Fixtures.reform(["extract", "--format", "jsonl", Fixtures.path("image-only.pdf")])
        #expect(read.status == 0 && read.stdout.contains("\"method\":\"ocr\""))
    }
}
