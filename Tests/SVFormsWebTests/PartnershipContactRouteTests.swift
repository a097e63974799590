import Foundation
import HummingbirdTesting
import SVFormsCore
import Testing

@testable import SVFormsWeb

/// Emails and confirmations people can trust: the invitation says who asks, why and by when, and names
/// someone to check it with; the confirmation says what happens next and who to ask; a representative
/// can have their reference emailed to them, without their answers.
@Suite struct PartnershipContactRouteTests {
    @Test func theInvitationNamesTheContactTheReasonAndTheClosingDateNearTheTop() async throws {
        let (configuration, app) = try await roundServer(forms: try Repository.surreyFormsWithContact())
        let delivered = try await app.test(.router) { client in
            var (lead, round) = try await leadWithRound(client, people: twoRepresentatives)
            try await lead.post(round + "/invitations")
            return try await deliveredMail(in: configuration, atLeast: 2)
        }
        let mail = try #require(delivered.first { $0.to == "ada@police.example" })
        let text = mail.body
        // The request and its date come first, before the reason and the link.
        let top = try #require(text.between("Dear Ada Police,", "Why you:"))
        #expect(top.contains("for Surrey Police by 30 June 2025."), "\(top)")
        #expect(text.contains("Surrey Police is a member of Surrey Serious Violence Reduction Partnership, and you were named as the person"))
        #expect(text.contains("Contact Surrey SVRP team, email svrp@surrey.example, phone 01632 960123."))
        #expect(!text.contains("you can ignore it"))
    }

    @Test func withoutAContactTheInvitationSaysToCheckWithThePartnership() async throws {
        let (configuration, app) = try await roundServer()
        let delivered = try await app.test(.router) { client in
            var (lead, round) = try await leadWithRound(client, people: twoRepresentatives)
            try await lead.post(round + "/invitations")
            return try await deliveredMail(in: configuration, atLeast: 2)
        }
        let mail = try #require(delivered.first)
        #expect(mail.body.contains("check with Surrey Serious Violence Reduction Partnership before you open the link"))
    }

    @Test func aRepresentativeWhoAsksGetsTheirReferenceByEmailAndTheConfirmationNamesTheContact() async throws {
        let (configuration, app) = try await roundServer(forms: try Repository.surreyFormsWithContact())
        let (reference, receipts) = try await app.test(.router) { client in
            var (lead, round) = try await leadWithRound(client, people: twoRepresentatives)
            try await lead.post(round + "/invitations")
            let links = try await invitationLinks(in: configuration, count: 2)
            var ada = TestBrowser(client)
            let link = try #require(links["ada@police.example"])
            try await answerRoleSurvey(&ada, base: link)
            let check = try await ada.get(link + "/check")
            #expect(check.text.contains("Email me a confirmation with my reference number"))
            #expect(check.text.contains("It goes to ada@police.example and does not include your answers."))
            try await ada.post(link + "/submit", [("confirmation-email", "yes")])
            let confirmation = try await ada.get(link + "/confirmation")
            #expect(confirmation.text.contains("What happens next The partnership reports the results every quarter."))
            #expect(confirmation.text.contains("Contact Surrey SVRP team and quote your reference number."))
            #expect(confirmation.body.contains("href=\"mailto:svrp@surrey.example\""))
            #expect(confirmation.body.contains("href=\"tel:01632960123\""))
            // Bo does not ask, and gets no email.
            var bo = TestBrowser(client)
            let boLink = try #require(links["bo@fire.example"])
            try await answerRoleSurvey(&bo, base: boLink, organisation: "surrey-fire-and-rescue")
            try await bo.get(boLink + "/check")
            try await bo.post(boLink + "/submit")
            let reference = try #require(confirmation.body.between("<strong class=\"reference\">", "</strong>"))
            // Both submissions are in before the mail is read: a receipt for Bo would be there too.
            return (reference, try await deliveredMail(in: configuration, atLeast: 1) { $0.subject.hasPrefix("Received:") })
        }
        #expect(receipts.map(\.to) == ["ada@police.example"])
        let receipt = try #require(receipts.first)
        #expect(receipt.body.contains("Your reference number: \(reference)"))
        #expect(receipt.body.contains("contact Surrey SVRP team, email svrp@surrey.example"))
        #expect(!receipt.body.contains("Good understanding"))
        #expect(!receipt.body.contains("Analyst"))
    }
}
