extension Rule {
    static let r41 = Rule(
        id: "R41", title: "Wait for importer and data-migration job", phase: .migration, scope: .perRegion,
        condition: "every region whose data migration is enabled (both with per-region storage, region 0 with a shared one)",
        sources: [.migrationTest, .base("Inspect migration and importer logs"), .components("Monitor migration completion"),
                  .camundaIssue(38476), .migrationHelpers],
        steps: { s in
            let c = Commands(scenario: s)
            let watch = StepDraft("migration.watch", commands: c.deployAndStart + [s.watchMigrationJobs(c)],
                                  notes: [.inference("watch-jobs-together"), .warning("tasklist-transient-errors")])
            return [watch] + s.migrationRegions.map { id in
                StepDraft("migration.complete", region: id, commands: [
                    c.kubectl(id, "get jobs,pods -l app.kubernetes.io/component=orchestration-migration"),
                    c.kubectl(id, "rollout status --watch --timeout=600s deployment/\(s.importerName)"),
                    c.kubectl(id, "get job/\(s.dataMigrationJob) -o jsonpath='{.status.conditions[?(@.status==\"True\")].type}'"),
                    c.kubectl(id, "logs job/\(s.dataMigrationJob) --tail=-1 | grep -E 'Process Migration completed|Task Migration'"),
                ])
            }
        }
    )
}

extension Scenario {
    /// One loop over every migrating region's Job, every 15 s: stops at once when a Job is `Failed`, ends when all
    /// are `Complete`, and after 5 minutes without completion offers the importer restart, as Camunda's CI does
    /// (c8-multi-region stable/8.8 test/multi_region_aws_camunda_test.go, `checkMigrationSucceed`) instead of
    /// waiting 45 minutes region after region.
    func watchMigrationJobs(_ c: Commands) -> String {
        let regions = migrationRegions
        var lines = ["start=$(date +%s)", "while true; do"]
        for id in regions {
            lines.append("  s\(id)=$(" + c.kubectl(id, "get job/\(dataMigrationJob) -o jsonpath='{.status.conditions[?(@.status==\"True\")].type}'") + ")")
        }
        let states = regions.map { "region \($0): ${s\($0):-running}" }.joined(separator: "  ")
        lines.append("  echo \"$(date -u +%H:%M:%S)  \(states)\"")
        let all = regions.map { "${s\($0)}" }.joined(separator: " ")
        lines.append("  [[ \"\(all)\" == *Failed* ]] && { echo 'a migration Job failed: see troubleshooting.failed-migration-job'; break; }")
        lines.append("  [[ " + regions.map { "\"${s\($0)}\" == *Complete*" }.joined(separator: " && ") + " ]] && { echo 'every migration Job completed'; break; }")
        lines.append("  [ $(( $(date +%s) - start )) -ge 300 ] && echo 'no completion after 5 minutes: read the importer log; troubleshooting.restart-importer is the remedy'")
        lines.append("  sleep 15")
        lines.append("done")
        return lines.joined(separator: "\n")
    }
}
