import GRDB

/// The SQLite schema of an ingest database (docs/database.md), built by numbered migrations.
///
/// Each migration is appended, never edited: a database remembers which it has applied
/// (`grdb_migrations`) and `PRAGMA user_version` holds the newest one's number, so an older
/// reform can tell a database from a newer schema and refuse it before writing anything.
public enum IngestSchema {
    /// `PRAGMA application_id` of a reform database ("rfrm"), so other tools can tell one apart.
    public static let applicationID: Int32 = 0x7266_726D

    /// The schema version this build writes (`PRAGMA user_version` after migrating).
    public static var version: Int { migrations.count }

    /// The migrations in order; the n-th sets `user_version` to n.
    static let migrations: [(id: String, sql: String)] = [("v1-files-forms-indicators", v1)]

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        for (number, migration) in migrations.enumerated() {
            migrator.registerMigration(migration.id) { db in
                try db.execute(sql: migration.sql)
                try db.execute(sql: "PRAGMA user_version = \(number + 1)")
                try db.execute(sql: "PRAGMA application_id = \(applicationID)")
            }
        }
        return migrator
    }

    /// Tables, indexes and views of the first schema. Amounts are whole cents (exact); a form's
    /// canonical JSON (`record_json`) is the source of truth the other columns are derived from.
    static let v1 = """
        CREATE TABLE runs (
            id INTEGER PRIMARY KEY,
            started_at TEXT NOT NULL,
            finished_at TEXT,
            reform_version TEXT NOT NULL,
            jobs INTEGER NOT NULL,
            inputs TEXT NOT NULL,
            files_seen INTEGER,
            files_new INTEGER,
            files_changed INTEGER,
            files_unchanged INTEGER,
            files_failed INTEGER,
            forms INTEGER,
            indicators INTEGER,
            seconds REAL
        );

        CREATE TABLE files (
            id INTEGER PRIMARY KEY,
            path TEXT NOT NULL UNIQUE,
            name TEXT NOT NULL,
            sha256 TEXT NOT NULL,
            size INTEGER NOT NULL,
            modified_at TEXT,
            status TEXT NOT NULL CHECK (status IN ('ok', 'failed')),
            forms INTEGER NOT NULL,
            reused_from TEXT,
            seconds REAL NOT NULL,
            run_id INTEGER NOT NULL REFERENCES runs(id),
            ingested_at TEXT NOT NULL
        );
        CREATE INDEX files_sha256 ON files(sha256);
        CREATE INDEX files_run ON files(run_id);
        CREATE INDEX files_status ON files(status);

        CREATE TABLE forms (
            id INTEGER PRIMARY KEY,
            file_id INTEGER NOT NULL REFERENCES files(id) ON DELETE CASCADE,
            ordinal INTEGER NOT NULL,
            title TEXT,
            fiscal_year INTEGER,
            project_name TEXT,
            department TEXT,
            implementing_unit TEXT,
            nature TEXT,
            category TEXT,
            planned_start TEXT,
            planned_end TEXT,
            goal_overall TEXT,
            goal_annual TEXT,
            method TEXT NOT NULL,
            pages TEXT NOT NULL,
            first_page INTEGER,
            confidence REAL NOT NULL,
            indicator_count INTEGER NOT NULL,
            review_count INTEGER NOT NULL,
            record_json TEXT NOT NULL,
            UNIQUE (file_id, ordinal)
        );
        CREATE INDEX forms_department ON forms(department, fiscal_year);
        CREATE INDEX forms_implementing_unit ON forms(implementing_unit);
        CREATE INDEX forms_fiscal_year ON forms(fiscal_year);
        CREATE INDEX forms_project_name ON forms(project_name);
        CREATE INDEX forms_category ON forms(category);
        CREATE INDEX forms_confidence ON forms(confidence);

        CREATE TABLE funds (
            form_id INTEGER PRIMARY KEY REFERENCES forms(id) ON DELETE CASCADE,
            project_total_cents INTEGER,
            project_fiscal_cents INTEGER,
            project_other_cents INTEGER,
            annual_total_cents INTEGER,
            annual_appropriation_cents INTEGER,
            annual_carryover_cents INTEGER,
            annual_other_cents INTEGER
        );

        CREATE TABLE indicators (
            id INTEGER PRIMARY KEY,
            form_id INTEGER NOT NULL REFERENCES forms(id) ON DELETE CASCADE,
            ordinal INTEGER NOT NULL,
            level1 TEXT,
            level2 TEXT,
            name TEXT,
            target_raw TEXT NOT NULL,
            target_op TEXT,
            target_value TEXT,
            target_number REAL,
            target_unit TEXT,
            target_qualitative TEXT,
            UNIQUE (form_id, ordinal)
        );
        CREATE INDEX indicators_levels ON indicators(level1, level2);
        CREATE INDEX indicators_name ON indicators(name);
        CREATE INDEX indicators_unit ON indicators(target_unit);

        CREATE TABLE reviews (
            id INTEGER PRIMARY KEY,
            form_id INTEGER NOT NULL REFERENCES forms(id) ON DELETE CASCADE,
            ordinal INTEGER NOT NULL,
            path TEXT NOT NULL,
            reason TEXT NOT NULL,
            UNIQUE (form_id, ordinal)
        );
        CREATE INDEX reviews_path ON reviews(path);

        CREATE TABLE failures (
            file_id INTEGER PRIMARY KEY REFERENCES files(id) ON DELETE CASCADE,
            kind TEXT NOT NULL,
            exit_code INTEGER NOT NULL,
            reason TEXT NOT NULL
        );
        CREATE INDEX failures_kind ON failures(kind);

        CREATE VIEW form_overview AS
        SELECT fo.id AS form_id, fi.path, fi.name AS file, fi.sha256, fo.ordinal AS form,
               fo.pages, fo.method, fo.title, fo.fiscal_year,
               fo.project_name, fo.department, fo.implementing_unit, fo.nature, fo.category,
               fo.planned_start, fo.planned_end,
               fu.project_total_cents / 100.0 AS project_total,
               fu.project_fiscal_cents / 100.0 AS project_fiscal,
               fu.project_other_cents / 100.0 AS project_other,
               fu.annual_total_cents / 100.0 AS annual_total,
               fu.annual_appropriation_cents / 100.0 AS annual_appropriation,
               fu.annual_carryover_cents / 100.0 AS annual_carryover,
               fu.annual_other_cents / 100.0 AS annual_other,
               fu.project_total_cents, fu.project_fiscal_cents, fu.project_other_cents,
               fu.annual_total_cents, fu.annual_appropriation_cents, fu.annual_carryover_cents,
               fu.annual_other_cents,
               fo.goal_overall, fo.goal_annual, fo.confidence, fo.indicator_count, fo.review_count,
               fi.run_id, fi.ingested_at
        FROM forms fo
        JOIN files fi ON fi.id = fo.file_id
        LEFT JOIN funds fu ON fu.form_id = fo.id;

        CREATE VIEW form_indicators AS
        SELECT o.*, i.ordinal AS indicator, i.level1, i.level2, i.name AS indicator_name,
               i.target_raw, i.target_op, i.target_value, i.target_number, i.target_unit,
               i.target_qualitative
        FROM form_overview o
        LEFT JOIN indicators i ON i.form_id = o.form_id;

        CREATE VIEW form_reviews AS
        SELECT o.form_id, o.path, o.file, o.form, o.project_name, o.department, r.ordinal AS item,
               r.path AS field, r.reason
        FROM form_overview o
        JOIN reviews r ON r.form_id = o.form_id;

        CREATE VIEW failed_files AS
        SELECT fi.path, fi.name AS file, fi.sha256, fa.kind, fa.exit_code, fa.reason,
               fi.run_id, fi.ingested_at
        FROM failures fa
        JOIN files fi ON fi.id = fa.file_id;
        """
}
