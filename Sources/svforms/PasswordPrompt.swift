import ArgumentParser
import Foundation

/// Reads a new password: from a terminal, asked twice without echoing; otherwise the first line of standard input.
enum PasswordPrompt {
    static func read() throws -> String {
        guard isatty(STDIN_FILENO) == 1 else {
            guard let line = readLine(strippingNewline: true) else { throw ValidationError("no password on standard input") }
            return line
        }
        let first = try ask("Password: ")
        let second = try ask("Password again: ")
        guard first == second else { throw ValidationError("the two passwords differ") }
        return first
    }

    /// Turns terminal echo off while the password is typed.
    private static func ask(_ prompt: String) throws -> String {
        FileHandle.standardError.write(Data(prompt.utf8))
        var original = termios()
        tcgetattr(STDIN_FILENO, &original)
        var silent = original
        silent.c_lflag &= ~tcflag_t(ECHO)
        tcsetattr(STDIN_FILENO, TCSANOW, &silent)
        defer {
            tcsetattr(STDIN_FILENO, TCSANOW, &original)
            FileHandle.standardError.write(Data("\n".utf8))
        }
        guard let line = readLine(strippingNewline: true) else { throw ValidationError("no password given") }
        return line
    }
}
