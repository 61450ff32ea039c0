import Foundation

/// The output formats of `generate`.
public enum RunbookFormat: String, Sendable, CaseIterable {
    case markdown
    case json
    /// One self-contained page (`HTMLRenderer`).
    case html
}

extension Runbook {
    /// Renders the runbook; same runbook, same bytes.
    public func rendered(as format: RunbookFormat, templates: TemplateSet = .embedded) -> String {
        switch format {
        case .markdown: MarkdownRenderer(templates: templates).render(self)
        case .json: jsonText
        case .html: HTMLRenderer(templates: templates).page(self)
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
