@testable import C8Runbook
import Foundation
import Testing

/// Several base files (`--values` repeated, `valuesFiles.base` as a list), in `helm -f` order: Camunda's reference
/// base split in two ways, read, inferred, migrated, verified and named in the helm commands. Each layout must give
/// every region the same effective 8.8 values as the one-base reference. Skipped without ../shared.
@Suite("Several base values files", .enabled(if: SharedFixtures.available))
struct MultipleBaseFilesTests {
    /// A two-base layout in a fresh folder: the reference base split at `zeebe.env` (`.exporters`: the common file
    /// without it, a second file with it), or at `zeebeGateway.env` (`.gateway`), optionally with a short `zeebe.env`
    /// left in the common file that the later file's list replaces (`deadEnv`).
    struct Layout {
        enum Split { case exporters, gateway }
        let folder: URL
        let bases: [String]
        let region0: String
        let region1: String

        init(_ split: Split, deadEnv: Bool = false, secondBaseExtra: String = "") throws {
            folder = FileManager.default.temporaryDirectory.appendingPathComponent("c8runbook-bases-\(UUID().uuidString)")
            let reference = ValuesTestSupport.referenceFolder
            let lines = try String(contentsOfFile: reference + "/camunda-values.yml", encoding: .utf8).components(separatedBy: "\n")
            func index(_ line: String, after start: Int = 0) throws -> Int {
                try #require(lines[start...].firstIndex(of: line), "reference base changed: no '\(line)'")
            }
            var common: [String], second: [String], secondName: String
            switch split {
            case .exporters:
                let zeebe = try index("zeebe:"), env = try index("    env:", after: zeebe), end = try index("    pvcSize: 32Gi", after: env)
                let dead = deadEnv ? ["    env:", "        - name: ZEEBE_BROKER_DATA_SNAPSHOTPERIOD", "          value: 15m",
                                      "        - name: ZEEBE_BROKER_DEAD_IN_87", "          value: \"1\""] : []
                common = Array(lines[..<env]) + dead + Array(lines[end...])
                second = ["# the broker env and the exporters", "zeebe:"] + Array(lines[env..<end])
                secondName = "camunda-values-exporters.yml"
            case .gateway:
                let gateway = try index("zeebeGateway:"), env = try index("    env:", after: gateway), end = try index("    resources:", after: env)
                common = Array(lines[..<env]) + Array(lines[end...])
                second = ["zeebeGateway:"] + Array(lines[env..<end])
                secondName = "camunda-values-gateway.yml"
            }
            if !secondBaseExtra.isEmpty { second.append(secondBaseExtra) }
            try FileManager.default.createDirectory(at: folder.appendingPathComponent("region0"), withIntermediateDirectories: true)
            try FileManager.default.createDirectory(at: folder.appendingPathComponent("region1"), withIntermediateDirectories: true)
            try common.joined(separator: "\n").write(to: folder.appendingPathComponent("camunda-values.yml"), atomically: true, encoding: .utf8)
            try (second.joined(separator: "\n") + "\n").write(to: folder.appendingPathComponent(secondName), atomically: true, encoding: .utf8)
            for region in ["region0", "region1"] {
                try FileManager.default.copyItem(atPath: reference + "/\(region)/camunda-values.yml",
                                                 toPath: folder.appendingPathComponent("\(region)/camunda-values.yml").path)
            }
            bases = [folder.appendingPathComponent("camunda-values.yml").path, folder.appendingPathComponent(secondName).path]
            region0 = folder.appendingPathComponent("region0/camunda-values.yml").path
            region1 = folder.appendingPathComponent("region1/camunda-values.yml").path
        }

        func input() throws -> ValuesInput { try ValuesInput.load(bases: bases, region0: region0, region1: region1) }
        func remove() { try? FileManager.default.removeItem(at: folder) }
    }

