import CCmark
import Foundation

/// Markdown prose to HTML with cmark, the CommonMark reference implementation. This is the one file that touches
/// the C library: the rendered buffer is read (or copied into a Swift string) and freed before returning.
///
/// cmark runs in its default safe mode (never `CMARK_OPT_UNSAFE`): raw HTML in the input becomes
/// `<!-- raw HTML omitted -->` and `javascript:`, `vbscript:`, `file:` and non-image `data:` link targets become
/// empty, so text that reaches this function from a scenario cannot add markup or script to the page. The output
/// is XHTML-compatible (`<br />`, `<hr />`, `&amp;`).
enum CommonMark {
    static func html(_ markdown: String) -> String {
        withHTML(markdown) { String(decoding: $0, as: UTF8.self) }
    }

    /// cmark's HTML for `markdown` as `body` sees it: its UTF-8 bytes (no terminating NUL), valid only inside `body`.
    /// The views cut what they keep from it (`trimmedHTML`, `inlineHTML`) with one copy, instead of copying it into
    /// a string first and cutting that.
    static func withHTML<Result>(_ markdown: String, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        var markdown = markdown
        return markdown.withUTF8 { bytes -> Result in
            bytes.withMemoryRebound(to: CChar.self) { text -> Result in
                guard let rendered = cmark_markdown_to_html(text.baseAddress, text.count, CMARK_OPT_DEFAULT) else {
                    return body(UnsafeBufferPointer(start: nil, count: 0))
                }
                defer { free(rendered) }
                return rendered.withMemoryRebound(to: UInt8.self, capacity: strlen(rendered)) { start in
                    body(UnsafeBufferPointer(start: start, count: strlen(rendered)))
                }
            }
        }
    }

    /// The cmark library version, e.g. `0.30.2`.
    static var version: String { String(cString: cmark_version_string()) }
}
