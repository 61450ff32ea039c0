import Foundation
import Yams

/// Writes a `ValuesDocument` back as YAML in the file's own indentation, with the spellings, block scalars,
/// comments and blank lines the reader kept. A document read and written unchanged gives back its text
/// (flow collections, `{a: 1}`, come back in block style; multi-line plain or quoted scalars come back on one line).
struct ValuesWriter {
    private let style: ValuesDocument.IndentStyle
    /// The text so far: each line is written straight into it, with its line feed (no array of lines joined at the
    /// end, no prefix strings built per key).
    private var out = ""

    static func text(of document: ValuesDocument) -> String {
        var writer = ValuesWriter(style: document.style)
        // About the size of the text read: one allocation where appending line by line grew the text a dozen times
        // on a large file (each time a copy of all of it, on pages never touched before).
        writer.out.reserveCapacity(document.text.utf8.count + document.text.utf8.count / 8)
        for line in document.header { writer.line(line) }
        writer.mapping(document.root.entries ?? [], indent: 0, firstDash: nil)
        for line in document.trailer { writer.line(line) }
        // No line at all is one empty line, as joining no lines and ending them with a line feed gave.
        return writer.out.isEmpty ? "\n" : writer.out
    }

    private init(style: ValuesDocument.IndentStyle) {
        self.style = style
    }

    /// Keys repeat (`name`, `value` in every env entry): each distinct key is formatted once.
    private var keyTexts: [String: String] = [:]

    private mutating func formattedKey(_ key: String) -> String {
        if let text = keyTexts[key] { return text }
        let text = Self.format(ValuesScalar(value: key, kind: .string))
        keyTexts[key] = text
        return text
    }

    /// Runs of 0 to 64 spaces, made once: an indentation is appended as a whole string (a `Substring` of one run
    /// went through the generic append, for every key and dash).
    private static let blanks = (0...64).map { String(repeating: " ", count: $0) }

    private mutating func spaces(_ count: Int) {
        guard count > 0 else { return }
        out += count < Self.blanks.count ? Self.blanks[count] : String(repeating: " ", count: count)
    }

    private mutating func line(_ text: some StringProtocol) {
        out += text
        out += "\n"
    }

    private mutating func leading(_ trivia: [String], sourceIndent: Int?, indent: Int) {
        for text in trivia {
            let trimmed = text.drop { $0 == " " || $0 == "\t" }
            if trimmed.isEmpty { out += "\n"; continue }
            guard let sourceIndent, sourceIndent != indent else { line(text); continue }
            let own = text.count - trimmed.count
            spaces(own + indent - sourceIndent)
            line(trimmed)
        }
    }

    /// `firstDash`: the first entry of a list item's mapping starts on the dash's line (`- name: x`): the dash's
    /// indentation and the spaces after the dash.
    private mutating func mapping(_ entries: [ValuesEntry], indent: Int, firstDash: (indent: Int, gap: Int)?) {
        // By index, each entry read in place: `for entry in entries` copied every entry whole (a retain and a
        // release of each of its strings, arrays and nodes).
        for index in entries.indices {
            leading(entries[index].leading, sourceIndent: entries[index].sourceIndent, indent: indent)
            if index == 0, let firstDash {
                dash(firstDash.indent)
                spaces(firstDash.gap)
            } else {
                spaces(indent)
            }
            let key = entries[index].key
            out += entries[index].keySpelling.flatMap { Self.spells($0, key) ? $0 : nil } ?? formattedKey(key)
            out += ":"
            value(entries[index].value, indent: indent, trailing: entries[index].trailingComment)
        }
    }

    private mutating func dash(_ indent: Int) {
        spaces(indent)
        out += "-"
    }

    private mutating func sequence(_ items: [ValuesItem], dashIndent: Int) {
        for index in items.indices {  // (by index, as in `mapping`)
            leading(items[index].leading, sourceIndent: items[index].sourceIndent, indent: dashIndent)
            switch items[index].value.content {
            case let .mapping(entries) where !entries.isEmpty:
                mapping(entries, indent: dashIndent + style.itemOffset, firstDash: (dashIndent, style.itemOffset - 1))
            case let .sequence(nested) where !nested.isEmpty:
                dash(dashIndent)
                line(items[index].trailingComment ?? "")
                sequence(nested, dashIndent: dashIndent + style.itemOffset)
            default:
                dash(dashIndent)
                value(items[index].value, indent: dashIndent, trailing: items[index].trailingComment)
            }
        }
    }

    /// The rest of the line the caller started with the key and colon (or the dash), and any lines under it.
    private mutating func value(_ node: ValuesNode, indent: Int, trailing: String?) {
        let comment = trailing ?? ""
        switch node.content {
        case let .scalar(scalar):
            if let block = scalar.block {
                out += " "
                line(block.header)
                for text in block.lines {
                    if !text.isEmpty { spaces(indent + block.indentOffset) }
                    line(text)
                }
                return
            }
            let text = scalar.spelling ?? Self.format(scalar)
            if !text.isEmpty {
                out += " "
                out += text
            }
            line(comment)
        case let .mapping(entries):
            if entries.isEmpty { out += " {}"; line(comment); return }
            line(comment)
            mapping(entries, indent: indent + style.step, firstDash: nil)
        case let .sequence(items):
            if items.isEmpty { out += " []"; line(comment); return }
            line(comment)
            sequence(items, dashIndent: indent + style.sequenceOffset)
        }
    }

    /// Whether a quoted key spelling still spells `key` (a renamed key drops the spelling of its old name).
    static func spells(_ spelling: String, _ key: String) -> Bool {
        guard spelling.count >= 2, let quote = spelling.first, quote == "'" || quote == "\"", spelling.last == quote else { return false }
        let inner = String(spelling.dropFirst().dropLast())
        if quote == "'" { return inner.replacingOccurrences(of: "''", with: "'") == key }
        return inner.contains("\\") ? (try? Yams.compose(yaml: spelling, .basic, .default, .utf8))??.string == key : inner == key
    }

    /// A scalar without a source spelling: strings quoted where YAML would read them as something else.
    static func format(_ scalar: ValuesScalar) -> String {
        switch scalar.kind {
        case .null: return scalar.value.isEmpty ? "" : scalar.value
        case .bool, .int, .float: return scalar.value
        case .string:
            if scalar.value.contains("\n") || scalar.value.contains("\r") {
                var escaped = ""
                for character in scalar.value.unicodeScalars {
                    switch character {
                    case "\n": escaped += "\\n"
                    case "\r": escaped += "\\r"
                    case "\t": escaped += "\\t"
                    case "\"": escaped += "\\\""
                    case "\\": escaped += "\\\\"
                    default: escaped.unicodeScalars.append(character)
                    }
                }
                return "\"" + escaped + "\""
            }
            return ValuesSnippet.format(.string(scalar.value))
        }
    }
}

extension ValuesDocument {
    /// The document as YAML text, with the input's line endings and byte-order mark.
    public var rendered: String { convention.apply(to: ValuesWriter.text(of: self)) }
}
