import Foundation
import Testing
@testable import C8Runbook

@Suite struct ScenarioLoadingTests {
    @Test func referenceScenarioLoads() throws {
        let s = try ScenarioFixture.reference
        #expect(s.release == "camunda")
        #expect(s.chart == ChartVersions(from: "12.7.6", to: ChartRelease.newest.chart.description))
        #expect(s.regions.map(\.namespace) == ["camunda-london", "camunda-paris"])
        #expect(s.secondaryStorage.provisioning == .subchart)
        #expect(s.exporters.legacy.map(\.id) == ["elasticsearchregion0", "elasticsearchregion1"])
        #expect(s.messageCompression == .gzip)
        #expect(s.gatewayEnv.map(\.name) == ["ZEEBE_GATEWAY_CLUSTER_MEMBERSHIP_PROBETIMEOUT", "ZEEBE_GATEWAY_CLUSTER_MEMBERSHIP_PROBEINTERVAL"])
        #expect(s.valuesFiles.helmFiles(for: 1, stage: .migration) == ["/srv/camunda/dual-region/values-8.8/camunda-values.yml", "/srv/camunda/dual-region/values-8.8/region1/camunda-values.yml"])
        #expect(s.valuesFiles.helmFiles(for: 0, stage: .final) == ["/srv/camunda/dual-region/values-8.8-final/camunda-values.yml", "/srv/camunda/dual-region/values-8.8-final/region0/camunda-values.yml"])
        #expect(s.warnings.isEmpty)
    }

    @Test func regionsAreSortedByID() throws {
        let yaml = ScenarioFixture().yaml.replacingOccurrences(
            of: "  - { id: 0, kubeContext: ctx-zero, namespace: ns-zero }\n  - { id: 1, kubeContext: ctx-one, namespace: ns-one }",
            with: "  - { id: 1, kubeContext: ctx-one, namespace: ns-one }\n  - { id: 0, kubeContext: ctx-zero, namespace: ns-zero }")
        let s = try Scenario.parse(yaml: yaml, file: "s.yml")
        #expect(s.regions.map(\.id) == [0, 1])
        #expect(s.region1.kubeContext == "ctx-one")
    }

    /// Bad input: each case names the file, line and column of the offending node and says what to write instead.
    struct BadCase: CustomTestStringConvertible, Sendable {
        let name: String
        let replace: String
        let with: String
        let location: String
        let message: String
        var testDescription: String { name }
    }

