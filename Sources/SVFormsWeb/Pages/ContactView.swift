import Foundation
import Mustache
import SVFormsCore

/// A safeguarding contact as shown on public pages.
struct ContactView: Sendable, Hashable, MustacheParent {
    let contact: SafeguardingContact

    func child(named name: String) -> Any? {
        switch name {
        case "contactName": contact.name
        case "hasPhone": contact.phone != nil
        case "contactPhone": contact.phone
        // `tel:` links work from a phone, where most people arrive from a poster.
        case "contactTelHref": contact.phone.map(Self.telHref)
        case "hasURL": contact.url != nil
        case "contactURL": contact.url
        case "hasDescription": contact.description != nil
        case "contactDescription": contact.description
        default: nil
        }
    }

    /// `tel:0800555111` from "0800 555 111"; a leading + (international numbers) is kept.
    static func telHref(_ phone: String) -> String {
        let digits = phone.filter { $0.isASCII && $0.isNumber }
        return "tel:" + (phone.trimmingCharacters(in: .whitespaces).hasPrefix("+") ? "+" : "") + digits
    }
}
