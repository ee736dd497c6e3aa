import Foundation

/// One Unicode scalar of a page's text layer with its box and font.
///
/// poppler reports one rectangle per Unicode scalar of `poppler_page_get_text`, so a glyph is a
/// scalar, not a Swift `Character`. Line breaks that poppler synthesizes carry a zero-size box.
///
/// A glyph holds no reference (its font is a `FontName`, a number): layout copies, sorts and
/// slices arrays of thousands of them, which then move as plain memory, without reference counting.
public struct Glyph: Sendable, Hashable {
    public var scalar: Unicode.Scalar
    public var font: FontName
    public var box: Rect
    public var fontSize: Double

    public init(scalar: Unicode.Scalar, box: Rect, font: FontName, fontSize: Double) {
        self.scalar = scalar
        self.font = font
        self.box = box
        self.fontSize = fontSize
    }

    public init(scalar: Unicode.Scalar, box: Rect, fontName: String, fontSize: Double) {
        self.init(scalar: scalar, box: box, font: FontName(fontName), fontSize: fontSize)
    }

    /// The name of the glyph's font, as the PDF gives it (empty when it gives none).
    public var fontName: String {
        get { font.name }
        set { font = FontName(newValue) }
    }

    /// The glyph with its box shrunk about its centre to `share` of its height and width.
    public func core(_ share: Double) -> Glyph {
        var g = self
        let dx = box.width * (1 - share) / 2, dy = box.height * (1 - share) / 2
        g.box = Rect(left: box.left + dx, top: box.top + dy, right: box.right - dx, bottom: box.bottom - dy)
        return g
    }

    /// Spaces and line breaks: poppler's reading-order artefacts, not ink on the page.
    public var isWhitespace: Bool {
        // Layout asks this in inner loops: answered without Unicode's property tables, same answer.
        scalar.isUnicodeWhiteSpace
    }
}

extension Unicode.Scalar {
    /// Unicode's White_Space property, what `properties.isWhitespace` answers, from the property's
    /// fixed list of 25 scalars instead of Unicode's tables: layout, label matching and the target
    /// grammar ask it in inner loops (a test checks every scalar against the tables).
    @inlinable public var isUnicodeWhiteSpace: Bool {
        switch value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: true
        default: false
        }
    }

    /// Whether the scalar is an invisible format control (general category Cf), what
    /// `properties.generalCategory == .format` answers, without Unicode's tables for the scalars a
    /// form is made of: ASCII and Latin-1 below the soft hyphen, and CJK from U+3000 to U+9FFF hold
    /// none (layout asks it of every glyph of every cell; a test checks every scalar).
    @inlinable public var isFormatControl: Bool {
        if value < 0xAD || (0x3000...0x9FFF).contains(value) { return false }
        return properties.generalCategory == .format
    }

    /// Whether the scalar is a decimal digit (general category Nd), what
    /// `properties.generalCategory == .decimalNumber` answers: ASCII's ten, none elsewhere below
    /// U+0660 nor from U+3000 to U+9FFF, the rest from Unicode's tables (a test checks every scalar).
    @inlinable public var isDecimalDigit: Bool {
        if value < 0x660 { return (0x30...0x39).contains(value) }
        if (0x3000...0x9FFF).contains(value) { return false }
        return properties.generalCategory == .decimalNumber
    }
}

/// A font's name, interned for the process: equal names are equal numbers.
public struct FontName: Sendable, Hashable {
    private let id: UInt32

    public init(_ name: String) {
        id = FontName.table.id(of: name)
    }

    public var name: String { FontName.table.name(of: id) }

    private static let table = Table()

    /// Names in the order first seen, and their numbers; shared by every thread.
    private final class Table: @unchecked Sendable {
        private let lock = NSLock()
        private var names: [String] = []
        private var ids: [String: UInt32] = [:]

        func id(of name: String) -> UInt32 {
            lock.withLock {
                if let id = ids[name] { return id }
                let id = UInt32(names.count)
                names.append(name)
                ids[name] = id
                return id
            }
        }

        func name(of id: UInt32) -> String {
            lock.withLock { names[Int(id)] }
        }
    }
}
