/// Which 8.8 values `c8runbook values` writes.
public enum MigrationStage: String, Sendable, Codable, CaseIterable {
    /// The files to run the upgrade with: legacy exporters kept, data migration on (rules.md R15, R17, R20).
    case migration
    /// The end state after the post-migration clean-up: legacy exporters, the old-prefix compression variable and
    /// the migration switch removed (rules.md R53, R55, R59).
    case final
}
