extension CommonMark {
    /// One line of Markdown (a step title) as inline HTML: cmark's single paragraph without its `<p>` wrapper.
    /// Nil when the text is not a single paragraph (a title that reads as a list item or heading); the caller
    /// then shows it as escaped text.
    static func inlineHTML(_ markdown: String) -> String? {
        let html = html(markdown)
        guard html.hasPrefix("<p>"), html.hasSuffix("</p>\n") else { return nil }
        let inner = html.dropFirst("<p>".count).dropLast("</p>\n".count)
        guard !(inner.containsBytes("<p>") && inner.contains("<p>")) else { return nil }
        return String(inner)
    }
}
