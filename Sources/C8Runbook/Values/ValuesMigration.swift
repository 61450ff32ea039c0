import Foundation

/// `c8runbook values`: the 8.8 values files for a scenario and its 8.7 values files, with the change list.
public enum ValuesMigration {
    /// Rewrites every input file for `stage`. Files no rule touches come back byte for byte.
    public static func migrate(_ input: ValuesInput, scenario: Scenario, stage: MigrationStage) -> ValuesMigrationResult {
        // The secret scan reads only the inputs: on a thread of its own while the rules run (its findings and
        // fragments are taken in file order below, as when it ran after each file).
        let scans = ConcurrentValue { input.files.map { SecretScanner.scanning($0.document, displayName: $0.relativePath) } }
        var files: [ValuesMigrationResult.File] = []
        var changes = consistency(input, scenario, stage)
        var secrets: [SecretFinding] = []
        var fragments: [String: String] = [:]
        var problems: [ValuesError] = []
        let baseGateway = input.bases.isEmpty ? nil : input.mergedBases["zeebeGateway"]
        let baseSecurity = (baseGateway?["env"]?.items ?? []).filter { $0.value.envName?.hasPrefix("ZEEBE_GATEWAY_CLUSTER_SECURITY_") == true }
        let overlaysMount = input.files.contains { $0.role != .base && $0.document.root.node(at: "zeebeGateway.extraVolumeMounts") != nil }
        // The gateway's TLS variables may be the region files' while the certificate volume is the base file's: the
        // base file then gives the migration pods the certificate the overlays' variables point at.
        var overlaysSecurity: [ValuesItem] = []
        for file in input.files where file.role != .base {
            for item in file.document.root.node(at: "zeebeGateway.env")?.items ?? []
            where item.value.envName?.hasPrefix("ZEEBE_GATEWAY_CLUSTER_SECURITY_") == true
                && !overlaysSecurity.contains(where: { $0.value.isEquivalent(to: item.value) }) {
                overlaysSecurity.append(item)
            }
        }
        let baseMounts = baseGateway?["extraVolumeMounts"] != nil
        let baseIndices = input.files.indices.filter { input.files[$0].role == .base }
        var migrations = input.files.indices.map { index in
            let file = input.files[index]
            var migration = FileMigration(scenario: scenario, stage: stage, role: file.role, file: file.relativePath, root: file.document.root)
            // The init containers the files Helm reads before this one set: the 12.x coalesce reads the merged values.
            var earlier: [Int] = []
            if case .overlay = file.role { earlier = baseIndices }
            if file.role == .base { earlier = baseIndices.filter { $0 < index } }
            if !earlier.isEmpty {
                let merged = HelmMerge.merge(earlier.map { input.files[$0].document.root })
                for block in ValuesMigration.contributingBlocks {
                    if let items = merged.node(at: "\(block).initContainers")?.items { migration.inheritedInitContainers[block] = items }
                }
            }
            if case .overlay = file.role {
                migration.inheritedClusterSecurity = baseSecurity
                migration.otherFilesMountGatewayVolumes = baseMounts
            }
            if file.role == .base {
                migration.inheritedClusterSecurity = overlaysSecurity
                migration.otherFilesMountGatewayVolumes = overlaysMount
            }
            migration.run()
            return migration
        }
        carryBaseAdditions(input, &migrations)
        for index in migrations.indices { migrations[index].addMigrationImporterLists() }
        for (file, migration) in zip(input.files, migrations) {
            var document = file.document
            let text: String
            if migration.root == file.document.root {
                text = file.document.text
            } else {
                document.root = migration.root
                text = document.rendered
            }
            files.append(.init(path: file.relativePath, input: file.document.path, original: file.document.text, text: text))
            changes += migration.changes
            problems += migration.problems
        }
        for scan in scans.value {
            secrets += scan.findings
            fragments.merge(scan.fragments) { first, _ in first }
        }
        var result = ValuesMigrationResult(stage: stage, files: files, changes: changes, secrets: secrets)
        result.problems = problems
        result.redactor = SecretRedactor(labelled: fragments)
        return result
    }

