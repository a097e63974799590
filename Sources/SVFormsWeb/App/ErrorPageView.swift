/// Not found, bad request, expired form, too large, unavailable, internal error.
struct ErrorPageView: PageView {
    var layout: LayoutView
    var heading: String
    var paragraphs: [String]
    /// For internal errors: the reference also written to the log.
    var reference: String?

    func field(named name: String) -> Any? {
        switch name {
        case "heading": heading
        case "paragraphs": paragraphs
        case "reference": reference
        default: nil
        }
    }
}
