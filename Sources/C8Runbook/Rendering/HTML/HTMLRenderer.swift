/// The HTML runbook: one self-contained page (inline CSS; no scripts, fonts or images) or, as a fragment, the same
/// content as a single `<article>` for pasting into a wiki. The page is built from the runbook model by the
/// `html/runbook.html` and `html/page.html` templates with `html/style.css`; cmark renders only the Markdown
/// prose inside it. The output parses as XML.
public struct HTMLRenderer: Sendable {
    public let templates: TemplateSet
    /// Ticks to show (`generate --progress`); nil renders every box empty.
    public let progress: ProgressMarks?

    public init(templates: TemplateSet = .embedded, progress: ProgressMarks? = nil) {
        self.templates = templates
        self.progress = progress
    }

    /// The whole page, from `<!DOCTYPE html>` to `</html>`.
    public func page(_ runbook: Runbook) -> String {
        var view = HTMLRunbookView(runbook: runbook, progress: progress)
        view.contentHTML = content(view)
        view.styleCSS = (templates.sources["html/style.css"] ?? "").trimmed
        return XMLText.sanitized(templates.render(html: "html/page.html", view).trimmedPage)
    }

    /// The content alone: no `<html>`, `<head>`, styles or page chrome.
    public func fragment(_ runbook: Runbook) -> String {
        XMLText.sanitized(content(HTMLRunbookView(runbook: runbook, progress: progress)) + "\n")
    }

    private func content(_ view: HTMLRunbookView) -> String {
        var content = templates.render(html: "html/runbook.html", view)
        content.trimInPlace()
        return content
    }
}
