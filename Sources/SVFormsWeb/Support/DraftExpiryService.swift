import Foundation
import Logging
import ServiceLifecycle
import SVFormsStore

/// Deletes answers in progress that nobody has touched for `AppDatabase.draftLifetime`,
/// at start-up and then every hour, so abandoned drafts (which may hold personal details
/// the person later withdrew) are not kept for ever.
struct DraftExpiryService: Service {
    let database: AppDatabase
    let now: @Sendable () -> Date
    let logger: Logger
    var interval: Duration = .seconds(3600)

    func run() async throws {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                await purge()
                try? await Task.sleep(for: interval)
            }
        }
    }

    func purge() async {
        do {
            let removed = try await database.deleteDrafts(changedBefore: now().addingTimeInterval(-AppDatabase.draftLifetime))
            if removed > 0 { logger.info("expired drafts deleted", metadata: ["count": .stringConvertible(removed)]) }
        } catch {
            // A full or read-only disk must not stop the server; the next run tries again.
            logger.error("could not delete expired drafts", metadata: ["error": .string("\(error)")])
        }
    }
}
