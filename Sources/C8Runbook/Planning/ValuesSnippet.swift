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

    /// The snippet so far, its lines joined by line feeds: one buffer, appended to in place (a `String` per line,
    /// an indentation and a path component each, were a tenth of planning a runbook).
    private(set) var text = ""
    private var hasLines = false
    /// The mapping keys open at the last line, as slices of the paths they came from; `-` after an env list's keys.
    private var openPath: [Substring] = []

    /// A scalar leaf at a dotted path, such as `orchestration.exporters.camunda.enabled`.
    mutating func set(_ path: String, _ value: Value, comment: String? = nil) {
        let components = Self.keys(path)
        let depth = open(components.dropLast())
        startLine(depth)
        text += components.last!
        text += ": "
        text += Self.format(value)
        if let comment { text += "  # "; text += comment }
    }

    /// An env list at a dotted path (`orchestration.env`), with an optional comment line before a group.
    mutating func env(_ path: String, _ groups: [(comment: String?, entries: [EnvEntry])]) {
        let components = Self.keys(path)
        let depth = open(components[...])
        openPath.append("-")
        for (index, group) in groups.enumerated() {
            if index > 0 { startLine(0) }
            if let comment = group.comment { startLine(depth); text += "# "; text += comment }
            for entry in group.entries {
                startLine(depth)
                text += "- name: "
                text += entry.name
                if let comment = entry.comment { text += "  # "; text += comment }
                startLine(depth)
                text += "  value: "
                text += Self.format(.string(entry.value))
            }
        }
    }

    mutating func comment(_ text: String) {
        // After an env list: level with its items, not with their `value:`.
        startLine(openPath.last == "-" ? openPath.count - 1 : openPath.count)
        self.text += "# "
        self.text += text
    }

    /// The keys of a dotted path: split by byte when the path is ASCII (a `.` is then always a `Character` of its own),
    /// by `Character` otherwise (the generic split by `Character` was a third of the snippets' time).
    static func keys(_ path: String) -> [Substring] {
        guard path.utf8.allSatisfy({ $0 < 0x80 }) else { return path.split(separator: ".") }
        return path.utf8.split(separator: 0x2E).map { Substring($0) }
    }

    /// A new line (a line feed before every line but the first) indented for `depth`.
    private mutating func startLine(_ depth: Int) {
        if hasLines { text += "\n" }
        hasLines = true
        for _ in 0..<depth { text += "  " }
    }

    /// Opens the mapping keys of `path` not already open; returns the depth of the next line.
    private mutating func open(_ path: ArraySlice<Substring>) -> Int {
        var common = 0
        while common < min(path.count, openPath.count), path[path.startIndex + common] == openPath[common] { common += 1 }
        for depth in common..<path.count {
            startLine(depth)
            text += path[path.startIndex + depth]
            text += ":"
        }
        openPath = Array(path)
        return path.count
    }

    /// Whether `text` can be written as a plain scalar and still read back as this string: no YAML indicator at
    /// the start, no `: ` or ` #` inside, one line, and YAML 1.1 reads it as a string, not `true`, `8`, `~` or a
    /// date (`PlainScalarResolver`, which types plain scalars as Yams' default resolver does).
    static func isPlainSafe(_ text: String) -> Bool {
        if let ascii = isPlainSafeASCII(text) { return ascii && PlainScalarResolver.tag(ofPlain: text) == .str }
        return isPlainSafeByCharacters(text)
    }

    /// `isPlainSafe` by `Character`s and Foundation's search: the reference the ASCII path is tested against, and
    /// the path of every text that is not ASCII.
    static func isPlainSafeByCharacters(_ text: String) -> Bool {
        guard let first = text.first, let last = text.last, !first.isWhitespace, !last.isWhitespace,
              !"-?:,[]{}#&*!|>'\"%@`".contains(first), !Self.containsText(text, ": "), !Self.containsText(text, " #"), !text.hasSuffix(":"),
              !Self.hasControlOrBreak(text)
        else { return false }
        return PlainScalarResolver.tag(ofPlain: text) == .str
    }

    /// The checks above for an ASCII text, by byte in one pass; nil for any other text. In ASCII each `Character` is
    /// one byte but a CR LF, which is white space and a control either way, so the first and last `Character` are
    /// white space, an indicator or `:` exactly when those bytes are. The white space other than a space (tab to
    /// carriage return) is below 0x20, a control, so only the space is tested at the ends.
    private static func isPlainSafeASCII(_ text: String) -> Bool? {
        let bytes = text.utf8
        guard let first = bytes.first, let last = bytes.last else { return false }
        var previous: UInt8 = 0
        for byte in bytes {
            if byte >= 0x80 { return nil }
            if byte < 0x20 || byte == 0x7F { return false }
            // `: ` and ` #` inside.
            if (byte == 0x20 && previous == 0x3A) || (byte == 0x23 && previous == 0x20) { return false }
            previous = byte
        }
        return first != 0x20 && last != 0x20 && !indicators[Int(first)] && last != 0x3A
    }

    /// The YAML indicators a plain scalar cannot start with, by byte: ``-?:,[]{}#&*!|>'"%@` ``.
    private static let indicators: [Bool] = {
        var table = [Bool](repeating: false, count: 256)
        for byte in "-?:,[]{}#&*!|>'\"%@`".utf8 { table[Int(byte)] = true }
        return table
    }()

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
        case let .quoted(text):
            // No apostrophe, nothing to double (no other character is canonically equivalent to one); in ASCII text
            // (no combining marks) a byte replacement finds what Foundation finds. Anything else goes through Foundation.
            guard text.utf8.contains(0x27) else { return "'" + text + "'" }
            if text.utf8.allSatisfy({ $0 < 0x80 }) { return "'" + text.replacingBytes(of: "'", with: "''") + "'" }
            return "'" + text.replacingOccurrences(of: "'", with: "''") + "'"
        case let .string(text):
            return isPlainSafe(text) ? text : format(.quoted(text))
        }
    }
}
