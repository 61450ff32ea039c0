extension Rule {
    static let r47 = Rule(
        id: "R47", title: "Pods and images", phase: .verify, scope: .perRegion,
        sources: [.base("Validate the upgrade"), .migrationWorkflow],
        steps: { s in
            let c = Commands(scenario: s)
            return [0, 1].map { id in
                StepDraft("verify.pods", region: id, commands: [
                    c.kubectl(id, "get pods"),
                    c.kubectl(id, "get pods --field-selector=status.phase=Pending"),
                    c.kubectl(id, #"get pods -o jsonpath="{range .items[*]}{.metadata.name}{':\t'}{range .spec.containers[*]}{.image}{'\n'}{end}{end}""#),
                ])
            }
        }
    )
}
