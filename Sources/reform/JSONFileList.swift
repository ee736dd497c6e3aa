/// The frame of JSON written a file at a time (`reform tables`, `reform text`): one file named is its
/// bare object, several an array with an element per file read, each written at `PrettyJSON(level:
/// elementLevel)` as soon as it is ready, the brackets and commas placed around them.
struct JSONFileList {
    /// Whether one file was named.
    private let single: Bool
    /// Elements written so far.
    private var count = 0

    init(inputs: Int) {
        single = inputs == 1
    }

    /// The indentation an element is written at.
    var elementLevel: Int { single ? 0 : 1 }

    /// What goes before the next element: the array's opening bracket before the first, a comma before the rest.
    mutating func next() -> [UInt8] {
        defer { count += 1 }
        return single ? [] : Array((count == 0 ? "[\n  " : ",\n  ").utf8)
    }

    /// What goes after the last element: a line break after a lone file's object, else the array's end
    /// (JSONEncoder's empty array when no file was read).
    func end() -> [UInt8] {
        Array((single && count == 1 ? "\n" : count == 0 ? "[\n\n]\n" : "\n]\n").utf8)
    }
}
