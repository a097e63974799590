import Foundation

/// The sign-in page's URL, and the one rule for where sign-in may return to.
extension SiteRoute {
    /// The sign-in page, returning to `next` afterwards when that is a page of the signed-in area.
    static func signInPage(returningTo next: String? = nil) -> String {
        guard let next = safeNext(next), next != dashboard.path() else { return login.path() }
        return login.path() + "?next=" + (next.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(["/", "-", "_", "."])) ?? "")
    }

    /// Only paths inside the signed-in area are allowed, so a crafted link
    /// (`next=//evil.example`, `next=https://…`, `next=/\\evil`) can never send anyone off-site;
    /// and only the characters of this site's own paths and queries, so no markup rides along either.
    static func safeNext(_ next: String?) -> String? {
        guard let next, next.hasPrefix(dashboard.path()), !next.contains("//"), next.unicodeScalars.allSatisfy(nextCharacters.contains)
        else { return nil }
        return next
    }

    private static let nextCharacters = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789/-_.~?=&%+")
}
