import Foundation

/// The diffs a reviewer should expect from the team's own values files: 8.7 → the files to upgrade with, and
/// those files → the post-migration end state. Secret values are redacted (rules.md R05).
public struct ValuesReview: Sendable, Equatable {
    public struct FileDiff: Sendable, Equatable {
        public var path: String
        /// A unified diff; empty when the file does not change.
        public var diff: String
    }

    public var migration: [FileDiff]
    public var cleanUp: [FileDiff]
    /// What the values say that the scenario does not carry, as `init` warned it (a region without a Zeebe backup
    /// store: prepare.backup cannot be taken, and the upgrade has no way back; a value still 'PLACEHOLDER'); the runbook repeats it.
    public var warnings: [String]

    public init(migration: [FileDiff], cleanUp: [FileDiff], warnings: [String] = []) {
        self.migration = migration
        self.cleanUp = cleanUp
        self.warnings = warnings
    }

    /// Reads the scenario's `valuesFiles` from `folder` and computes both diffs, after the same independent check
    /// `c8runbook values` runs before writing (Verification/ValuesVerifier): the runbook never shows a diff to files
    /// that `values` would refuse.
    /// - Throws: `ValuesError` when the files cannot be read or rewritten; `ValuesVerificationError` for a broken
    ///   invariant of either stage (exit 65, or 70 when the rewrite itself is at fault).
    public static func make(scenario: Scenario, valuesFolder folder: String) throws -> ValuesReview {
        let input = try ValuesInput.load(scenario: scenario, valuesFolder: folder)
        let during = ValuesMigration.migrate(input, scenario: scenario, stage: .migration)
        let after = ValuesMigration.migrate(input, scenario: scenario, stage: .final)
        if let problem = during.problems.first ?? after.problems.first { throw problem }
        try ValuesVerifier.verify(during, input: input, scenario: scenario)
        try ValuesVerifier.verify(after, input: input, scenario: scenario)
        let migration = during.files.map { FileDiff(path: $0.path, diff: during.diff(of: $0)) }
        let cleanUp = zip(during.files, after.files).map { before, end in
            var file = end
            file.original = before.text
            return FileDiff(path: end.path, diff: after.diff(of: file))
        }
        return ValuesReview(migration: migration, cleanUp: cleanUp,
                            warnings: ScenarioInference(input: input, options: .init()).valuesWarnings())
    }

    /// The step that shows each set of diffs.
    static let migrationStep = "values.write-files"
    static let cleanUpStep = "post.values.migration-off"

    /// Adds the diffs to their steps as `diff` blocks, one per changed file.
    func attach(to steps: inout [Step]) {
        for index in steps.indices {
            let diffs = steps[index].id == Self.migrationStep ? migration : steps[index].id == Self.cleanUpStep ? cleanUp : []
            steps[index].blocks += diffs.filter { !$0.diff.isEmpty }.map { Block(language: "diff", file: $0.path, content: $0.diff.trimmed) }
        }
    }
}
