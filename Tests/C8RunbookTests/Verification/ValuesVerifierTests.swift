@testable import C8Runbook
import Foundation
import Testing

/// Each invariant of the values verifier holds on what `values` writes for the references, and a test breaks it.
@Suite("Values verifier: every invariant holds on good output and catches its breakage", .enabled(if: SharedFixtures.available))
struct ValuesVerifierTests {
    typealias Support = ValuesTestSupport

    /// The reference migrated for `stage`, as verifier files.
    static func files(_ stage: MigrationStage) throws -> ([ValuesVerifier.File], Scenario) {
        let input = try Support.referenceInput()
        let scenario = try Support.inferredScenario(input)
        let result = ValuesMigration.migrate(input, scenario: scenario, stage: stage)
        let files = zip(input.files, result.files).map { ValuesVerifier.File(path: $1.path, role: $0.role, original: $0.document.text, written: $1.text) }
        return (files, scenario)
    }

    /// Problems after `edit` changes the written text of file `index` (0 base, 1 region 0, 2 region 1).
    static func problems(_ stage: MigrationStage = .migration, file index: Int, _ edit: (String) -> String) throws -> [ValuesVerificationError] {
        var (files, scenario) = try files(stage)
        files[index].written = edit(files[index].written)
        return ValuesVerifier.problems(files, scenario: scenario, stage: stage)
    }

    @Test("the references and the variant pass, in both stages", arguments: MigrationStage.allCases)
    func cleanOutputPasses(stage: MigrationStage) throws {
        let (files, scenario) = try Self.files(stage)
        #expect(ValuesVerifier.problems(files, scenario: scenario, stage: stage).isEmpty)
        let input = try Support.variantInput()
        let variantScenario = try Support.inferredScenario(input)
        let result = ValuesMigration.migrate(input, scenario: variantScenario, stage: stage)
        #expect(throws: Never.self) { try ValuesVerifier.verify(result, input: input, scenario: variantScenario) }
    }

    @Test("an 8.7-only key left in the output is the tool's fault (exit 70)")
    func legacyKey() throws {
        let found = try Self.problems(file: 0) { $0 + "zeebeGateway:\n  replicas: 1\n" }
        let problem = try #require(found.first { $0.key == "zeebeGateway" })
        #expect(problem.rule == "R13" && problem.region == 0 && problem.exitStatus == .internalSoftware)
        #expect(problem.description.hasPrefix("camunda-values.yml: error: region 0: 'zeebeGateway' (R13): "))
    }

    @Test("a duplicate key is named at its second occurrence")
    func duplicateKey() throws {
        let found = try Self.problems(file: 1) { $0 + "global:\n  multiregion:\n    regionId: 0\n" }
        let problem = try #require(found.first { $0.rule == "V-KEYS" }, "\(found)")
        #expect(problem.file == "region0/camunda-values.yml" && problem.line != nil && problem.exitStatus == .internalSoftware)
    }

    @Test("two equal ports or port names in one Service")
    func ports() throws {
        let equalPorts = try Self.problems(file: 1) { $0 + "orchestration:\n  service:\n    httpPort: 9600\n" }
        #expect(equalPorts.contains { $0.key == "orchestration.service.httpPort" && $0.region == 0 && $0.exitStatus == .dataError })
        #expect(!equalPorts.contains { $0.region == 1 })
        let extra = try Self.problems(file: 2) { $0 + "orchestration:\n  service:\n    extraPorts:\n      - name: metrics\n        port: 26500\n" }
        #expect(extra.contains { $0.key == "orchestration.service.extraPorts[metrics]" && $0.region == 1 })
        let names = try Self.problems(file: 2) { $0 + "orchestration:\n  service:\n    managementName: http\n" }
        #expect(names.contains { $0.message.contains("port name 'http'") })
    }

    @Test("duplicate volume names, mount paths, container names, and mounts of undefined volumes in a pod")
    func podLists() throws {
        let volume = try Self.problems(file: 1) { $0 + "orchestration:\n  extraVolumes:\n    - name: config\n      emptyDir: {}\n" }
        #expect(volume.contains { $0.key == "orchestration.extraVolumes[config]" })
        let mount = try Self.problems(file: 1) { $0 + "orchestration:\n  extraVolumes:\n    - name: a\n      emptyDir: {}\n  extraVolumeMounts:\n    - name: a\n      mountPath: /tmp/\n" }
        #expect(mount.contains { $0.key == "orchestration.extraVolumeMounts[a]" && $0.message.contains("two mounts on '/tmp'") })
        let importer = try Self.problems(file: 1) { $0 + "orchestration:\n  importer:\n    extraVolumeMounts:\n      - name: tls\n        mountPath: /etc/tls\n" }
        #expect(importer.contains { $0.key == "orchestration.importer.extraVolumeMounts[tls]" && $0.rule == "R15" })
        let containers = try Self.problems(file: 1) { $0 + "orchestration:\n  initContainers:\n    - name: x\n      image: busybox\n    - name: x\n      image: busybox\n" }
        #expect(containers.contains { $0.key == "orchestration.initContainers[x]" })
    }

    @Test("an 8.7 env entry without its 8.8 counterpart")
    func envCounterpart() throws {
        let found = try Self.problems(file: 0) { $0.replacingOccurrences(of: "ZEEBE_BROKER_GATEWAY_CLUSTER_MEMBERSHIP_PROBETIMEOUT", with: "ZEEBE_BROKER_GATEWAY_CLUSTER_MEMBERSHIP_PROBETIMEOUX") }
        #expect(found.contains { $0.key == "orchestration.env[ZEEBE_BROKER_GATEWAY_CLUSTER_MEMBERSHIP_PROBETIMEOUT]" && $0.rule == "R14" })
        let oldPrefix = try Self.problems(file: 0) { $0.replacingOccurrences(of: "- name: ZEEBE_GATEWAY_CLUSTER_MESSAGECOMPRESSION", with: "- name: ZEEBE_GATEWAY_CLUSTER_MESSAGECOMPRESSIOX") }
        #expect(oldPrefix.contains { $0.key == "orchestration.env[ZEEBE_GATEWAY_CLUSTER_MESSAGECOMPRESSION]" && $0.rule == "R15" })
    }

