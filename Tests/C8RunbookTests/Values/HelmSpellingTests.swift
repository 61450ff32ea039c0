@testable import C8Runbook
import Foundation
import Testing

/// Values spelled another way that Helm reads as the same value (field-case kind 1): YAML 1.1 numbers as go-yaml
/// types them for the chart. The same meaning gives the same scenario and the same 8.8 files.
@Suite struct HelmSpellingTests {
    typealias Support = ValuesTestSupport

    static func value(_ yaml: String) throws -> ValuesNode {
        try #require(try ValuesReader.read("k: \(yaml)\n", file: "v.yml").root["k"])
    }

    /// What helm 4.1.4 gave a chart for each spelling (`toJson .Values`): 010 is 8 (YAML 1.1 octal), 0x8, 0o10,
    /// +8, 8_0 and 8.0 are numbers; a quoted "8" is a string the chart's `int`, `div` and `quote` read as 8.
    @Test("a whole number is read as Helm reads it", arguments: [
        ("8", 8), ("+8", 8), ("010", 8), ("0x8", 8), ("0o10", 8), ("0b1000", 8), ("8_0", 80), ("8.0", 8), ("8e0", 8),
        ("'8'", 8), ("\"8\"", 8), ("!!int 8", 8), ("0", 0), ("-1", -1),
    ])
    func wholeNumbers(spelling: String, number: Int) throws {
        #expect(try Self.value(spelling).integerValue == number)
    }

    @Test("what is no whole number is nil", arguments: ["8.5", "'010x'", "eight", "~", "true", ".inf", "'0x8'", "[8]"])
    func notWholeNumbers(spelling: String) throws {
        #expect(try Self.value(spelling).integerValue == nil)
    }

    /// `partitionCount: 010` is 8 partitions for Helm; init read 10 (Int("010")), and values wrote the 8.8 string
    /// '010', which the 8.8 broker reads as 10. `0x8` and `8.0` were refused as 'not a whole number'.
    @Test("sizing spelled 0x8, 010 and 4.0 is the reference's 8, 8, 4, and the 8.8 files say 8, 8, 4", .enabled(if: SharedFixtures.available))
    func sizingSpellings() throws {
        let input = try Support.editingBase(try Support.referenceInput()) {
            $0.replacingOccurrences(of: "clusterSize: 8", with: "clusterSize: 0x8")
                .replacingOccurrences(of: "partitionCount: 8", with: "partitionCount: 010")
                .replacingOccurrences(of: "replicationFactor: 4", with: "replicationFactor: 4.0")
        }
        let scenario = try Support.inferredScenario(input)
        #expect(scenario.cluster == ClusterSizing(size: 8, partitions: 8, replicationFactor: 4))
        let result = ValuesMigration.migrate(input, scenario: scenario, stage: .migration)
        let root = try Support.parse(try #require(result.files.first).text)
        #expect(["clusterSize", "partitionCount", "replicationFactor"].map { Support.scalar(root, "orchestration.\($0)") }
            == ["string:8", "string:8", "string:4"])
        #expect(result.changes.contains { $0.message.contains("the 8.7 value 010 is 8 as Helm reads it") })
        #expect(throws: Never.self) { try ValuesVerifier.verify(result, input: input, scenario: scenario) }
    }

    @Test("a region id spelled 0x1 or '1' is region 1", .enabled(if: SharedFixtures.available), arguments: ["0x1", "'1'", "+1"])
    func regionIdSpellings(spelling: String) throws {
        let folder = Support.referenceFolder
        var input = try Support.referenceInput()
        let region1 = input.files[2].document
        input.files[2].document = try ValuesReader.read(region1.text.replacingOccurrences(of: "regionId: 1", with: "regionId: \(spelling)"),
                                                        file: folder + "/region1/camunda-values.yml")
        try input.checkRegionIDs()
        let scenario = try Support.inferredScenario(input)
        #expect(scenario.regions.map(\.namespace) == ["camunda-primary", "camunda-secondary"])
    }

    static func withSwitch(_ key: String, _ spelling: String) throws -> ValuesInput {
        try Support.editingBase(try Support.referenceInput()) {
            $0.replacingOccurrences(of: "\n\(key):\n    enabled: false\n", with: "\n\(key):\n    enabled: \(spelling)\n")
        }
    }

    /// The 12.x chart reads its switches with `{{ if .Values.connectors.enabled }}`: Go template truth (helm 4.1.4
    /// with a chart whose default is true: `0`, `""`, `~` and `no` render off, `"false"` on). Read as a bool only,
    /// `0` and `""` were 'not set' (the chart's default, on), and `optimize.enabled: "false"` was refused at line 1
    /// as 'optimize: true needs identity: true ... check the command-line values'.
    @Test("a chart switch is read as the chart's templates read it", .enabled(if: SharedFixtures.available), arguments: [
        ("no", false), ("0", false), ("''", false), ("~", false), ("", false), ("Off", false),
        ("yes", true), ("1", true), ("'true'", true), ("\"on\"", true), ("'enabled'", true),
    ])
    func switchSpellings(spelling: String, on: Bool) throws {
        let scenario = try Support.inferredScenario(try Self.withSwitch("connectors", spelling))
        #expect(scenario.connectors == on)
    }

    @Test("a quoted 'false' is on for Helm and off to its reader: refused at it, saying what Helm does", .enabled(if: SharedFixtures.available),
          arguments: ["\"false\"", "'no'", "'OFF'"])
    func quotedFalse(spelling: String) throws {
        let input = try Self.withSwitch("optimize", spelling)
        let error = try #require(throws: ValuesError.self) { _ = try Support.inferredScenario(input) }
        let word = spelling.dropFirst().dropLast()
        #expect(error.description.hasSuffix("camunda-values.yml:45:14: error: cannot infer the scenario: optimize.enabled is the string '\(word)' (quoted): Helm's templates take any non-empty string as true, so the 12.x chart reads it as on ('if .Values.optimize.enabled'); write \(word.lowercased()) without quotes if it is off, or true"), "\(error)")
    }
}
