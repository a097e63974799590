extension Duration {
    /// Milliseconds with their fraction, for the durations in log lines.
    var milliseconds: Double {
        Double(components.seconds) * 1000 + Double(components.attoseconds) / 1e15
    }
}
