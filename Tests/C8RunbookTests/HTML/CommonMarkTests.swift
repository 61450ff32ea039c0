import Foundation
import Testing
@testable import C8Runbook

@Suite struct CommonMarkTests {
    @Test func rendersCommonMarkProse() {
        #expect(CommonMark.html("Back up **both** regions with `kubectl`.") == "<p>Back up <strong>both</strong> regions with <code>kubectl</code>.</p>\n")
        #expect(CommonMark.html("```yaml\na: <b>\n```") == "<pre><code class=\"language-yaml\">a: &lt;b&gt;\n</code></pre>\n")
        #expect(CommonMark.html("- one\n- two") == "<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n")
    }

    @Test(arguments: [
        "<script>alert(1)</script>",
        "text <img src=x onerror=alert(1)> more",
        "<div onmouseover=\"alert(1)\">x</div>",
        "<svg onload=alert(1)>",
        "<iframe src=\"https://example.com\"></iframe>",
    ])
    func rawHTMLIsOmitted(markdown: String) {
        let html = CommonMark.html(markdown)
        #expect(html.contains("<!-- raw HTML omitted -->"))
        for tag in ["<script", "<img", "<div", "<svg", "<iframe", "onerror=", "onload=", "onmouseover="] {
            #expect(!html.contains(tag), "\(tag) survived in \(html)")
        }
    }

    @Test(arguments: ["javascript:alert(1)", "JAVASCRIPT:alert(1)", "vbscript:msgbox(1)", "data:text/html,<script>alert(1)</script>"])
    func unsafeLinkTargetsAreDropped(target: String) {
        let html = CommonMark.html("[click](\(target)) and ![image](\(target))")
        #expect(html.contains("<a href=\"\">click</a>"), "\(html)")
        #expect(html.contains("<img src=\"\" alt=\"image\" />"), "\(html)")
    }

    @Test func keepsWebLinks() {
        #expect(CommonMark.html("[docs](https://docs.camunda.io/a?b=1&c=2)") == "<p><a href=\"https://docs.camunda.io/a?b=1&amp;c=2\">docs</a></p>\n")
    }

    @Test func outputIsXHTMLCompatible() throws {
        let html = CommonMark.html("line  \nbreak\n\n***\n\nAT&T &copy; &nbsp; <br>")
        #expect(html.contains("<br />"))
        #expect(html.contains("<hr />"))
        #expect(html.contains("AT&amp;T © \u{00A0}"))
        let document = try XHTMLDocument("<div>\(html)</div>")
        #expect(try document.count("br") == 1)
        #expect(try document.count("hr") == 1)
    }

    @Test func nulBecomesReplacementCharacter() {
        #expect(CommonMark.html("a\u{0}b") == "<p>a\u{FFFD}b</p>\n")
    }

    @Test func emptyInputRendersNothing() {
        #expect(CommonMark.html("") == "")
    }

    @Test func inlineTitles() {
        #expect(CommonMark.inlineHTML("Upgrade `region 0` *now*") == "Upgrade <code>region 0</code> <em>now</em>")
        #expect(CommonMark.inlineHTML("1. looks like a list") == nil)
        #expect(CommonMark.inlineHTML("# looks like a heading") == nil)
        #expect(CommonMark.inlineHTML("two\n\nparagraphs") == nil)
        #expect(CommonMark.inlineHTML("a <script>x</script>") == "a <!-- raw HTML omitted -->x<!-- raw HTML omitted -->")
        #expect(CommonMark.inlineHTML("<script>x</script>") == nil, "an HTML block is not a paragraph")
        #expect(HTMLRunbookView.inline("<script>x</script>") == "&lt;script&gt;x&lt;/script&gt;", "titles that are not one paragraph show as text")
    }

    /// The views cut cmark's bytes (`trimmedHTML`, `inlineHTML`) instead of copying its HTML into a string and
    /// cutting that: the same text as the string path, byte for byte, on prose, titles, empty and white-space-only
    /// input, non-ASCII at either end (a combining mark first, a no-break space last), and code blocks.
    @Test func cuttingCmarksBytesGivesTheStringPathsText() {
        let inputs = ["", " ", "\n\n", "Back up **both** regions.", "\u{301}accent first", "ends with a no-break space\u{A0}",
                      "\u{A0}", "é", "`a` <b> & \"q\"", "two\n\nparagraphs", "1. a list", "# heading", "<div>\nblock\n</div>",
                      "```yaml\na: 1\n```", "    indented code\n", "a <p> in text", "[x](https://e.org) ⚠️"]
        for input in inputs {
            let html = CommonMark.html(input)
            #expect(Array(CommonMark.trimmedHTML(input).utf8) == Array(html.trimmed.utf8), "\(input.debugDescription)")
            var expected: String?
            if html.hasPrefix("<p>"), html.hasSuffix("</p>\n") {
                let inner = html.dropFirst(3).dropLast(5)
                expected = inner.contains("<p>") ? nil : String(inner)
            }
            #expect(CommonMark.inlineHTML(input).map { Array($0.utf8) } == expected.map { Array($0.utf8) }, "\(input.debugDescription)")
        }
    }

    /// cmark is touched by one Swift file, and libcmark-gfm (same symbols: the process would crash) by none.
    @Test func oneFileImportsTheCLibrary() throws {
        let sources = TestPaths.file("Sources")
        let files = FileManager.default.enumerator(atPath: sources.path)?.compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") } ?? []
        let importing = try files.filter { try String(contentsOf: sources.appendingPathComponent($0), encoding: .utf8).contains("import CCmark") }
        #expect(importing == ["C8Runbook/Rendering/HTML/CommonMark.swift"])
        let package = try String(contentsOf: TestPaths.file("Package.swift"), encoding: .utf8)
        #expect(package.contains(#"pkgConfig: "libcmark""#) && !package.contains("cmark-gfm"))
    }

    @Test func largeInputRendersCompletely() {
        let paragraphs = (1...2_000).map { "Paragraph \($0) with `code` and **bold**." }
        let html = CommonMark.html(paragraphs.joined(separator: "\n\n"))
        #expect(html.components(separatedBy: "<p>").count - 1 == 2_000)
        #expect(html.hasSuffix("<p>Paragraph 2000 with <code>code</code> and <strong>bold</strong>.</p>\n"))
    }
}
