import Foundation
import Yams

/// Builds the values-file snippets the runbook shows: nested keys and `env` lists, two-space indented as in
/// Camunda's files, with comments where the guide's own examples have them. Scalars are quoted exactly where a
/// YAML 1.1 parser would read them as something else (`'8'` stays a string).
struct ValuesSnippet {
    enum Value {
        case string(String)
        case bool(Bool)
        /// A string that must stay quoted even where plain would do (the chart's string-typed sizes).
        case quoted(String)
    }

    struct EnvEntry {
        var name: String
        var value: String
        var comment: String? = nil
    }

    private var lines: [String] = []
    private var openPath: [String] = []

    /// A scalar leaf at a dotted path, such as `orchestration.exporters.camunda.enabled`.
    mutating func set(_ path: String, _ value: Value, comment: String? = nil) {
        let components = path.split(separator: ".").map(String.init)
        let depth = open(Array(components.dropLast()))
        lines.append(indent(depth) + "\(components.last!): \(Self.format(value))" + (comment.map { "  # \($0)" } ?? ""))
    }

    /// An env list at a dotted path (`orchestration.env`), with an optional comment line before a group.
    mutating func env(_ path: String, _ groups: [(comment: String?, entries: [EnvEntry])]) {
        let components = path.split(separator: ".").map(String.init)
        let depth = open(components)
        openPath = components + ["-"]
        for (index, group) in groups.enumerated() {
            if index > 0 { lines.append("") }
            if let comment = group.comment { lines.append(indent(depth) + "# \(comment)") }
            for entry in group.entries {
                lines.append(indent(depth) + "- name: \(entry.name)" + (entry.comment.map { "  # \($0)" } ?? ""))
                lines.append(indent(depth) + "  value: \(Self.format(.string(entry.value)))")
            }
        }
    }

    mutating func comment(_ text: String) {
        // After an env list: level with its items, not with their `value:`.
        lines.append(indent(openPath.last == "-" ? openPath.count - 1 : openPath.count) + "# \(text)")
    }

    var text: String { lines.joined(separator: "\n") }

    /// Opens the mapping keys of `path` not already open; returns the depth of the next line.
    private mutating func open(_ path: [String]) -> Int {
        var common = 0
        while common < min(path.count, openPath.count), path[common] == openPath[common] { common += 1 }
        for depth in common..<path.count { lines.append(indent(depth) + "\(path[depth]):") }
        openPath = path
        return path.count
    }

    private func indent(_ depth: Int) -> String { String(repeating: "  ", count: depth) }

    /// Whether `text` can be written as a plain scalar and still read back as this string: no YAML indicator at
    /// the start, no `: ` or ` #` inside, one line, and YAML 1.1 reads it as a string, not `true`, `8`, `~` or a
    /// date (`PlainScalarResolver`, which types plain scalars as Yams' default resolver does).
    static func isPlainSafe(_ text: String) -> Bool {
        guard let first = text.first, let last = text.last, !first.isWhitespace, !last.isWhitespace,
              !"-?:,[]{}#&*!|>'\"%@`".contains(first), !Self.containsText(text, ": "), !Self.containsText(text, " #"), !text.hasSuffix(":"),
              !Self.hasControlOrBreak(text)
        else { return false }
        return PlainScalarResolver.tag(ofPlain: text) == .str
    }

    /// A control character (general category Cc), U+0085, U+2028 or U+2029. ASCII text is checked by byte (its
    /// controls are below 0x20 and 0x7F); only other text has its scalars' categories looked up.
    private static func hasControlOrBreak(_ text: String) -> Bool {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text.utf8.contains { $0 < 0x20 || $0 == 0x7F } }
        return text.unicodeScalars.contains { $0.properties.generalCategory == .control || $0 == "\u{85}" || $0 == "\u{2028}" || $0 == "\u{2029}" }
    }

    /// Foundation's `contains`, asked only when the bytes are there: no canonically equivalent form of `: ` or
    /// ` #` lacks their bytes, so the byte search rules out nearly every value without bridging it to `NSString`.
    private static func containsText(_ text: String, _ part: String) -> Bool {
        text.containsBytes(part) && text.contains(part)
    }

    static func format(_ value: Value) -> String {
        switch value {
        case let .bool(flag): return flag ? "true" : "false"
        case let .quoted(text): return "'" + text.replacingOccurrences(of: "'", with: "''") + "'"
        case let .string(text):
            return isPlainSafe(text) ? text : format(.quoted(text))
        }
    }
}
