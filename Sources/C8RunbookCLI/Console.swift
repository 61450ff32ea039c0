import ArgumentParser
import C8Runbook
import Foundation

/// Standard error, and the one place diagnostics become exit codes.
enum Console {
    static func note(_ message: String) { printError("note: \(message)") }

    /// Notes printed only if the command succeeds: a failing command's diagnostic stays the one line on standard
    /// error. (The CLI runs one command on one thread; `run` reads them after the body.)
    nonisolated(unsafe) private static var notesOnSuccess: [String] = []
    static func noteOnSuccess(_ message: String) { notesOnSuccess.append(message) }
    static func warning(_ message: String) { printError("warning: \(message)") }

    /// Every line goes through the secret detector: a message quoting a user's value never echoes a credential.
    static func printError(_ line: String) { StandardOutput.printError(SecretRedactor.shapesOnly.redactMessage(line)) }

    /// Runs `body`; a diagnostic becomes one line on standard error and its exit code.
    static func run(_ body: () throws -> Void) throws {
        do {
            try body()
        } catch let error as any DiagnosticError {
            notesOnSuccess = []
            printError(error.description)
            throw ExitCode(error.exitStatus.rawValue)
        }
        for message in notesOnSuccess { note(message) }
        notesOnSuccess = []
    }

    /// Before any command runs: SIGPIPE ignored, and at exit whatever `print` (or the argument parser's help)
    /// left unwritten on standard output becomes one error line and exit 74 instead of a silent success.
    static func prepare() {
        StandardOutput.prepare()
        atexit {
            if let reason = StandardOutput.flushBuffered() {
                StandardOutput.printError(OutputError.stream(name: "<stdout>", reason: reason).description)
                _exit(ExitStatus.ioError.rawValue)
            }
        }
    }
}
