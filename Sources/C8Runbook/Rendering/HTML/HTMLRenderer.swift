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
        var values = HTMLRunbookView(runbook: runbook, progress: progress).values
        values["contentHTML"] = content(values)
        values["styleCSS"] = (templates.sources["html/style.css"] ?? "").trimmed
        return XMLText.sanitized(templates.render("html/page.html", values).trimmed + "\n")
    }

    /// The content alone: no `<html>`, `<head>`, styles or page chrome.
    public func fragment(_ runbook: Runbook) -> String {
        XMLText.sanitized(content(HTMLRunbookView(runbook: runbook, progress: progress).values) + "\n")
    }

    private func content(_ values: [String: Any]) -> String {
        templates.render("html/runbook.html", values).trimmed
    }
}
