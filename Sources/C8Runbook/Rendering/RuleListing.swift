/// `c8runbook rules`: the catalogue as text, and, for a scenario, which rules apply and the steps they contribute.
public struct RuleListing {
    public let scenario: Scenario?

    public init(scenario: Scenario?) {
        self.scenario = scenario
    }

    public var text: String {
        var lines: [String] = []
        let steps = scenario.map { Planner().plan($0).steps } ?? []
        for phase in Phase.allCases {
            let rules = Rule.catalogue.filter { $0.phase == phase }
            guard !rules.isEmpty else { continue }
            lines.append("\(phase.rawValue):")
            for rule in rules {
                var line = "  \(rule.id)  \(rule.title)  [\(rule.scope.rawValue)]"
                if rule.condition != "always" { line += "  when: \(rule.condition)" }
                lines.append(line)
                if let scenario {
                    let ids = steps.filter { $0.rules.first == rule.id }.map(\.id)
                    let state = rule.applies(to: scenario) ? "applies → \(ids.joined(separator: ", "))" : "does not apply"
                    lines.append("        \(state)")
                }
                lines.append("        source: " + rule.sources.map { source in source.section.map { "\(source.key) § \($0)" } ?? source.key }.joined(separator: "; "))
            }
        }
        lines.append("ordering constraints (rules.md §B.7):")
        for constraint in OrderingConstraint.catalogue {
            lines.append("  \(constraint.id)  \(constraint.text)  (\(constraint.source))")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
