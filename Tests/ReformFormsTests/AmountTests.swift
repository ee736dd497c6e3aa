import Foundation
import Testing
@testable import ReformForms

@Suite("Amount")
struct AmountTests {
    @Test(arguments: [
        ("1,474,326.18", Int64(147_432_618)),
        ("138507", 13_850_700),
        ("138,507.00", 13_850_700),
        ("0.00", 0),
        ("１２３．４５", 12_345),
        ("１，４７４，３２６．１８", 147_432_618),
        ("138,507.00（元）", 13_850_700),
        ("138 507.00 元", 13_850_700),
        ("-12.50", -1_250),
    ])
    func parsesYuan(text: String, cents: Int64) {
        #expect(Amount(parsing: text)?.cents == cents)
    }

    @Test(arguments: ["", "  ", "-", "—", "/", "无", "（元）"])
    func blankIsNil(text: String) {
        #expect(Amount(parsing: text) == nil)
        #expect(Amount.isBlank(text))
    }

    @Test(arguments: ["abc", "1,23", "12.3.4", "100.", "12万"])
    func garbageIsNilButNotBlank(text: String) {
        #expect(Amount(parsing: text) == nil)
        #expect(!Amount.isBlank(text))
    }

    @Test func scalesWanYuan() {
        #expect(Amount(parsing: "409.34万元")?.description == "4093400.00")
        #expect(Amount(parsing: "409.34（万元）")?.cents == 409_340_000)
        #expect(Amount(parsing: "13.85", defaultUnit: .wanYuan)?.description == "138500.00")
        #expect(Amount(Decimal(string: "45.17")!, unit: .wanYuan)?.description == "451700.00")
        // A unit printed in the cell wins over the section's default.
        #expect(Amount(parsing: "500元", defaultUnit: .wanYuan)?.description == "500.00")
    }

    @Test func roundsBeyondCentsHalfAwayFromZero() {
        #expect(Amount(parsing: "1.005")?.cents == 101)
        #expect(Amount(parsing: "1.004")?.cents == 100)
    }

    @Test func printsTwoDecimals() {
        #expect(Amount(cents: 13_850_700).description == "138507.00")
        #expect(Amount(cents: 5).description == "0.05")
        #expect(Amount(cents: -1_250).description == "-12.50")
        #expect(Amount(cents: 147_432_618).description == "1474326.18")
    }

    @Test func staysExactThroughArithmetic() {
        let parts = ["0.10", "0.20"].compactMap { Amount(parsing: $0) }
        #expect(parts.reduce(.zero, +) == Amount(parsing: "0.30"))
        #expect(Amount(parsing: "1,474,326.18")?.yuan == Decimal(string: "1474326.18"))
    }

    @Test func refusesOverflow() {
        #expect(Amount(parsing: "1234567890123456789") == nil)
    }

    @Test func decodesExactlyFromJSON() throws {
        let amounts = try JSONDecoder().decode([Amount].self, from: Data("[1474326.18, 138507.00, 0.1]".utf8))
        #expect(amounts.map(\.cents) == [147_432_618, 13_850_700, 10])
    }
}
