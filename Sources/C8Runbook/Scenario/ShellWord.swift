import Foundation
/// Quoting for POSIX shells: a word is left bare when it holds only characters no shell treats specially,
/// otherwise it is wrapped in single quotes (and a single quote inside becomes `'\''`).
public enum ShellWord {
    private static let safe = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./:@=,+%")

    public static func quote(_ word: String) -> String {
        if !word.isEmpty, word.allSatisfy({ safe.contains($0) }) { return word }
        return "'" + word.replacingOccurrences(of: "'", with: #"'\''"#) + "'"
    }
}
