import Foundation
import GRDB

extension AppDatabase {
    /// A random server secret (for signing cookies and tokens), created on first use and kept
    /// in the database so backups carry it and restarts keep existing cookies valid.
    public func secret(named name: String) throws -> Data {
        try writer.write { db in
            if let existing = try Data.fetchOne(db, sql: "SELECT value FROM server_secret WHERE name = ?", arguments: [name]) {
                return existing
            }
            var generator = SystemRandomNumberGenerator()
            let value = Data((0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) })
            try db.execute(sql: "INSERT INTO server_secret (name, value) VALUES (?, ?)", arguments: [name, value])
            return value
        }
    }
}
