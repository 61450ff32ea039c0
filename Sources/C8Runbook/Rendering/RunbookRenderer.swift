import Foundation

/// The output formats of `generate`.
public enum RunbookFormat: String, Sendable, CaseIterable {
    case markdown
    case json
    /// One self-contained page (`HTMLRenderer`).
    case html
}

extension Runbook {
    /// Renders the runbook; same runbook, same bytes. `progress` ticks the steps' boxes (Markdown and HTML).
    public func rendered(as format: RunbookFormat, templates: TemplateSet = .embedded, progress: ProgressMarks? = nil) -> String {
        switch format {
        case .markdown: MarkdownRenderer(templates: templates, progress: progress).render(self)
        case .json: jsonText
        case .html: HTMLRenderer(templates: templates, progress: progress).page(self)
        }
    }

    /// JSON with sorted keys, two-space indentation and a final newline.
    public var jsonText: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = try! encoder.encode(self)  // Encoding plain value types cannot fail.
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
