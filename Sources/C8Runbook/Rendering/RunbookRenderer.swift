import Foundation

/// The output formats of `generate`.
public enum RunbookFormat: String, Sendable, CaseIterable {
    case markdown
    case json
}

extension Runbook {
    /// Renders the runbook; same runbook, same bytes. `progress` ticks the steps' boxes (Markdown only).
    public func rendered(as format: RunbookFormat, templates: TemplateSet = .embedded, progress: ProgressMarks? = nil) -> String {
        switch format {
        case .markdown: MarkdownRenderer(templates: templates, progress: progress).render(self)
        case .json: jsonText
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
