import SVFormsExport
import Testing

/// The one rule for text a spreadsheet could run as a formula.
@Suite struct FormulaNeutraliserTests {
    @Test(arguments: ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx", "\r\nx", "=HYPERLINK(\"http://x\")"])
    func triggersGetAnApostrophe(text: String) {
        #expect(FormulaNeutraliser.neutralise(text) == "'" + text)
    }

    @Test(arguments: ["", "plain", "a=1", " =1", "'=1", "£5", "\nx", "1-2"])
    func otherTextIsUnchanged(text: String) {
        #expect(FormulaNeutraliser.neutralise(text) == text)
    }
}
