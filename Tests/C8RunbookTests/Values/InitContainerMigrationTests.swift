@testable import C8Runbook
import Foundation
import Testing

/// The 12.x chart runs `coalesce initContainers extraInitContainers` of the broker and of the gateway, each on its
/// own (CHART 12.7.6 `zeebe/statefulset.yaml`, `zeebe-gateway/deployment.yaml`), Operate and Tasklist their
/// `initContainers`; the 13.x chart runs the same coalesce over `orchestration` once (CHART 13.12.7
/// `orchestration/statefulset.yaml`, `importer-deployment.yaml`). Merged under the two keys, the broker's
/// `extraInitContainers` next to the gateway's `initContainers` reached no 8.8 pod, and the gateway's own
/// `extraInitContainers` was dropped: field-case kind 2 (the broker's and gateway's pod lists).
@Suite("c8runbook values: init containers of the broker, the gateway and the web apps")
struct InitContainerMigrationTests {
    typealias Support = ValuesTestSupport

    static func container(_ name: String, _ command: String = "true") -> String {
        "        - name: \(name)\n          image: busybox:1.36\n          command: ['sh', '-c', '\(command)']\n"
    }

    /// The reference input with `lists` (block, key, YAML items) added to the base file.
    static func input(_ lists: [(block: String, key: String, items: String)]) throws -> ValuesInput {
        var input = try Support.referenceInput()
        var text = input.files[0].document.text
        for (block, key, items) in lists {
            let range = try #require(text.range(of: "\n\(block):\n"))
            text.replaceSubrange(range, with: "\n\(block):\n    \(key):\n\(items)")
        }
        input.files[0].document = try ValuesReader.read(text, file: input.files[0].document.path)
        return input
    }

    static func migrate(_ input: ValuesInput) throws -> (ValuesMigrationResult, ValuesNode, Scenario) {
        let scenario = try Support.inferredScenario(input)
        let result = ValuesMigration.migrate(input, scenario: scenario, stage: .migration)
        return (result, try Support.parse(result.files[0].text), scenario)
    }

    static func names(_ root: ValuesNode, _ path: String) -> [String] {
        root.node(at: path)?.items?.compactMap { $0.value["name"]?.text } ?? []
    }

    @Test("the broker's extraInitContainers and the gateway's initContainers, both run in 8.7, are one orchestration.initContainers",
          .enabled(if: SharedFixtures.available))
    func brokerExtraAndGatewayInit() throws {
        let input = try Self.input([("zeebe", "extraInitContainers", Self.container("copy-exporter")),
                                    ("zeebeGateway", "initContainers", Self.container("copy-interceptor"))])
        let (result, root, scenario) = try Self.migrate(input)
        #expect(result.problems.isEmpty)
        #expect(Self.names(root, "orchestration.initContainers") == ["copy-exporter", "copy-interceptor"])
        #expect(root.node(at: "orchestration.extraInitContainers") == nil)
        #expect(throws: Never.self) { try ValuesVerifier.verify(result, input: input, scenario: scenario) }
    }

    @Test("the gateway's extraInitContainers and Operate's initContainers join the broker's", .enabled(if: SharedFixtures.available))
    func gatewayExtraAndWebApps() throws {
        let input = try Self.input([("zeebeGateway", "extraInitContainers", Self.container("interceptor")),
                                    ("operate", "initContainers", Self.container("wait-for-es")),
                                    ("zeebe", "extraInitContainers", Self.container("copy-exporter"))])
        let (result, root, scenario) = try Self.migrate(input)
        #expect(result.problems.isEmpty)
        #expect(Self.names(root, "orchestration.initContainers") == ["copy-exporter", "interceptor", "wait-for-es"])
        #expect(root.node(at: "orchestration.extraInitContainers") == nil)
        #expect(throws: Never.self) { try ValuesVerifier.verify(result, input: input, scenario: scenario) }
    }

    @Test("one init container name with two definitions in the broker's and the gateway's lists stops values, naming both places",
          .enabled(if: SharedFixtures.available))
    func conflictingNames() throws {
        let input = try Self.input([("zeebe", "extraInitContainers", Self.container("wait")),
                                    ("zeebeGateway", "initContainers", Self.container("wait", "sleep 1"))])
        let (result, _, _) = try Self.migrate(input)
        let message = try #require(result.problems.first).description
        #expect(message.contains("zeebeGateway.initContainers container named 'wait' conflicts with the one in orchestration.initContainers"))
    }

