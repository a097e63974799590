import Foundation

/// Lets code that queues mail wake the delivery worker at once instead of at its next poll.
public actor MailWakeup {
    private var pending = false
    private var waiter: (id: Int, continuation: CheckedContinuation<Void, Never>, timer: Task<Void, Never>)?
    private var nextID = 0

    public init() {}

    /// Mail was queued.
    public nonisolated func signal() {
        Task { await wake() }
    }

    private func wake() {
        if let waiter {
            self.waiter = nil
            // A busy server wakes the worker often: each wait's timer goes when it is no longer needed.
            waiter.timer.cancel()
            waiter.continuation.resume()
        } else {
            pending = true
        }
    }

    /// Returns when signalled (or already signalled since the last wait), or after `duration`.
    public func wait(atMost duration: Duration) async {
        if pending {
            pending = false
            return
        }
        nextID += 1
        let id = nextID
        // Cancellation (the server shutting down) ends the wait at once, like the timeout does.
        await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                let timer = Task {
                    guard (try? await Task.sleep(for: duration)) != nil else { return }
                    self.timeOut(id)
                }
                waiter = (id, continuation, timer)
            }
        } onCancel: {
            Task { await self.timeOut(id) }
        }
    }

    private func timeOut(_ id: Int) {
        guard let waiter, waiter.id == id else { return }
        self.waiter = nil
        waiter.continuation.resume()
    }
}
