import Foundation

/// The scenario file `c8runbook init` writes, checked with the strict loader before anyone sees it.
extension ScenarioInference {
    /// The commented scenario text. Throws when the values lead to a scenario the loader would refuse.
    public func scenarioText() throws(ValuesError) -> (text: String, inferred: InferredScenario) {
        var inferred = try infer()
        let names = Dictionary(input.files.map { ($0.document.path, $0.relativePath) }, uniquingKeysWith: { first, _ in first })
        var writer = ScenarioWriter(scenario: inferred, displayNames: names)
        let rendered = writer.render()
        var text = inferred.redactor.redact(rendered)
        if text != rendered {
            let kept = try keepingNames(rendered, text)
            text = kept.text
            inferred.warnings += kept.warnings
        }
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

    /// The scenario's names that `init` writes as given though a plaintext secret has their text.
    static let nameKeys: Set<Substring> = ["title", "release", "kubeContext", "namespace"]

    /// A plaintext secret whose text is also a value the scenario holds (a password `camunda` that is the release
    /// name, Camunda's default): redacting it broke the scenario ("mapping values are not allowed in this context").
    /// Where the value is a name (the release, a namespace, a kube context, the title) it is written as given, with a
    /// warning naming the secret's place and the field, never the text: every command of the runbook names them, so
    /// refusing the scenario hid nothing and refused a working file (the only ways out were changing a production
    /// password or its Secret before the upgrade). Comments are only redacted; any other redacted value (a storage URL)
    /// stops init with what to do. Returns the text to write and the warnings.
    private func keepingNames(_ rendered: String, _ redacted: String) throws(ValuesError) -> (text: String, warnings: [String]) {
        let before = rendered.split(separator: "\n", omittingEmptySubsequences: false)
        var after = redacted.split(separator: "\n", omittingEmptySubsequences: false)
        guard before.count == after.count else { return (redacted, []) }
        var warnings: [String] = []
        for index in before.indices where before[index] != after[index] && !before[index].drop(while: { $0 == " " }).hasPrefix("#") {
            let plain = before[index], hidden = after[index]
            let key = plain.drop(while: { $0 == " " || $0 == "-" }).prefix { $0 != ":" }
            var location = SourceLocation(file: input.files.first?.document.path ?? "values", line: 1, column: 1)
            var place = "a values file"
            if let start = hidden.range(of: "<redacted: "), let end = hidden[start.upperBound...].firstIndex(of: ">") {
                let label = hidden[start.upperBound..<end]
                place = String(label)
                if let colon = label.lastIndex(of: ":"), let line = Int(label[label.index(after: colon)...]) {
                    let name = String(label[..<colon])
                    let file = input.files.first { $0.relativePath == name }?.document.path ?? name
                    location = SourceLocation(file: file, line: line, column: 1)
                }
            }
            guard Self.nameKeys.contains(key) else {
                throw .cannotInfer(location, message: "this plaintext secret (value not shown) has the same text as the scenario's '\(key)', which c8runbook must write and will not write as the secret: change the secret or move it into a Kubernetes Secret and reference it (rules.md R05), then run init again")
            }
            after[index] = plain
            let warning = "the plaintext secret at \(place) (value not shown) has the same text as the scenario's '\(key)', written as given: the runbook names it in its commands, so that text is no secret; change the secret or move it into a Kubernetes Secret (rules.md R05)"
            if !warnings.contains(warning) { warnings.append(warning) }
        }
        return (after.joined(separator: "\n"), warnings)
    }
}
