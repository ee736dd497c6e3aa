import Foundation
import ReformPDF
import Testing
@testable import ReformIngest

@Suite("RecordReader")
struct RecordReaderTests {
    /// `source.file` is what Foundation's URL calls a file path's last component.
    @Test(arguments: ["a.pdf", "dir/a.pdf", "/abs/dir/a.pdf", "./a.pdf", "../up/a.pdf", "dir/sub/", "dir//a.pdf",
                      "/", "//", "/a", "a/", "a//", "空 格/表 1.pdf", "x/.hidden.pdf"])
    func fileNameIsURLsLastPathComponent(_ path: String) {
        #expect(RecordReader.fileName(path) == URL(fileURLWithPath: path).lastPathComponent)
    }

    /// Text is told from a PDF by the `%PDF-` marker anywhere in the sample and by NUL bytes.
    @Test func plainTextIsNeitherPDFNorBinary() {
        #expect(RecordReader.isPlainText(Data("财政项目支出绩效目标申报表\n项目名称".utf8)))
        #expect(!RecordReader.isPlainText(Data("%PDF-1.7\n%âãÏÓ".utf8)))
        #expect(!RecordReader.isPlainText(Data("junk before %PDF-1.4".utf8)))
        #expect(RecordReader.isPlainText(Data("%PDF 1.4 is not the marker".utf8)))
        #expect(!RecordReader.isPlainText(Data([0x61, 0x00, 0x62])))
        #expect(!RecordReader.isPlainText(Data()))
        // a multi-byte character cut at the end of the sample is still text
        #expect(RecordReader.isPlainText(Data("项目表".utf8).dropLast()))
    }

    /// The marker scan the check shares with PDFDocument's envelope check.
    @Test func holdsFindsAMarkerAnywhere() {
        #expect(Data("%PDF-".utf8).holds("%PDF-"))
        #expect(Data("xx%PD%PDF-".utf8).holds("%PDF-"))
        #expect(!Data("%PDF".utf8).holds("%PDF-"))
        #expect(!Data().holds("%PDF-"))
    }
}
