/// Every route the server answers, with who may use it. `RouteInventoryTests` keeps this list, the
/// router and `Tests/system/routes.tsv` equal, access included.
extension SiteRoute {
    // Public pages
    static let home = SiteRoute(.get, "/", .anyone)
    static let exit = SiteRoute(.get, "/exit", .anyone)
    static let asset = SiteRoute(.get, "/assets/{file}", .anyone)
    static let health = SiteRoute(.get, "/healthz", .anyone)
    static let readiness = SiteRoute(.get, "/readyz", .anyone)
    static let publicReports = SiteRoute(.get, "/reports", .anyone)
    static let publicReport = SiteRoute(.get, "/reports/{quarter}", .anyone)

    // A questionnaire by its open link
    static let formStart = SiteRoute(.get, "/f/{form}", .anyone)
    static let formCheck = SiteRoute(.get, "/f/{form}/check", .anyone)
    static let formSubmit = SiteRoute(.post, "/f/{form}/submit", .anyone)
    static let formConfirmation = SiteRoute(.get, "/f/{form}/confirmation", .anyone)
    static let formPage = SiteRoute(.get, "/f/{form}/{page}", .anyone)
    static let formPageAnswers = SiteRoute(.post, "/f/{form}/{page}", .anyone)

    // A questionnaire by a representative's personal link
    static let invitationStart = SiteRoute(.get, "/i/{token}", .link)
    static let invitationCheck = SiteRoute(.get, "/i/{token}/check", .link)
    static let invitationSubmit = SiteRoute(.post, "/i/{token}/submit", .link)
    static let invitationConfirmation = SiteRoute(.get, "/i/{token}/confirmation", .link)
    static let invitationPage = SiteRoute(.get, "/i/{token}/{page}", .link)
    static let invitationPageAnswers = SiteRoute(.post, "/i/{token}/{page}", .link)

    // Accounts
    static let setup = SiteRoute(.get, "/admin/setup/{token}", .link)
    static let setupCreate = SiteRoute(.post, "/admin/setup/{token}", .link)
    static let login = SiteRoute(.get, "/admin/login", .anyone)
    static let signIn = SiteRoute(.post, "/admin/login", .anyone)
    static let logout = SiteRoute(.post, "/admin/logout", .role(.viewer))
    static let account = SiteRoute(.get, "/admin/account", .role(.lead))
    static let accountSave = SiteRoute(.post, "/admin/account", .role(.lead))

    // The dashboard and downloads
    static let dashboard = SiteRoute(.get, "/admin", .role(.viewer))
    static let measureDownload = SiteRoute(.get, "/admin/forms/{form}/measures/{file}", .role(.viewer))
    static let formDownload = SiteRoute(.get, "/admin/forms/{form}/{file}", .role(.viewer))

    // Survey rounds
    static let rounds = SiteRoute(.get, "/admin/rounds", .role(.viewer))
    static let roundNew = SiteRoute(.get, "/admin/rounds/new", .role(.lead))
    static let roundCreate = SiteRoute(.post, "/admin/rounds", .role(.lead))
    static let round = SiteRoute(.get, "/admin/rounds/{round}", .role(.lead))
    static let roundAddPerson = SiteRoute(.post, "/admin/rounds/{round}/people", .role(.lead))
    static let roundImport = SiteRoute(.post, "/admin/rounds/{round}/import", .role(.lead))
    static let roundRemovePerson = SiteRoute(.post, "/admin/rounds/{round}/people/{person}/remove", .role(.lead))
    static let roundInvitations = SiteRoute(.post, "/admin/rounds/{round}/invitations", .role(.lead))
    static let roundReminders = SiteRoute(.post, "/admin/rounds/{round}/reminders", .role(.lead))
    static let roundClose = SiteRoute(.post, "/admin/rounds/{round}/close", .role(.lead))
    static let roundClosingDate = SiteRoute(.post, "/admin/rounds/{round}/closing-date", .role(.lead))
    static let roundPeopleDownload = SiteRoute(.get, "/admin/rounds/{round}/downloads/{file}", .role(.lead))
    static let roundPerson = SiteRoute(.get, "/admin/rounds/{round}/people/{person}", .role(.lead))
    static let roundPersonCorrect = SiteRoute(.post, "/admin/rounds/{round}/people/{person}", .role(.lead))
    static let roundPersonInvitation = SiteRoute(.post, "/admin/rounds/{round}/people/{person}/invitation", .role(.lead))
    static let roundPersonReminder = SiteRoute(.post, "/admin/rounds/{round}/people/{person}/reminder", .role(.lead))
    static let roundPersonLink = SiteRoute(.post, "/admin/rounds/{round}/people/{person}/link", .role(.lead))

