import Logging
import SVFormsStore
import ServiceLifecycle

/// Closes the database cleanly at a graceful shutdown (SIGTERM, SIGINT). It is the first service
/// of the application, so the service group stops it last: after the server has stopped accepting
/// and answered its in-flight requests, and after the mail worker has recorded its last sends.
struct DatabaseCloser: Service {
    let database: AppDatabase
    let logger: Logger

    func run() async throws {
        // Cancelled rather than shut down gracefully: another service failed and the process is
        // ending; SQLite's journal makes that as safe as a crash, so nothing is done here.
        guard (try? await gracefulShutdown()) != nil else { return }
        do {
            try database.checkpointAndClose()
            logger.info("database closed")
        } catch {
            logger.error("the database could not be closed cleanly", metadata: ["error": .string("\(error)")])
        }
    }
}
