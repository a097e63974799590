import GRDB

/// The database could not take a write for a reason outside the app's control
/// (disk full, file read-only, I/O error, locked too long). The web layer answers 503.
public struct StorageUnavailable: Error, CustomStringConvertible {
    public let description: String

    /// The error callers should see: environmental failures become `StorageUnavailable`, others pass through.
    static func translating(_ error: Error) -> Error {
        guard let error = error as? DatabaseError, environmentalFailures.contains(error.resultCode) else { return error }
        return StorageUnavailable(description: "\(error.resultCode): \(error.message ?? "")")
    }

    static let environmentalFailures: [ResultCode] = [
        .SQLITE_FULL, .SQLITE_READONLY, .SQLITE_IOERR, .SQLITE_BUSY, .SQLITE_LOCKED, .SQLITE_CANTOPEN, .SQLITE_NOMEM,
    ]
}
