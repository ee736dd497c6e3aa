import Foundation
import ReformTestSupport
import Testing

/// `reform tables` and `reform text` write each file's output as soon as it is read: the shape of
/// their JSON follows the files named, not the files that could be read.
@Suite struct TablesCommandTests {
    static let corpus = Fixtures.repoRoot.appendingPathComponent("Corpus").path
    static let first = "\(corpus)/born-digital/lo-portrait-01.pdf"
    static let second = "\(corpus)/born-digital/rl-portrait-02.pdf"
    static let broken = "\(corpus)/bad/empty.pdf"

    static func json(_ text: String) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(text.utf8))
    }

    /// Several files named give an array with an element per file read, in the order named, each
    /// what the file gives alone; one file named gives its object, or an empty array when it fails.
    @Test(arguments: ["tables", "text"])
    func severalFilesAreAnArrayOfWhatEachGivesAlone(command: String) throws {
        let alone = try [Self.first, Self.second].map { path -> NSDictionary in
            let result = try Fixtures.reform([command, "--format", "json", path])
            #expect(result.status == 0, "\(command): \(result.stderr)")
            return try #require(try Self.json(result.stdout) as? NSDictionary)
        }
        let several = try Fixtures.reform([command, "--format", "json", Self.first, Self.broken, Self.second])
        #expect(several.status == 4)
        #expect(several.stderr.split(separator: "\n").count == 1 && several.stderr.contains("empty.pdf"))
        let elements = try #require(try Self.json(several.stdout) as? [NSDictionary])
        #expect(elements == alone)

        // one file read of two named is still an array
        let oneRead = try Fixtures.reform([command, "--format", "json", Self.broken, Self.first])
        #expect(try #require(try Self.json(oneRead.stdout) as? [NSDictionary]) == [alone[0]])
        let none = try Fixtures.reform([command, "--format", "json", Self.broken])
        #expect(none.status == 4 && none.stdout == "[\n\n]\n")
    }

    /// CSV, Markdown and HTML hold the files' tables one after another, numbered through the run.
    @Test func otherFormatsHoldEveryFilesTablesInTurn() throws {
        func tables(_ format: String, _ paths: [String]) throws -> String {
            let result = try Fixtures.reform(["tables", "--format", format] + paths)
            return result.stdout
        }
        let csv = try [Self.first, Self.second].map { try tables("csv", [$0]) }
        #expect(!csv[0].isEmpty && !csv[1].isEmpty)
        #expect(try tables("csv", [Self.first, Self.broken, Self.second]) == csv[0] + "\r\n" + csv[1])

        let counts = try [Self.first, Self.second].map { try tables("markdown", [$0]).components(separatedBy: "**Table ").count - 1 }
        let markdown = try tables("markdown", [Self.first, Self.second])
        let numbers = markdown.components(separatedBy: "**Table ").dropFirst().map { Int($0.prefix { $0.isNumber }) }
        #expect(numbers == (1...(counts[0] + counts[1])).map { $0 })

        let html = try tables("html", [Self.first, Self.broken, Self.second])
        #expect(html.contains("<title>\(Self.first), \(Self.broken), \(Self.second)</title>"))
        #expect(html.components(separatedBy: "<caption>Table ").count - 1 == counts[0] + counts[1])
        #expect(html.hasSuffix("</body></html>\n"))
    }
}
