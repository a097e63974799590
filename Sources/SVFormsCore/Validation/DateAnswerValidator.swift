/// Dates in three boxes (day, month, year), as the GOV.UK date input pattern asks for them.
struct DateAnswerValidator: AnswerValidator {
    let limits: DateLimits

    var requiredMessage: String { "Enter a date" }

    /// One of the three boxes: what it is called in messages, its input name, what was typed.
    private struct Box {
        let part: String
        let name: String
        let text: String?
    }

    func check(_ input: FormInput, _ question: Question, _ context: ValidationContext) -> AnswerCheck {
        let id = question.id
        let day = Box(part: "day", name: DateInputNames.day(id), text: input.value(DateInputNames.day(id)))
        let month = Box(part: "month", name: DateInputNames.month(id), text: input.value(DateInputNames.month(id)))
        let year = Box(part: "year", name: DateInputNames.year(id), text: input.value(DateInputNames.year(id)))
        let boxes = [day, month, year]
        if boxes.allSatisfy({ $0.text == nil }) { return .blank }
        let missing = boxes.filter { $0.text == nil }
        if let first = missing.first {
            return .invalid("Date must include a \(missing.map(\.part).joined(separator: " and "))", field: first.name)
        }
        let realDate = "Date must be a real date, like 27 3 2025"
        guard let dayNumber = Self.number(day.text), let monthNumber = Self.number(month.text) ?? Self.month(named: month.text!),
            let yearNumber = Self.number(year.text)
        else { return .invalid(realDate) }
        guard year.text!.trimmingCharacters(in: .whitespaces).count == 4 else {
            return .invalid("Year must include 4 numbers", field: year.name)
        }
        guard let date = CalendarDay(year: yearNumber, month: monthNumber, day: dayNumber) else { return .invalid(realDate) }
        if let problem = boundProblem(date, context.today) { return .invalid(problem) }
        return .answered([date.description])
    }

    private static func number(_ text: String?) -> Int? {
        guard let text = text?.trimmingCharacters(in: .whitespaces), !text.isEmpty, text.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            return nil
        }
        return Int(text)
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
        let lowered = text.trimmingCharacters(in: .whitespaces).lowercased()
        guard lowered.count >= 3 else { return nil }
        return CalendarDay.monthNames.firstIndex { $0.lowercased().hasPrefix(lowered) }.map { $0 + 1 }
    }
}
