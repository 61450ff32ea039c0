/// Free text from a user inside Markdown: every character that could start markup (emphasis, code, links,
/// images, raw HTML, entities, table cells, strike-through) is backslash-escaped (CommonMark §2.4), so `<script>`
/// or `*bold*` in a title shows literally. Line breaks become spaces.
public enum MarkdownText {
    private static let punctuation = Set(##"!&*<>[\]_`|~"##)

    public static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.count)
        for character in text {
            if character.isNewline { result.append(" "); continue }
            if punctuation.contains(character) { result.append("\\") }
            result.append(character)
        }
        return result
    }

    /// A code span that holds `text` whatever backticks it contains.
    public static func code(_ text: String) -> String {
        var fence = "`"
        while text.contains(fence) { fence += "`" }
        let padded = text.hasPrefix("`") || text.hasSuffix("`") ? " \(text) " : text
        return fence + padded + fence
    }
}
