import Foundation
import ReformForms
import ReformPDF
import ReformText

/// Reads one input — a PDF, a text file, or standard input — into canonical records: PDFs through
/// geometry (`FormExtractor`), plain text through the form's grammar (`TextFormExtractor`).
public struct RecordReader: Sendable {
    public var pdf: FormExtractor
    public var text: TextFormExtractor
    public var password: String?

    public init(pdf: FormExtractor = FormExtractor(), text: TextFormExtractor = TextFormExtractor(), password: String? = nil) {
        self.pdf = pdf
        self.text = text
        self.password = password
    }

    /// The records of the file at `path` (`-` reads standard input).
    public func records(_ path: String, timings: StageTimings? = nil) throws -> [Record] {
        if path == "-" {
            return try records(data: FileHandle.standardInput.readDataToEndOfFile(), path: "<stdin>", file: "stdin", timings: timings)
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { throw ExtractError.fileNotFound(path: path) }
        if isDirectory.boolValue { throw ExtractError.unreadable(path: path, reason: "is a directory") }
        let file = Self.fileName(path)
        let head = FileHandle(forReadingAtPath: path).flatMap { try? $0.read(upToCount: 1024) } ?? Data()
        if Self.isPlainText(head) {
            guard let data = FileManager.default.contents(atPath: path) else { throw ExtractError.unreadable(path: path, reason: "cannot read") }
            return try records(data: data, path: path, file: file, timings: timings)
        }
        let document = try PDFDocument(path: path, password: password)
        return try pdf.records(document, file: file, sha256: SHA256.hex(of: document, at: path), timings: timings)
    }

    /// The records of bytes held in memory; `path` names them in errors, `file` in `source.file`.
    public func records(data: Data, path: String, file: String, timings: StageTimings? = nil) throws -> [Record] {
        let sha = SHA256.hex(data)
        if Self.isPlainText(data.prefix(1024)) {
            guard let string = String(data: data, encoding: .utf8) else { throw FormError.notFormText(path: path) }
            return try timings.measure("text") { try text.records(text: string, path: path, file: file, sha256: sha) }
        }
        let document = try PDFDocument(data: data, path: path, password: password)
        return try pdf.records(document, file: file, sha256: sha, timings: timings)
    }

    /// The last component of a file's path (`source.file`), as `URL(fileURLWithPath:).lastPathComponent`
    /// names it: trailing slashes dropped, `/` for the root. Split here, not through `URL`, whose
    /// first use costs each process a run-time type lookup over every conformance record (~0.3 ms).
    public static func fileName(_ path: String) -> String {
        let bytes = Array(path.utf8)
        guard let end = bytes.lastIndex(where: { $0 != UInt8(ascii: "/") }) else { return bytes.isEmpty ? "" : "/" }
        let start = bytes[..<end].lastIndex(of: UInt8(ascii: "/")).map { $0 + 1 } ?? 0
        return String(decoding: bytes[start...end], as: UTF8.self)
    }

    /// Whether the bytes look like plain text rather than a PDF or another binary format.
    public static func isPlainText(_ head: Data) -> Bool {
        guard !head.isEmpty, !head.holds("%PDF-"), !head.contains(0) else { return false }
        // A cut in the middle of a multi-byte character at the end of the sample is still text.
        for trim in 0...3 where head.count > trim {
            if String(data: head.dropLast(trim), encoding: .utf8) != nil { return true }
        }
        return false
    }

    /// Input paths with directories walked for .pdf and .txt files (sorted); files and `-` as given.
    public static func expand(_ paths: [String]) -> [String] {
        paths.flatMap { path -> [String] in
            var isDirectory: ObjCBool = false
            guard path != "-", FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
                return [path]
            }
            let base = URL(fileURLWithPath: path).standardizedFileURL
            let walker = FileManager.default.enumerator(at: base, includingPropertiesForKeys: [.isRegularFileKey])
            var found: [String] = []
            while let url = walker?.nextObject() as? URL {
                guard ["pdf", "txt"].contains(url.pathExtension.lowercased()) else { continue }
                let relative = url.standardizedFileURL.path.dropFirst(base.path.count + 1)
                found.append((path.hasSuffix("/") ? path : path + "/") + relative)
            }
            return found.sorted()
        }
    }
}
