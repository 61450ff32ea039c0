extension Rule {
    static let r33 = Rule(
        id: "R33", title: "Ingress", phase: .configure, scope: .valuesBase,
        condition: "ingress is combined or separated",
        sources: [.base("Ingress"), .chart("templates/common/constraints.tpl")],
        applies: { $0.ingress != .none },
        steps: { s in
            let notes: [NoteDraft] = s.ingress == .separated ? [.warning("separated-ingress", "rules.md R33")] : []
            return [StepDraft("values.ingress", values: StepValues(separated: s.ingress == .separated), notes: notes)]
        }
    )
}
