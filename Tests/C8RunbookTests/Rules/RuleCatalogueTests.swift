import Foundation
import Testing
@testable import C8Runbook

@Suite struct RuleCatalogueTests {
    @Test func catalogueHoldsR01ToR59InOrder() {
        #expect(Rule.catalogue.map(\.id) == (1...59).map { String(format: "R%02d", $0) })
    }

    @Test func everyRuleSaysWhereItComesFrom() {
        for rule in Rule.catalogue {
            #expect(!rule.title.isEmpty, "\(rule.id)")
            #expect(!rule.sources.isEmpty, "\(rule.id) has no source")
            #expect(rule.sources.allSatisfy { $0.url?.hasPrefix("https://") == true }, "\(rule.id)")
        }
    }

    @Test func ruleTitlesMatchRulesMd() throws {
        let shared = try #require(TestPaths.shared, "../shared is absent: skipping the comparison with rules.md")
        let text = try String(contentsOf: shared.appendingPathComponent("guide/rules.md"), encoding: .utf8)
        for rule in Rule.catalogue {
            #expect(text.contains("**\(rule.id) — "), "\(rule.id) is not in rules.md")
        }
    }

    /// Rules that apply only under a condition: a scenario where each applies, and one where it does not.
    static let conditional: [(String, ScenarioFixture, ScenarioFixture)] = [
        ("R05", ScenarioFixture(extra: "plaintextSecrets: true"), ScenarioFixture()),
        ("R05", ScenarioFixture(identity: true), ScenarioFixture()),
        ("R06", ScenarioFixture(extra: "customIndexPrefixes: true"), ScenarioFixture()),
        ("R14", ScenarioFixture(compression: .none), ScenarioFixture(compression: .none, gatewayEnv: false)),
        ("R15", ScenarioFixture(compression: .snappy), ScenarioFixture(compression: .none)),
        ("R16", ScenarioFixture(), ScenarioFixture(layout: .shared, management: .helmManaged)),
        ("R17", ScenarioFixture(layout: .shared), ScenarioFixture(layout: .shared, management: .helmManaged)),
        ("R18", ScenarioFixture(), ScenarioFixture(layout: .shared, management: .helmManaged)),
        ("R19", ScenarioFixture(layout: .shared, management: .helmManaged), ScenarioFixture(layout: .shared)),
        ("R21", ScenarioFixture(extra: "backupRepository: camunda_backup"), ScenarioFixture()),
        ("R24", ScenarioFixture(), ScenarioFixture(identity: true)),
        ("R26", ScenarioFixture(identity: true), ScenarioFixture()),
        ("R27", ScenarioFixture(identity: true), ScenarioFixture()),
        ("R28", ScenarioFixture(optimize: true), ScenarioFixture()),
        ("R32", ScenarioFixture(optimize: true), ScenarioFixture()),
        ("R32", ScenarioFixture(extra: "connectors: true"), ScenarioFixture()),
        ("R33", ScenarioFixture(extra: "ingress: combined"), ScenarioFixture()),
        ("R34", ScenarioFixture(extra: "connectors: true"), ScenarioFixture()),
        ("R35", ScenarioFixture(extra: "multiTenancy: true"), ScenarioFixture()),
        ("R36", ScenarioFixture(extra: "plaintextSecrets: true"), ScenarioFixture()),
        ("R45", ScenarioFixture(identity: true), ScenarioFixture()),
        ("R48", ScenarioFixture(extra: "contextPath: /camunda"), ScenarioFixture()),
        ("R52", ScenarioFixture(), ScenarioFixture(optimize: true)),
        ("R53", ScenarioFixture(), ScenarioFixture(optimize: true)),
        ("R54", ScenarioFixture(), ScenarioFixture(optimize: true)),
        ("R56", ScenarioFixture(identity: true), ScenarioFixture()),
        ("R57", ScenarioFixture(optimize: true), ScenarioFixture()),
    ]

    @Test(arguments: conditional) func conditionHoldsBothWays(_ id: String, _ applying: ScenarioFixture, _ notApplying: ScenarioFixture) throws {
        let rule = try #require(Rule.catalogue.first { $0.id == id })
        #expect(rule.condition != "always", "\(id) should document its condition")
        let yes = try applying.scenario, no = try notApplying.scenario
        #expect(rule.applies(to: yes), "\(id) should apply to \(applying.testDescription) \(applying.extra)")
        #expect(!rule.applies(to: no), "\(id) should not apply to \(notApplying.testDescription)")
        // And the runbook shows it: the rule's steps appear exactly when it applies.
        #expect(Planner().plan(yes).steps.contains { $0.rules.contains(id) })
        #expect(!Planner().plan(no).steps.contains { $0.rules.contains(id) })
    }

    @Test func unconditionalRulesApplyToEveryCombination() throws {
        let conditionalIDs = Set(Self.conditional.map(\.0))
        let always = Rule.catalogue.filter { !conditionalIDs.contains($0.id) }
        #expect(always.count == 59 - conditionalIDs.count)
        for fixture in ScenarioFixture.all {
            let scenario = try fixture.scenario
            for rule in always {
                #expect(rule.applies(to: scenario), "\(rule.id) for \(fixture.testDescription)")
            }
        }
    }

    @Test func everyStepTemplateAndNoteTemplateExists() throws {
        // Planning every combination renders every template the rules name; a missing one stops the run.
        var keys = Set<String>()
        for fixture in ScenarioFixture.all {
            for step in Planner().plan(try fixture.scenario).steps {
                keys.insert(step.id.replacingOccurrences(of: #"\.region[01]$"#, with: "", options: .regularExpression))
            }
        }
        let templates = Set(TemplateSet.embedded.sources.keys.filter { $0.hasPrefix("steps/") }.map { String($0.dropFirst(6)) })
        // Every step template is used by some combination, except those behind optional scenario keys.
        let optionalKeys: Set = ["prepare.index-prefixes", "values.backup-repository", "values.ingress", "values.connectors",
                                 "values.multi-tenancy", "verify.management-path", "values.components", "values.migration-pods-tls"]
        #expect(templates.subtracting(keys).subtracting(optionalKeys).isEmpty, "unused: \(templates.subtracting(keys))")
    }
}
