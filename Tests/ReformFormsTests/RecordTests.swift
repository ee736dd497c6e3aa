import Foundation
import Testing
@testable import ReformForms

@Suite("Record")
struct RecordTests {
    static let minimal = #"""
    {"schema": "perf-target-form/1", "title": null, "fiscal_year": null,
     "project": {"name": "x"}, "funds_yuan": {"project_total": 409.34}, "goals": {},
     "indicators": [{"level1": "产出指标", "level2": null, "name": "n",
                     "target": {"raw": "≥90%", "op": "≥", "value": 90.00, "unit": "%", "qualitative": null}}],
     "source": {"file": "a.txt", "sha256": "00", "pages": [], "method": "ocr-layer"},
     "confidence": 0.5}
    """#

    @Test func decodesNullsMissingKeysAndLenientOperators() throws {
        let record = try RecordJSON.decodeRecord(from: Data(Self.minimal.utf8))
        #expect(record.title == nil && record.fiscalYear == nil)
        #expect(record.project == ProjectInfo(name: "x"))
        #expect(record.fundsYuan == Funds(projectTotal: Amount(cents: 40_934)))
        #expect(record.goals == Goals())
        #expect(record.indicators[0].target.op == .greaterOrEqual)
        #expect(record.indicators[0].target.valueText == "90")
        #expect(record.source.method == .ocrLayer)
        #expect(record.review.isEmpty && record.ambiguous.isEmpty)
    }

    @Test func refusesUnknownEnums() {
        let badMethod = Self.minimal.replacingOccurrences(of: "ocr-layer", with: "scan")
        #expect(throws: RecordJSON.ReadError.self) { try RecordJSON.decodeRecord(from: Data(badMethod.utf8)) }
        let badOp = Self.minimal.replacingOccurrences(of: #""op": "≥""#, with: #""op": "~""#)
        #expect(throws: RecordJSON.ReadError.self) { try RecordJSON.decodeRecord(from: Data(badOp.utf8)) }
    }

    @Test func fieldSubscriptsFollowSpecOrder() {
        #expect(ProjectInfo.Field.allCases.map(\.rawValue)
                == ["name", "department", "implementing_unit", "nature", "category", "planned_start", "planned_end"])
        #expect(Funds.Field.allCases.map(\.rawValue)
                == ["project_total", "project_fiscal", "project_other", "annual_total", "annual_appropriation", "annual_carryover", "annual_other"])
        var funds = Funds()
        funds[.annualCarryover] = Amount(cents: 1)
        #expect(funds.annualCarryover == Amount(cents: 1))
        #expect(RecordPath.funds(.annualCarryover) == "funds_yuan.annual_carryover")
        #expect(RecordPath.indicator(3, .name) == "indicators[3].name")
    }

    @Test func indicatorScoringEqualityIgnoresRaw() {
        let a = Indicator(level1: "产出指标", level2: "数量指标", name: "n", target: TargetValue(cell: "=100.00(%)"))
        let b = Indicator(level1: "产出指标", level2: "数量指标", name: "n", target: TargetValue(cell: "=100(%)"))
        #expect(a.sameMeaning(as: b) && a != b)
    }

    /// The schema in docs/ lists the same keys the writer writes.
    @Test func schemaRequiresTheWrittenKeys() throws {
        let testsDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().resolvingSymlinksInPath()
        let schemaURL = testsDirectory.deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("docs/record.schema.json")
        let schema = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: schemaURL)) as? [String: Any])
        let written = try #require(try JSONSerialization.jsonObject(with: Data(SpecExample.json.utf8)) as? [String: Any])
        #expect(Set(try #require(schema["required"] as? [String])) == Set(written.keys))
        let properties = try #require(schema["properties"] as? [String: Any])
        for key in ["project", "funds_yuan", "goals", "source"] {
            let object = try #require(properties[key] as? [String: Any])
            let nested = try #require(written[key] as? [String: Any])
            #expect(Set(try #require(object["required"] as? [String])) == Set(nested.keys), "\(key)")
        }
    }
}
