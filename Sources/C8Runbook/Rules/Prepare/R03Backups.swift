extension Rule {
    static let r03 = Rule(
        id: "R03", title: "One coordinated backup of both regions, and a way back", phase: .prepare, scope: .global,
        sources: [.base("Prerequisites"), .backup87("Step 1: Back up WebApps", anchor: "back-up-webapps"),
                  .backup87("Step 2: Backup Zeebe Cluster", anchor: "back-up-zeebe"), .backupOverview87,
                  .restore87("Step 1: Restore of Elasticsearch/OpenSearch", anchor: "restore-elasticsearch-opensearch"),
                  .restore87("Step 2: Restore Zeebe Cluster", anchor: "restore-zeebe-cluster")],
        steps: { s in
            let c = Commands(scenario: s)
            return [StepDraft("prepare.backup", commands: s.backupCommands(c), notes: s.backupNotes)]
                + [StepDraft("rollback.plan", phase: .troubleshooting, required: false)]
                + s.storageRegions.map { id in
                    StepDraft("rollback.restore-storage", region: id, phase: .troubleshooting, commands: s.restoreStorageCommands(c, id),
                              notes: s.storageNotes, required: false, danger: .irreversible)
                }
                + [0, 1].map { id in
                    StepDraft("rollback.restore-zeebe", region: id, phase: .troubleshooting, commands: s.restoreZeebeCommands(c, id),
                              blocks: [s.restoreValues(id)], notes: [.inference("restore-downgrade")],
                              required: false, danger: .irreversible)
                }
        }
    )
}

extension Scenario {
    /// The Elasticsearch/OpenSearch snapshot repository the 8.7 web apps back up to.
    var snapshotRepository: String { backupRepository ?? "camunda" }

    /// The 8.7 web apps of a region, by in-cluster management URL (8.7 backup guide, "Exec" tab).
    var webAppBackupURLs: [(name: String, url: String)] {
        [("Operate", "http://\(release)-operate:9600/actuator/backups"), ("Tasklist", "http://\(release)-tasklist:9600/actuator/backups")]
            + (optimize ? [("Optimize", "http://\(release)-optimize:8092/actuator/backups")] : [])
    }

    /// Camunda 8.7's backup procedure across both regions with one backup id: every region's web apps first, then,
    /// through region 0's gateway (the stretched cluster is one Zeebe cluster), soft pause, the `zeebe-record`
    /// snapshot of every storage, the Zeebe backup, resume. Each part has its check.
    func backupCommands(_ c: Commands) -> [String] {
        let gateway = "http://\(gatewayService):9600/actuator"
        var commands = ["export BACKUP_ID=$(date +%s)"]
        for id in [0, 1] {
            commands += webAppBackupURLs.map { c.management(id, $0.url, method: "POST", json: Commands.backupBody) }
        }
        for id in [0, 1] {
            commands += webAppBackupURLs.map { c.management(id, $0.url + "/$BACKUP_ID") }
        }
        commands.append(c.management(0, gateway + "/exporting/pause?soft=true", method: "POST"))
        let body = secondaryStorage.type == .elasticsearch
            ? #"'{"indices": "zeebe-record*", "feature_states": ["none"]}'"# : #"'{"indices": "zeebe-record*"}'"#
        for id in storageRegions {
            commands.append(c.storage(id, "_snapshot/\(snapshotRepository)/camunda_zeebe_records_backup_$BACKUP_ID?wait_for_completion=true",
                                      method: "PUT", json: body))
        }
        commands.append(c.management(0, gateway + "/backups", method: "POST", json: Commands.backupBody))
        commands.append(c.management(0, gateway + "/backups/$BACKUP_ID"))
        commands.append(c.management(0, gateway + "/exporting/resume", method: "POST"))
        commands.append("echo \"BACKUP_ID=$BACKUP_ID\"")
        return commands
    }

    var backupNotes: [NoteDraft] {
        var notes: [NoteDraft] = [.inference("one-backup-both-regions")]
        if backupRepository == nil { notes.append(.warning("backup-repository-name")) }
        return notes
    }

