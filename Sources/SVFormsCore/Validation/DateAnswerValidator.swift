/// Dates in three boxes (day, month, year), as the GOV.UK date input pattern asks for them.
struct DateAnswerValidator: AnswerValidator {
    let limits: DateLimits

    var requiredMessage: String { "Enter a date" }

    func check(_ input: FormInput, _ question: Question, _ context: ValidationContext) -> AnswerCheck {
        let id = question.id
        let names = [("day", DateInputNames.day(id)), ("month", DateInputNames.month(id)), ("year", DateInputNames.year(id))]
        let parts = names.map { input.value($0.1)?.trimmingCharacters(in: .whitespaces) }
        if parts.allSatisfy({ $0 == nil }) { return .blank }
        let missing = zip(names, parts).filter { $0.1 == nil }.map(\.0)
        if let first = missing.first {
            return .invalid("Date must include a \(missing.map(\.0).joined(separator: " and "))", field: first.1)
        }
        let numbers = parts.map { $0.flatMap { $0.allSatisfy(\.isASCII) ? Int($0) : nil } }
        guard let day = numbers[0], let month = numbers[1] ?? Self.month(named: parts[1]!), let year = numbers[2] else {
            return .invalid("Date must be a real date, like 27 3 2025")
        }
        guard parts[2]!.count == 4 else { return .invalid("Year must include 4 numbers", field: names[2].1) }
        guard let date = CalendarDay(year: year, month: month, day: day) else {
            return .invalid("Date must be a real date, like 27 3 2025")
        }
        if let problem = boundProblem(date, context.today) { return .invalid(problem) }
        return .answered([date.description])
    }

    private func boundProblem(_ date: CalendarDay, _ today: CalendarDay) -> String? {
        if let min = limits.min {
            switch min {
            case .today where date < today: return "Date must be today or in the future"
            case .day(let first) where date < first: return "Date must be on or after \(first.longDescription)"
            default: break
            }
        }
        if let max = limits.max {
            switch max {
            case .today where date > today: return "Date must be today or in the past"
            case .day(let last) where date > last: return "Date must be on or before \(last.longDescription)"
            default: break
            }
        }
        return nil
    }

    /// People sometimes type "March" or "mar" in the month box.
    static func month(named text: String) -> Int? {
        let lowered = text.lowercased()
        guard lowered.count >= 3 else { return nil }
        return CalendarDay.monthNames.firstIndex { $0.lowercased().hasPrefix(lowered) }.map { $0 + 1 }
    }
}
