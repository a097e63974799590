/// What the published board report may show, as rules over counts alone: a figure drawn from people's
/// answers appears only when enough people and ratings stand behind it that no one can be recognised.
/// The reporting module asks these and nothing else, so the rules are read and tested in one place.
public enum Publication {
    public static let threshold = SmallCount.threshold
    public static let tooFewText = "Fewer than \(SmallCount.threshold) responses: not published"

    /// A survey figure (a share of ratings) in the quarter's section: 5 or more responses and 5 or
    /// more counted ratings behind it. Its change is shown only when the quarter before passes too.
    public static func showsFigure(responses: Int, ratings: Int) -> Bool {
        responses >= threshold && ratings >= threshold
    }

    /// A point of a survey measure's trend: 5 or more responses in that quarter. A quarter with no
    /// ratings keeps the scorer's own note ("no ratings") rather than this one.
    public static func showsTrendPoint(responses: Int, ratings: Int) -> Bool {
        ratings == 0 || responses >= threshold
    }

    /// A count of people (voices, invitations, responses), or nil when it is under 5.
    public static func count(_ people: Int) -> Int? {
        SmallCount.shown(people, suppress: true)
    }

    /// A count of authorities beside a count of people: shown only when that count of people is, since
    /// beside "fewer than 5" people it would give the number away (4 authorities, so at least 4 people).
    public static func authorities(_ authorities: Int, besidePeople people: Int) -> Int? {
        count(people).map { _ in authorities }
    }
}
