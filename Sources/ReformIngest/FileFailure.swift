import ReformForms
import ReformPDF

/// Why one input yielded no records, as the failures table stores it: the error's stable kind,
/// the exit code `reform extract` would give for it, and its one-line description.
public struct FileFailure: Sendable, Hashable, Error, CustomStringConvertible {
    public var kind: String
    public var exitCode: Int32
    public var reason: String

    public init(kind: String, exitCode: Int32, reason: String) {
        self.kind = kind
        self.exitCode = exitCode
        self.reason = reason
    }

    /// The failure behind an error `RecordReader` threw. Errors it does not document (none are
    /// expected) keep their text under kind `unexpected` and exit code 10.
    public init(_ error: any Error) {
        switch error {
        case let e as ExtractError: self.init(kind: e.kind, exitCode: e.exitCode, reason: e.description)
        case let e as FormError: self.init(kind: e.kind, exitCode: e.exitCode, reason: e.description)
        case let e as FileFailure: self = e
        default: self.init(kind: "unexpected", exitCode: 10, reason: "\(error)")
        }
    }

    public var description: String { reason }
}
