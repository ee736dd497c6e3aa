/// Why a file held no form. Exit codes continue ExtractError's (see README.md, "Exit codes").
public enum FormError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file has text but no form title anywhere.
    case notThisForm(path: String)
    /// Plain text that is not this form's text.
    case notFormText(path: String)

    public var exitCode: Int32 { 9 }

    public var kind: String { "not_this_form" }

    public var path: String {
        switch self {
        case .notThisForm(let p), .notFormText(let p): return p
        }
    }

    public var description: String {
        switch self {
        case .notThisForm(let p): return "\(p): no 财政项目支出绩效目标申报表 found (not this form)"
        case .notFormText(let p): return "\(p): the text holds no 财政项目支出绩效目标申报表 (not this form's text)"
        }
    }
}