    static let badCases: [BadCase] = [
        BadCase(name: "unknown key with suggestion", replace: "optimize: false", with: "optimise: false",
                location: "s.yml:19:1", message: "unknown key 'optimise' (did you mean 'optimize'?)"),
        BadCase(name: "YAML 1.1 boolean", replace: "identity: false", with: "identity: no",
                location: "s.yml:18:11", message: "'identity': 'no' is a YAML 1.1 boolean; write true or false"),
        BadCase(name: "quoted boolean", replace: "identity: false", with: "identity: \"false\"",
                location: "s.yml:18:11", message: "'identity' must be true or false, found the string \"false\""),
        BadCase(name: "wrong type", replace: "version: 1", with: "version: [1]",
                location: "s.yml:1:10", message: "'version' must be a whole number, found a list"),
        BadCase(name: "future version", replace: "version: 1", with: "version: 2",
                location: "s.yml:1:10", message: "unsupported scenario format version 2; this c8runbook reads version 1"),
        BadCase(name: "duplicate key", replace: "optimize: false", with: "optimize: false\noptimize: true",
                location: "s.yml:19:1", message: "duplicate key 'optimize'"),
        BadCase(name: "missing release", replace: "release: camunda\n", with: "",
                location: "s.yml:1:1", message: "missing required key 'release'"),
        BadCase(name: "release name", replace: "release: camunda", with: "release: Camunda_Prod",
                location: "s.yml:2:10", message: "release 'Camunda_Prod' is not a valid Helm release name"),
        BadCase(name: "namespace", replace: "namespace: ns-one", with: "namespace: ns.one",
                location: "s.yml:6:47", message: "namespace 'ns.one' is not a DNS-1123 label"),
        BadCase(name: "same namespace", replace: "namespace: ns-one", with: "namespace: ns-zero",
                location: "s.yml:6:47", message: "both regions use namespace 'ns-zero'"),
        BadCase(name: "region id twice", replace: "{ id: 1,", with: "{ id: 0,",
                location: "s.yml:6:11", message: "region id 0 appears twice; use ids 0 and 1"),
        BadCase(name: "one region", replace: "  - { id: 1, kubeContext: ctx-one, namespace: ns-one }\n", with: "",
                location: "s.yml:5:3", message: "'regions' must list exactly two regions (ids 0 and 1), found 1"),
        BadCase(name: "kube context option", replace: "kubeContext: ctx-one", with: "kubeContext: --all",
                location: "s.yml:6:27", message: "must not start with '-'"),
        BadCase(name: "non-http URL", replace: "region1: \"http://camunda", with: "region1: \"ftp://camunda",
                location: "s.yml:10:", message: "must be an http:// or https:// URL with a host"),
        BadCase(name: "chart.to not 13.x", replace: "to: 13.10.2", with: "to: 14.0.0",
                location: "s.yml:3:28", message: "chart.to must be a 13.x chart (Camunda 8.8), found '14.0.0'"),
        BadCase(name: "chart.to not exact", replace: "to: 13.10.2", with: "to: 13.x",
                location: "s.yml:3:28", message: "chart.to must be an exact chart version 13.N.N such as 13.12.7, found '13.x'"),
        BadCase(name: "unknown storage type", replace: "type: elasticsearch", with: "type: elastic",
                location: "s.yml:8:9", message: "must be one of elasticsearch, opensearch, found 'elastic'"),
        BadCase(name: "helm-managed with per-region", replace: "management: manual", with: "management: helm-managed",
                location: "s.yml:12:15", message: "'helm-managed' needs secondaryStorage.layout: shared"),
        BadCase(name: "reserved segment", replace: "segment: ELASTICSEARCHREGION1", with: "segment: CAMUNDAREGION1",
                location: "s.yml:15:18", message: "is the name of a Camunda Exporter this upgrade adds"),
        BadCase(name: "lower-case segment", replace: "segment: ELASTICSEARCHREGION1", with: "segment: es1",
                location: "s.yml:15:18", message: "must be upper-case letters and digits"),
        BadCase(name: "compression in gatewayEnv", replace: "ZEEBE_GATEWAY_CLUSTER_MEMBERSHIP_PROBETIMEOUT", with: "ZEEBE_GATEWAY_CLUSTER_MESSAGECOMPRESSION",
                location: "s.yml:17:23", message: "set message compression with the messageCompression key"),
        BadCase(name: "unprotected with multi-tenancy", replace: "apiSecurity: protected", with: "apiSecurity: unprotected\nmultiTenancy: true",
                location: "s.yml:20:14", message: "'unprotected' cannot be combined with multiTenancy: true"),
        BadCase(name: "same URL in both regions", replace: "ns-one.svc", with: "ns-zero.svc",
                location: "s.yml:10:", message: "both regions use the same storage URL; with one shared storage write layout: shared"),
        BadCase(name: "shared URL with per-region layout", replace: "urls: { region0:", with: "urls: { shared: \"http://s:9200\", region0:",
                location: "s.yml:10:", message: "with layout: per-region, urls takes region0 and region1; for one storage shared by both regions write layout: shared"),
        BadCase(name: "malformed YAML", replace: "release: camunda", with: "release: [camunda",
                location: "s.yml:2:10:", message: "malformed YAML: the '[' opened here is not closed"),
    ]

    @Test(arguments: badCases) func badScenarioIsRefusedWithItsLocation(_ bad: BadCase) throws {
        let yaml = ScenarioFixture().yaml
        #expect(yaml.contains(bad.replace), "fixture lacks '\(bad.replace)'")
        let broken = yaml.replacingOccurrences(of: bad.replace, with: bad.with)
        let error = #expect(throws: ScenarioError.self) { try Scenario.parse(yaml: broken, file: "s.yml") }
        let text = error?.description ?? ""
        #expect(text.hasPrefix(bad.location), "\(text)")
        #expect(text.contains(bad.message), "\(text)")
        #expect(error?.exitStatus == .dataError)
        #expect(!text.contains("\n"))
    }

    @Test func emptyAndNonMappingFilesAreRefused() {
        for (yaml, message) in [("", "the scenario file is empty"), ("# only a comment\n", "the scenario file is empty"),
                                ("- a\n- b\n", "the document must be a mapping, found a list")] {
            let error = #expect(throws: ScenarioError.self) { try Scenario.parse(yaml: yaml, file: "e.yml") }
            #expect(error?.description.contains(message) == true, "\(String(describing: error))")
        }
    }

