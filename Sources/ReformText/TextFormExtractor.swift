import ReformForms

/// Reads scrambled plain text (what a naive extraction left of a PDF of forms) into canonical
/// records with `source.method = "text"`.
///
/// Until the grammar-based reconstruction lands, text input is recognized and refused with a clear
/// error naming the file, so a batch reports it and goes on.
public struct TextFormExtractor: Sendable {
    public var template: FormTemplate

    public init(template: FormTemplate = .performanceTarget) {
        self.template = template
    }

    /// The records of every form in `text`. Throws `FormError.notFormText` when the text holds none.
    public func records(text: String, path: String, file: String, sha256: String) throws -> [Record] {
        throw FormError.notFormText(path: path)
    }
}
