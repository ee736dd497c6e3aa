import Foundation

/// The canonical JSON of records: keys in SPEC §2 order, byte-stable, written by hand rather than
/// by `JSONEncoder` (whose key order and number formatting are not ours to fix).
///
/// - `pretty` is the layout of the SPEC §2 example: two-space indent, `": "`, the `target` and
///   `source` objects and each review item on one line.
/// - `compact` is one line with no spaces, for JSON Lines.
///
/// Strings are UTF-8 (no `\u` escapes beyond control characters, `/` not escaped); amounts carry
/// exactly two decimals; target values print shortest exact; confidence rounds to three decimals.
public enum RecordJSON {
    /// Decimal places confidence is rounded to.
    public static let confidenceDecimals = 3

    /// Layout of one written record.
    enum Layout {
        case pretty
        case compact
    }

    // MARK: - Writing

    /// One record in the SPEC §2 layout, no trailing newline.
    public static func pretty(_ record: Record) -> String {
        write(record, layout: .pretty)
    }

    /// An array of records, each in the SPEC §2 layout indented one level; ends with a newline.
    public static func pretty(_ records: [Record]) -> String {
        RecordWriter.text(records, format: .json)
    }

    /// One record on one line, no spaces between tokens, no trailing newline.
    public static func compact(_ record: Record) -> String {
        write(record, layout: .compact)
    }

    /// JSON Lines: one compact record per line, each line ending in a newline.
    public static func jsonLines(_ records: [Record]) -> String {
        RecordWriter.text(records, format: .jsonl)
    }

    // MARK: - Reading

    /// Errors reading record JSON.
    public enum ReadError: Error, CustomStringConvertible {
        case invalid(String)

        public var description: String {
            switch self {
            case .invalid(let detail): return "not a record file: \(detail); expected a JSON array of records (SPEC §2)"
            }
        }
    }

    /// Records from a JSON array of record objects (an expected-record file).
    public static func decodeRecords(from data: Data) throws -> [Record] {
        do {
            return try JSONDecoder().decode([Record].self, from: data)
        } catch {
            throw ReadError.invalid(describe(error))
        }
    }

    /// One record from a JSON object.
    public static func decodeRecord(from data: Data) throws -> Record {
        do {
            return try JSONDecoder().decode(Record.self, from: data)
        } catch {
            throw ReadError.invalid(describe(error))
        }
    }

    /// Records from JSON Lines, blank lines skipped.
    public static func decodeJSONLines(from data: Data) throws -> [Record] {
        let text = String(decoding: data, as: UTF8.self)
        return try text.split(whereSeparator: \.isNewline)
            .filter { !$0.allSatisfy(\.isWhitespace) }
            .map { try decodeRecord(from: Data($0.utf8)) }
    }

