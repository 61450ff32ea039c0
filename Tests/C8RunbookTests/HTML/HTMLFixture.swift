import Foundation
@testable import C8Runbook

/// A small hand-made runbook for the HTML tests: a scenario (from YAML, so it is validated as a user's would be)
/// and three steps that use every part of the model: region and once steps, commands, blocks, notes, sources,
/// dependencies, an optional remedy.
enum HTMLFixture {
    static let referenceTitle = "Reference dual-region deployment (London and Paris)"

    static func scenarioYAML(title: String? = referenceTitle, kubeContext0: String = "cluster-london", kubeContext1: String = "cluster-paris") -> String {
        """
        version: 1
        \(title.map { "title: \(yamlQuoted($0))" } ?? "# no title")
        release: camunda
        chart: { from: 12.7.6, to: 13.10.2 }
        valuesFiles: { base: camunda-values.yml, region0: region0/camunda-values.yml, region1: region1/camunda-values.yml }
        regions:
          - { id: 0, kubeContext: \(yamlQuoted(kubeContext0)), namespace: camunda-london }
          - { id: 1, kubeContext: \(yamlQuoted(kubeContext1)), namespace: camunda-paris }
        secondaryStorage:
          type: elasticsearch
          layout: per-region
          urls:
            region0: http://camunda-elasticsearch-master-hl.camunda-london.svc.cluster.local:9200
            region1: http://camunda-elasticsearch-master-hl.camunda-paris.svc.cluster.local:9200
        exporters:
          management: manual
          legacy:
            - { segment: ELASTICSEARCHREGION0, region: 0 }
            - { segment: ELASTICSEARCHREGION1, region: 1 }
        messageCompression: GZIP
        gatewayEnv: []
        identity: false
        optimize: false
        basicAuthUsers: []
        apiSecurity: protected

        """
    }

    static func yamlQuoted(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "''") + "'"
    }

    static func scenario(title: String? = referenceTitle, kubeContext0: String = "cluster-london", kubeContext1: String = "cluster-paris") throws -> Scenario {
        try Scenario.parse(yaml: scenarioYAML(title: title, kubeContext0: kubeContext0, kubeContext1: kubeContext1), file: "fixture.yml")
    }

    /// `body` and `noteText` are Markdown, as a template would render them.
    static func runbook(_ scenario: Scenario, body: String = "Back up **both** regions first; see `camunda-values.yml`.", noteText: String = "The guide says *one* region; both are needed.") -> Runbook {
        let context = scenario.region0.kubeContext
        let prepare = Step(
            id: "prepare.backup.region0", title: "Back up region 0 (\(MarkdownText.code(context)))", phase: .prepare,
            rules: ["R03"], region: 0, body: body,
            commands: ["kubectl --context \(ShellWord.quote(context)) -n camunda-london get pods", "helm list --kube-context \(ShellWord.quote(context)) -n camunda-london"],
            blocks: [Block(language: "yaml", file: "region0/camunda-values.yml", content: "zeebe:\n  env:\n    - name: A\n      value: \"<b>&amp;</b>\"\n")],
            notes: [Note(kind: .correction, text: noteText, reference: "rules.md §E.2d"), Note(kind: .inference, text: "Inferred.", reference: nil)],
            sources: [Source(key: "SEED", section: "Back up", url: "https://docs.camunda.io/x#back-up"), Source(key: "LOCAL", section: nil, url: "javascript:alert(1)")],
            after: [], required: true
        )
        let upgrade = Step(
            id: "upgrade.helm.region1", title: "Upgrade region 1", phase: .upgrade, rules: ["R37", "R38"], region: 1,
            body: "Run the upgrade.", commands: ["helm upgrade camunda camunda/camunda-platform --version 13.10.2"], blocks: [],
            notes: [Note(kind: .warning, text: "Watch the rollout.", reference: nil)], sources: [],
            after: [Step.Dependency(step: "prepare.backup.region0", constraint: "O1"), Step.Dependency(step: "prepare.backup.region0", constraint: "O7")], required: true
        )
        let remedy = Step(
            id: "troubleshooting.failed-job", title: "If the migration job fails", phase: .troubleshooting, rules: ["R44"], region: nil,
            body: "Delete the job and run the upgrade again.", commands: [], blocks: [], notes: [], sources: [], after: [], required: false
        )
        return Runbook(formatVersion: Runbook.formatVersion, scenario: scenario, warnings: scenario.warnings, phases: [
            Runbook.PhaseSteps(phase: .prepare, title: "Prepare", summary: "Before *anything* else.", steps: [prepare]),
            Runbook.PhaseSteps(phase: .upgrade, title: "Upgrade", summary: "Both regions.", steps: [upgrade]),
            Runbook.PhaseSteps(phase: .troubleshooting, title: "Troubleshooting", summary: "Only when needed.", steps: [remedy]),
        ])
    }

    static var steps: [String] { ["prepare.backup.region0", "upgrade.helm.region1", "troubleshooting.failed-job"] }
}

extension HTMLFixture {
    /// The renderer with the built-in templates.
    static var renderer: HTMLRenderer { HTMLRenderer() }
}