    /// Restoring one storage (8.7 restore guide, step 1): components stopped, Camunda's indices deleted, every
    /// snapshot of the backup id restored by name.
    func restoreStorageCommands(_ c: Commands, _ region: Int?) -> [String] {
        let snapshots = c.storage(region, "_snapshot/\(snapshotRepository)/*_${BACKUP_ID}*")
        let indices = c.storage(region, "_cat/indices?h=index")
        var commands = ["export BACKUP_ID=\"${BACKUP_ID:?set BACKUP_ID to the id prepare.backup printed}\""]
        commands += (region.map { [$0] } ?? [0, 1]).flatMap { r in
            [c.kubectl(r, "scale statefulset/\(orchestrationName) --replicas=0"), c.kubectl(r, "scale deployment --all --replicas=0")]
        }
        commands.append(snapshots + " | jq -r '.snapshots[] | \"\\(.snapshot) \\(.state)\"'")
        commands.append("for index in $(" + indices + " | grep -E 'operate|tasklist|optimize|zeebe|camunda'); do " + c.storage(region, "$index", method: "DELETE") + "; done")
        commands.append("for snapshot in $(" + snapshots + " | jq -r '.snapshots[].snapshot'); do "
                        + c.storage(region, "_snapshot/\(snapshotRepository)/$snapshot/_restore?wait_for_completion=true", method: "POST") + "; done")
        return commands
    }

    /// Restoring region `id`'s brokers on the 8.7 chart (8.7 restore guide, step 2): empty volumes, `ZEEBE_RESTORE`
    /// with the backup id, then the plain 8.7 release.
    func restoreZeebeCommands(_ c: Commands, _ id: Int) -> [String] {
        let region = regions[id]
        // The 8.7 files by absolute path, as every other helm command names its files: pasted from any folder.
        let files = (valuesFiles.bases + [valuesFiles.overlay(for: id)])
            .map { "  -f \(ShellWord.quote(valuesFiles.absolute($0)))" }
        // The chart's own Elasticsearch: the 12.x chart would put back its older image (12.7.6: 8.17.4; 13.x: 8.18.0,
        // each chart's values.yaml `elasticsearch.image.tag`), and Elasticsearch does not start on data a newer
        // version wrote. The restore keeps the image the cluster runs now (`--set` wins over every `-f` file).
        let keepImage = isSubchart ? ["  --set elasticsearch.image.tag=\"${ELASTICSEARCH_IMAGE##*:}\""] : []
        func helm(_ extra: [String]) -> String {
            ([
                "helm upgrade \(release) camunda/camunda-platform",
                "  --version \(ShellWord.quote(chart.from))",
                "  --kube-context \(ShellWord.quote(region.kubeContext))",
                "  --namespace \(region.namespace)",
            ] + keepImage + files + extra).joined(separator: " \\\n")
        }
        let image = isSubchart
            ? ["export ELASTICSEARCH_IMAGE=\"$(" + c.kubectl(id, "get statefulset/\(release)-elasticsearch-master -o jsonpath='{.spec.template.spec.containers[0].image}'") + ")\""]
            : []
        return [
            "export BACKUP_ID=\"${BACKUP_ID:?set BACKUP_ID to the id prepare.backup printed}\"",
        ] + image + [
            c.kubectl(id, "scale statefulset/\(orchestrationName) --replicas=0"),
            "for pvc in $(" + c.kubectl(id, "get pvc -o name") + " | grep 'data-\(orchestrationName)-'); do " + c.kubectl(id, "delete \"$pvc\"") + "; done",
            helm(["  -f \(ShellWord.quote(restoreValuesFile(id)))"]),
            c.kubectl(id, "logs --follow \(orchestrationName)-0"),
            helm([]),
        ]
    }

    /// Where the temporary restore values of region `id` live: beside the 8.7 files, by absolute path.
    func restoreValuesFile(_ id: Int) -> String { valuesFiles.absolute("restore-region\(id).yml") }

    /// The temporary values that make region `id`'s brokers restore, on the 8.7 chart's keys. No `zeebeGateway`
    /// switch: chart 12.7.6 renders the gateway under `zeebe.enabled` (`templates/zeebe-gateway/*.yaml`), and no
    /// template reads `zeebeGateway.enabled`; a gateway without ready brokers only answers with errors.
    func restoreValues(_ id: Int) -> Block {
        Block(language: "yaml", file: restoreValuesFile(id), content: """
            # Temporary: copy your 8.7 zeebe.env list here (arrays replace, they do not merge), keep the backup store
            # variables (ZEEBE_BROKER_DATA_BACKUP_*), and add the two below with your backup id.
            zeebe:
              env:
                - name: ZEEBE_RESTORE
                  value: "true"
                - name: ZEEBE_RESTORE_FROM_BACKUP_ID
                  value: "<BACKUP_ID>"
            operate:
              enabled: false
            tasklist:
              enabled: false
            optimize:
              enabled: false
            connectors:
              enabled: false
            """)
    }
}
