/// Free text from a user inside Markdown: every character that could start markup (emphasis, code, links,
/// images, raw HTML, entities, table cells, strike-through) is backslash-escaped (CommonMark §2.4), so `<script>`
/// or `*bold*` in a title shows literally. Line breaks become spaces.
public enum MarkdownText {
    private static let punctuation = Set(##"!&*<>[\]_`|~"##)
    /// `punctuation` by ASCII byte.
    private static let asciiPunctuation: [Bool] = (0..<128).map { punctuation.contains(Character(Unicode.Scalar(UInt8($0)))) }

    public static func escape(_ text: String) -> String {
        // Most texts (names, contexts) are ASCII with nothing to escape: returned as they are after a byte check.
        guard text.utf8.contains(where: { $0 >= 0x80 || (0x0A...0x0D).contains($0) || asciiPunctuation[Int($0)] }) else { return text }
        var result = ""
        result.reserveCapacity(text.count)
        for character in text {
            if character.isNewline { result.append(" "); continue }
            if punctuation.contains(character) { result.append("\\") }
            result.append(character)
        }
        return result
    }

    /// The fence for a fenced code block holding `text`: backticks, one more than the longest run of backticks in
    /// it and at least three (CommonMark §4.5: a closing fence is at least as long as the opening one), so no line
    /// of the content, however it starts, can close the block. A backtick fence is also never closed by a line of
    /// tildes (`~~~`).
    public static func fence(for text: String) -> String {
        var text = text
        let longest = text.withUTF8 { bytes in
            // Runs of backticks (0x60); a word of eight bytes without one only ends a run.
            var longest = 0, run = 0, index = 0
            while let found = ByteScan.firstIndex(in: UnsafeBufferPointer(rebasing: bytes[index...]),
                                                  mayMatch: { ByteScan.has($0, 0x60) }, matches: { $0 == 0x60 }) {
                run = 0
                index += found
                while index < bytes.count, bytes[index] == 0x60 { run += 1; index += 1 }
                longest = max(longest, run)
            }
            return longest
        }
        return String(repeating: "`", count: max(3, longest + 1))
    }

    /// A code span for a GFM table cell: `code(_:)`, with each `|` escaped as `\|`, which GFM requires even
    /// inside code spans (a bare `|` ends the cell there).
    public static func cell(_ text: String) -> String {
        code(text).reduce(into: "") { result, character in
            if character == "|" { result.append("\\") }
            result.append(character)
        }
    }

    /// A code span that holds `text` whatever backticks it contains.
    public static func code(_ text: String) -> String {
        var fence = "`"
        while text.containsBytes(fence) { fence += "`" }
        let padded = text.hasPrefix("`") || text.hasSuffix("`") ? " \(text) " : text
        return fence + padded + fence
    }
}
