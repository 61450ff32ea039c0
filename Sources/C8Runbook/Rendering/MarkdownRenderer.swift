/// The GFM runbook: the `runbook` template over a view of the runbook. Each step gets a task-list checkbox
/// and its id; commands and blocks are fenced; guide corrections and inferences are quoted callouts.
public struct MarkdownRenderer: Sendable {
    public let templates: TemplateSet
    /// Ticks to show (`generate --progress`); nil renders every box empty.
    public let progress: ProgressMarks?

    public init(templates: TemplateSet = .embedded, progress: ProgressMarks? = nil) {
        self.templates = templates
        self.progress = progress
    }

    public func render(_ runbook: Runbook) -> String {
        templates.render(markdown: RunbookView(runbook: runbook, progress: progress)).trimmedPage
    }
}
