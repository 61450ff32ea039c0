extension Source {
    private static let docs87 = "https://docs.camunda.io/docs/8.7/self-managed/operational-guides/backup-restore/"
    private static let multiRegion = "https://github.com/camunda/c8-multi-region/blob/stable/8.8/"

    /// Camunda 8.7's "Create a backup" (camunda-docs versioned_docs/version-8.7/self-managed/operational-guides/
    /// backup-restore/backup.md): WebApps first, then soft pause, zeebe-record snapshot, Zeebe backup, resume.
    /// `anchor` is the heading's explicit id (`{#back-up-zeebe}`) where the page sets one.
    static func backup87(_ section: String? = nil, anchor explicit: String? = nil) -> Source {
        Source(key: "BACKUP87", section: section, url: docs87 + "backup/" + ((explicit ?? section.map(anchor)).map { "#" + $0 } ?? ""))
    }
    /// Camunda 8.7's "Restore a backup" (…/backup-restore/restore.md): clean storage, snapshots restored by name,
    /// Zeebe restored into empty volumes with `ZEEBE_RESTORE`, all with the same backup id.
    static func restore87(_ section: String? = nil, anchor explicit: String? = nil) -> Source {
        Source(key: "RESTORE87", section: section, url: docs87 + "restore/" + ((explicit ?? section.map(anchor)).map { "#" + $0 } ?? ""))
    }
    /// Camunda 8.7's backup overview: "backups of individual components taken independently may not form a
    /// consistent recovery point" (…/backup-restore/backup-and-restore.md).
    static let backupOverview87 = Source(key: "BACKUP87", section: "Backup and restore", url: docs87 + "backup-and-restore/")
    /// "Upgrade Optimize from 8.7 to 8.8": "Plan for downtime. Optimize must be stopped during the upgrade."
    static let optimizeUpgrade = Source(key: "OPTIMIZE", section: "Before you begin",
                                        url: "https://docs.camunda.io/docs/self-managed/upgrade/components/optimize/870-to-880/#before-you-begin")
    /// "Camunda 8.8 APIs & tools migration guide": ZeebeClient and the Spring Zeebe SDK deprecated, the Camunda Java
    /// client and the Camunda Spring Boot Starter to migrate to.
    static let apiMigration = Source(key: "APIMIG", section: "API and SDK changes and status",
                                     url: "https://docs.camunda.io/docs/apis-tools/migration-manuals/#api-and-sdk-changes-and-status")
    static func docsIssue(_ number: Int) -> Source {
        Source(key: "ISSUES", section: "camunda/camunda-docs#\(number)", url: "https://github.com/camunda/camunda-docs/issues/\(number)")
    }
    static func helmPull(_ number: Int) -> Source {
        Source(key: "ISSUES", section: "camunda/camunda-platform-helm#\(number)", url: "https://github.com/camunda/camunda-platform-helm/pull/\(number)")
    }
    /// The CI workflow that runs Camunda's dual-region migration (pending-pod checks, failover/failback drill).
    static let migrationWorkflow = Source(key: "MRCI", section: ".github/workflows/reusable_teleport_operational_procedure.yml",
                                          url: multiRegion + ".github/workflows/reusable_teleport_operational_procedure.yml")
    /// The CI's helpers that deploy a one-task process and search it through each region's REST API.
    static let migrationHelpers = Source(key: "MRTEST", section: "test/internal/helpers/kubectl/helpers.go",
                                         url: multiRegion + "test/internal/helpers/kubectl/helpers.go")
}