    @Test func fileProblemsNameTheFile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("c8runbook-load-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }

        let missing = folder.appendingPathComponent("missing.yml").path
        #expect(throws: ScenarioError.fileNotFound(path: missing)) { try Scenario.load(contentsOf: missing) }
        #expect(ScenarioError.fileNotFound(path: missing).exitStatus == .noInput)

        let binary = folder.appendingPathComponent("binary.yml")
        try Data([0x76, 0x00, 0x01]).write(to: binary)
        let binaryError = #expect(throws: ScenarioError.self) { try Scenario.load(contentsOf: binary.path) }
        #expect(binaryError?.description.contains("binary data") == true)

        let huge = folder.appendingPathComponent("huge.yml")
        try Data(repeating: 0x61, count: Scenario.maximumFileSize + 1).write(to: huge)
        let hugeError = #expect(throws: ScenarioError.self) { try Scenario.load(contentsOf: huge.path) }
        #expect(hugeError?.description.contains("larger than") == true)

        let notUTF8 = folder.appendingPathComponent("latin1.yml")
        try Data([0x74, 0x69, 0x74, 0x6C, 0x65, 0x3A, 0x20, 0xE9]).write(to: notUTF8)
        let encodingError = #expect(throws: ScenarioError.self) { try Scenario.load(contentsOf: notUTF8.path) }
        #expect(encodingError?.description.contains("not UTF-8") == true)
        // A NUL byte or a byte that is not UTF-8 is at a place: line and column (characters, as editors count).
        #expect(binaryError == .invalid(C8Runbook.SourceLocation(file: binary.path, line: 1, column: 2), message: "binary data (a NUL byte); a scenario file is YAML text"))
        #expect(encodingError == .invalid(C8Runbook.SourceLocation(file: notUTF8.path, line: 1, column: 8), message: "not UTF-8 text; save the scenario file as UTF-8"))
        let placed = folder.appendingPathComponent("placed.yml")
        try Data("title: é\nrelease: ü\u{0}\n".utf8).write(to: placed)
        #expect(throws: ScenarioError.invalid(C8Runbook.SourceLocation(file: placed.path, line: 2, column: 11), message: "binary data (a NUL byte); a scenario file is YAML text")) {
            try Scenario.load(contentsOf: placed.path)
        }
        try (Data("title: é\nrelease: ü".utf8) + Data([0xFF, 0x0A])).write(to: placed)
        #expect(throws: ScenarioError.invalid(C8Runbook.SourceLocation(file: placed.path, line: 2, column: 11), message: "not UTF-8 text; save the scenario file as UTF-8")) {
            try Scenario.load(contentsOf: placed.path)
        }
        // Too large is the whole file, not a place in it.
        #expect(hugeError == .unreadable(path: huge.path, reason: "larger than 1 MiB, more than any scenario file; check that it is the right file"))

        let directoryError = #expect(throws: ScenarioError.self) { try Scenario.load(contentsOf: folder.path) }
        #expect(directoryError?.description.contains("it is a directory") == true)
    }

    @Test func sharedStorageAndHelmManagedExporters() throws {
        let s = try ScenarioFixture(layout: .shared, management: .helmManaged).scenario
        #expect(s.isShared && !s.isManual)
        #expect(s.secondaryStorage.urls == ["http://search.example.com:9200", "http://search.example.com:9200"])
        #expect(s.secondaryStorage.provisioning == .external)
        #expect(s.legacyExporterIDs == ["elasticsearch"])
        #expect(s.camundaExporterIDs == ["camundaexporter"])
        #expect(s.migrationRegions == [0])
    }

    /// The byte filter before the placeholder search passes every text the search finds `todo-` in, in any case and
    /// next to other scripts; a text without those bytes is ruled out.
    @Test(arguments: [
        ("TODO-kube-context", true), ("todo-", true), ("ToDo-x", true), ("xtOdO-", true), ("é TODO-ü", true), ("TODO-\u{301}", true),
        ("İTODO-", true), ("TODO", false), ("todo_", false), ("to do-", false), ("ＴＯＤＯ-", false), ("camunda", false), ("", false),
    ])
    func placeholderFilterKeepsEveryMatch(_ text: String, _ holdsBytes: Bool) {
        #expect(Scenario.mayHoldTodo(text) == holdsBytes)
        if text.lowercased().contains("todo-") { #expect(Scenario.mayHoldTodo(text)) }
    }

    @Test func placeholdersLeftByInitAreWarnedAbout() throws {
        let yaml = ScenarioFixture().yaml.replacingOccurrences(of: "kubeContext: ctx-one", with: "kubeContext: TODO-kube-context-region1")
        let s = try Scenario.parse(yaml: yaml, file: "s.yml")
        #expect(s.warnings == ["regions[1].kubeContext is still the placeholder 'TODO-kube-context-region1': replace it before running any command."])
    }
}
