import Foundation
import GRDB
import ReformForms

/// What reading one input file gave, ready to be stored in one transaction: its identity
/// (canonical path, SHA-256, size) and either its records or why it has none.
public struct FileResult: Sendable {
    public enum Outcome: Sendable {
        case records([ReformForms.Record])
        case failure(FileFailure)
    }

    /// Absolute, standardized path: the files table's key.
    public var path: String
    /// `source.file` of its records: the last path component.
    public var name: String
    public var sha256: String
    public var size: Int64
    public var modifiedAt: Date?
    public var outcome: Outcome
    /// Seconds spent reading it.
    public var seconds: Double
    /// The path of a stored file with the same bytes whose records were copied instead of reading.
    public var reusedFrom: String?

    public var forms: Int {
        if case .records(let records) = outcome { return records.count }
        return 0
    }

    public var indicators: Int {
        if case .records(let records) = outcome { return records.reduce(0) { $0 + $1.indicators.count } }
        return 0
    }

    /// Replaces whatever the database holds for this path with this result. Run inside one
    /// transaction: a file is stored whole or not at all.
    func replace(in db: Database, runID: Int64, at time: String) throws {
        // ON DELETE CASCADE removes the old forms, funds, indicators, reviews and failure.
        try db.execute(sql: "DELETE FROM files WHERE path = ?", arguments: [path])
        let status: String
        switch outcome {
        case .records: status = "ok"
        case .failure: status = "failed"
        }
        try db.execute(sql: """
            INSERT INTO files (path, name, sha256, size, modified_at, status, forms, reused_from, seconds, run_id, ingested_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [path, name, sha256, size, modifiedAt.map(IngestClock.text), status, forms, reusedFrom, seconds, runID, time])
        let fileID = db.lastInsertedRowID
        switch outcome {
        case .failure(let failure):
            try db.execute(sql: "INSERT INTO failures (file_id, kind, exit_code, reason) VALUES (?, ?, ?, ?)",
                           arguments: [fileID, failure.kind, Int(failure.exitCode), failure.reason])
        case .records(let records):
            for (index, record) in records.enumerated() {
                try Self.insert(record, ordinal: index + 1, fileID: fileID, in: db)
            }
        }
    }

    static func insert(_ record: ReformForms.Record, ordinal: Int, fileID: Int64, in db: Database) throws {
        let p = record.project
        try db.execute(sql: """
            INSERT INTO forms (file_id, ordinal, title, fiscal_year, project_name, department, implementing_unit, nature, category,
                               planned_start, planned_end, goal_overall, goal_annual, method, pages, first_page, confidence,
                               indicator_count, review_count, record_json)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [
                fileID, ordinal, record.title, record.fiscalYear, p.name, p.department, p.implementingUnit, p.nature, p.category,
                p.plannedStart, p.plannedEnd, record.goals.overall, record.goals.annual, record.source.method.rawValue,
                record.source.pages.map(String.init).joined(separator: " "), record.source.pages.first, record.confidence,
                record.indicators.count, record.review.count, RecordJSON.compact(record),
            ])
        let formID = db.lastInsertedRowID
        let funds = Funds.Field.allCases.map { record.fundsYuan[$0]?.cents }
        try db.execute(sql: """
            INSERT INTO funds (form_id, project_total_cents, project_fiscal_cents, project_other_cents, annual_total_cents,
                               annual_appropriation_cents, annual_carryover_cents, annual_other_cents)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: StatementArguments([formID] + funds))
        for (index, indicator) in record.indicators.enumerated() {
            let t = indicator.target
            try db.execute(sql: """
                INSERT INTO indicators (form_id, ordinal, level1, level2, name, target_raw, target_op, target_value, target_number,
                                        target_unit, target_qualitative)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [
                    formID, index + 1, indicator.level1, indicator.level2, indicator.name, t.raw, t.op?.rawValue, t.valueText,
                    t.value.map { NSDecimalNumber(decimal: $0).doubleValue }, t.unit, t.qualitative,
                ])
        }
        for (index, item) in record.review.enumerated() {
            try db.execute(sql: "INSERT INTO reviews (form_id, ordinal, path, reason) VALUES (?, ?, ?, ?)",
                           arguments: [formID, index + 1, item.path, item.reason])
        }
    }
}

/// Times as the database stores them: ISO 8601 in UTC, to the millisecond.
enum IngestClock {
    static func text(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }

    static var now: String { text(Date()) }
}
