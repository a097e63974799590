/// Lets only a few workbooks be built at once: each takes a thread-pool thread and disk for as
/// long as it runs, and a burst of Excel downloads must not starve the rest of the server.
actor ExportSlots {
    private let limit: Int
    private var inUse = 0
    private var waiting: [CheckedContinuation<Void, Never>] = []

    init(limit: Int) {
        self.limit = limit
    }

    /// Runs `work` once a slot is free.
    func run<T: Sendable>(_ work: @Sendable () async throws -> T) async throws -> T {
        if inUse >= limit {
            await withCheckedContinuation { waiting.append($0) }
        } else {
            inUse += 1
        }
        defer { release() }
        return try await work()
    }

    private func release() {
        if waiting.isEmpty {
            inUse -= 1
        } else {
            waiting.removeFirst().resume()
        }
    }
}
