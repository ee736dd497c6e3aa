import Testing
@testable import ReformForms

@Suite("DateValue")
struct DateValueTests {
    @Test(arguments: [
        "2024-01-01", "2024-1-1", "2024年1月1日", "2024年01月01日", "2024/01/01", "2024.1.1",
        "２０２４－０１－０１", " 2024 - 01 - 01 ", "20240101", "2024年1月1号",
    ])
    func readsPrintedForms(text: String) {
        #expect(DateValue(parsing: text)?.iso == "2024-01-01")
    }

    @Test func readsEndOfYear() {
        #expect(DateValue(parsing: "2024-12-31")?.iso == "2024-12-31")
    }

    @Test(arguments: [
        "2024-02-30", "2023-02-29", "2024-13-01", "2024-04-31", "2024-00-10", "",
        "2024-01", "2024-01/01", "24-01-01", "2024年1月", "计划开始日期", "2024-01-01 2024-12-31",
    ])
    func rejectsNonDates(text: String) {
        #expect(DateValue(parsing: text) == nil)
    }

    @Test func knowsLeapYears() {
        #expect(DateValue(parsing: "2024-02-29")?.iso == "2024-02-29")
        #expect(DateValue(parsing: "2000-02-29") != nil)
        #expect(DateValue(parsing: "2100-02-29") == nil)
    }

    @Test func orders() throws {
        let start = try #require(DateValue(parsing: "2024-01-01"))
        let end = try #require(DateValue(parsing: "2024年12月31日"))
        #expect(start < end)
    }
}
