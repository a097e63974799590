import Foundation
import SVFormsCore
import SVFormsStore
import Testing

@testable import SVFormsWeb

@Suite struct RandomTokenTests {
    @Test func base64URLIsBase64WithTheURLAlphabetAndNoPadding() {
        var generator = SystemRandomNumberGenerator()
        for length in 0..<70 {
            let data = Data((0..<length).map { _ in UInt8.random(in: .min ... .max, using: &generator) })
            let expected = data.base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
                .replacingOccurrences(of: "=", with: "")
            #expect(data.base64URLEncoded == expected)
            #expect(Data(base64URLEncoded: data.base64URLEncoded) == data)
        }
    }

    @Test func tokensAreWellFormedAndNeverRepeat() {
        let tokens = (0..<2_000).map { _ in RandomToken.generate() }
        #expect(tokens.allSatisfy(RandomToken.isWellFormed))
        #expect(Set(tokens).count == tokens.count)
        #expect(Set(tokens.map { Data(base64URLEncoded: $0)! }.flatMap { $0 }).count > 250)  // every byte value turns up
    }
}
