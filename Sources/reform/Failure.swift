import ReformForms
import ReformPDF

/// A failure the CLI reports on one line and maps to an exit code.
protocol Failure: Error, CustomStringConvertible {
    var exitCode: Int32 { get }
    var kind: String { get }
}

extension ExtractError: Failure {}
extension FormError: Failure {}
