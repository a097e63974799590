import Foundation
import Yams

/// A date in three boxes (day, month, year), as the GOV.UK date input pattern asks for it, saved as
/// 2025-03-27, read as "27 March 2025". The worked example in the README of adding a kind.
public struct DateQuestion: ReadableQuestionType {
    public var limits: DateLimits

    static let typeName = "date"
    static let keys = ["min", "max"]

    static func read(_ m: YAMLMapping, _ context: QuestionReadingContext) -> DateQuestion? {
        func bound(_ key: String) -> DateBound? {
            guard let text = context.reader.string(m, key, context.what) else { return nil }
            if text == "today" { return .today }
            guard let day = CalendarDay(iso: text) else {
                context.reader.report("\"\(key)\" of \(context.what) must be a date like 2025-04-01, or today", at: m[key])
                return nil
            }
            return .day(day)
        }
        return DateQuestion(limits: DateLimits(min: bound("min"), max: bound("max")))
    }

    /// Three boxes: `{id}-day`, `{id}-month`, `{id}-year`.
    public static func inputNames(_ id: String) -> (day: String, month: String, year: String) {
        ("\(id)-day", "\(id)-month", "\(id)-year")
    }

    public func inputNames(_ id: String) -> [String] {
        let names = Self.inputNames(id)
        return [names.day, names.month, names.year]
    }

    public func inputs(showing values: [String], id: String) -> [String: [String]] {
        guard let day = values.first.flatMap(CalendarDay.init(iso:)) else { return [id: values] }
        let names = Self.inputNames(id)
        // The year as four figures, as it was typed: "999" would fail the check it passed ("0999").
        return [names.day: [String(day.day)], names.month: [String(day.month)], names.year: [String(format: "%04d", day.year)]]
    }

    public func readableLines(_ values: [String]) -> [String] { values.map { CalendarDay(iso: $0)?.longDescription ?? $0 } }

    /// ISO dates in a spreadsheet, which sort and which every spreadsheet reads.
    public func cell(_ values: [String]) -> AnswerCell { .text(values[0]) }

    public var requiredMessage: String { "Enter a date" }

    /// One of the three boxes: what it is called in messages, its input name, what was typed.
    private struct Box {
        let part: String
        let name: String
        let text: String?
    }

    public func check(_ input: FormInput, _ question: Question, _ context: ValidationContext) -> AnswerCheck {
        let names = Self.inputNames(question.id)
        let day = Box(part: "day", name: names.day, text: input.value(names.day))
        let month = Box(part: "month", name: names.month, text: input.value(names.month))
        let year = Box(part: "year", name: names.year, text: input.value(names.year))
        let boxes = [day, month, year]
        if boxes.allSatisfy({ $0.text == nil }) { return .blank }
        let missing = boxes.filter { $0.text == nil }
        if let first = missing.first {
            return .invalid("Date must include a \(missing.map(\.part).joined(separator: " and "))", field: first.name)
        }
        let realDate = "Date must be a real date, like 27 3 2025"
        guard let dayNumber = Self.number(day.text), let monthNumber = Self.number(month.text) ?? Self.month(named: month.text ?? ""),
            let yearNumber = Self.number(year.text)
        else { return .invalid(realDate) }
        guard (year.text ?? "").trimmingCharacters(in: .whitespaces).count == 4 else {
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

extension QuestionKind {
    public static func date(_ limits: DateLimits) -> QuestionKind { QuestionKind(DateQuestion(limits: limits)) }
}
