import Foundation

/// The inputs a command was given: files as named, directories walked for PDFs and text files.
enum InputFiles {
    static let extensions: Set<String> = ["pdf", "txt"]

    /// Files and `-` as given; each directory replaced by its PDFs and .txt files, sorted, recursively.
    static func expand(_ paths: [String]) -> [String] {
        paths.flatMap { path -> [String] in
            var isDirectory: ObjCBool = false
            guard path != "-", FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
                return [path]
            }
            let base = URL(fileURLWithPath: path)
            let walker = FileManager.default.enumerator(at: base, includingPropertiesForKeys: [.isRegularFileKey])
            var found: [String] = []
            while let url = walker?.nextObject() as? URL {
                guard extensions.contains(url.pathExtension.lowercased()) else { continue }
                found.append(path.hasSuffix("/") ? path + url.path.dropFirst(base.path.count + 1) : path + "/" + url.path.dropFirst(base.path.count + 1))
            }
            return found.sorted()
        }
    }

    /// Whether the bytes look like plain text rather than a PDF.
    static func isPlainText(_ head: Data) -> Bool {
        guard !head.isEmpty, head.range(of: Data("%PDF-".utf8)) == nil else { return false }
        return String(data: head, encoding: .utf8) != nil && !head.contains(0)
    }
}
