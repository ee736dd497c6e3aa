import Foundation

/// A small PDF written object by object, with a correct cross-reference table: for tests that need
/// a construct no fixture has (a font of an unusual kind, a page of a given content).
///
/// Object 1 is the page tree: pages name it as `/Parent 1 0 R`.
public struct MinimalPDF {
    /// The body of each object, numbered from 1 in order (the page tree's is filled in by `data`).
    private var objects: [String] = [""]

    public init() {}

    /// Adds an object and returns its number.
    @discardableResult
    public mutating func add(_ body: String) -> Int {
        objects.append(body)
        return objects.count
    }

    /// Adds a stream object holding `content`.
    @discardableResult
    public mutating func addStream(_ content: String) -> Int {
        add("<< /Length \(content.utf8.count) >>\nstream\n\(content)\nendstream")
    }

    /// Adds a page of `width` × `height` points drawing `content` with `fonts` (resource name to
    /// font object) and returns its number.
    @discardableResult
    public mutating func addPage(content: String, fonts: [String: Int], width: Int = 595, height: Int = 842) -> Int {
        let stream = addStream(content)
        let resources = fonts.sorted { $0.key < $1.key }.map { "/\($0.key) \($0.value) 0 R" }.joined(separator: " ")
        return add("<< /Type /Page /Parent 1 0 R /MediaBox [0 0 \(width) \(height)] /Resources << /Font << \(resources) >> >> /Contents \(stream) 0 R >>")
    }

    /// The file's bytes, with `pages` (page object numbers) in the page tree.
    public func data(pages: [Int]) -> Data {
        var objects = self.objects
        objects[0] = "<< /Type /Pages /Kids [\(pages.map { "\($0) 0 R" }.joined(separator: " "))] /Count \(pages.count) >>"
        objects.append("<< /Type /Catalog /Pages 1 0 R >>")
        var out = "%PDF-1.4\n"
        var offsets: [Int] = []
        for (i, body) in objects.enumerated() {
            offsets.append(out.utf8.count)
            out += "\(i + 1) 0 obj\n\(body)\nendobj\n"
        }
        let xref = out.utf8.count
        out += "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
        for offset in offsets { out += String(format: "%010d 00000 n \n", offset) }
        out += "trailer\n<< /Size \(objects.count + 1) /Root \(objects.count) 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
        return Data(out.utf8)
    }
}

extension MinimalPDF {
    /// Pages each showing a line in Helvetica ("Readable"), a line in a CID font of the Adobe-Japan2
    /// collection that the PDF does not embed, or both. poppler-data ships no Unicode map for that
    /// collection, so poppler drops the font ("Missing language pack for 'Adobe-Japan2' mapping"),
    /// as it drops Adobe-GB1 fonts where poppler-data is not installed.
    public static func unmappedCIDSample(_ pages: [(latin: Bool, cid: Bool)]) -> Data {
        var pdf = MinimalPDF()
        let helvetica = pdf.add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
        let type0 = pdf.addCIDFont(name: "HeiseiMin-W3", ordering: "Japan2", encoding: "Identity-H")
        let objects = pages.map { page in
            let lines = (page.latin ? ["BT /F1 12 Tf 72 760 Td (Readable) Tj ET"] : [])
                + (page.cid ? [unmappedLine] : [])
            // each page names only the fonts it uses: poppler loads every font a page's resources name
            let fonts = (page.latin ? ["F1": helvetica] : [:]).merging(page.cid ? ["F2": type0] : [:]) { a, _ in a }
            return pdf.addPage(content: lines.joined(separator: "\n"), fonts: fonts)
        }
        return pdf.data(pages: objects)
    }
}

extension MinimalPDF {
    /// A line shown in font /F2 (four CIDs), the unmapped Adobe-Japan2 font of the samples below.
    static let unmappedLine = "BT /F2 12 Tf 72 720 Td <0411042104320441> Tj ET"

