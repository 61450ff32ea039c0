import Foundation
import Yams

/// Writes a `ValuesDocument` back as YAML in the file's own indentation, with the spellings, block scalars,
/// comments and blank lines the reader kept. A document read and written unchanged gives back its text
/// (flow collections, `{a: 1}`, come back in block style; multi-line plain or quoted scalars come back on one line).
struct ValuesWriter {
    private let style: ValuesDocument.IndentStyle
    private var lines: [String] = []

    static func text(of document: ValuesDocument) -> String {
        var writer = ValuesWriter(style: document.style)
        writer.lines = document.header
        writer.mapping(document.root.entries ?? [], indent: 0, firstPrefix: nil)
        writer.lines += document.trailer
        return writer.lines.joined(separator: "\n") + "\n"
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

    private static func spaces(_ count: Int) -> String { String(repeating: " ", count: max(0, count)) }

    private mutating func leading(_ trivia: [String], sourceIndent: Int?, indent: Int) {
        for line in trivia {
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            if trimmed.isEmpty { lines.append(""); continue }
            guard let sourceIndent, sourceIndent != indent else { lines.append(line); continue }
            let own = line.count - trimmed.count
            lines.append(Self.spaces(own + indent - sourceIndent) + trimmed)
        }
    }

    private mutating func mapping(_ entries: [ValuesEntry], indent: Int, firstPrefix: String?) {
        for (index, entry) in entries.enumerated() {
            leading(entry.leading, sourceIndent: entry.sourceIndent, indent: indent)
            let prefix = (index == 0 ? firstPrefix : nil) ?? Self.spaces(indent)
            let key = entry.keySpelling.flatMap { Self.spells($0, entry.key) ? $0 : nil } ?? formattedKey(entry.key)
            value(entry.value, prefix: prefix + key + ":", indent: indent, trailing: entry.trailingComment)
        }
    }

    private mutating func sequence(_ items: [ValuesItem], dashIndent: Int) {
        for item in items {
            leading(item.leading, sourceIndent: item.sourceIndent, indent: dashIndent)
            let dash = Self.spaces(dashIndent) + "-"
            switch item.value.content {
            case let .mapping(entries) where !entries.isEmpty:
                mapping(entries, indent: dashIndent + style.itemOffset, firstPrefix: dash + Self.spaces(style.itemOffset - 1))
            case let .sequence(nested) where !nested.isEmpty:
                lines.append(dash + (item.trailingComment ?? ""))
                sequence(nested, dashIndent: dashIndent + style.itemOffset)
            default:
                value(item.value, prefix: dash, indent: dashIndent, trailing: item.trailingComment)
            }
        }
    }

    private mutating func value(_ node: ValuesNode, prefix: String, indent: Int, trailing: String?) {
        let comment = trailing ?? ""
        switch node.content {
        case let .scalar(scalar):
            if let block = scalar.block {
                lines.append(prefix + " " + block.header)
                lines += block.lines.map { $0.isEmpty ? "" : Self.spaces(indent + block.indentOffset) + $0 }
                return
            }
            let text = scalar.spelling ?? Self.format(scalar)
            lines.append(text.isEmpty ? prefix + comment : prefix + " " + text + comment)
        case let .mapping(entries):
            if entries.isEmpty { lines.append(prefix + " {}" + comment); return }
            lines.append(prefix + comment)
            mapping(entries, indent: indent + style.step, firstPrefix: nil)
        case let .sequence(items):
            if items.isEmpty { lines.append(prefix + " []" + comment); return }
            lines.append(prefix + comment)
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
