import GRDB

/// The one writer every store shares, with its group commit. Private to this module: no code outside it
/// touches SQL, and every write of every store takes its turn in the same durable commits.
final class SharedWriter: Sendable {
    let pool: DatabasePool
    let groupCommit: GroupCommit
    /// Whether deleted words may still be in the write-ahead log (see `eraseFromJournal`).
    let erasure = LockedFlag()

    init(pool: DatabasePool) {
        self.pool = pool
        groupCommit = GroupCommit(writer: pool, translate: StorageUnavailable.translating)
    }
}

/// One aggregate's reads and writes (accounts and sessions, responses and drafts, …) over the shared writer.
protocol Store: Sendable {
    var shared: SharedWriter { get }
}

extension Store {
    var writer: DatabasePool { shared.pool }
    var groupCommit: GroupCommit { shared.groupCommit }
    var erasure: LockedFlag { shared.erasure }

    /// Runs a write in the next shared commit (see `GroupCommit`), returning once it is durable.
    func write<T: Sendable>(_ updates: @escaping @Sendable (Database) throws -> T) async throws -> T {
        try await groupCommit.write(updates)
    }
}

/// Accounts, their sessions, first-run set-up and what each account asked to be told.
public struct AccountStore: Store { let shared: SharedWriter }

/// The audit log: who did what, when, from where.
public struct AuditStore: Store { let shared: SharedWriter }

/// Answers in progress and submitted responses (with the voices and open-link answers they carry).
public struct ResponseStore: Store { let shared: SharedWriter }

/// Survey rounds, the people invited to them, and their invitations and reminders.
public struct RoundStore: Store { let shared: SharedWriter }

/// Mail waiting to be sent, sent, or failed.
public struct OutboxStore: Store { let shared: SharedWriter }

/// Community voices: the review list, each voice's status and themes, and what retention removes.
public struct VoiceStore: Store { let shared: SharedWriter }

/// The performance framework: imported figures, partnership meetings and published board reports.
public struct FrameworkStore: Store { let shared: SharedWriter }

/// The counts the dashboard, the board report and the downloads read; it never writes answers.
public struct ReportingQueries: Store { let shared: SharedWriter }

/// Sign-in and personal-link guessing attempts, counted per client and account.
public struct AttemptStore: Store { let shared: SharedWriter }
