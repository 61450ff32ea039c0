/// The scenario file `c8runbook init` writes, checked with the strict loader before anyone sees it.
extension ScenarioInference {
    /// The commented scenario text. Throws when the values lead to a scenario the loader would refuse.
    public func scenarioText() throws(ValuesError) -> (text: String, inferred: InferredScenario) {
        let inferred = try infer()
        let names = Dictionary(input.files.map { ($0.document.path, $0.relativePath) }, uniquingKeysWith: { first, _ in first })
        var writer = ScenarioWriter(scenario: inferred, displayNames: names)
        let text = inferred.redactor.redact(writer.render())
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
}
