import Foundation
import Testing
@testable import C8Runbook

/// Issue 10 items 6–10: the commands of the backup, the way back, the in-cluster checks, the migration watch, the
/// data checks and the exporter convergence, for the scenario shapes that change them.
@Suite struct SafeStepsTests {
    func plan(_ fixture: ScenarioFixture = ScenarioFixture()) throws -> Runbook { Planner().plan(try fixture.scenario) }
    func step(_ id: String, _ fixture: ScenarioFixture = ScenarioFixture()) throws -> Step {
        try #require(try plan(fixture).step(id: id), "no step \(id) for \(fixture.testDescription)")
    }

    // MARK: item 6

    @Test func exportersThatAreNotExactlyDisabledAreDisabledAgain() throws {
        let commands = try step("post.exporters.converge").commands
        #expect(CommandGroup.isPortForward(commands[0]))
        let loop = try #require(commands.first { $0.hasPrefix("for id in ") })
        #expect(loop.hasPrefix("for id in elasticsearchregion0 elasticsearchregion1; do"))
        #expect(loop.contains(#"// "CONFIG_NOT_FOUND"'"#), "a missing exporter counts as not disabled")
        #expect(loop.contains(#"[ "$status" = DISABLED ] || curl -s -w '\nHTTP %{http_code}\n' -XPOST "http://localhost:9600/actuator/exporters/$id/disable""#))
        #expect(commands.contains("curl -s 'http://localhost:9600/actuator/cluster' | jq '{lastChange, pendingChange}'"))
        let shared = try step("post.exporters.converge", ScenarioFixture(type: .opensearch, layout: .shared))
        #expect(shared.commands.contains { $0.hasPrefix("for id in opensearch; do") })
        #expect(try plan(ScenarioFixture(optimize: true)).step(id: "post.exporters.converge") == nil, "Optimize keeps the legacy exporters")
        let disk = try step("post.disk")
        #expect(disk.blocks[0].content.contains(#"kubelet_volume_stats_used_bytes{namespace="ns-one", persistentvolumeclaim=~"data-camunda-zeebe-.*"}"#))
        let converge = try plan().steps.firstIndex { $0.id == "post.exporters.converge" }
        let rollout = try plan().steps.firstIndex { $0.id == "post.rollout.region1" }
        #expect(try #require(converge) > #require(rollout), "after the clean-up restarted the brokers")
    }

    // MARK: item 7