    @Test("a block's extraInitContainers that its own initContainers kept from running in 8.7 stays unused in 8.8, and the report says so",
          .enabled(if: SharedFixtures.available))
    func unusedExtraStaysUnused() throws {
        let input = try Self.input([("zeebe", "initContainers", Self.container("a")),
                                    ("zeebe", "extraInitContainers", Self.container("b")),
                                    ("zeebeGateway", "extraInitContainers", Self.container("c")),
                                    ("zeebeGateway", "initContainers", Self.container("d"))])
        let (result, root, scenario) = try Self.migrate(input)
        #expect(result.problems.isEmpty)
        #expect(Self.names(root, "orchestration.initContainers") == ["a", "d"])
        #expect(Self.names(root, "orchestration.extraInitContainers") == ["b", "c"])
        let notes = result.changes.filter { $0.kind == .review && $0.path.hasSuffix("extraInitContainers") }.map(\.message)
        #expect(notes.count == 2)
        #expect(notes.allSatisfy { $0.contains("did not run in 8.7") })
        #expect(throws: Never.self) { try ValuesVerifier.verify(result, input: input, scenario: scenario) }
    }

    @Test("the verifier refuses 8.8 files whose init containers lose one the 8.7 pods ran", .enabled(if: SharedFixtures.available))
    func verifierRefusesLoss() throws {
        let input = try Self.input([("zeebe", "extraInitContainers", Self.container("copy-exporter")),
                                    ("zeebeGateway", "initContainers", Self.container("copy-interceptor"))])
        var (result, _, scenario) = try Self.migrate(input)
        // What the rewrite wrote before: the broker's entry under the key the 13.x chart does not run next to initContainers.
        let text = result.files[0].text
        let lines = text.components(separatedBy: "\n")
        let start = try #require(lines.firstIndex { $0.hasSuffix("- name: copy-exporter") })
        let indent = lines[start].prefix { $0 == " " }.count
        var end = start + 1
        while end < lines.count, lines[end].prefix(while: { $0 == " " }).count > indent { end += 1 }
        let moved = lines[start..<end]
        var rest = Array(lines[..<start] + lines[end...])
        let orchestration = try #require(rest.firstIndex(of: "orchestration:"))
        rest.insert(contentsOf: [String(repeating: " ", count: indent - 4) + "extraInitContainers:"] + moved, at: orchestration + 1)
        result.files[0].text = rest.joined(separator: "\n")
        do {
            try ValuesVerifier.verify(result, input: input, scenario: scenario)
            Issue.record("verified")
        } catch {
            #expect("\(error)".contains("copy-exporter"))
            #expect("\(error)".contains("zeebe.extraInitContainers"))
        }
    }

    /// The reference input with `base` lists added to the base file and `regions` lists (under `zeebe`) appended to
    /// both region files, which have no `zeebe` block of their own.
    static func overlayInput(base: [(block: String, key: String, items: String)], regions: [(key: String, items: String)]) throws -> ValuesInput {
        var input = try Self.input(base)
        for index in input.files.indices where index > 0 {
            var text = input.files[index].document.text
            if !text.hasSuffix("\n") { text += "\n" }
            text += "zeebe:\n" + regions.map { "    \($0.key):\n\($0.items)" }.joined()
            input.files[index].document = try ValuesReader.read(text, file: input.files[index].document.path)
        }
        return input
    }

    /// What the 8.8 pods of a region run: `coalesce orchestration.initContainers orchestration.extraInitContainers` of
    /// the base file merged with the region file (CHART 13.12.7 `orchestration/statefulset.yaml`; Helm replaces lists).
    static func running(_ result: ValuesMigrationResult, region: Int) throws -> [String] {
        let merged = HelmMerge.merge([try Support.parse(result.files[0].text), try Support.parse(result.files[1 + region].text)])
        let own = names(merged, "orchestration.initContainers")
        return own.isEmpty ? names(merged, "orchestration.extraInitContainers") : own
    }

    /// 12.x runs `coalesce zeebe.initContainers zeebe.extraInitContainers` over the values Helm merged (CHART 12.7.6
    /// `zeebe/statefulset.yaml`): the base file's `initContainers` win over a region file's `extraInitContainers`,
    /// which ran in no 8.7 pod. Each file was rewritten on its own, so the region's entries became the region's
    /// `orchestration.initContainers` (running in 8.8 next to the base's, carried there), or, under a name the base
    /// also used, stopped values with 'both land in one pod'. Field-case kind 2.
    @Test("base zeebe.initContainers and a region file's zeebe.extraInitContainers: only the base's ran in 8.7 and only it runs in 8.8",
          .enabled(if: SharedFixtures.available), arguments: [("b", "true"), ("a", "sleep 1")])
    func regionExtraBehindBaseInitContainers(name: String, command: String) throws {
        let input = try Self.overlayInput(base: [("zeebe", "initContainers", Self.container("a"))],
                                          regions: [("extraInitContainers", Self.container(name, command))])
        let scenario = try Support.inferredScenario(input)
        let result = ValuesMigration.migrate(input, scenario: scenario, stage: .migration)
        #expect(result.problems.isEmpty, "\(result.problems)")
        for region in 0...1 {
            #expect(try Self.running(result, region: region) == ["a"])
            #expect(Self.names(try Support.parse(result.files[1 + region].text), "orchestration.extraInitContainers") == [name])
        }
        let notes = result.changes.filter { $0.kind == .review && $0.path == "orchestration.extraInitContainers" }
        #expect(notes.count == 2 && notes.allSatisfy { $0.message.contains("did not run in 8.7") }, "\(notes.map(\.message))")
        #expect(throws: Never.self) { try ValuesVerifier.verify(result, input: input, scenario: scenario) }
    }

