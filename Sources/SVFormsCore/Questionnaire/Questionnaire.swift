/// One questionnaire as its YAML file describes it, with partnership references resolved.
public struct Questionnaire: Sendable {
    public var id: String
    public var version: Int
    public var title: String
    public var audience: Audience
    /// For invited questionnaires: whether the open link `/f/{id}` also works.
    public var publicLink: Bool
    public var estimatedMinutes: Int?
    public var description: [String]
    public var privacy: [String]
    public var confirmation: [String]
    public var scales: [String: RatingScale]
    public var pages: [Page]
    public var measures: [Measure]
    /// The file it was read from, for messages.
    public var sourceFile: String

    public init(
        id: String, version: Int, title: String, audience: Audience, publicLink: Bool = false,
        estimatedMinutes: Int? = nil, description: [String] = [], privacy: [String] = [],
        confirmation: [String] = [], scales: [String: RatingScale] = [:], pages: [Page],
        measures: [Measure] = [], sourceFile: String = ""
    ) {
        self.id = id
        self.version = version
        self.title = title
        self.audience = audience
        self.publicLink = publicLink
        self.estimatedMinutes = estimatedMinutes
        self.description = description
        self.privacy = privacy
        self.confirmation = confirmation
        self.scales = scales
        self.pages = pages
        self.measures = measures
        self.sourceFile = sourceFile
    }

    /// Every question in page order.
    public var questions: [Question] { pages.flatMap(\.questions) }

    /// Whether anyone with the link may answer it at `/f/{id}`.
    public var isOpenToPublicLink: Bool { audience == .public || publicLink }

    public func page(id: String) -> Page? { pages.first { $0.id == id } }

    /// The question naming the respondent's organisation, if there is one (for breakdowns and downloads).
    public var organisationQuestion: Question? {
        questions.first { if case .organisation = $0.kind { true } else { false } }
    }

    public func question(id: String) -> Question? { questions.first { $0.id == id } }
}

/// Who answers a questionnaire.
public enum Audience: String, Sendable, CaseIterable {
    /// Named representatives, by personal invitation.
    case invited
    /// Anyone with the link; listed on the home page.
    case `public`
}

/// One screen of the journey: a question or a small group of related questions.
public struct Page: Sendable {
    public var id: String
    public var title: String?
    public var questions: [Question]

    public init(id: String, title: String? = nil, questions: [Question]) {
        self.id = id
        self.title = title
        self.questions = questions
    }
}

/// A measure computed from ratings on one scale (for example 2.2.1.a).
public struct Measure: Sendable, Equatable {
    public var id: String
    public var title: String
    public var scale: String
    /// Scale values that count towards the numerator.
    public var met: [String]

    public init(id: String, title: String, scale: String, met: [String]) {
        self.id = id
        self.title = title
        self.scale = scale
        self.met = met
    }
}

/// A named rating scale whose options may be excluded from measure denominators.
public struct RatingScale: Sendable {
    public var name: String
    public var options: [Choice]

    public init(name: String, options: [Choice]) {
        self.name = name
        self.options = options
    }
}