    /// Adds a Type 0 font over a CID font of Adobe's `ordering` collection that the PDF does not
    /// embed, in `encoding` (a predefined CMap), and returns the Type 0 font's number.
    public mutating func addCIDFont(name: String, ordering: String, encoding: String) -> Int {
        let descriptor = add("<< /Type /FontDescriptor /FontName /\(name) /Flags 6 /FontBBox [0 -141 1000 859] /ItalicAngle 0 /Ascent 859 /Descent -141 /CapHeight 700 /StemV 80 >>")
        let cid = add("<< /Type /Font /Subtype /CIDFontType0 /BaseFont /\(name) /CIDSystemInfo << /Registry (Adobe) /Ordering (\(ordering)) /Supplement 0 >> /FontDescriptor \(descriptor) 0 R /DW 1000 >>")
        return add("<< /Type /Font /Subtype /Type0 /BaseFont /\(name) /Encoding /\(encoding) /DescendantFonts [\(cid) 0 R] >>")
    }

    /// One page with the form's title in STSong-Light (Adobe-GB1, UniGB-UCS2-H, not embedded, read
    /// through poppler-data's maps) and below it a line in the unmapped Adobe-Japan2 font of
    /// `unmappedCIDSample`: a form with part of its text in a font poppler cannot read.
    public static func formWithUnmappedLine(title: String = "财政项目支出绩效目标申报表") -> Data {
        var pdf = MinimalPDF()
        let song = pdf.addCIDFont(name: "STSong-Light", ordering: "GB1", encoding: "UniGB-UCS2-H")
        let japan = pdf.addCIDFont(name: "HeiseiMin-W3", ordering: "Japan2", encoding: "Identity-H")
        let codes = title.utf16.map { String(format: "%04X", $0) }.joined()
        let content = "BT /F1 16 Tf 150 780 Td <\(codes)> Tj ET\n\(unmappedLine)"
        let page = pdf.addPage(content: content, fonts: ["F1": song, "F2": japan])
        return pdf.data(pages: [page])
    }
}

extension MinimalPDF {
    /// One page of `pageWidth` × `pageHeight` points covered by an 8-bit grey picture (`pixels`,
    /// row-major, `width` × `height`, stored hex-encoded): a scan, with no text layer, or with
    /// `layer` lines as an OCR layer (invisible text in STSong-Light, each line at its baseline's
    /// start, in page points from the top left). `before` and `after` are content drawn before and
    /// after the picture; `placement` its `cm` operands instead of the whole page.
    public static func grayImagePage(_ pixels: [UInt8], width: Int, height: Int, pageWidth: Double, pageHeight: Double,
                                     layer: [(text: String, x: Double, y: Double)] = [],
                                     before: String = "", placement: String? = nil, after: String = "") -> Data {
        precondition(pixels.count == width * height, "a grey picture needs width × height bytes")
        var pdf = MinimalPDF()
        let digits = Array("0123456789ABCDEF".utf8)
        var hex = [UInt8]()
        hex.reserveCapacity(2 * pixels.count + 1)
        for p in pixels {
            hex.append(digits[Int(p >> 4)])
            hex.append(digits[Int(p & 0xF)])
        }
        hex.append(UInt8(ascii: ">"))
        let body = String(decoding: hex, as: UTF8.self)
        let image = pdf.add("<< /Type /XObject /Subtype /Image /Width \(width) /Height \(height) /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /ASCIIHexDecode /Length \(body.utf8.count) >>\nstream\n\(body)\nendstream")
        let song = layer.isEmpty ? nil : pdf.addCIDFont(name: "STSong-Light", ordering: "GB1", encoding: "UniGB-UCS2-H")
        let lines = layer.map { line in
            let codes = line.text.utf16.map { String(format: "%04X", $0) }.joined()
            return "BT 3 Tr /F1 10 Tf 1 0 0 1 \(line.x) \(pageHeight - line.y) Tm <\(codes)> Tj ET"
        }
        let picture = "q \(placement ?? "\(pageWidth) 0 0 \(pageHeight) 0 0") cm /Im0 Do Q"
        let content = pdf.addStream(([before, picture] + lines + [after]).filter { !$0.isEmpty }.joined(separator: "\n"))
        let fonts = song.map { " /Font << /F1 \($0) 0 R >>" } ?? ""
        let page = pdf.add("<< /Type /Page /Parent 1 0 R /MediaBox [0 0 \(pageWidth) \(pageHeight)] /Resources << /XObject << /Im0 \(image) 0 R >>\(fonts) >> /Contents \(content) 0 R >>")
        return pdf.data(pages: [page])
    }
}
