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
}
