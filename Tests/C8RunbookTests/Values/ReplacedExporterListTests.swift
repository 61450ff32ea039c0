@testable import C8Runbook
import Foundation
import Testing

/// A region file's own `zeebe.env` replaces the base file's list (Helm replaces lists, it merges only mappings), so
/// the exporters defined there do not reach that region's brokers. init said 'exporter X is defined in region 0's
/// values only ... define it in both regions (or in the base file)' (it is in the base file) or 'zeebe.env defines
/// none': the error now says the region's list replaced the base file's and names the lost exporters, at the region's
/// list. Field-case kind 5 (exporters compared across regions).
@Suite("c8runbook init: a region file's zeebe.env that replaces the base file's exporters")
struct ReplacedExporterListTests {
    typealias Support = ValuesTestSupport

    /// The reference input with a `zeebe.env` of one unrelated entry appended to the region files `regions`.
    static func input(replacingIn regions: [Int]) throws -> ValuesInput {
        var input = try Support.referenceInput()
        for index in input.files.indices {
            guard let region = input.files[index].role.region, regions.contains(region) else { continue }
            var text = input.files[index].document.text
            if !text.hasSuffix("\n") { text += "\n" }
            text += "zeebe:\n    env:\n        - name: ZEEBE_BROKER_DATA_SNAPSHOTPERIOD\n          value: 5m\n"
            input.files[index].document = try ValuesReader.read(text, file: input.files[index].document.path)
        }
        return input
    }

    @Test("the error names the replaced list, the region's file and the exporters it loses", .enabled(if: SharedFixtures.available),
          arguments: [[1], [0], [0, 1]])
    func replacedListNamed(regions: [Int]) throws {
        let input = try Self.input(replacingIn: regions)
        do {
            _ = try ScenarioInference(input: input, options: .init()).scenarioText()
            Issue.record("inferred")
        } catch {
            guard case let .cannotInfer(location, message) = error else { Issue.record("\(error)"); return }
            let file = try #require(input.regionFile(regions[0])).document.path
            #expect(location.file == file, "\(location)")
            #expect(message.contains("replaces the base file's zeebe.env"), "\(message)")
            #expect(message.contains("Helm replaces lists"), "\(message)")
            #expect(message.contains("ELASTICSEARCHREGION0, ELASTICSEARCHREGION1"), "\(message)")
            #expect(!message.contains("defines none") && !message.contains("values only"), "\(message)")
        }
    }
}
