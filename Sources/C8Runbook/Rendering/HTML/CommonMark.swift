import CCmark
import Foundation

/// Markdown prose to HTML with cmark, the CommonMark reference implementation. This is the one file that touches
/// the C library: the rendered buffer is copied into a Swift string and freed before returning.
///
/// cmark runs in its default safe mode (never `CMARK_OPT_UNSAFE`): raw HTML in the input becomes
/// `<!-- raw HTML omitted -->` and `javascript:`, `vbscript:`, `file:` and non-image `data:` link targets become
/// empty, so text that reaches this function from a scenario cannot add markup or script to the page. The output
/// is XHTML-compatible (`<br />`, `<hr />`, `&amp;`).
enum CommonMark {
    static func html(_ markdown: String) -> String {
        var markdown = markdown
        return markdown.withUTF8 { bytes -> String in
            bytes.withMemoryRebound(to: CChar.self) { text -> String in
                guard let rendered = cmark_markdown_to_html(text.baseAddress, text.count, CMARK_OPT_DEFAULT) else {
                    return ""
                }
                defer { free(rendered) }
                return String(cString: rendered)
            }
        }
    }

    /// The cmark library version, e.g. `0.30.2`.
    static var version: String { String(cString: cmark_version_string()) }
}
