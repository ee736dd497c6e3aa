/// Page selections such as `1-3,5`, as users type them, and their compact description.
public enum PageRanges {
    /// Parses `1-3,5,8-` into sorted unique 1-based page numbers, clipped to `pageCount`.
    /// Returns nil for malformed text.
    public static func parse(_ text: String, pageCount: Int) -> [Int]? {
        var pages = Set<Int>()
        for part in text.split(separator: ",") {
            let bounds = part.split(separator: "-", omittingEmptySubsequences: false).map { $0.trimmingSpaces }
            switch bounds.count {
            case 1:
                guard let p = Int(bounds[0]), p >= 1 else { return nil }
                pages.insert(p)
            case 2:
                guard let a = bounds[0].isEmpty ? 1 : Int(bounds[0]), a >= 1 else { return nil }
                guard let b = bounds[1].isEmpty ? pageCount : Int(bounds[1]), b >= a else { return nil }
                pages.formUnion(a...b)
            default:
                return nil
            }
        }
        return pages.sorted()
    }

    /// `[1, 2, 3, 5]` → `1–3, 5`.
    public static func describe(_ pages: [Int]) -> String {
        var parts: [String] = []
        var i = 0
        let sorted = pages.sorted()
        while i < sorted.count {
            var j = i
            while j + 1 < sorted.count && sorted[j + 1] == sorted[j] + 1 { j += 1 }
            parts.append(i == j ? "\(sorted[i])" : "\(sorted[i])–\(sorted[j])")
            i = j + 1
        }
        return parts.joined(separator: ", ")
    }
}

extension Substring {
    var trimmingSpaces: String {
        String(self.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}
