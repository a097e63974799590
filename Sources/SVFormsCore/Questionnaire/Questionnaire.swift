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
    public var pages: [Page] {
        didSet { indexQuestions() }
    }
    public var measures: [Measure]
    /// Set when responses are community voices (public questionnaires only).
    public var voices: VoiceSettings?
    /// The file it was read from, for messages.
    public var sourceFile: String

    public init(
        id: String, version: Int, title: String, audience: Audience, publicLink: Bool = false,
        estimatedMinutes: Int? = nil, description: [String] = [], privacy: [String] = [],
        confirmation: [String] = [], scales: [String: RatingScale] = [:], pages: [Page],
        measures: [Measure] = [], voices: VoiceSettings? = nil, sourceFile: String = ""
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
        questions = []
        questionsByID = [:]
        self.measures = measures
        self.voices = voices
        self.sourceFile = sourceFile
        indexQuestions()
    }

    /// Every question in page order (kept with `pages`: every page view and every exported row asks).
    public private(set) var questions: [Question]
    private var questionsByID: [String: Question]

    private mutating func indexQuestions() {
        questions = pages.flatMap(\.questions)
        questionsByID = Dictionary(questions.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// Whether anyone with the link may answer it at `/f/{id}`.
    public var isOpenToPublicLink: Bool { audience == .public || publicLink }

    /// Whether answers by the open link are screened for programs (signed page stamps, a hidden field):
    /// community voices, and invited questionnaires whose link is open too, where such answers are
    /// held out of every figure until a lead accepts them.
    public var screensOpenLinkAnswers: Bool { voices != nil || audience == .invited }

    /// A screened response sent sooner than this after its journey's first page was shown is set aside.
    public var minimumSeconds: Int { voices?.minimumSeconds ?? VoiceSettings.defaultMinimumSeconds }

    public func page(id: String) -> Page? { pages.first { $0.id == id } }

    /// The question naming the respondent's organisation, if there is one (for breakdowns and downloads).
    public var organisationQuestion: Question? {
        questions.first { $0.kind.is(OrganisationQuestion.self) }
    }

    public func question(id: String) -> Question? { questionsByID[id] }
}
