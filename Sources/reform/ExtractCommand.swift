import ArgumentParser
import Foundation
import ReformForms
import ReformIngest
import ReformPDF

/// `reform extract`: PDFs of forms in, one canonical record per form out.
struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Read every 财政项目支出绩效目标申报表 in PDFs (or scrambled text) into canonical records.",
        discussion: "Directories are walked for .pdf and .txt files. A bad file is reported on one line and the rest are still read."
    )

    typealias Format = RecordWriter.Format

    @Argument(help: "PDF or text files, directories, or '-' for standard input.")
    var paths: [String]

    @Option(name: .shortAndLong, help: "Write to this file instead of standard output.")
    var output: String?

    @Option(help: "json (an array, pretty), jsonl (one record a line) or csv (one row per indicator, UTF-8 with BOM).")
    var format: Format = .json

    @Option(help: "Password for encrypted PDFs.")
    var password: String?

    @Option(help: "Read pages from their image with tesseract: auto (image-only pages, and the doubtful cells of scans), always (every cell of every scan), never.")
    var ocr: OCRPolicy = .auto

    @OptionGroup var options: RunOptions

    func run() throws {
        var run = FileRun()
        let tally = options.tally()
        let files = RecordReader.expand(paths)
        let lanes = options.lanes(files: files.count)
        let reader = RecordReader(pdf: FormExtractor(workers: lanes.pageWorkers, ocr: ocr), password: password)
        // Each file's records are written as soon as it and the files before it are read: a folder of
        // thousands of files never sits in memory whole.
        var writer = RecordWriter(format: format)
        try OutputFile.write(output ?? "-") { sink in
            try sink(writer.begin())
            try lanes.files.forEachInOrder(files, { path in Result { try reader.records(path, timings: tally) } }) { result in
                try run.guarded {
                    let records = try result.get()
                    let text = tally.measure("write") { writer.add(records) }
                    try sink(text)
                }
            }
            try sink(writer.end())
        }
        if let tally { TimingsReport.print(tally) }
        try run.finish()
    }
}

extension OCRPolicy: ExpressibleByArgument {}
