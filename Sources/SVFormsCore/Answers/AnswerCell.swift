/// One saved answer as a spreadsheet cell: text, or a whole number that sorts and sums as one.
public enum AnswerCell: Sendable, Equatable {
    case text(String)
    case integer(Int)
}
