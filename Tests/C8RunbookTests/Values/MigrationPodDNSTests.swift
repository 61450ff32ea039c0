@testable import C8Runbook
import Foundation
import Testing

/// The migration importer joins the cluster as a standalone gateway, so it must resolve what the brokers resolve
/// (field-case kind 3). The 13.x chart gives it a DNS policy and config only from `orchestration.importer.dnsPolicy`
/// and `.dnsConfig`, and only when `orchestration.dnsPolicy` / `.dnsConfig` are set (CHART 13.12.7
/// `orchestration/importer-deployment.yaml`): with the broker's `zeebe.dnsConfig` moved to `orchestration.dnsConfig`
/// alone, helm template rendered the importer with `dnsConfig: null` and no policy.
@Suite("c8runbook values: the migration importer's DNS settings")
struct MigrationPodDNSTests {
    typealias Support = ValuesTestSupport

    static let dns = "    dnsPolicy: None\n    dnsConfig:\n        nameservers:\n            - 10.96.0.10\n        searches:\n            - camunda-secondary.svc.cluster.local\n"

    @Test("the broker's dnsPolicy and dnsConfig reach the importer during the migration, and not in the final stage",
          .enabled(if: SharedFixtures.available))
    func importerGetsTheBrokersDNS() throws {
        let input = try Support.referenceInput(zeebe: Self.dns)
        let scenario = try Support.inferredScenario(input)
        for (stage, result, root) in try Support.verifiedStages(input, scenario) {
            let orchestration = try #require(root.node(at: "orchestration.dnsConfig"))
            #expect(Support.scalar(root, "orchestration.dnsPolicy") == Support.scalar(try Support.parse(Self.dns.replacingOccurrences(of: "    dns", with: "dns")), "dnsPolicy"))
            if stage == .migration {
                let importer = try #require(root.node(at: "orchestration.importer.dnsConfig"))
                #expect(importer.isEquivalent(to: orchestration))
                #expect(Support.scalar(root, "orchestration.importer.dnsPolicy") == Support.scalar(root, "orchestration.dnsPolicy"))
                #expect(result.changes.filter { $0.rule == "R15" && $0.path.hasPrefix("orchestration.importer.dns") }.count == 2)
            } else {
                #expect(root.node(at: "orchestration.importer") == nil)
            }
        }
    }

    @Test("without DNS settings nothing is added", .enabled(if: SharedFixtures.available))
    func nothingWithoutDNS() throws {
        let input = try Support.referenceInput()
        let result = ValuesMigration.migrate(input, scenario: try Support.inferredScenario(input), stage: .migration)
        #expect(try Support.parse(result.files[0].text).node(at: "orchestration.importer") == nil)
    }
}
