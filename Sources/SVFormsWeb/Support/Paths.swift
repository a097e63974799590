/// The open-link URL of a questionnaire (its pages are under it; see `JourneyScope`).
enum Paths {
    static func start(_ formID: String) -> String { "/f/\(formID)" }
}
