import Foundation

/// The URLs of the signed-in pages, and the one rule for where sign-in may return to.
enum AdminPaths {
    static let dashboard = "/admin"
    static let audit = "/admin/audit"
    static let logout = "/admin/logout"
    static let account = "/admin/account"
    static let mail = "/admin/mail"
    static let rounds = "/admin/rounds"

    static func login(next: String? = nil) -> String {
        guard let next = safeNext(next), next != dashboard else { return "/admin/login" }
        return "/admin/login?next=" + (next.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(["/", "-", "_", "."])) ?? "")
    }

    /// Only paths inside the signed-in area are allowed, so a crafted link
    /// (`next=//evil.example`, `next=https://…`, `next=/\\evil`) can never send anyone off-site;
    /// and only the characters of this site's own paths and queries, so no markup rides along either.
    static func safeNext(_ next: String?) -> String? {
        guard let next, next.hasPrefix("/admin"), !next.contains("//"), next.unicodeScalars.allSatisfy(nextCharacters.contains)
        else { return nil }
        return next
    }

    private static let nextCharacters = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789/-_.~?=&%+")

    static func setup(_ token: String) -> String { "/admin/setup/\(token)" }

    static func responses(_ formID: String, _ format: String) -> String { "/admin/forms/\(formID)/responses.\(format)" }

    static func measure(_ formID: String, _ measureID: String, _ format: String) -> String {
        "/admin/forms/\(formID)/measures/\(measureID).\(format)"
    }
}
