import Mustache

/// The daily digest of new community voices: counts by area and by what worries people, never words.
struct DigestEmailView: MustacheParent {
    /// One list of counts, e.g. by area.
    struct Section: MustacheParent {
        var title: String
        var lines: [(label: String, count: Int)]

        func child(named name: String) -> Any? {
            switch name {
            case "sectionTitle": title
            case "lines": lines.map(Line.init)
            default: nil
            }
        }
    }

    struct Line: MustacheParent {
        var line: (label: String, count: Int)

        func child(named name: String) -> Any? {
            switch name {
            case "lineLabel": line.label
            case "lineCount": line.count
            default: nil
            }
        }
    }

    var subject: String
    var count: Int
    var day: String
    var sections: [Section]
    var dashboardLink: String
    var accountLink: String

    func child(named name: String) -> Any? {
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
