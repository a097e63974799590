import Foundation
import Mustache

/// A page whose HTML depends on a few per-request strings (the anti-forgery token, links that carry a
/// personal token) and otherwise on nothing but its shape: the questionnaire, the page, which options are
/// chosen. Such a page is rendered through Mustache once per shape and then served by filling in the holes.
protocol PrerenderablePage: PageView, Hashable {
    /// The view with each per-request string replaced by `PrerenderedPages.marker(i)`, and those strings in
    /// order; nil when the page holds something that must not be kept in memory (answers typed in, errors).
    func shape() -> (shape: Self, holes: [String])?
}

/// Question pages rendered ahead, keyed by their shape. Filling a hole escapes its value exactly as
/// Mustache escapes `{{value}}`, so the bytes are the same as a full render (tested page by page).
final class PrerenderedPages: @unchecked Sendable {
    /// A rendered page cut at its holes: `parts` has one more element than `holes`.
    struct Page {
        let parts: [String]
        /// The hole at each cut, and whether Mustache escaped it there.
        let holes: [(index: Int, escaped: Bool)]
        /// The bytes of all the parts, so a page is filled into one allocation.
        let length: Int

        init(parts: [String], holes: [(index: Int, escaped: Bool)]) {
            self.parts = parts
            self.holes = holes
            length = parts.reduce(0) { $0 + $1.utf8.count }
        }

        func filled(with values: [String]) -> String {
            var html = ""
            html.reserveCapacity(length + values.reduce(0) { $0 + $1.utf8.count * 6 })
            html += parts[0]
            for (position, hole) in holes.enumerated() {
                let value = values[hole.index]
                html += hole.escaped ? PrerenderedPages.escape(value) : value
                html += parts[position + 1]
            }
            return html
        }
    }

    private let lock = NSLock()
    private var pages: [AnyHashable: Page?] = [:]
    /// Shapes kept at most; when full the cache starts again (pages with many checkbox combinations).
    static let capacity = 512

    /// A marker Mustache cannot mistake for anything else; "&" shows whether it was escaped.
    static func marker(_ index: Int) -> String { "\u{1}\(index)&\u{2}" }

    /// The page for `shape`, rendering it with `render` the first time; nil when it cannot be cut (a hole
    /// was transformed rather than printed), in which case the caller renders in full.
    func page<Shape: Hashable>(for shape: Shape, holeCount: Int, render: () -> String) -> Page? {
        let key = AnyHashable(shape)
        if let known = lock.withLock({ pages[key] }) { return known }
        let page = Self.cut(render(), holeCount: holeCount)
        lock.withLock {
            if pages.count >= Self.capacity { pages.removeAll(keepingCapacity: true) }
            pages[key] = .some(page)
        }
        return page
    }

    /// Splits rendered HTML at its markers; nil if a marker was altered. (A hole the template does not
    /// print is simply not filled: the shape keeps every value's presence, so sections come out the same.)
    static func cut(_ html: String, holeCount: Int) -> Page? {
        var parts: [String] = []
        var holes: [(index: Int, escaped: Bool)] = []
        var rest = Substring(html)
        while let start = rest.firstIndex(of: "\u{1}") {
            parts.append(String(rest[..<start]))
            let afterStart = rest.index(after: start)
            guard let end = rest[afterStart...].firstIndex(of: "\u{2}") else { return nil }
            let inside = rest[afterStart..<end]
            let digits = inside.prefix { $0.isASCII && $0.isNumber }
            guard let index = Int(digits), index < holeCount else { return nil }
            switch inside.dropFirst(digits.count) {
            case "&": holes.append((index, false))
            case "&amp;": holes.append((index, true))
            default: return nil
            }
            rest = rest[rest.index(after: end)...]
        }
        parts.append(String(rest))
        return Page(parts: parts, holes: holes)
    }

    /// Mustache's HTML escaping (swift-mustache `String.htmlEscape`), character by character.
    static func escape(_ text: String) -> String {
        // Tokens and links hold none of the five: no character can then differ, so skip the walk.
        guard text.utf8.contains(where: { $0 == 0x3C || $0 == 0x3E || $0 == 0x26 || $0 == 0x22 || $0 == 0x27 }) else { return text }
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "&": escaped += "&amp;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.append(character)
            }
        }
        return escaped
    }
}