    @Test func oneBackupIDAcrossBothRegionsInCamundasOrder() throws {
        let commands = try step("prepare.backup").commands
        #expect(commands.filter { $0.contains("export BACKUP_ID=") }.count == 1)
        let operate = #"-- curl -sS -X POST -H 'Content-Type: application/json' -d "{\"backupId\": $BACKUP_ID}" "http://camunda-operate:9600/actuator/backups""#
        #expect(commands.contains("kubectl --context ctx-zero -n ns-zero run c8runbook-curl --rm -i --quiet --restart=Never --image=curlimages/curl:8.11.1 " + operate))
        #expect(commands.contains("kubectl --context ctx-one -n ns-one run c8runbook-curl --rm -i --quiet --restart=Never --image=curlimages/curl:8.11.1 " + operate))
        func index(_ fragment: String) throws -> Int { try #require(commands.firstIndex { $0.contains(fragment) }, "\(fragment)") }
        let webApps = try index("camunda-tasklist:9600/actuator/backups/$BACKUP_ID")
        let pause = try index("exporting/pause?soft=true")
        let snapshot = try index("camunda_zeebe_records_backup_$BACKUP_ID")
        let zeebe = try index("camunda-zeebe-gateway:9600/actuator/backups\"")
        let resume = try index("exporting/resume")
        #expect(webApps < pause && pause < snapshot && snapshot < zeebe && zeebe < resume)
        #expect(commands.filter { $0.contains("zeebe-gateway") }.allSatisfy { $0.contains("--context ctx-zero") }, "Zeebe through one gateway")
        #expect(commands.filter { $0.contains("camunda_zeebe_records_backup") }.count == 2, "each region's storage")
        #expect(commands.contains { $0.contains(#""feature_states": ["none"]"#) })

        let optimize = try step("prepare.backup", ScenarioFixture(identity: true, optimize: true)).commands
        #expect(optimize.filter { $0.contains("\"http://camunda-optimize:8092/actuator/backups\"") }.count == 2)
        let shared = try step("prepare.backup", ScenarioFixture(type: .opensearch, layout: .shared, management: .helmManaged)).commands
        let sharedSnapshots = shared.filter { $0.contains("camunda_zeebe_records_backup") }
        #expect(sharedSnapshots.count == 1 && !sharedSnapshots[0].contains("feature_states"), "one shared OpenSearch")
        #expect(sharedSnapshots[0].contains(#"-u "${STORAGE_AUTH:?"#) && sharedSnapshots[0].contains("http://search.example.com:9200/_snapshot/camunda/"))
    }

    @Test func theWayBackRestoresBothRegionsOnThe87Chart() throws {
        let runbook = try plan()
        let plan = try #require(runbook.step(id: "rollback.plan"))
        #expect(plan.body.contains("point of no return") && !plan.required)
        for id in [0, 1] {
            let zeebe = try #require(runbook.step(id: "rollback.restore-zeebe.region\(id)"))
            let ns = id == 0 ? "ns-zero" : "ns-one"
            #expect(zeebe.danger == .irreversible && !zeebe.required && zeebe.phase == .troubleshooting)
            #expect(zeebe.commands.contains { $0.contains("--version 12.7.6") && $0.hasSuffix("-f " + runbook.scenario.valuesFiles.absolute("restore-region\(id).yml")) })
            #expect(zeebe.commands.allSatisfy { !$0.contains(" -f restore-region") }, "the restore values by absolute path")
            #expect(zeebe.commands.contains { $0.contains(" -n \(ns) get pvc -o name | grep 'data-camunda-zeebe-'") && $0.contains("delete \"$pvc\"") })
            #expect(zeebe.blocks[0].content.contains("ZEEBE_RESTORE_FROM_BACKUP_ID"))
            let storage = try #require(runbook.step(id: "rollback.restore-storage.region\(id)"))
            #expect(storage.commands.contains { $0.hasPrefix("for snapshot in $(") && $0.contains("/_restore?wait_for_completion=true") })
        }
        let shared = Planner().plan(try ScenarioFixture(layout: .shared).scenario)
        #expect(shared.steps.filter { $0.id.hasPrefix("rollback.restore-storage") }.map(\.id) == ["rollback.restore-storage"])
        let upgrade = try #require(runbook.step(id: "upgrade.helm.region0"))
        #expect(upgrade.danger == .irreversible, "the marked point of no return")
    }

    // MARK: item 8

    @Test func storageChecksRunInsideTheCluster() throws {
        for scenario in try ScenarioFixture.reference.variants + ScenarioFixture.all.map({ try $0.scenario }) {
            for step in Planner().plan(scenario).steps {
                for command in step.commands {
                    for line in command.components(separatedBy: "\n") {
                        let trimmed = line.trimmingCharacters(in: .whitespaces)
                        #expect(!(trimmed.hasPrefix("curl") && trimmed.contains("svc.cluster.local")), "\(step.id): \(line)")
                        #expect(!(trimmed.hasPrefix("curl") && trimmed.contains(":9200")), "\(step.id): a storage from the workstation: \(line)")
                    }
                }
            }
        }
        let external = try step("prepare.storage-version", ScenarioFixture(type: .opensearch, layout: .shared))
        #expect(external.commands == [#"kubectl --context ctx-zero -n ns-zero run c8runbook-curl --rm -i --quiet --restart=Never --image=curlimages/curl:8.11.1 -- curl -sS -u "${STORAGE_AUTH:?set STORAGE_AUTH=user:password, or STORAGE_AUTH=: when the storage has no security}" http://search.example.com:9200/"#])
        #expect(external.notes.contains { $0.text.contains("private CA") })
        #expect(try step("prepare.storage-version.region1").commands == ["kubectl --context ctx-one -n ns-one exec camunda-elasticsearch-master-0 -c elasticsearch -- curl -s localhost:9200/"])
    }

    // MARK: item 9

    @Test func bothJobsAreWatchedTogetherAndFailFast() throws {
        let watch = try step("migration.watch")
        let loop = try #require(watch.commands.last)
        #expect(loop.contains("s0=$(kubectl --context ctx-zero -n ns-zero get job/camunda-zeebe-migration-data"))
        #expect(loop.contains("s1=$(kubectl --context ctx-one -n ns-one get job/camunda-zeebe-migration-data"))
        #expect(loop.contains(#"[[ "${s0} ${s1}" == *Failed* ]] && {"#))
        #expect(loop.contains(#"[[ "${s0}" == *Complete* && "${s1}" == *Complete* ]]"#))
        #expect(loop.contains("-ge 300") && loop.contains("troubleshooting.restart-importer"))
        #expect(watch.commands.contains { $0.contains("/v2/process-instances'") }, "traffic before waiting (camunda/camunda#38476)")
        let shared = try step("migration.watch", ScenarioFixture(layout: .shared)).commands.last ?? ""
        #expect(shared.contains("s0=$(") && !shared.contains("ctx-one"))
        #expect(try step("verify.pods.region1").commands.contains("kubectl --context ctx-one -n ns-one get pods --field-selector=status.phase=Pending"))
        let drill = try step("post.drill")
        #expect(!drill.required && drill.body.contains("failover"))
    }

    @Test func dataIsSearchedThroughEveryRegionsAPIWithItsAuth() throws {
        let basic = try step("verify.data").commands
        #expect(basic.contains("kubectl --context ctx-one -n ns-one port-forward services/camunda-zeebe-gateway 8081:8080"))
        #expect(basic.contains(#"curl -sS -u "${CAMUNDA_AUTH:?set CAMUNDA_AUTH=user:password of a user with the admin role}" -X POST 'http://localhost:8081/v2/process-instances/search' -H 'Accept: application/json' -H 'Content-Type: application/json' -d '{"filter":{"processDefinitionId":"c8runbook-check"}}'"#))
        #expect(basic.contains { $0.contains("localhost:8080/v2/process-definitions/search") })
        let oidc = try step("verify.data", ScenarioFixture(identity: true, optimize: true)).commands
        #expect(oidc.filter { $0.hasPrefix("curl") }.allSatisfy { $0.contains(#"-H "Authorization: Bearer ${CAMUNDA_TOKEN:?"#) })
        let open = try step("verify.data", ScenarioFixture(api: .unprotected)).commands
        #expect(open.filter { $0.hasPrefix("curl") }.allSatisfy { !$0.contains(" -u ") && !$0.contains("Bearer") })
        let after = try step("post.data").commands
        #expect(after.contains { $0.hasSuffix("-F resources=@/tmp/c8runbook-check.bpmn") } && after.contains { $0.contains("8081/v2/process-instances/search") })
        #expect(try step("verify.data").danger == .readOnly, "a search reads")
    }

    // MARK: item 10

    @Test func textIsTrueForEveryLayout() throws {
        #expect(try step("prepare.storage-layout", ScenarioFixture(layout: .shared)).title == "Keep the shared Elasticsearch")
        #expect(try step("prepare.storage-layout").title == "Keep one Elasticsearch per region")
        #expect(try step("post.exporters.no-delete").body.contains("lists 4 exporters: 2 disabled legacy ones"))
        #expect(try step("post.exporters.no-delete", ScenarioFixture(layout: .shared, management: .helmManaged)).body
            .contains("lists 2 exporters: 1 disabled legacy one (`elasticsearch`) and 1 enabled Camunda Exporter ("))
        #expect(try step("prepare.disk.region0").body.contains("while the migration Job exists, a changed `orchestration.env` makes `helm upgrade` fail"))
        #expect(try step("values.api-security").notes.contains { $0.text.contains("8.7.15 or older") })
        #expect(try step("values.api-security", ScenarioFixture(api: .unprotected)).notes.contains { $0.text.contains("8.7.15 or older") })
        #expect(try step("migration.watch").notes.contains { $0.text.contains("Tasklist can answer with transient errors") })
        #expect(try step("values.optimize", ScenarioFixture(identity: true, optimize: true)).notes.contains { $0.text.contains("unavailable until it finished") && $0.text.contains("optimize.migration.enabled") })
    }
}

extension SafeStepsTests {
    /// A dress rehearsal found that the way back put the chart's Elasticsearch back to the 12.x image (8.17.4) on
    /// data that 13.x's 8.18.0 had written: the restore keeps the running image; with external storage it sets none.
    @Test func theWayBackKeepsTheRunningElasticsearchImage() throws {
        let subchart = try #require(try plan().step(id: "rollback.restore-zeebe.region1"))
        #expect(subchart.commands.contains { $0.hasPrefix("export ELASTICSEARCH_IMAGE=\"$(kubectl --context ctx-one -n ns-one get statefulset/camunda-elasticsearch-master ") })
        let upgrades = subchart.commands.filter { $0.hasPrefix("helm upgrade") }
        #expect(upgrades.count == 2)
        #expect(upgrades.allSatisfy { $0.contains("--set elasticsearch.image.tag=\"${ELASTICSEARCH_IMAGE##*:}\"") })
        var external = try ScenarioFixture().scenario
        external.secondaryStorage.provisioning = .external
        let restore = try #require(Planner().plan(external).step(id: "rollback.restore-zeebe.region1"))
        #expect(!restore.commands.joined().contains("ELASTICSEARCH_IMAGE"))
    }
}
