extension Danger {
    /// Steps whose class their commands do not show, by step key (the id without the region suffix), with the reason
    /// the runbook gives. Kept in one place so that the point of no return is one decision, not a flag spread over
    /// rule files; a rule's `StepDraft(danger:)` may raise a class as well.
    static let stated: [String: Danger] = [
        // Zeebe 8.8 migrates the brokers' state on start; Camunda supports no downgrade, so after this upgrade only a
        // restore of the pre-upgrade backup brings 8.7 back (8.8 upgrade guide, "Rollback"; camunda-docs
        // versioned_docs/version-8.7/self-managed/operational-guides/backup-restore/backup-and-restore.md).
        "upgrade.helm": .irreversible,
        // The restore's commands (R03, after the 8.7 restore guide's "Step 2: Restore Zeebe Cluster") delete the
        // brokers' PersistentVolumeClaims, and with them the data the cluster holds now, before the backup is restored:
        // nothing brings that state back.
        "rollback.restore-zeebe": .irreversible,
    ]
}
