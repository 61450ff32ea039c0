import Testing
@testable import C8Runbook

/// Issue 9 item 6 / field case values/08: a scenario without a `cluster:` block prints no cluster size, partition
/// count or replication factor (the parser used to fill in Camunda's 8/8/4), and its commands still work.
@Suite struct ClusterSizingTests {
    static let unknown = ScenarioFixture(cluster: "")
    static let known = ScenarioFixture(cluster: "cluster: { size: 6, partitions: 3, replicationFactor: 3 }")

    func render(_ fixture: ScenarioFixture) throws -> (runbook: Runbook, markdown: String, html: String) {
        let runbook = Planner().plan(try fixture.scenario)
        return (runbook, MarkdownRenderer().render(runbook), HTMLRenderer().page(runbook))
    }

    @Test func noClusterBlockIsNil() throws {
        #expect(try Self.unknown.scenario.cluster == nil)
        #expect(try Self.known.scenario.cluster == ClusterSizing(size: 6, partitions: 3, replicationFactor: 3))
    }

    @Test func noNumbersWithoutAClusterBlock() throws {
        let (runbook, markdown, html) = try render(Self.unknown)
        for invented in ["cluster size 8", "8 partitions", "replication factor 4", "8 brokers", "4 in each namespace", "with 4 replicas", "ZEEBE_CLUSTER_SIZE=8"] {
            #expect(!markdown.contains(invented), "\(invented)")
            #expect(!html.contains(invented), "\(invented)")
        }
        #expect(markdown.contains("your cluster size, partition count and replication factor as in your 8.7 values"))
        #expect(html.contains("as in your 8.7 values (the scenario has no <code>cluster:</code> block)"))
        #expect(try #require(runbook.step(id: "values.cluster-sizing")).blocks.isEmpty, "no snippet with guessed numbers")
        #expect(!runbook.warnings.contains { $0.contains("replicationFactor") })
    }

    @Test func nodeIDLoopReadsTheReplicaCount() throws {
        let runbook = Planner().plan(try Self.unknown.scenario)
        let steps = runbook.phases.flatMap(\.steps).filter { $0.id.hasPrefix("verify.node-ids.") }
        #expect(steps.count == 2)
        for step in steps {
            let loop = try #require(step.commands.first)
            #expect(!loop.contains("seq 0 3"))
            let region = step.region == 1 ? "ctx-one -n ns-one" : "ctx-zero -n ns-zero"
            #expect(loop.hasPrefix("for i in $(seq 0 $(( $(kubectl --context \(region) get statefulset camunda-zeebe -o jsonpath='{.spec.replicas}') - 1 ))); do "))
        }
        let crossCheck = try #require(runbook.step(id: "values.camunda-exporters")).commands
        #expect(crossCheck == ["CAMUNDA_NAMESPACE_0=ns-zero CAMUNDA_NAMESPACE_1=ns-one CAMUNDA_RELEASE_NAME=camunda ZEEBE_CLUSTER_SIZE=$(( 2 * $(kubectl --context ctx-zero -n ns-zero get statefulset camunda-zeebe -o jsonpath='{.spec.replicas}') )) bash \"${C8_MULTI_REGION:?set C8_MULTI_REGION to your checkout of camunda/c8-multi-region, branch stable/8.8}/aws/dual-region/scripts/generate_zeebe_helm_values.sh\""])
    }

    @Test func numbersWhenTheScenarioSaysThem() throws {
        let (runbook, markdown, html) = try render(Self.known)
        #expect(markdown.contains("cluster size 6, 3 partitions, replication factor 3"))
        #expect(markdown.contains("Expect 6 brokers, 3 in each namespace, replication factor 3, 3 partitions"))
        #expect(html.contains("6 brokers, 3 partitions, replication factor 3"))
        #expect(!markdown.contains("as in your 8.7 values"))
        let snippet = try #require(runbook.step(id: "values.cluster-sizing")?.blocks.first?.content)
        #expect(snippet.contains("clusterSize: '6'") && snippet.contains("partitionCount: '3'"))
        let loops = runbook.phases.flatMap(\.steps).filter { $0.id.hasPrefix("verify.node-ids.") }.compactMap(\.commands.first)
        #expect(loops.count == 2 && loops.allSatisfy { $0.hasPrefix("for i in $(seq 0 2); do ") })
        #expect(runbook.warnings.contains { $0.contains("cluster.replicationFactor is 3") })
    }
}
