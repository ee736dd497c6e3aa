/// A label matched leniently against the indicator taxonomy: the term it most likely stands for.
public struct TaxonomyMatch: Sendable, Hashable {
    /// The taxonomy term, spelled exactly as in ``Taxonomy``.
    public let term: String
    /// Similarity in 0…1; 1 only for an exact match.
    public let score: Double

    public init(term: String, score: Double) {
        self.term = term
        self.score = score
    }

    /// Whether the label was the term itself.
    public var isExact: Bool { score == 1 }
}
