import Foundation
import Testing
@testable import C8Runbook

@Suite struct MarkdownRendererTests {
    @Test func everyStepHasACheckboxAndItsID() throws {
        let runbook = Planner().plan(try ScenarioFixture.reference)
        let markdown = runbook.rendered(as: .markdown)
        for step in runbook.steps {
            #expect(markdown.contains("<a id=\"\(step.id)\"></a>\n### "), "\(step.id) anchor")
            #expect(markdown.contains("- [ ] `\(step.id)` · "), "\(step.id) checkbox")
        }
        #expect(markdown.contains("| Kube context | `cluster-london` | `cluster-paris` |"))
        #expect(markdown.contains("1. [Prepare](#1-prepare): 11 steps"))
    }

    @Test func notesAreLabelledCallouts() throws {
        let markdown = Planner().plan(try ScenarioFixture(api: .unprotected).scenario).rendered(as: .markdown)
        #expect(markdown.contains("> **Correction of the guide** (rules.md §E.2d): The guide prints `unprotectedApi: false`"))
        #expect(markdown.contains("> **Inference (the guide is silent)** (rules.md §E.2j):"))
    }

    @Test func userTextCannotInjectMarkupIntoTheMarkdown() throws {
        let fixture = ScenarioFixture(extra: #"title: "<script>alert(1)</script> *owned* [x](javascript:alert(1))""#)
        let markdown = Planner().plan(try fixture.scenario).rendered(as: .markdown)
        let heading = try #require(markdown.components(separatedBy: "\n").first)
        #expect(heading == #"# Camunda 8.7 → 8.8 dual-region upgrade runbook: \<script\>alert(1)\</script\> \*owned\* \[x\](javascript:alert(1))"#)
        #expect(!markdown.contains("<script>"))
    }

    @Test func kubeContextWithBackticksIsRefusedAndOddOnesStayInCodeSpans() throws {
        #expect(throws: ScenarioError.self) {
            try ScenarioFixture(extra: "").yaml.replacingOccurrences(of: "ctx-one", with: "\"a`b\"").parseAsScenario()
        }
        let yaml = ScenarioFixture().yaml.replacingOccurrences(of: "kubeContext: ctx-one", with: "kubeContext: \"arn:aws:eks:eu-west-1:1:cluster/x*y\"")
        let markdown = Planner().plan(try yaml.parseAsScenario()).rendered(as: .markdown)
        #expect(markdown.contains("| Kube context | `ctx-zero` | `arn:aws:eks:eu-west-1:1:cluster/x*y` |"))
        #expect(markdown.contains("--kube-context 'arn:aws:eks:eu-west-1:1:cluster/x*y'"))
    }

    @Test func jsonHasTheDocumentedShape() throws {
        let runbook = Planner().plan(try ScenarioFixture.reference)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(runbook.jsonText.utf8)) as? [String: Any])
        #expect(object["formatVersion"] as? Int == 1)
        #expect((object["scenario"] as? [String: Any])?["release"] as? String == "camunda")
        let phases = try #require(object["phases"] as? [[String: Any]])
        #expect(phases.map { $0["phase"] as? String } == Phase.allCases.map(\.rawValue))
        let steps = phases.flatMap { $0["steps"] as? [[String: Any]] ?? [] }
        #expect(steps.count == runbook.steps.count)
        let helm = try #require(steps.first { $0["id"] as? String == "upgrade.helm.region0" })
        #expect(helm["phase"] as? String == "upgrade")
        #expect(helm["region"] as? Int == 0)
        #expect(helm["rules"] as? [String] == ["R37", "R38"])
        #expect((helm["commands"] as? [String])?.first?.hasPrefix("helm upgrade camunda camunda/camunda-platform") == true)
        #expect((helm["sources"] as? [[String: Any]])?.isEmpty == false)
        let global = try #require(steps.first { $0["id"] as? String == "upgrade.helm-repo" })
        #expect(global["region"] is NSNull || global["region"] == nil)
        let exporters = try #require(steps.first { $0["id"] as? String == "values.exporter-switch" })
        let block = try #require((exporters["blocks"] as? [[String: Any]])?.first)
        #expect(block["language"] as? String == "yaml")
        #expect((block["content"] as? String)?.hasPrefix("orchestration:\n  exporters:") == true)
    }

    @Test func jsonRegionIsNullForGlobalSteps() throws {
        let text = Planner().plan(try ScenarioFixture.reference).jsonText
        #expect(text.contains("\"id\" : \"upgrade.helm-repo\""))
        let data = try JSONDecoder().decode(Runbook.self, from: Data(text.utf8))
        #expect(data.step(id: "upgrade.helm-repo")?.region == nil)
        #expect(data == Planner().plan(try ScenarioFixture.reference), "JSON round-trips the model")
    }
}

extension String {
    func parseAsScenario() throws -> Scenario { try Scenario.parse(yaml: self, file: "s.yml") }
}