    /// The base file's `zeebe.extraInitContainers` ran in no 8.7 pod of a region whose file sets `zeebe.initContainers`
    /// or its own `zeebe.extraInitContainers` (Helm replaces lists; the coalesce then takes the region's). The base's
    /// entry became the base's `orchestration.initContainers` and was carried into the region's list, running in 8.8.
    @Test("a base file's zeebe.extraInitContainers that a region file's list replaced in 8.7 is not carried into the region's 8.8 list",
          .enabled(if: SharedFixtures.available), arguments: ["initContainers", "extraInitContainers"])
    func replacedBaseExtraNotCarried(regionKey: String) throws {
        let input = try Self.overlayInput(base: [("zeebe", "extraInitContainers", Self.container("a"))],
                                          regions: [(regionKey, Self.container("c"))])
        let scenario = try Support.inferredScenario(input)
        let result = ValuesMigration.migrate(input, scenario: scenario, stage: .migration)
        #expect(result.problems.isEmpty, "\(result.problems)")
        for region in 0...1 { #expect(try Self.running(result, region: region) == ["c"]) }
        #expect(throws: Never.self) { try ValuesVerifier.verify(result, input: input, scenario: scenario) }
    }

    @Test("the verifier refuses 8.8 files whose orchestration pods run an init container no 8.7 pod ran", .enabled(if: SharedFixtures.available))
    func verifierRefusesAddition() throws {
        let input = try Self.overlayInput(base: [("zeebe", "initContainers", Self.container("a"))],
                                          regions: [("extraInitContainers", Self.container("b"))])
        let scenario = try Support.inferredScenario(input)
        var result = ValuesMigration.migrate(input, scenario: scenario, stage: .migration)
        // What the rewrite wrote before: the region's unused entries under the key the 13.x chart runs, next to the base's.
        let text = result.files[1].text
        #expect(text.contains("    extraInitContainers:\n"))
        result.files[1].text = text.replacingOccurrences(of: "    extraInitContainers:\n", with: "    initContainers:\n        - name: a\n          image: busybox:1.36\n          command: ['sh', '-c', 'true']\n")
        do {
            try ValuesVerifier.verify(result, input: input, scenario: scenario)
            Issue.record("verified")
        } catch {
            #expect("\(error)".contains("'b'"), "\(error)")
            #expect("\(error)".contains("ran in no 8.7 pod"), "\(error)")
        }
    }

    /// The 12.x chart reads no `extraInitContainers` of Operate or Tasklist (CHART 12.7.6 `values.yaml` has only
    /// `operate.initContainers`, `tasklist.initContainers`; `operate/deployment.yaml`, `tasklist/deployment.yaml` run
    /// those): their entries ran in no 8.7 pod but became `orchestration.initContainers`, and the verifier stopped
    /// values with exit 70.
    @Test("Operate's and Tasklist's extraInitContainers, which the 12.x chart does not read, run in no 8.8 pod and are reviewed",
          .enabled(if: SharedFixtures.available), arguments: ["operate", "tasklist"])
    func webAppExtraInitContainersDropped(block: String) throws {
        let input = try Self.input([(block, "extraInitContainers", Self.container("x")),
                                    ("zeebe", "initContainers", Self.container("a"))])
        let (result, root, scenario) = try Self.migrate(input)
        #expect(result.problems.isEmpty, "\(result.problems)")
        #expect(Self.names(root, "orchestration.initContainers") == ["a"])
        #expect(Self.names(root, "orchestration.extraInitContainers").isEmpty)
        let note = result.changes.first { $0.path == "\(block).extraInitContainers" }
        #expect(note?.kind == .review)
        #expect(note?.message.contains("ran in no 8.7 pod") == true, "\(String(describing: note))")
        #expect(throws: Never.self) { try ValuesVerifier.verify(result, input: input, scenario: scenario) }
    }
}
