@testable import C8Runbook
import Foundation
import Testing

/// The 13.x data migration Job gets JVM options only with `global.elasticsearch.tls.existingSecret` or a CA bundle
/// (CHART 13.12.7 `orchestration/migration-data-job.yaml`): a trust store in the 8.7 `zeebe.javaOpts` for an https
/// storage did not reach it, without a word (field-case kind 3).
@Suite("c8runbook values: the data migration Job's trust store")
struct MigrationJobTrustStoreTests {
    typealias Support = ValuesTestSupport

    static func input(https: Bool, javaOpts: String) throws -> ValuesInput {
        let input = try Support.referenceInput(zeebe: "    javaOpts: \(javaOpts)\n")
        guard https else { return input }
        return try Support.editingBase(input) {
            $0.replacingOccurrences(of: "value: http://camunda-elasticsearch", with: "value: https://camunda-elasticsearch")
        }
    }

    @Test("a trust store in javaOpts with an https storage is one review item at orchestration.javaOpts during the migration; none for http, other options or the final stage",
          .enabled(if: SharedFixtures.available), arguments: [
        (true, "-Xmx2g -Djavax.net.ssl.trustStore=/certs/es.jks -Djavax.net.ssl.trustStorePassword=changeme", 1),
        (false, "-Xmx2g -Djavax.net.ssl.trustStore=/certs/es.jks", 0),
        (true, "-Xmx2g", 0),
    ])
    func trustStoreReviewed(https: Bool, javaOpts: String, reviews: Int) throws {
        let input = try Self.input(https: https, javaOpts: javaOpts)
        let scenario = try Support.inferredScenario(input)
        for stage in [MigrationStage.migration, .final] {
            let result = ValuesMigration.migrate(input, scenario: scenario, stage: stage)
            #expect(result.problems.isEmpty)
            let found = result.changes.filter { $0.kind == .review && $0.path == "orchestration.javaOpts" && $0.message.contains("data migration Job") }
            #expect(found.count == (stage == .migration ? reviews : 0))
            #expect(found.allSatisfy { !$0.message.contains("changeme") })
        }
    }
}
