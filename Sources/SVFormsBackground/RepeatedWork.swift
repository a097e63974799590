import ServiceLifecycle

/// Runs `work` at once and then every `interval`, until the service group shuts down: the loop of
/// each timetabled worker (housekeeping, scheduled mail).
func repeatUntilShutdown(every interval: Duration, _ work: @escaping @Sendable () async -> Void) async {
    await cancelWhenGracefulShutdown {
        while !Task.isCancelled {
            await work()
            try? await Task.sleep(for: interval)
        }
    }
}
