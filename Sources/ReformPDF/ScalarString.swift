extension String {
    /// The string of `scalars`, in order.
    ///
    /// `String(String.UnicodeScalarView(scalars))` says the same, but the view's
    /// `append(contentsOf:)` is not specialized in the standard library: for each new kind of
    /// sequence the runtime built type metadata from mangled names on first use, scanning every
    /// protocol-conformance record of the executable, about 0.1–0.3 ms of a process each
    /// (docs/benchmarks.md, twenty-seventh session). Inlined, this loop is specialized where it is
    /// called and appends one scalar at a time through the view's concrete `append`.
    @inlinable
    public init<S: Sequence>(scalars: S) where S.Element == Unicode.Scalar {
        var view = String.UnicodeScalarView()
        for scalar in scalars { view.append(scalar) }
        self = String(view)
    }
}