    /// `envFindings` reads a name at the next position of a list without repeated names in place, and looks any
    /// other name up: both ways give the effective value (the last entry of a name).
    @Test("an 8.8 env value that differs from its 8.7 value is found, whether or not a name repeats in the 8.8 list")
    func envValueDiffers() throws {
        let entry = "        - name: ZEEBE_BROKER_CLUSTER_MEMBERSHIP_PROBETIMEOUT\n          value: 500ms\n"
        let key = "orchestration.env[ZEEBE_BROKER_CLUSTER_MEMBERSHIP_PROBETIMEOUT]"
        func differs(_ found: [ValuesVerificationError]) -> Bool { found.contains { $0.key == key && $0.message.contains("differs from") } }
        // No name repeats: the changed value is read in place.
        let changed = try Self.problems(file: 0) { $0.replacingOccurrences(of: entry, with: entry.replacingOccurrences(of: "500ms", with: "900ms")) }
        #expect(differs(changed), "\(changed)")
        // The name written twice: the last entry counts, so another value before it changes nothing, after it does.
        let other = entry.replacingOccurrences(of: "500ms", with: "900ms")
        let before = try Self.problems(file: 0) { $0.replacingOccurrences(of: entry, with: other + entry) }
        #expect(!differs(before), "\(before)")
        let after = try Self.problems(file: 0) { $0.replacingOccurrences(of: entry, with: entry + other) }
        #expect(differs(after), "\(after)")
    }

    @Test("a Camunda Exporter pointing at the other region's storage, or the chart's exporter left on")
    func exporterStorage() throws {
        let swapped = try Self.problems(file: 0) { text in
            let lines = text.components(separatedBy: "\n")
            guard let index = lines.firstIndex(where: { $0.contains("ZEEBE_BROKER_EXPORTERS_CAMUNDAREGION1_ARGS_CONNECT_URL") }),
                  let region0 = lines.firstIndex(where: { $0.contains("ZEEBE_BROKER_EXPORTERS_CAMUNDAREGION0_ARGS_CONNECT_URL") }) else { return text }
            var edited = lines
            edited[index + 1] = lines[region0 + 1]
            return edited.joined(separator: "\n")
        }
        #expect(swapped.contains { $0.key == "orchestration.env[ZEEBE_BROKER_EXPORTERS_CAMUNDAREGION1_ARGS_CONNECT_URL]" && $0.rule == "R18" })
        let chartExporter = try Self.problems(file: 2) { $0 + "orchestration:\n  exporters:\n    camunda:\n      enabled: true\n" }
        #expect(chartExporter.contains { $0.key == "orchestration.exporters.camunda.enabled" && $0.region == 1 && $0.rule == "R16" })
    }

    @Test("a region's storage URL changed")
    func storage() throws {
        let found = try Self.problems(file: 2) { $0.replacingOccurrences(of: "global:\n", with: "global:\n    elasticsearch:\n        url:\n            host: elsewhere\n") }
        #expect(found.contains { $0.key == "global.elasticsearch.url" && $0.region == 1 })
    }

    @Test("migration switched on where the layout says; nothing of the migration in the final stage")
    func migrationSwitches() throws {
        let off = try Self.problems(file: 2) { $0 + "orchestration:\n  migration:\n    data:\n      enabled: false\n" }
        #expect(off.contains { $0.key == "orchestration.migration.data.enabled" && $0.region == 1 && $0.rule == "R20" })
        let stillOn = try Self.problems(.final, file: 1) { $0 + "orchestration:\n  migration:\n    data:\n      enabled: true\n" }
        #expect(stillOn.contains { $0.key == "orchestration.migration.data.enabled" && $0.region == 0 && $0.rule == "R55" })
        let legacy = try Self.problems(.final, file: 0) { $0.replacingOccurrences(of: "    env:\n", with: "    env:\n        - name: ZEEBE_BROKER_EXPORTERS_ELASTICSEARCHREGION0_CLASSNAME\n          value: io.camunda.zeebe.exporter.ElasticsearchExporter\n        - name: ZEEBE_GATEWAY_CLUSTER_MESSAGECOMPRESSION\n          value: GZIP\n") }
        #expect(legacy.contains { $0.rule == "R53" })
        #expect(legacy.contains { $0.rule == "R55" && $0.key == "orchestration.env[ZEEBE_GATEWAY_CLUSTER_MESSAGECOMPRESSION]" })
    }

    @Test("a combined Ingress that routed the 8.7 web apps without orchestration.contextPath")
    func ingressRoute() throws {
        var (files, scenario) = try Self.files(.migration)
        files[0].original = files[0].original.replacingOccurrences(of: "global:\n", with: "global:\n    ingress:\n        enabled: true\n")
            .replacingOccurrences(of: "\noperate:\n", with: "\noperate:\n    contextPath: /operate\n")
        files[0].written = files[0].written.replacingOccurrences(of: "global:\n", with: "global:\n    ingress:\n        enabled: true\n")
        let found = ValuesVerifier.problems(files, scenario: scenario, stage: .migration)
        #expect(found.contains { $0.key == "orchestration.contextPath" && $0.rule == "R33" })
    }
}
