/// The 8-character reference a person gets when they submit, without look-alike
/// characters (no 0/O, 1/I/L or U/V) so it can be read out over the phone.
public enum Reference {
    public static let alphabet = Array("ABCDEFGHJKMNPQRSTWXYZ23456789")
    public static let length = 8

    public static func generate() -> String {
        var generator = SystemRandomNumberGenerator()
        return generate(using: &generator)
    }

    public static func generate(using generator: inout some RandomNumberGenerator) -> String {
        String((0..<length).map { _ in alphabet.randomElement(using: &generator)! })
    }

    public static func isWellFormed(_ text: String) -> Bool {
        text.count == length && text.allSatisfy(alphabet.contains)
    }
}
