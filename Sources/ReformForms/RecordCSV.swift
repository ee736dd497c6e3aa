import Foundation

/// Flat CSV of records for spreadsheets: one row per indicator, each with its form's columns
/// (a form without indicators gets one row). UTF-8 with a byte-order mark so spreadsheet programs
/// read the Chinese correctly.
public enum RecordCSV {
    public static let header = [
        "file", "form", "pages", "method", "fiscal_year",
        "name", "department", "implementing_unit", "nature", "category", "planned_start", "planned_end",
        "project_total", "project_fiscal", "project_other", "annual_total", "annual_appropriation", "annual_carryover", "annual_other",
        "goal_overall", "goal_annual",
        "indicator", "level1", "level2", "indicator_name", "target_raw", "target_op", "target_value", "target_unit", "target_qualitative",
        "confidence", "review",
    ]

    /// The byte-order mark and the header row.
    public static let headerLine = "\u{FEFF}" + header.joined(separator: ",") + "\r\n"

    /// The whole CSV text, BOM and header included.
    public static func csv(_ records: [Record]) -> String {
        RecordWriter.text(records, format: .csv)
    }

    /// The rows of one record, the `form`-th of its file.
    static func rows(_ r: Record, form n: Int) -> String {
        var base: [String] = [r.source.file, "\(n)", r.source.pages.map(String.init).joined(separator: " "), r.source.method.rawValue,
                              r.fiscalYear.map(String.init) ?? ""]
        base += ProjectInfo.Field.allCases.map { r.project[$0] ?? "" }
        base += Funds.Field.allCases.map { r.fundsYuan[$0]?.description ?? "" }
        base += [r.goals.overall ?? "", r.goals.annual ?? ""]
        let tail = [String(format: "%.3f", r.confidence), r.review.map { "\($0.path): \($0.reason)" }.joined(separator: "; ")]
        if r.indicators.isEmpty {
            return row(base + Array(repeating: "", count: 9) + tail)
        }
        var out = ""
        for (i, ind) in r.indicators.enumerated() {
            let t = ind.target
            out += row(base + ["\(i + 1)", ind.level1 ?? "", ind.level2 ?? "", ind.name ?? "", t.raw, t.op?.rawValue ?? "",
                               t.valueText ?? "", t.unit ?? "", t.qualitative ?? ""] + tail)
        }
        return out
    }

    static func row(_ fields: [String]) -> String {
        fields.map { f in
            f.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) ? "\"" + f.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : f
        }.joined(separator: ",") + "\r\n"
    }
}
