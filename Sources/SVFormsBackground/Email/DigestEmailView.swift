import Mustache

/// The daily digest of new community voices: counts by area and by what worries people, never words.
struct DigestEmailView: MustacheParent {
    /// One list of counts, e.g. by area.
    public struct Section: MustacheParent {
        public var title: String
        public var lines: [(label: String, count: Int)]

        public func child(named name: String) -> Any? {
            switch name {
            case "sectionTitle": title
            case "lines": lines.map(Line.init)
            default: nil
            }
        }
    }

    public struct Line: MustacheParent {
        public var line: (label: String, count: Int)

        public func child(named name: String) -> Any? {
            switch name {
            case "lineLabel": line.label
            case "lineCount": line.count
            default: nil
            }
        }
    }

    public var subject: String
    public var count: Int
    public var day: String
    public var sections: [Section]
    var dashboardLink: String
    var accountLink: String

    public func child(named name: String) -> Any? {
        switch name {
        case "subject": subject
        case "count": count
        case "voiceWord": count == 1 ? "voice" : "voices"
        case "day": day
        case "sections": sections
        case "dashboardLink": dashboardLink
        case "accountLink": accountLink
        default: nil
        }
    }
}
