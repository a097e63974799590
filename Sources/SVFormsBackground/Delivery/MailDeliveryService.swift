import Foundation
import Logging
import SVFormsCore
import SVFormsMail
import SVFormsStore
import ServiceLifecycle

/// Delivers the outbox. A row is marked sent only once the server accepted it, so a crash between
/// sending and marking sends the same message (same Message-ID) again rather than losing it. A
/// transient failure (including a settings problem an admin can fix) waits longer each time (about
/// a minute, doubling, up to six hours, with jitter) until the message is five days old; a permanent
/// one (a 5xx for this recipient or message) fails at once. Neither holds up other rows.
public struct MailDeliveryService: Service {
    let database: AppDatabase
    let transport: any MailTransport
    let wakeup: MailWakeup
    let now: @Sendable () -> Date
    let logger: Logger
    /// The first retry's delay; later ones double.
    var retryBase: TimeInterval
    /// How often the outbox is looked at when nothing wakes the worker.
    var pollInterval: Duration = .seconds(5)
    /// How many messages are sent at once.
    public var concurrency = 4

    static let longestDelay: TimeInterval = 6 * 3600

    public init(
        database: AppDatabase, transport: any MailTransport, wakeup: MailWakeup, now: @escaping @Sendable () -> Date, logger: Logger,
        retryBase: TimeInterval = 60
    ) {
        self.database = database
        self.transport = transport
        self.wakeup = wakeup
        self.now = now
        self.logger = logger
        self.retryBase = retryBase
    }

    public func run() async throws {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                await deliverDue()
                await wakeup.wait(atMost: pollInterval)
            }
        }
    }

    /// Sends every message whose time has come, a few at a time; stops starting new sends at shutdown.
    public func deliverDue() async {
        let due: [OutboxItem]
        do {
            due = try await database.outbox.dueMail(at: now(), limit: 100)
        } catch {
            logger.error("cannot read the outbox", metadata: ["error": .string("\(error)")])
            return
        }
        let sent = await withTaskGroup(of: Bool.self) { group in
            var sent = false
            for (index, item) in due.enumerated() {
                if index >= concurrency, let one = await group.next() { sent = sent || one }
                if Task.isCancelled { break }
                group.addTask { await deliver(item) }
            }
            for await one in group { sent = sent || one }
            return sent
        }
        // Sent mail's content (personal links, answers) was dropped from its rows; no copy may stay in the journal.
        if sent { await database.eraseFromJournal() }
    }

    /// Sends one message and records the outcome; true when the server accepted it.
    @discardableResult
    func deliver(_ item: OutboxItem) async -> Bool {
        let attempts = item.attempts + 1
        let metadata: Logger.Metadata = ["message_id": .string(item.message.messageID), "kind": .string(item.message.kind)]
        let outcome: Result<DeliveryReceipt, DeliveryFailure>
        do {
            let message = try OutboxPayload.decode(item.message.payload).message()
            do {
                outcome = .success(try await transport.send(message))
            } catch {
                outcome = .failure(error)
            }
        } catch {
            outcome = .failure(.permanent("the stored message cannot be rebuilt: \(error)"))
        }
        // Recorded in a task of its own: a shutdown that cancels this one must not leave a
        // message the server accepted still queued (it would go again on the next start).
        await Task { await record(outcome, item, attempts: attempts, metadata: metadata) }.value
        if case .success = outcome { return true }
        return false
    }

    private func record(
        _ outcome: Result<DeliveryReceipt, DeliveryFailure>, _ item: OutboxItem, attempts: Int,
        metadata: Logger.Metadata
    ) async {
        let now = now()
        do {
            switch outcome {
            case .success(let receipt):
                try await database.outbox.markSent(item.id, attempts: attempts, at: now)
                logger.info("mail sent", metadata: metadata.merging(["receipt": .string(receipt.description)]) { $1 })
            case .failure(let failure) where failure.isTransient && now < item.expiresAt:
                let next = min(now.addingTimeInterval(Self.delay(afterAttempt: attempts, base: retryBase)), item.expiresAt)
                try await database.outbox.markForRetry(item.id, attempts: attempts, next: next, error: failure.message)
                logger.notice(
                    "mail delayed",
                    metadata: metadata.merging(["error": .string(LogText.withoutEmailAddresses(failure.message)), "attempts": "\(attempts)"]) { $1 })
            case .failure(let failure):
                let reason = failure.isTransient ? "undelivered after five days: \(failure.message)" : failure.message
                try await database.outbox.markFailed(item.id, attempts: attempts, error: reason)
                logger.error(
                    "mail failed",
                    metadata: metadata.merging(["error": .string(LogText.withoutEmailAddresses(reason)), "attempts": "\(attempts)"]) { $1 })
            }
        } catch {
            // The database refused: the row stays queued and is tried again (a sent one goes again, same Message-ID).
            logger.error(
                "cannot record a mail attempt", metadata: metadata.merging(["error": .string(LogText.withoutEmailAddresses("\(error)"))]) { $1 })
        }
    }

    /// Exponential backoff with ±20% jitter, so many messages delayed together do not all come back at once.
    public static func delay(afterAttempt attempt: Int, base: TimeInterval) -> TimeInterval {
        let exponential = min(base * pow(2, Double(attempt - 1)), longestDelay)
        return exponential * Double.random(in: 0.8...1.2)
    }
}
