import Foundation
/// Quoting for POSIX shells: a word is left bare when it holds only characters no shell treats specially,
/// otherwise it is wrapped in single quotes (and a single quote inside becomes `'\''`).
public enum ShellWord {
    /// The safe characters, all ASCII, by byte.
    private static let safe: [Bool] = {
        var table = [Bool](repeating: false, count: 256)
        for byte in "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./:@=,+%".utf8 { table[Int(byte)] = true }
        return table
    }()

    public static func quote(_ word: String) -> String {
        if !word.isEmpty, word.utf8.allSatisfy({ safe[Int($0)] }) { return word }
        guard word.utf8.contains(0x27) else { return "'" + word + "'" }
        return "'" + word.replacingOccurrences(of: "'", with: #"'\''"#) + "'"
    }
}
