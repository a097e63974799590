extension QuestionPageView: PrerenderablePage {
    /// Holes: the anti-forgery token, the links (which carry the personal token on `/i/` pages) and the
    /// signed time a voice page was shown. A page showing an error or anything typed in is never kept.
    func shape() -> (shape: QuestionPageView, holes: [String])? {
        guard errors.isEmpty, waitNotice == nil, questions.allSatisfy(\.showsNothingTyped) else { return nil }
        var shape = self
        var holes: [String] = []
        // Only non-empty values become holes, so every section the template tests comes out the same.
        func hole(_ value: inout String) {
            guard !value.isEmpty else { return }
            holes.append(value)
            value = PrerenderedPages.marker(holes.count - 1)
        }
        hole(&shape.csrfToken)
        hole(&shape.backHref)
        hole(&shape.actionHref)
        if var stamp = shownStamp {
            hole(&stamp)
            shape.shownStamp = stamp
        }
        if var formHref = layout.formHref {
            hole(&formHref)
            shape.layout.formHref = formHref
        }
        return (shape, holes)
    }
}

extension QuestionView {
    /// No text, number or date typed into it (choices chosen are part of a page's shape; words are not kept).
    var showsNothingTyped: Bool {
        switch control {
        case .textInput, .textarea: (value ?? "").isEmpty
        case .dateInput: dateParts.allSatisfy { ($0.value ?? "").isEmpty }
        case .radios, .checkboxes: true
        }
    }
}