    /// For the runbook: reads the values files and returns the 8.8 files, the change list and the diff a reviewer
    /// should expect. Paths as in `ValuesInput.load`.
    public static func migrate(scenario: Scenario, base: String?, region0: String?, region1: String?,
                               stage: MigrationStage = .migration) throws(ValuesError) -> ValuesMigrationResult {
        try migrate(scenario: scenario, bases: base.map { [$0] } ?? [], region0: region0, region1: region1, stage: stage)
    }

    /// As above, with the base files in `helm -f` order.
    public static func migrate(scenario: Scenario, bases: [String], region0: String?, region1: String?,
                               stage: MigrationStage = .migration) throws(ValuesError) -> ValuesMigrationResult {
        migrate(try ValuesInput.load(bases: bases, region0: region0, region1: region1), scenario: scenario, stage: stage)
    }

    /// For the runbook: the scenario's own `valuesFiles`, resolved against `folder` (the folder the team keeps
    /// its values in, where `helm upgrade -f` runs).
    public static func migrate(scenario: Scenario, valuesFolder folder: String,
                               stage: MigrationStage = .migration) throws(ValuesError) -> ValuesMigrationResult {
        migrate(try ValuesInput.load(scenario: scenario, valuesFolder: folder), scenario: scenario, stage: stage)
    }
}

/// What `ValuesMigration` produced.
public struct ValuesMigrationResult: Sendable {
    public struct File: Sendable {
        /// Relative to the output folder (`camunda-values.yml`, `region0/camunda-values.yml`).
        public var path: String
        /// The input file it was made from, as given.
        public var input: String
        public var original: String
        public var text: String

        public var changed: Bool { text != original }

        /// `diff -u` between the input and the output, labelled `a/<path>` and `b/<path>`; empty when unchanged.
        /// Not redacted: use `ValuesMigrationResult.diff(of:)` for anything shown to people.
        public var rawDiff: String { LineDiff.unified(old: original, new: text, oldName: "a/\(path)", newName: "b/\(path)") }
    }

    /// Hides the inputs' secrets (Secrets/SecretRedactor) in everything shown to people.
    public var redactor = SecretRedactor.shapesOnly

    /// The diff of one file with every secret replaced by `<redacted: FILE:LINE>` (rules.md R05): both sides are redacted
    /// line by line before diffing, so a redaction never spans lines.
    public func diff(of file: File) -> String {
        guard file.changed else { return "" }
        return LineDiff.unified(old: redactor.redact(file.original), new: redactor.redact(file.text),
                                oldName: "a/\(file.path)", newName: "b/\(file.path)")
    }

    public var stage: MigrationStage
    public var files: [File]
    /// Every change, in file order, then in the order the rules ran.
    public var changes: [ValuesChange]
    /// Plaintext secrets in the inputs (locations only).
    public var secrets: [SecretFinding]
    /// What the rules could not write without guessing (two definitions of one volume, two mounts on one path), in
    /// file order. Non-empty means the files must not be written: `values` stops with the first.
    public var problems: [ValuesError] = []

    /// The diff of all files, as one patch.
    public var diff: String { files.map(diff(of:)).joined() }

    /// `diff`, with the 8.7 texts redacted on a thread of their own while the 8.8 texts are (for `values --diff`, where
    /// the diff is made beside the verifier: the two redactions were a third of it on a long env list).
    public var diffRedactingConcurrently: String {
        let changed = files.filter(\.changed), redactor = self.redactor
        let originals = ConcurrentValue { changed.map { redactor.redact($0.original) } }
        let written = changed.map { redactor.redact($0.text) }
        return zip(changed, zip(originals.value, written)).map { file, texts in
            LineDiff.unified(old: texts.0, new: texts.1, oldName: "a/\(file.path)", newName: "b/\(file.path)")
        }.joined()
    }
}
