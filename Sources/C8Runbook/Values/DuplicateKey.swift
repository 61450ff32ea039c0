import Foundation

/// Finds where a key is written a second time in a block mapping: Yams reports only the first occurrence, Helm
/// (go-yaml, not strict) keeps the last, so that is where a message should point.
enum DuplicateKey {
    /// The next line after `first` that writes `key` at the same column, before the mapping ends (a content line
    /// indented less). Nil for flow mappings and keys the scan cannot spell out.
    static func laterOccurrence(of key: String, first: (line: Int, column: Int), in source: SourceText) -> (line: Int, column: Int)? {
        let indent = first.column - 1
        var number = first.line + 1
        while number <= source.count {
            defer { number += 1 }
            if source.isBlank(number) || source.isComment(number) { continue }
            let own = source.indentation(number)
            if own < indent { return nil }
            guard own == indent else { continue }
            guard let token = SourceText.splitToken(source.rest(number, from: first.column), keyContext: true)?.token else { continue }
            if unquoted(SourceText.string(token)) == key { return (number, first.column) }
        }
        return nil
    }

    private static func unquoted(_ token: String) -> String {
        guard token.count >= 2, let quote = token.first, quote == "'" || quote == "\"", token.last == quote else { return token }
        let inner = String(token.dropFirst().dropLast())
        return quote == "'" ? inner.replacingOccurrences(of: "''", with: "'") : inner
    }
}
