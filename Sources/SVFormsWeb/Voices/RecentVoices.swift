import Crypto
import Foundation

/// Spots the same words sent twice from one client within `window`, so the second can be flagged
/// as a possible duplicate (never dropped: two people may share a computer and a view). Only a
/// hash of address and words is held, in memory, and only for the window.
actor RecentVoices {
    let window: TimeInterval
    private var seen: [Data: Date] = [:]

    init(window: TimeInterval = 10 * 60) {
        self.window = window
    }

    /// Notes this voice and says whether the same one was seen within the window.
    func isRepeat(client: String, words: [String], at now: Date) -> Bool {
        let text = words.joined(separator: "\n").lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
        guard !text.isEmpty else { return false }
        if seen.count > 10_000 { seen = seen.filter { now.timeIntervalSince($0.value) < window } }
        let key = Data(SHA256.hash(data: Data((client + "\n" + text).utf8)))
        let isRepeat = seen[key].map { now.timeIntervalSince($0) < window } ?? false
        seen[key] = now
        return isRepeat
    }
}
