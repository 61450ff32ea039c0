import ArgumentParser
import C8Runbook
import Foundation

/// Standard error, and the one place diagnostics become exit codes.
enum Console {
    static func note(_ message: String) { printError("note: \(message)") }
    static func warning(_ message: String) { printError("warning: \(message)") }

    /// Every line goes through the secret detector: a message quoting a user's value never echoes a credential.
    static func printError(_ line: String) {
        FileHandle.standardError.write(Data((SecretRedactor.shapesOnly.redactMessage(line) + "\n").utf8))
    }

    /// Runs `body`; a diagnostic becomes one line on standard error and its exit code.
    static func run(_ body: () throws -> Void) throws {
        do {
            try body()
        } catch let error as any DiagnosticError {
            printError(error.description)
            throw ExitCode(error.exitStatus.rawValue)
        }
    }
}
