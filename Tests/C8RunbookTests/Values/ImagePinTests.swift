@testable import C8Runbook
import Foundation
import Testing

/// An 8.7 values file may pin the broker's image (`zeebe.image.tag: 8.7.9`, a digest, the 8.7 repository
/// `camunda/zeebe`). Carried into `orchestration.image`, the pin wins over the 13.x chart's own image (CHART 13.12.7
/// `values.yaml`: `orchestration.image.repository: camunda/camunda`, `tag: 8.8.35`; a rendered region ran
/// `camunda/camunda:8.7.9` for the Orchestration Cluster, the importer and the Job). And a file pinning 8.6 or 8.8
/// images is not the 8.7 deployment the upgrade starts from: field-case kind 6.
@Suite("c8runbook init and values: image pins")
struct ImagePinTests {
    typealias Support = ValuesTestSupport

    static func input(zeebe: String, gateway: String = "") throws -> ValuesInput {
        try Support.referenceInput(zeebe: zeebe, gateway: gateway)
    }

    /// The reference input with `image` (indented under the block) at the top of `block`, added when the file has none.
    static func input(block: String, image: String) throws -> ValuesInput {
        try Support.editingBase(try Support.referenceInput()) { text in
            text.contains("\n\(block):\n")
                ? text.replacingOccurrences(of: "\n\(block):\n", with: "\n\(block):\n" + image)
                : text + (text.hasSuffix("\n") ? "" : "\n") + "\(block):\n" + image
        }
    }

    @Test("the broker's 8.7 image pin is not carried into orchestration.image; the report says so", .enabled(if: SharedFixtures.available),
          arguments: [MigrationStage.migration, .final])
    func pinRemoved(stage: MigrationStage) throws {
        let image = "    image:\n        repository: camunda/zeebe\n        tag: 8.7.9\n        pullSecrets:\n            - name: registry\n"
        let input = try Self.input(zeebe: image, gateway: image.replacingOccurrences(of: "camunda/zeebe", with: "camunda/zeebe-gateway"))
        let scenario = try Support.inferredScenario(input)
        let result = ValuesMigration.migrate(input, scenario: scenario, stage: stage)
        #expect(result.problems.isEmpty)
        let root = try Support.parse(result.files[0].text)
        #expect(root.node(at: "orchestration.image.tag") == nil)
        #expect(root.node(at: "orchestration.image.repository") == nil)
        #expect(root.node(at: "orchestration.image.pullSecrets")?.items?.count == 1)
        let notes = result.changes.filter { $0.path.hasPrefix("orchestration.image") && $0.kind == .removed }.map(\.message)
        #expect(notes.contains { $0.contains("8.7.9") && $0.contains("13.x chart's own image") })
        #expect(!result.changes.contains { $0.path == "zeebeGateway.image" && $0.kind == .review && $0.message.contains("merge the two") })
        #expect(throws: Never.self) { try ValuesVerifier.verify(result, input: input, scenario: scenario) }
    }

    @Test("a mirror of the 8.7 broker image is a review: the Orchestration Cluster runs camunda/camunda", .enabled(if: SharedFixtures.available))
    func mirrorReviewed() throws {
        let input = try Self.input(zeebe: "    image:\n        registry: registry.example.com\n        repository: mirror/camunda/zeebe\n")
        let result = ValuesMigration.migrate(input, scenario: try Support.inferredScenario(input), stage: .migration)
        #expect(result.changes.contains { $0.path == "orchestration.image.repository" && $0.kind == .review && $0.message.contains("camunda/camunda") })
    }

    @Test("values pinning 8.6 or 8.8 images are refused by init, naming the key", .enabled(if: SharedFixtures.available),
          arguments: ["zeebe", "zeebeGateway"])
    func otherVersionsRefused(block: String) throws {
        for tag in ["8.6.12", "8.8.1"] {
            let image = "    image:\n        tag: \(tag)\n"
            let input = try block == "zeebe" ? Self.input(zeebe: image) : Self.input(zeebe: "", gateway: image)
            do {
                _ = try Support.inferredScenario(input)
                Issue.record("inferred a scenario with \(block).image.tag \(tag)")
            } catch let error as ValuesError {
                #expect("\(error)".contains("\(block).image.tag"))
                #expect("\(error)".contains("'\(tag)'"))
                #expect("\(error)".contains("8.7"))
            }
        }
    }

    /// Identity, Optimize, Connectors, Console and Web Modeler keep their keys in 13.x, so an 8.7 pin
    /// (`connectors.image.tag: 8.7.3`) was carried as written, silently: helm template of the written files ran the 8.7
    /// images next to the 8.8 Orchestration Cluster, where every 13.x component has an 8.8 default (CHART 13.12.7
    /// `values.yaml`: `identity.image.tag: 8.8.16`, `connectors` 8.8.17, `optimize` 8.8.35, `console` 8.8.140,
    /// `webModeler` 8.8.18), and R47 expects every pod on 8.8.
    @Test("8.7 image pins of Identity, Optimize, Connectors, Console and Web Modeler are removed with a note; registry and pull secrets stay",
          .enabled(if: SharedFixtures.available), arguments: ["identity", "optimize", "connectors", "console", "webModeler"])
    func otherComponentPinsRemoved(block: String) throws {
        let input = try Self.input(block: block, image: "    image:\n        registry: mirror.example\n        tag: 8.7.3\n        digest: sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n")
        let scenario = try Support.inferredScenario(input)
        for stage in [MigrationStage.migration, .final] {
            let result = ValuesMigration.migrate(input, scenario: scenario, stage: stage)
            #expect(result.problems.isEmpty)
            let root = try Support.parse(result.files[0].text)
            #expect(root.node(at: "\(block).image.tag") == nil)
            #expect(root.node(at: "\(block).image.digest") == nil)
            #expect(root.node(at: "\(block).image.registry")?.text == "mirror.example")
            let notes = result.changes.filter { $0.path.hasPrefix("\(block).image") && $0.kind == .removed }.map(\.message)
            #expect(notes.count == 2 && notes.contains { $0.contains("8.7.3") }, "\(notes)")
            #expect(throws: Never.self) { try ValuesVerifier.verify(result, input: input, scenario: scenario) }
        }
    }

    /// A tag that is no version (`latest`, a build's own tag) cannot be told from the team's own 8.8 copy, so it stays;
    /// but it replaces the 13.x chart's 8.8 tag, so it was carried silently: a review names it.
    @Test("a tag that is no version is kept with a review, for the broker and for the other components",
          .enabled(if: SharedFixtures.available), arguments: ["zeebe", "connectors"])
    func tagThatIsNoVersionReviewed(block: String) throws {
        let input = try Self.input(block: block, image: "    image:\n        tag: latest\n")
        let scenario = try Support.inferredScenario(input)
        let result = ValuesMigration.migrate(input, scenario: scenario, stage: .migration)
        #expect(result.problems.isEmpty)
        let written = block == "zeebe" ? "orchestration" : block
        let root = try Support.parse(result.files[0].text)
        #expect(root.node(at: "\(written).image.tag")?.text == "latest")
        #expect(result.changes.contains { $0.path == "\(written).image.tag" && $0.kind == .review && $0.message.contains("'latest' kept") },
                "\(result.changes.filter { $0.path.contains("image") })")
        #expect(throws: Never.self) { try ValuesVerifier.verify(result, input: input, scenario: scenario) }
    }
}
