import Foundation

/// The scenario file `c8runbook init` writes, checked with the strict loader before anyone sees it.
extension ScenarioInference {
    /// The commented scenario text. Throws when the values lead to a scenario the loader would refuse.
    public func scenarioText() throws(ValuesError) -> (text: String, inferred: InferredScenario) {
        let inferred = try infer()
        let names = Dictionary(input.files.map { ($0.document.path, $0.relativePath) }, uniquingKeysWith: { first, _ in first })
        var writer = ScenarioWriter(scenario: inferred, displayNames: names)
        let rendered = writer.render()
        let text = inferred.redactor.redact(rendered)
        if text != rendered { try refuseRedactedField(rendered, text) }
        do {
            _ = try Scenario.parse(yaml: text, file: "<inferred scenario>")
        } catch {
            let message: String
            switch error {
            case let .invalid(_, text), let .syntax(_, problem: text): message = text
            case let .unreadable(_, reason): message = reason
            case .fileNotFound: message = "no such file"
            }
            throw .cannotInfer(SourceLocation(file: input.files.first?.document.path ?? "values", line: 1, column: 1),
                               message: "the inferred scenario does not validate (\(message)); check the command-line values")
        }
        return (text, inferred)
    }

    /// A plaintext secret whose text is also a value the scenario holds (a password `camunda` that is the release name):
    /// redacting it broke the scenario ("mapping values are not allowed in this context", for a file that had nothing
    /// wrong with its layout), and printing it would print the secret. Comments are only redacted; a redacted value
    /// stops init with what to do.
    private func refuseRedactedField(_ rendered: String, _ redacted: String) throws(ValuesError) {
        let before = rendered.split(separator: "\n", omittingEmptySubsequences: false)
        let after = redacted.split(separator: "\n", omittingEmptySubsequences: false)
        for (plain, hidden) in zip(before, after) where plain != hidden && !plain.drop(while: { $0 == " " }).hasPrefix("#") {
            let key = plain.drop(while: { $0 == " " || $0 == "-" }).prefix { $0 != ":" }
            var location = SourceLocation(file: input.files.first?.document.path ?? "values", line: 1, column: 1)
            if let start = hidden.range(of: "<redacted: "), let end = hidden[start.upperBound...].firstIndex(of: ">") {
                let label = hidden[start.upperBound..<end]
                if let colon = label.lastIndex(of: ":"), let line = Int(label[label.index(after: colon)...]) {
                    let name = String(label[..<colon])
                    let file = input.files.first { $0.relativePath == name }?.document.path ?? name
                    location = SourceLocation(file: file, line: line, column: 1)
                }
            }
            throw .cannotInfer(location, message: "this plaintext secret (value not shown) has the same text as the scenario's '\(key)', which c8runbook must write and will not write as the secret: change the secret (one that names the deployment is easy to guess) or move it into a Kubernetes Secret and reference it (rules.md R05), then run init again")
        }
    }
}
