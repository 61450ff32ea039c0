import Foundation

/// The change report written beside the 8.8 files: every change with its rule and input location, what was kept
/// on purpose, what to review, lost comments, and plaintext secrets (by location only, rules.md R05).
public struct ChangeReport: Sendable {
    public enum Format: String, Sendable, CaseIterable {
        case markdown, json

        /// The report's file name in the output folder.
        public var fileName: String { self == .markdown ? "values-report.md" : "values-report.json" }
    }

    public var result: ValuesMigrationResult
    /// Shown in the title; the scenario's title or release.
    public var scenarioName: String

    public init(result: ValuesMigrationResult, scenarioName: String) {
        self.result = result
        self.scenarioName = scenarioName
    }

    /// The report; any secret of the inputs that a message could carry is redacted (Secrets/SecretRedactor).
    public func rendered(as format: Format) -> String {
        switch format {
        case .markdown: result.redactor.redact(markdown)
        case .json: result.redactor.redact(json)
        }
    }

    /// The general statement about comments: what the writer keeps and what it cannot.
    static let commentPolicy = "Comments and blank lines are kept with the key or list entry they stand above, and comments at the end of a line stay with their value. Not kept: comments inside flow collections ({...}, [...]), which are written in block style, and comments above keys the rules remove (listed below)."
}

extension ChangeReport {
    private struct JSONReport: Encodable {
        var formatVersion = 1
        var stage: String
        var scenario: String
        var files: [JSONFile]
        var changes: [ValuesChange]
        var secrets: [JSONSecret]
        var commentPolicy: String
    }

    private struct JSONFile: Encodable {
        var path: String
        var input: String
        var changed: Bool
    }

    private struct JSONSecret: Encodable {
        var path: String
        var location: SourceLocation
        var rule = "R05"
        var advice: String
    }

    var json: String {
        let report = JSONReport(
            stage: result.stage.rawValue, scenario: scenarioName,
            files: result.files.map { JSONFile(path: $0.path, input: $0.input, changed: $0.changed) },
            changes: result.changes,
            secrets: result.secrets.map { JSONSecret(path: $0.path, location: $0.location, advice: $0.advice) },
            commentPolicy: Self.commentPolicy)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(report)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// Free text from the input (messages quoting keys, values and env names): every markup character escaped,
    /// one line, so it stays in its table cell and cannot add HTML.
    private static func cell(_ text: String) -> String { MarkdownText.escape(text) }

    /// A file name, key or location as code in a table cell (`|` escaped), whatever backticks it holds.
    private static func code(_ text: String) -> String { MarkdownText.cell(text) }

    var markdown: String {
        var lines: [String] = []
        lines.append("# 8.8 values (\(result.stage.rawValue) stage) for \(Self.cell(scenarioName))")
        lines.append("")
        lines.append(result.stage == .migration
                     ? "Files to run the upgrade with: legacy exporters kept, Camunda Exporters added, data migration on."
                     : "The end state after the post-migration clean-up: legacy exporters, the old-prefix compression variable and the migration switch removed.")
        lines.append("")
        lines.append("| File | From | Status |")
        lines.append("| --- | --- | --- |")
        for file in result.files {
            lines.append("| \(Self.code(file.path)) | \(Self.code(file.input)) | \(file.changed ? "rewritten" : "unchanged (byte-identical)") |")
        }
        let sections: [(String, String, (ValuesChange) -> Bool)] = [
            ("Changes", "What the rules of rules.md §B/§C changed.", { [.added, .removed, .moved, .renamed, .changed].contains($0.kind) }),
            ("Kept as written", "Left as the team wrote it on purpose; where Camunda's own 8.8 files differ, the difference is not rule-driven (rules.md §D class b/c).", { $0.kind == .kept }),
            ("To review", "Kept, moved or dropped without a rule that settles it: check each against the 13.x chart.", { $0.kind == .review }),
        ]
        for (title, intro, include) in sections {
            let selected = result.changes.filter(include)
            guard !selected.isEmpty else { continue }
            lines += ["", "## \(title)", "", intro, "", "| File | Rule | Key | Input | Change |", "| --- | --- | --- | --- | --- |"]
            for change in selected {
                lines.append("| \(Self.code(change.file)) | \(change.rule ?? "–") | \(Self.code(change.path)) | \(change.source.map { Self.code($0.description) } ?? "–") | \(change.kind.rawValue): \(Self.cell(change.message)) |")
            }
        }
        lines += ["", "## Comments", "", Self.commentPolicy]
        let lost = result.changes.filter { $0.kind == .commentLost }
        if lost.isEmpty {
            lines += ["", "No comment of the input was lost."]
        } else {
            lines.append("")
            lines += lost.map { "- \(Self.code($0.source?.description ?? $0.file)): \(Self.cell($0.message))" }
        }
        lines += ["", "## Plaintext secrets (rules.md R05)", ""]
        if result.secrets.isEmpty {
            lines.append("No password-, secret- or token-like key with a literal value was found.")
        } else {
            lines.append("These keys hold literal values (not shown here): \(SecretFinding.advice).")
            lines.append("")
            lines += result.secrets.map { "- \(Self.code($0.path)) at \(Self.code($0.location.description))" }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
