import GRDB

/// The database could not take a write for a reason outside the app's control
/// (disk full, file read-only, I/O error, locked too long). The web layer answers 503.
public struct StorageUnavailable: Error, CustomStringConvertible {
    public let description: String
}

extension AppDatabase {
    /// Runs a write transaction, translating environmental failures into `StorageUnavailable`.
    func write<T: Sendable>(_ updates: @escaping @Sendable (Database) throws -> T) async throws -> T {
        do {
            return try await writer.write(updates)
        } catch let error as DatabaseError where Self.environmentalFailures.contains(error.resultCode) {
            throw StorageUnavailable(description: "\(error.resultCode): \(error.message ?? "")")
        }
    }

    static let environmentalFailures: [ResultCode] = [
        .SQLITE_FULL, .SQLITE_READONLY, .SQLITE_IOERR, .SQLITE_BUSY, .SQLITE_LOCKED, .SQLITE_CANTOPEN, .SQLITE_NOMEM,
    ]
}
