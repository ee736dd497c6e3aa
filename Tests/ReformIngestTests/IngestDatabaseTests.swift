import Foundation
import ReformIngest
import ReformTestSupport
import Testing

/// Bad input to the database itself: a clear error and nothing written.
@Suite struct IngestDatabaseTests {
    @Test func aFileThatIsNotSQLiteIsRefusedUntouched() throws {
        let space = try IngestWorkspace()
        let bytes = Data("%PDF-1.7 not a database\n".utf8)
        try bytes.write(to: URL(fileURLWithPath: space.database))
        #expect(throws: DatabaseFileError.notSQLite(path: space.database)) { try IngestDatabase.openForWriting(space.database) }
        #expect(throws: DatabaseFileError.notSQLite(path: space.database)) { try IngestDatabase.openForReading(space.database) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: space.database)) == bytes)
        #expect(!FileManager.default.fileExists(atPath: space.database + "-wal"))
    }

    @Test func aDatabaseFromANewerSchemaIsRefusedUntouched() throws {
        let space = try IngestWorkspace()
        _ = try IngestDatabase.openForWriting(space.database)
        _ = try Fixtures.run("sqlite3", [space.database, "INSERT INTO grdb_migrations VALUES ('v9-from-the-future'); PRAGMA user_version = 9; PRAGMA journal_mode = DELETE;"])
        let bytes = try Data(contentsOf: URL(fileURLWithPath: space.database))
        let error = DatabaseFileError.newerSchema(path: space.database, version: 9, supported: IngestSchema.version)
        #expect(throws: error) { try IngestDatabase.openForWriting(space.database) }
        #expect(throws: error) { try IngestDatabase.openForReading(space.database) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: space.database)) == bytes)
        #expect(error.description.contains("newer reform"))
    }

    @Test func anotherProgramsDatabaseIsRefusedUntouched() throws {
        let space = try IngestWorkspace()
        _ = try Fixtures.run("sqlite3", [space.database, "CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('x');"])
        let bytes = try Data(contentsOf: URL(fileURLWithPath: space.database))
        #expect(throws: DatabaseFileError.notReformDatabase(path: space.database)) { try IngestDatabase.openForWriting(space.database) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: space.database)) == bytes)
    }

    @Test func aPathThatCannotBeWrittenIsRefused() throws {
        let space = try IngestWorkspace()
        let missingFolder = space.root.appendingPathComponent("no/such/folder/db.sqlite").path
        #expect(throws: DatabaseFileError.self) { try IngestDatabase.openForWriting(missingFolder) }
        #expect(!FileManager.default.fileExists(atPath: missingFolder))
        // A folder where no file can be made, even by root.
        do {
            _ = try IngestDatabase.openForWriting("/proc/reform-ingest-test.sqlite")
            Issue.record("opened a database under /proc")
        } catch let error as DatabaseFileError {
            #expect(error.kind == "read_only")
            #expect(error.exitCode == 11)
        }
        if getuid() != 0 {
            let folder = space.root.appendingPathComponent("locked")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: folder.path)
            defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder.path) }
            #expect(throws: DatabaseFileError.self) { try IngestDatabase.openForWriting(folder.appendingPathComponent("db.sqlite").path) }
        }
    }

    @Test func exportNeverCreatesADatabase() throws {
        let space = try IngestWorkspace()
        #expect(throws: DatabaseFileError.missing(path: space.database)) { try IngestDatabase.openForReading(space.database) }
        #expect(!FileManager.default.fileExists(atPath: space.database))
    }

    @Test func theSchemaIsMigratedAndMarked() throws {
        let space = try IngestWorkspace()
        _ = try IngestDatabase.openForWriting(space.database)
        let pragmas = try Fixtures.run("sqlite3", [space.database, "PRAGMA journal_mode; PRAGMA user_version; PRAGMA application_id;"]).stdout
        #expect(pragmas == "wal\n\(IngestSchema.version)\n\(IngestSchema.applicationID)\n")
        let views = try Fixtures.run("sqlite3", [space.database, "SELECT name FROM sqlite_master WHERE type = 'view' ORDER BY name;"]).stdout
        #expect(views == "failed_files\nform_indicators\nform_overview\nform_reviews\n")
        // Opening again migrates nothing and keeps working.
        _ = try IngestDatabase.openForWriting(space.database)
        #expect(try IngestDatabase.openForReading(space.database).rowCounts()["files"] == 0)
    }
}
