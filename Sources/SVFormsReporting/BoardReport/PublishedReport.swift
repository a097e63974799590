import Foundation

/// A board report as published: what the public page shows until the quarter is withdrawn or published
/// again. Stored as a versioned JSON document so that a report published by an older svforms still
/// reads after `BoardReport` changes: a field added later must be optional (or decode to a default),
/// and `Tests/SVFormsReportingTests/Fixtures/` keeps a report as each version of the code wrote it.
public enum PublishedReport {
    /// The version this code writes. Reports published before versioning were version 1 without the envelope.
    public static let version = 1

    private struct Envelope: Codable {
        var version: Int
        var report: BoardReport
    }

    private struct VersionOnly: Decodable {
        var version: Int?
    }

    /// The stored form of `report`.
    public static func document(_ report: BoardReport) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return String(decoding: try encoder.encode(Envelope(version: version, report: report)), as: UTF8.self)
    }

    /// The report a stored document holds, from any version this code has written.
    public static func report(from document: String) throws(Problem) -> BoardReport {
        let data = Data(document.utf8)
        let decoder = JSONDecoder()
        do {
            switch try decoder.decode(VersionOnly.self, from: data).version {
            case nil: return try decoder.decode(BoardReport.self, from: data)
            case let written? where written <= version: return try decoder.decode(Envelope.self, from: data).report
            case let written?:
                throw Problem("the report was published by a newer svforms (document version \(written), this one reads up to \(version))")
            }
        } catch let problem as Problem {
            throw problem
        } catch {
            throw Problem("the published report cannot be read: \(error)")
        }
    }

    /// A stored report this code cannot read: a defect to fix, never a report that quietly is not there.
    public struct Problem: Error, CustomStringConvertible {
        public let description: String
        init(_ description: String) { self.description = description }
    }
}
