import Foundation
import SVFormsCore
import SVFormsStore

/// The "open a round" form, made of ordinary questions so it is validated and shown exactly like
/// a questionnaire page (the same messages, the same accessible date boxes).
struct RoundForm {
    let questionnaires: [Questionnaire]
    let calendar: ReportingCalendar
    let now: Date

    var today: CalendarDay { CalendarDay.today(in: calendar.timeZone, now: now) }

    var questions: [Question] {
        [
            Question(
                id: "form", label: "Questionnaire", hint: "Only questionnaires answered by invitation are listed.",
                errorMessage: "Select the questionnaire this round is for",
                kind: .singleChoice(questionnaires.map { Choice(value: $0.id, label: $0.title) })),
            Question(
                id: "name", label: "Name of the round", hint: "People see this in their invitation.",
                errorMessage: "Enter a name for the round", kind: .shortText(TextLimits(maxLength: 120))),
            Question(
                id: "opens-on", label: "Opens on", hint: "For example, 1 4 2026", errorMessage: "Enter the day the round opens",
                kind: .date(DateLimits())),
            Question(
                id: "closes-on", label: "Closes on", hint: "Links stop working after this day.",
                errorMessage: "Enter the day the round closes", kind: .date(DateLimits(min: .today))),
            Question(
                id: "reminder-days", label: "Remind people who have not answered, this many days before it closes",
                hint: "Leave empty to send reminders only when you choose to.", isOptional: true,
                kind: .number(NumberLimits(min: 1, max: 60))),
        ]
    }

    /// What the form shows before anything is entered: the current quarter, open from today to its end.
    var defaults: FormInput {
        let quarter = calendar.quarter(containing: now)
        let lastDay = CalendarDay.today(in: calendar.timeZone, now: calendar.interval(of: quarter).end.addingTimeInterval(-1))
        var answers: Answers = ["name": [quarter.label], "opens-on": [today.description], "closes-on": [lastDay.description]]
        if questionnaires.count == 1 { answers["form"] = [questionnaires[0].id] }
        return FormInput.prefilled(from: answers, for: questions)
    }

    /// The round to open, or the problems to show.
    func read(_ input: FormInput) -> Result<NewSurveyRound, FieldProblems> {
        let result = PageValidator(context: ValidationContext(today: today)).validate(questions, input: input)
        var problems = result.problems
        let opens = result.answers["opens-on"]?.first.flatMap(CalendarDay.init(iso:))
        let closes = result.answers["closes-on"]?.first.flatMap(CalendarDay.init(iso:))
        // The database counts code points, not characters: a name of accented letters typed as letter plus
        // accent would pass the character count and then be refused there, as a server error.
        if let name = result.answers["name"]?.first, name.unicodeScalars.count > 120 {
            problems.append(FieldProblem(questionID: "name", message: "Answer must be 120 characters or fewer"))
        }
        if let opens, let closes, closes < opens {
            problems.append(FieldProblem(questionID: "closes-on", message: "The closing day must be on or after the opening day"))
        }
        guard problems.isEmpty, let form = result.answers["form"]?.first, let name = result.answers["name"]?.first,
            let opens, let closes
        else { return .failure(FieldProblems(list: problems)) }
        let reminder = result.answers["reminder-days"]?.first.flatMap { Int($0) }
        return .success(NewSurveyRound(formID: form, name: name, opensOn: opens, closesOn: closes, reminderDaysBefore: reminder))
    }
}
