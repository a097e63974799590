/// How a public questionnaire's responses are handled as community voices: which answers say
/// where and what about, which are the person's own words and contact details, how long each is
/// kept, and how quickly a real person could possibly have answered. From its `voices:` block.
public struct VoiceSettings: Sendable, Equatable {
    /// An area question: where each voice is about.
    public var areaQuestionID: String
    /// A multiple-choice question whose options are the themes; a voice starts with the ones chosen.
    public var themesQuestionID: String?
    /// Themes only leads assign (for example "Street lighting").
    public var extraThemes: [Choice]
    /// A rating question reported as a distribution ("how safe do you feel after dark").
    public var feelingQuestionID: String?
    /// The person's own words: searched, redactable, deleted after `retention.textDays`.
    public var textQuestionIDs: [String]
    /// Contact details: deleted after `retention.contactDays`.
    public var contactQuestionIDs: [String]
    /// A voice sent sooner than this after its first page was shown is quarantined.
    public var minimumSeconds: Int
    public var retention: RetentionPolicy

    public static let defaultMinimumSeconds = 10

    public init(
        areaQuestionID: String, themesQuestionID: String? = nil, extraThemes: [Choice] = [], feelingQuestionID: String? = nil,
        textQuestionIDs: [String], contactQuestionIDs: [String] = [], minimumSeconds: Int = Self.defaultMinimumSeconds,
        retention: RetentionPolicy = RetentionPolicy()
    ) {
        self.areaQuestionID = areaQuestionID
        self.themesQuestionID = themesQuestionID
        self.extraThemes = extraThemes
        self.feelingQuestionID = feelingQuestionID
        self.textQuestionIDs = textQuestionIDs
        self.contactQuestionIDs = contactQuestionIDs
        self.minimumSeconds = minimumSeconds
        self.retention = retention
    }
}

/// How long a voice's personal parts are kept, counted from when it was submitted. The rest
/// (area, themes, ratings) stays, so the counts already reported for a quarter never change.
public struct RetentionPolicy: Sendable, Equatable {
    public var contactDays: Int
    public var textDays: Int

    public init(contactDays: Int = 90, textDays: Int = 730) {
        self.contactDays = contactDays
        self.textDays = textDays
    }
}

extension Questionnaire {
    /// Every theme a voice can carry: the themes question's options, then the lead-only ones.
    public var themes: [Choice] {
        guard let voices else { return [] }
        let asked = voices.themesQuestionID.flatMap { question(id: $0)?.kind.choices } ?? []
        return asked + voices.extraThemes
    }

    /// The areas a voice can be about.
    public var voiceAreas: [Choice] {
        voices.flatMap { question(id: $0.areaQuestionID)?.kind.choices } ?? []
    }

    /// The feeling question's options, in scale order.
    public var feelingOptions: [Choice] {
        voices?.feelingQuestionID.flatMap { question(id: $0)?.kind.choices } ?? []
    }
}