    /// Each region's effective `orchestration.env` (name=value, in order) when the written files are merged as Helm does.
    static func effectiveEnv(_ result: ValuesMigrationResult, _ input: ValuesInput) throws -> [[String]] {
        try [0, 1].map { region in
            let layers = try input.files.filter { $0.role.region == nil || $0.role.region == region }.map { file in
                try ValuesTestSupport.parse(try #require(result.files.first { $0.path == file.relativePath }).text)
            }
            return (HelmMerge.merge(layers).node(at: "orchestration.env")?.items ?? []).map { item in
                "\(item.value.envName ?? "?")=\(item.value["value"]?.text ?? "valueFrom")"
            }
        }
    }

    @Test("two-base layouts give each region the reference's effective 8.8 env, pass the verifier and validate-values.py",
          arguments: [(Layout.Split.exporters, false), (.exporters, true), (.gateway, false)], MigrationStage.allCases)
    func sameAsOneBase(split: (Layout.Split, Bool), stage: MigrationStage) throws {
        let layout = try Layout(split.0, deadEnv: split.1)
        defer { layout.remove() }
        let input = try layout.input()
        #expect(input.bases.map(\.relativePath) == layout.bases.map { URL(fileURLWithPath: $0).lastPathComponent })
        let scenario = try ValuesTestSupport.inferredScenario(input)
        #expect(scenario.valuesFiles.bases == input.bases.map(\.relativePath), "init writes the list of base files")
        let result = ValuesMigration.migrate(input, scenario: scenario, stage: stage)
        #expect(result.problems.isEmpty)
        #expect(result.files.map(\.path) == input.files.map(\.relativePath), "each base file written under its own name")
        try ValuesVerifier.verify(result, input: input, scenario: scenario)

        let reference = try ValuesTestSupport.referenceInput()
        let expected = ValuesMigration.migrate(reference, scenario: try ValuesTestSupport.inferredScenario(reference), stage: stage)
        let (mine, theirs) = (try Self.effectiveEnv(result, input), try Self.effectiveEnv(expected, reference))
        #expect(!theirs[0].isEmpty)
        #expect(Set(mine[0]) == Set(theirs[0]))
        #expect(Set(mine[1]) == Set(theirs[1]))
        if ValuesValidator.available {
            let check = try ValuesValidator.validate(result)
            #expect(check.status == 0, "\(check.output)")
        }
    }

    @Test("an env list in both bases: the later one replaces the earlier one, in reading and in the 8.8 files")
    func laterListReplaces() throws {
        let layout = try Layout(.exporters, deadEnv: true)
        defer { layout.remove() }
        let input = try layout.input()
        let merged = input.merged(region: 0)
        let names = merged.node(at: "zeebe.env")?.items?.compactMap(\.value.envName) ?? []
        #expect(!names.contains("ZEEBE_BROKER_DEAD_IN_87"))
        #expect(merged.node(at: "zeebe.env")?.items?.first?.value["value"]?.text == "5m")
        #expect(merged.node(at: "zeebe.env")?.location?.file == layout.bases[1], "the list's location is the later file's")
        let result = ValuesMigration.migrate(input, scenario: try ValuesTestSupport.inferredScenario(input), stage: .migration)
        let env = try Self.effectiveEnv(result, input)
        #expect(env[0].contains("CAMUNDA_DATA_SNAPSHOTPERIOD=5m"))
        #expect(!env[0].contains { $0.hasPrefix("ZEEBE_BROKER_DEAD_IN_87") }, "dead in 8.7, dead in 8.8")
        #expect(!env[0].contains("CAMUNDA_DATA_SNAPSHOTPERIOD=15m"))
    }

    @Test("a later base that held only zeebeGateway.env now owns orchestration.env and receives the earlier base's broker entries")
    func laterBaseReceivesEarlierEntries() throws {
        let layout = try Layout(.gateway)
        defer { layout.remove() }
        let input = try layout.input()
        let result = ValuesMigration.migrate(input, scenario: try ValuesTestSupport.inferredScenario(input), stage: .migration)
        let gateway = try ValuesTestSupport.parse(result.files[1].text)
        #expect(ValuesTestSupport.env(gateway, "ZEEBE_BROKER_EXPORTERS_ELASTICSEARCHREGION0_ARGS_URL") != "absent")
        #expect(ValuesTestSupport.env(gateway, "ZEEBE_BROKER_GATEWAY_CLUSTER_MEMBERSHIP_PROBETIMEOUT") == "500ms")
        #expect(result.changes.contains { $0.file == result.files[1].path && $0.rule == "R31" && $0.path == "orchestration.env[CAMUNDA_DATA_SNAPSHOTPERIOD]" })
        let replaced = result.changes.filter { $0.kind == .review && $0.rule == "R31" && $0.path == "orchestration.env" }
        #expect(replaced.map(\.file) == [result.files[0].path], "the earlier base's unused list is named once for review")
        #expect(replaced.first?.message.contains("edit the list in \(result.files[1].path)") == true)
    }

    @Test("a zeebeGateway.env in both bases: the earlier one's entries, unused in 8.7, do not come back in 8.8")
    func deadGatewayEntriesStayDead() throws {
        let layout = try Layout(.exporters)
        defer { layout.remove() }
        let gateway = layout.folder.appendingPathComponent("gateway.yml").path
        try "zeebeGateway:\n    env:\n        - name: ZEEBE_GATEWAY_CLUSTER_MESSAGECOMPRESSION\n          value: GZIP\n        - name: ZEEBE_GATEWAY_THREADS_MANAGEMENTTHREADS\n          value: \"4\"\n"
            .write(toFile: gateway, atomically: true, encoding: .utf8)
        let input = try ValuesInput.load(bases: layout.bases + [gateway], region0: layout.region0, region1: layout.region1)
        let scenario = try ValuesTestSupport.inferredScenario(input)
        let result = ValuesMigration.migrate(input, scenario: scenario, stage: .migration)
        try ValuesVerifier.verify(result, input: input, scenario: scenario)
        let env = try Self.effectiveEnv(result, input)
        #expect(env[0].contains("ZEEBE_BROKER_GATEWAY_THREADS_MANAGEMENTTHREADS=4"))
        #expect(env[0].contains("ZEEBE_BROKER_EXPORTERS_ELASTICSEARCHREGION1_CLASSNAME=io.camunda.zeebe.exporter.ElasticsearchExporter"))
        #expect(!env[0].contains { $0.hasPrefix("ZEEBE_BROKER_GATEWAY_CLUSTER_MEMBERSHIP_") }, "replaced by gateway.yml's list in 8.7")
        #expect(env[1] == env[0])
    }

    @Test("the verifier merges every base file in order: the later base's list without the earlier entries is caught")
    func verifierSeesTheChain() throws {
        let layout = try Layout(.gateway)
        defer { layout.remove() }
        let input = try layout.input()
        let scenario = try ValuesTestSupport.inferredScenario(input)
        let result = ValuesMigration.migrate(input, scenario: scenario, stage: .migration)
        var files = input.files.map { file in
            ValuesVerifier.File(path: file.relativePath, role: file.role, original: file.document.text,
                                written: result.files.first { $0.path == file.relativePath }!.text)
        }
        #expect(ValuesVerifier.problems(files, scenario: scenario, stage: .migration).isEmpty)
        // The gateway base as it would be without the carry: its own list only.
        files[1].written = "orchestration:\n    env:\n        - name: ZEEBE_BROKER_GATEWAY_CLUSTER_MEMBERSHIP_PROBETIMEOUT\n          value: 500ms\n"
        let problems = ValuesVerifier.problems(files, scenario: scenario, stage: .migration)
        #expect(problems.contains { "\($0)".contains("CAMUNDA_DATA_SNAPSHOTPERIOD") && "\($0)".contains("region 0") })
    }

    @Test("errors and inferred sources name the base file and line they come from")
    func locations() throws {
        let layout = try Layout(.exporters, secondBaseExtra: "zeebe:\n    pvcSize: 64Gi")
        defer { layout.remove() }
        do {
            _ = try layout.input()
            Issue.record("a duplicate key in the second base file must be refused")
        } catch {
            let lines = try String(contentsOfFile: layout.bases[1], encoding: .utf8).components(separatedBy: "\n")
            let line = try #require(lines.lastIndex(of: "zeebe:")) + 1
            #expect("\(error)".hasPrefix("\(layout.bases[1]):\(line):"), "\(error)")
            #expect("\(error)".contains("duplicate key 'zeebe'"), "\(error)")
        }
        let clean = try Layout(.exporters)
        defer { clean.remove() }
        let (text, _) = try ScenarioInference(input: try clean.input(), options: .init(kubeContexts: ["a", "b"])).scenarioText()
        let exporters = try String(contentsOfFile: clean.bases[1], encoding: .utf8).components(separatedBy: "\n")
        let urlLine = try #require(exporters.firstIndex { $0.contains("camunda-primary.svc") }) + 1
        #expect(text.contains("# from camunda-values-exporters.yml:\(urlLine)"))
        let common = try String(contentsOfFile: clean.bases[0], encoding: .utf8).components(separatedBy: "\n")
        let sizeLine = try #require(common.firstIndex { $0.contains("clusterSize: 8") }) + 1
        #expect(text.contains("# from camunda-values.yml:\(sizeLine)"))
    }

    @Test("the helm commands pass every base file by absolute path in order, then the region's file, then the users file")
    func helmCommands() throws {
        let scenario = try ScenarioFixture(extra: "valuesFiles: { directory: /d, base: [conf/common.yml, conf/exporters.yml], region0: conf/r0/v.yml, region1: conf/r1/v.yml, users: /s/users.yml }").scenario
        #expect(scenario.valuesFiles.bases == ["conf/common.yml", "conf/exporters.yml"])
        #expect(scenario.valuesFiles.helmFiles(for: 1, stage: .migration)
            == ["/d/values-8.8/common.yml", "/d/values-8.8/exporters.yml", "/d/values-8.8/r1/v.yml", "/s/users.yml"])
        #expect(scenario.valuesFiles.helmFiles(for: 0, stage: .final)
            == ["/d/values-8.8-final/common.yml", "/d/values-8.8-final/exporters.yml", "/d/values-8.8-final/r0/v.yml", "/s/users.yml"])
        let command = scenario.valuesCommand(stage: .migration)
        #expect(command.contains("--values /d/conf/common.yml --values /d/conf/exporters.yml --region0-values /d/conf/r0/v.yml"))
    }

    @Test("valuesFiles.base: one name (as before) or a list; empty lists, repeated names and non-strings are refused", arguments: [
        ("base: []", "valuesFiles.base must name at least one file"),
        ("base: [a/x.yml, b/x.yml]", "valuesFiles.base lists 'x.yml' twice"),
        ("base: [a.yml, { f: b.yml }]", "must be a string"),
        ("base: [a.yml, r0.yml]", "valuesFiles.base must differ from the region files"),
    ])
    func parsing(extra: String, message: String) throws {
        let one = try ScenarioFixture(extra: "valuesFiles: { base: a.yml, region0: r0.yml, region1: r1.yml }").scenario
        #expect(one.valuesFiles.bases == ["a.yml"])
        #expect(one.valuesFiles.base == "a.yml")
        #expect(throws: (any Error).self) { try ScenarioFixture(extra: "valuesFiles: { \(extra), region0: r0.yml, region1: r1.yml }").scenario }
        do {
            _ = try ScenarioFixture(extra: "valuesFiles: { \(extra), region0: r0.yml, region1: r1.yml }").scenario
        } catch {
            #expect("\(error)".contains(message), "\(error)")
        }
    }
}