    // Community voices and public-link responses
    static let voices = SiteRoute(.get, "/admin/voices", .role(.lead))
    static let voice = SiteRoute(.get, "/admin/voices/{form}/{reference}", .role(.lead))
    static let voiceAction = SiteRoute(.post, "/admin/voices/{form}/{reference}/{action}", .role(.lead))
    static let linkResponses = SiteRoute(.get, "/admin/link-responses", .role(.lead))
    static let linkResponseDecision = SiteRoute(.post, "/admin/link-responses/{form}/{reference}/{action}", .role(.lead))

    // Operations
    static let audit = SiteRoute(.get, "/admin/audit", .role(.admin))
    static let mail = SiteRoute(.get, "/admin/mail", .role(.admin))
    static let mailRetryFailed = SiteRoute(.post, "/admin/mail/retry-failed", .role(.admin))
    static let mailRetry = SiteRoute(.post, "/admin/mail/{id}/retry", .role(.admin))
    static let retention = SiteRoute(.get, "/admin/retention", .role(.admin))

    // The board report, meetings and figures
    static let reports = SiteRoute(.get, "/admin/reports", .role(.viewer))
    static let report = SiteRoute(.get, "/admin/reports/{quarter}", .role(.viewer))
    static let reportDownload = SiteRoute(.get, "/admin/reports/{quarter}/{file}", .role(.viewer))
    static let reportPreview = SiteRoute(.get, "/admin/reports/{quarter}/preview", .role(.lead))
    static let reportPublish = SiteRoute(.post, "/admin/reports/{quarter}/publish", .role(.lead))
    static let reportWithdraw = SiteRoute(.post, "/admin/reports/{quarter}/withdraw", .role(.lead))
    static let meetings = SiteRoute(.get, "/admin/meetings", .role(.lead))
    static let meetingNew = SiteRoute(.get, "/admin/meetings/new", .role(.lead))
    static let meetingCreate = SiteRoute(.post, "/admin/meetings", .role(.lead))
    static let meeting = SiteRoute(.get, "/admin/meetings/{meeting}", .role(.lead))
    static let meetingUpdate = SiteRoute(.post, "/admin/meetings/{meeting}", .role(.lead))
    static let meetingDelete = SiteRoute(.post, "/admin/meetings/{meeting}/delete", .role(.lead))
    static let meetingAddAction = SiteRoute(.post, "/admin/meetings/{meeting}/actions", .role(.lead))
    static let meetingActionStatus = SiteRoute(.post, "/admin/meetings/{meeting}/actions/{action}", .role(.lead))
    static let figures = SiteRoute(.get, "/admin/figures", .role(.lead))
    static let figureEnter = SiteRoute(.post, "/admin/figures", .role(.lead))
    static let figuresImport = SiteRoute(.post, "/admin/figures/import", .role(.lead))
    static let figureHistory = SiteRoute(.get, "/admin/figures/{measure}/{quarter}", .role(.lead))

    static let all: [SiteRoute] = [
        home, exit, asset, health, readiness, publicReports, publicReport,
        formStart, formCheck, formSubmit, formConfirmation, formPage, formPageAnswers,
        invitationStart, invitationCheck, invitationSubmit, invitationConfirmation, invitationPage, invitationPageAnswers,
        setup, setupCreate, login, signIn, logout, account, accountSave,
        dashboard, measureDownload, formDownload,
        rounds, roundNew, roundCreate, round, roundAddPerson, roundImport, roundRemovePerson, roundInvitations, roundReminders,
        roundClose, roundClosingDate, roundPeopleDownload, roundPerson, roundPersonCorrect, roundPersonInvitation, roundPersonReminder,
        roundPersonLink,
        voices, voice, voiceAction, linkResponses, linkResponseDecision,
        audit, mail, mailRetryFailed, mailRetry, retention,
        reports, report, reportDownload, reportPreview, reportPublish, reportWithdraw,
        meetings, meetingNew, meetingCreate, meeting, meetingUpdate, meetingDelete, meetingAddAction, meetingActionStatus,
        figures, figureEnter, figuresImport, figureHistory,
    ]
}
