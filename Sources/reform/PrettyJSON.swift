/// JSON text written straight into bytes, laid out exactly as `JSONEncoder` lays it out with
/// `[.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]` (two-space indent, `"key" : value`,
/// numbers as `description` without a trailing `.0`). Keys are written in the order given, so callers
/// give them sorted.
///
/// A report is written page by page, each page on the thread that read it, instead of being kept as
/// values and encoded as one tree at the end: that took as long as reading the text, and held the
/// whole document's tree and its copies in memory at once.
struct PrettyJSON {
    private(set) var bytes: [UInt8] = []
    private var level: Int
    /// Per open container: whether nothing has been written into it yet.
    private var empty: [Bool] = []

    /// A writer whose first value sits at indentation `level` (its own first line is not indented:
    /// the container it goes into places it).
    init(level: Int = 0) {
        self.level = level
    }

    enum Failure: Error, CustomStringConvertible {
        case nonFinite(Double)
        var description: String {
            switch self {
            case .nonFinite(let value): "Unable to encode \(value) directly in JSON."
            }
        }
    }

    // MARK: - Containers

    mutating func object(_ body: (inout PrettyJSON) throws -> Void) rethrows {
        try container(open: UInt8(ascii: "{"), close: UInt8(ascii: "}"), body)
    }

    mutating func array(_ body: (inout PrettyJSON) throws -> Void) rethrows {
        try container(open: UInt8(ascii: "["), close: UInt8(ascii: "]"), body)
    }

    private mutating func container(open: UInt8, close: UInt8, _ body: (inout PrettyJSON) throws -> Void) rethrows {
        bytes.append(open)
        level += 1
        empty.append(true)
        try body(&self)
        level -= 1
        let wasEmpty = empty.removeLast()
        bytes.append(UInt8(ascii: "\n"))
        // JSONEncoder leaves a blank line in an empty container.
        if wasEmpty { bytes.append(UInt8(ascii: "\n")) }
        indent()
        bytes.append(close)
    }

    /// Starts the next member of the open object: `"key" : `, its value written next.
    mutating func key(_ name: StaticString) {
        nextItem()
        bytes.append(UInt8(ascii: "\""))
        name.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(contentsOf: [UInt8(ascii: "\""), UInt8(ascii: " "), UInt8(ascii: ":"), UInt8(ascii: " ")])
    }

    /// Starts the next element of the open array, its value written next.
    mutating func element() {
        nextItem()
    }

    /// Appends a value written by another writer made with `PrettyJSON(level:)` at this level.
    mutating func append(rendered: [UInt8]) {
        bytes.append(contentsOf: rendered)
    }

    private mutating func nextItem() {
        if empty[empty.count - 1] {
            empty[empty.count - 1] = false
        } else {
            bytes.append(UInt8(ascii: ","))
        }
        bytes.append(UInt8(ascii: "\n"))
        indent()
    }

    private mutating func indent() {
        bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * level))
    }

    // MARK: - Values

    mutating func value(_ number: Double) throws {
        guard number.isFinite else { throw Failure.nonFinite(number) }
        var text = number.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        bytes.append(contentsOf: text.utf8)
    }

    mutating func value(_ number: Int) {
        bytes.append(contentsOf: String(number).utf8)
    }

    mutating func value(_ flag: Bool) {
        bytes.append(contentsOf: (flag ? "true" : "false").utf8)
    }

    mutating func value(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
            case UInt8(ascii: "\\"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
            case 0x08: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "b")])
            case 0x0C: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "f")])
            case 0x0A: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
            case 0x0D: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
            case 0x09: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"),
                                          hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    mutating func value(_ numbers: [Double]) throws {
        try array { json in
            for n in numbers {
                json.element()
                try json.value(n)
            }
        }
    }
}