    static func describe(_ error: any Error) -> String {
        guard let decoding = error as? DecodingError else { return "\(error)" }
        func at(_ context: DecodingError.Context) -> String {
            let path = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
            return path.isEmpty ? context.debugDescription : "\(path): \(context.debugDescription)"
        }
        switch decoding {
        case .keyNotFound(let key, let context): return "\(at(context)) missing key \(key.stringValue)"
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context): return at(context)
        @unknown default: return "\(error)"
        }
    }

    // MARK: - Layout

    static func write(_ record: Record, layout: Layout) -> String {
        let members: [(String, String)] = [
            ("schema", string(record.schema)),
            ("title", string(record.title)),
            ("fiscal_year", record.fiscalYear.map(String.init) ?? "null"),
            ("project", block(ProjectInfo.Field.allCases.map { ($0.rawValue, string(record.project[$0])) }, layout: layout, depth: 1)),
            ("funds_yuan", block(Funds.Field.allCases.map { ($0.rawValue, record.fundsYuan[$0]?.description ?? "null") }, layout: layout, depth: 1)),
            ("goals", block([("overall", string(record.goals.overall)), ("annual", string(record.goals.annual))], layout: layout, depth: 1)),
            ("indicators", list(record.indicators.map { indicator($0, layout: layout) }, layout: layout, depth: 1)),
            ("source", inline(source(record.source, layout: layout), layout: layout)),
            ("confidence", confidence(record.confidence)),
            ("review", list(record.review.map { inline([("path", string($0.path)), ("reason", string($0.reason))], layout: layout) }, layout: layout, depth: 1)),
        ]
        return block(members, layout: layout, depth: 0)
    }

    static func indicator(_ indicator: Indicator, layout: Layout) -> String {
        let target = indicator.target
        let targetMembers = [
            ("raw", string(target.raw)),
            ("op", string(target.op?.rawValue)),
            ("value", target.valueText ?? "null"),
            ("unit", string(target.unit)),
            ("qualitative", string(target.qualitative)),
        ]
        return block([
            ("level1", string(indicator.level1)),
            ("level2", string(indicator.level2)),
            ("name", string(indicator.name)),
            ("target", inline(targetMembers, layout: layout)),
        ], layout: layout, depth: 2)
    }

    static func source(_ source: Source, layout: Layout) -> [(String, String)] {
        let separator = layout == .pretty ? ", " : ","
        var members = [
            ("file", string(source.file)),
            ("sha256", string(source.sha256)),
            ("pages", "[" + source.pages.map(String.init).joined(separator: separator) + "]"),
            ("method", string(source.method.rawValue)),
        ]
        if let reread = source.reread, !reread.isEmpty {
            members.append(("reread", "[" + reread.map(string).joined(separator: separator) + "]"))
        }
        return members
    }

    /// An object over several lines at `depth` (pretty), or on one line (compact).
    static func block(_ members: [(String, String)], layout: Layout, depth: Int) -> String {
        guard layout == .pretty else { return inline(members, layout: layout) }
        guard !members.isEmpty else { return "{}" }
        // Appended piece by piece into one string: records are written as fast as they are read.
        var out = "{\n"
        for (i, member) in members.enumerated() {
            if i > 0 { out += ",\n" }
            appendIndent(&out, depth + 1)
            out += string(member.0)
            out += ": "
            out += member.1
        }
        out += "\n"
        appendIndent(&out, depth)
        out += "}"
        return out
    }

    /// An object on one line: `{"a": 1, "b": 2}` (pretty) or `{"a":1,"b":2}` (compact).
    static func inline(_ members: [(String, String)], layout: Layout) -> String {
        let (colon, comma) = layout == .pretty ? (": ", ", ") : (":", ",")
        var out = "{"
        for (i, member) in members.enumerated() {
            if i > 0 { out += comma }
            out += string(member.0)
            out += colon
            out += member.1
        }
        out += "}"
        return out
    }

    /// An array of already written elements, one per line at `depth` (pretty), or on one line.
    static func list(_ elements: [String], layout: Layout, depth: Int) -> String {
        guard !elements.isEmpty else { return "[]" }
        guard layout == .pretty else { return "[" + elements.joined(separator: ",") + "]" }
        var out = "[\n"
        for (i, element) in elements.enumerated() {
            if i > 0 { out += ",\n" }
            appendIndent(&out, depth + 1)
            out += element
        }
        out += "\n"
        appendIndent(&out, depth)
        out += "]"
        return out
    }

    /// Two spaces for each level of `depth`.
    static func appendIndent(_ out: inout String, _ depth: Int) {
        for _ in 0..<depth { out += "  " }
    }

    /// `text` with `indent` at the start of every line (the empty ones too).
    static func indentLines(_ text: String, by indent: String) -> String {
        let prefix = Array(indent.utf8)
        var text = text
        return text.withUTF8 { bytes in
            var out = prefix
            out.reserveCapacity(bytes.count + bytes.count / 8)
            var start = 0
            // Whole lines are copied at once.
            while let newline = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) {
                out.append(contentsOf: bytes[start...newline])
                out.append(contentsOf: prefix)
                start = newline + 1
            }
            out.append(contentsOf: bytes[start...])
            return String(decoding: out, as: UTF8.self)
        }
    }

    // MARK: - Scalars

    static func string(_ value: String?) -> String {
        guard let value else { return "null" }
        // most values need no escape: quoted as they are
        if !value.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            return "\"" + value + "\""
        }
        var out = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            case _ where scalar.value < 0x20:
                out += "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count) + String(scalar.value, radix: 16)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// Confidence clamped to 0…1, rounded to ``confidenceDecimals``, printed shortest with at least
    /// one decimal (`1.0`, `0.83`, `0.833`). A non-finite value prints `0.0`: it never certifies anything.
    static func confidence(_ value: Double) -> String {
        let clamped = value.isFinite ? min(max(value, 0), 1) : 0
        let scale = Int(pow(10, Double(confidenceDecimals)))
        let units = Int((clamped * Double(scale)).rounded())
        var fraction = String(units % scale)
        fraction = String(repeating: "0", count: confidenceDecimals - fraction.count) + fraction
        while fraction.count > 1, fraction.hasSuffix("0") { fraction.removeLast() }
        return "\(units / scale).\(fraction)"
    }
}
