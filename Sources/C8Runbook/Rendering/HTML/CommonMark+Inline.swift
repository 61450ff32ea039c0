extension CommonMark {
    /// One line of Markdown (a step title) as inline HTML: cmark's single paragraph without its `<p>` wrapper.
    /// Nil when the text is not a single paragraph (a title that reads as a list item or heading); the caller
    /// then shows it as escaped text.
    static func inlineHTML(_ markdown: String) -> String? {
        withHTML(markdown) { html -> String? in
            // `<p>` and `</p>\n` read as bytes; a text starting with a non-ASCII scalar (a combining mark would join
            // the `>` in a Character comparison) takes the string path, as before.
            let open = 3, close = 5
            guard html.count >= open + close, html[open] < 0x80 else { return Self.inlineHTML(paragraph: String(decoding: html, as: UTF8.self)) }
            guard html[0] == 0x3C, html[1] == 0x70, html[2] == 0x3E, html[html.count - 5] == 0x3C, html[html.count - 4] == 0x2F,
                  html[html.count - 3] == 0x70, html[html.count - 2] == 0x3E, html[html.count - 1] == 0x0A else { return nil }
            let inner = String(decoding: UnsafeBufferPointer(rebasing: html[open..<(html.count - close)]), as: UTF8.self)
            guard !(inner.containsBytes("<p>") && inner.contains("<p>")) else { return nil }
            return inner
        }
    }

    /// The paragraph's content as strings compare: `<p>`, `</p>` and a line feed by Characters.
    private static func inlineHTML(paragraph html: String) -> String? {
        guard html.hasPrefix("<p>"), html.hasSuffix("</p>\n") else { return nil }
        let inner = html.dropFirst("<p>".count).dropLast("</p>\n".count)
        guard !(inner.containsBytes("<p>") && inner.contains("<p>")) else { return nil }
        return String(inner)
    }

    /// `html(markdown).trimmed` with one copy: cmark ends its HTML with a line feed, which `trimmed` copied the
    /// whole text to drop. When both ends of the trimmed bytes are ASCII (nearly always: a tag's `>`), the bytes are
    /// cut here; otherwise the text goes through `trimmed` as before (it may end in non-ASCII white space).
    static func trimmedHTML(_ markdown: String) -> String {
        withHTML(markdown) { html -> String in
            var start = 0, end = html.count
            while start < end, isASCIIWhiteSpace(html[start]) { start += 1 }
            while start < end, isASCIIWhiteSpace(html[end - 1]) { end -= 1 }
            guard start < end else { return "" }
            guard html[start] < 0x80, html[end - 1] < 0x80 else { return String(decoding: html, as: UTF8.self).trimmed }
            return String(decoding: UnsafeBufferPointer(rebasing: html[start..<end]), as: UTF8.self)
        }
    }

    /// As `trimmed` reads it: tab, line feed, vertical tab, form feed, carriage return and space.
    private static func isASCIIWhiteSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (0x09...0x0D).contains(byte)
    }
}
