import Foundation

/// The independent check of every `values` write (issue 9 item 7): before anything reaches the disk it re-reads the
/// texts that would be written (its own YAML reading, `VerifiedTree`, not `ValuesReader`), merges the base files (in
/// the order given, `--values` repeated) and each overlay as `helm -f base… -f overlay` does (its own merge, not
/// `HelmMerge`), and checks each region's effective
/// 8.8 values against the effective 8.7 values and the scenario. It never calls the rewrite (`FileMigration`).
///
/// Invariants, each with the rule it stands for:
/// - no 8.7-only key (`zeebe`, `zeebeGateway`, `zeebe-gateway`, `operate`, `tasklist`,
///   `global.elasticsearch.disableExporter`, `global.multiregion.installationType`, `global.identity.auth.zeebe|operate|tasklist`);
/// - no duplicate key in any written file;
/// - no two equal port numbers or names in one Service (`orchestration.service`: management, http, grpc, extraPorts;
///   the headless Service: management, internal, command, extraPorts; 13.x defaults filled in);
/// - no two equal container ports in the orchestration pod (http, command, internal, management, grpc; broker and
///   gateway share it in 8.8);
/// - no duplicate volume name, mount path or container name in any pod (orchestration StatefulSet, migration importer,
///   data-migration Job; the chart's own volumes and mounts included), and every extra mount names a volume of its pod;
/// - every effective 8.7 env entry of `zeebe`, `zeebeGateway`, `operate` and `tasklist` has its 8.8 counterpart in
///   `orchestration.env` or a rule that drops it, with its effective value (the last entry of a repeated name);
/// - each region's Camunda Exporter points at that region's storage, the chart's exporters are switched as the
///   scenario says, and `global.elasticsearch`/`global.opensearch` keep each region's URL and credentials reference;
/// - data migration switched on where the layout says (both regions per-region, region 0 only with shared storage);
///   in `--stage final`, no migration switch, no migration-pod settings and no legacy exporter (unless Optimize);
/// - a combined Ingress that routed the 8.7 web apps still routes the Orchestration Cluster (`orchestration.contextPath`);
/// - with cluster TLS, the importer and the Job mount every certificate path the 8.7 gateway mounted.
public enum ValuesVerifier {
    /// One file of the layout: its 8.7 text and the 8.8 text that would be written.
    public struct File: Sendable {
        public var path: String
        public var role: ValuesInput.Role
        public var original: String
        public var written: String

        public init(path: String, role: ValuesInput.Role, original: String, written: String) {
            self.path = path
            self.role = role
            self.original = original
            self.written = written
        }
    }

    /// Checks a migration result against its input; throws the first broken invariant. `originals`: the verifier's
    /// reading of the 8.7 texts begun before the migration (`OriginalReading`); without it they are read here.
    public static func verify(_ result: ValuesMigrationResult, input: ValuesInput, scenario: Scenario,
                              originals: OriginalReading? = nil) throws(ValuesVerificationError) {
        let files = input.files.compactMap { file -> File? in
            guard let written = result.files.first(where: { $0.path == file.relativePath }) else { return nil }
            return File(path: file.relativePath, role: file.role, original: file.document.text, written: written.text)
        }
        try verify(files, scenario: scenario, stage: result.stage, originals: originals)
    }

    /// Checks the files (base files first, in `helm -f` order, then the region files); throws the first broken
    /// invariant, in the order of the list above, region 0 before region 1.
    public static func verify(_ files: [File], scenario: Scenario, stage: MigrationStage,
                              originals: OriginalReading? = nil) throws(ValuesVerificationError) {
        if let first = problems(files, scenario: scenario, stage: stage, originals: originals).first { throw first }
    }

    /// Every broken invariant, in a stable order. `originals` gives what it read of the same 8.7 texts in the same
    /// roles (anything else is read here, as without it).
    public static func problems(_ files: [File], scenario: Scenario, stage: MigrationStage,
                                originals prepared: OriginalReading? = nil) -> [ValuesVerificationError] {
        let reading = prepared?.reading(of: files)
        var check = Check(scenario: scenario, stage: stage)
        var written: [(File, VerifiedTree)] = []
        var originals: [(File, VerifiedTree)] = []
        for (index, file) in files.enumerated() {
            let original = { reading?.trees[index] ?? Result { try VerifiedTree.read(file.original) } }
            do {
                written.append((file, try VerifiedTree.read(file.written)))
            } catch {
                if let duplicate = VerifiedTree.duplicateKey(in: error) {
                    let inInput = (try? original().get()) != nil ? ValuesVerificationError.Fault.tool : .input
                    check.fail(file.path, nil, duplicate.key, "V-KEYS", "the key appears twice in one mapping (Helm keeps only the last)",
                               inInput, line: duplicate.line, column: duplicate.column)
                } else {
                    check.fail(file.path, nil, "(file)", "V-YAML", "the text c8runbook would write is not valid YAML", .tool)
                }
                continue
            }
            originals.append((file, (try? original().get()) ?? .mapping([])))
            check.duplicateKeys(file, written.last!.1, original: originals.last!.1)
        }
        // What was prepared of each region's 8.7 values merged every file; it holds when every written text was read.
        let before = written.count == files.count ? reading?.before : nil
        var previous: Check.Region?
        for region in [0, 1] {
            let layers = written.filter { $0.0.role.region == nil || $0.0.role.region == region }
            // Without region files (base files only) both regions see the base files alone.
            guard layers.contains(where: { $0.0.role.region == region }) || (!layers.isEmpty && layers.allSatisfy { $0.0.role == .base }) else { continue }
            let old = originals.filter { $0.0.role.region == nil || $0.0.role.region == region }
            let new = layers.map(\.1).dropFirst().reduce(layers.first?.1 ?? .mapping([]), VerifiedTree.helmMerge)
            let context: Check.Region
            if let before {
                context = Check.Region(id: region, new: new, before: before[region], layers: layers.map { ($0.0.path, $0.1) }, previous: previous)
            } else {
                context = Check.Region(
                    id: region,
                    new: new,
                    old: old.map(\.1).dropFirst().reduce(old.first?.1 ?? .mapping([]), VerifiedTree.helmMerge),
                    layers: layers.map { ($0.0.path, $0.1) },
                    previous: previous)
            }
            check.region(context)
            previous = context
        }
        return check.problems
    }
}
