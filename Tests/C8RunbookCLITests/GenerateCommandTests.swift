import Foundation
import Testing

@Suite(.serialized) struct GenerateCommandTests {
    @Test func withoutAScenarioItUsesTheBuiltInExampleAndSaysSo() throws {
        let result = try BuiltBinary.run(["generate"])
        #expect(result.status == 0)
        #expect(result.stderr == "note: no --scenario given: using the built-in example scenario (Camunda's reference dual-region architecture)\n")
        let reference = try String(contentsOf: BuiltBinary.packageRoot.appendingPathComponent("Runbooks/reference/RUNBOOK.md"), encoding: .utf8)
        #expect(result.stdout == reference)
    }

    /// The note about the built-in example comes only with a result: a failure is its one error line.
    @Test func withoutAScenarioAFailureIsOneLine() throws {
        let folder = try BuiltBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let steps = folder.appendingPathComponent("templates/steps")
        try FileManager.default.createDirectory(at: steps, withIntermediateDirectories: true)
        try "# Topology\n\n{{nope}}\n".write(to: steps.appendingPathComponent("verify.topology.mustache"), atomically: true, encoding: .utf8)
        let result = try BuiltBinary.run(["generate", "--templates", "templates", "-o", "out.md"], in: folder)
        #expect(result.status == 65)
        #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
        #expect(result.stderr.contains("verify.topology.mustache:3:1: error: unknown variable 'nope'"), "\(result.stderr)")
    }

    @Test func writesJSONToAFile() throws {
        let folder = try BuiltBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let scenario = BuiltBinary.packageRoot.appendingPathComponent("Runbooks/shared-helm-managed/scenario.yml").path
        let result = try BuiltBinary.run(["generate", "--scenario", scenario, "--format", "json", "-o", "out.json"], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        let data = try Data(contentsOf: folder.appendingPathComponent("out.json"))
        let object = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        #expect(object?["formatVersion"] as? Int == 1)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["out.json"], "no temporary file left")
    }

    @Test func invalidScenarioGivesOneLineExit65AndWritesNothing() throws {
        let folder = try BuiltBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let scenario = try String(contentsOf: BuiltBinary.packageRoot.appendingPathComponent("Runbooks/reference/scenario.yml"), encoding: .utf8)
            .replacingOccurrences(of: "identity: false", with: "identity: yes")
        try scenario.write(to: folder.appendingPathComponent("bad.yml"), atomically: true, encoding: .utf8)
        try "keep me".write(to: folder.appendingPathComponent("RUNBOOK.md"), atomically: true, encoding: .utf8)
        let result = try BuiltBinary.run(["generate", "--scenario", "bad.yml", "-o", "RUNBOOK.md"], in: folder)
        #expect(result.status == 65)
        #expect(result.stderr == "bad.yml:33:11: error: 'identity': 'yes' is a YAML 1.1 boolean; write true or false\n")
        #expect(result.stdout.isEmpty)
        #expect(try String(contentsOf: folder.appendingPathComponent("RUNBOOK.md"), encoding: .utf8) == "keep me", "nothing a user wrote is lost")
    }

    @Test func missingScenarioExits66AndUsageErrorsExit64() throws {
        let missing = try BuiltBinary.run(["generate", "--scenario", "/nonexistent/scenario.yml"])
        #expect(missing.status == 66)
        #expect(missing.stderr == "/nonexistent/scenario.yml: error: no such file\n")
        let usage = try BuiltBinary.run(["generate", "--format", "pdf"])
        #expect(usage.status == 64)
        #expect(usage.stderr.contains("pdf"))
        let unknown = try BuiltBinary.run(["generate", "--scenaro", "x.yml"])
        #expect(unknown.status == 64)
    }

    @Test func unwritableOutputExits73() throws {
        let result = try BuiltBinary.run(["generate", "-o", "/nonexistent/folder/RUNBOOK.md"])
        #expect(result.status == 73)
        #expect(result.stderr.contains("/nonexistent/folder/RUNBOOK.md: error: cannot write"))
    }

    @Test func aBinaryCopiedAloneStillWorks() throws {
        let folder = try BuiltBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let copy = folder.appendingPathComponent("c8runbook")
        try FileManager.default.copyItem(at: BuiltBinary.url, to: copy)
        let result = try BuiltBinary.run(["generate"], in: folder, executable: copy)
        #expect(result.status == 0)
        #expect(result.stdout.contains("### 3.3 Upgrade region 0"))
    }

    @Test func rulesListsTheCatalogueAndWhatApplies() throws {
        let scenario = BuiltBinary.packageRoot.appendingPathComponent("Runbooks/opensearch-optimize/scenario.yml").path
        let result = try BuiltBinary.run(["rules", "--scenario", scenario])
        #expect(result.status == 0)
        for id in 1...59 { #expect(result.stdout.contains(String(format: "  R%02d  ", id))) }
        #expect(result.stdout.contains("R52  Disable the legacy exporters via the Management API  [global]  when: optimize is false\n        does not apply"))
        #expect(result.stdout.contains("O5  Legacy exporters are disabled only after every data-migration job is Complete"))
    }

    @Test func exampleCommandPrintsTheReferenceScenario() throws {
        let result = try BuiltBinary.run(["example"])
        #expect(result.status == 0)
        #expect(result.stdout == (try String(contentsOf: BuiltBinary.packageRoot.appendingPathComponent("Runbooks/reference/scenario.yml"), encoding: .utf8)))
    }

    @Test func helpDescribesEveryCommand() throws {
        let help = try BuiltBinary.run(["--help"])
        #expect(help.status == 0)
        for command in ["generate", "rules", "example"] { #expect(help.stdout.contains(command)) }
        let generate = try BuiltBinary.run(["generate", "--help"])
        for option in ["--scenario", "--format", "--output", "--templates"] { #expect(generate.stdout.contains(option)) }
    }

    /// `generate` declares `--scenario` and `--templates` itself (not as the progress commands' option group, which
    /// costs start-up time): its help shows them first, in the group's order, with the group's words, as `status`,
    /// `tick`, `untick` and `next` do.
    @Test func generateShowsTheScenarioOptionsAsTheProgressCommandsDo() throws {
        /// The help block of each option (its line and the lines wrapped under it), in order.
        func optionBlocks(_ help: String) -> [String] {
            let options = help.components(separatedBy: "\nOPTIONS:\n").last ?? ""
            var blocks: [String] = []
            for line in options.split(separator: "\n", omittingEmptySubsequences: false) {
                if line.hasPrefix("  -") { blocks.append(String(line)) } else if !blocks.isEmpty, line.hasPrefix("   ") { blocks[blocks.count - 1] += "\n" + line }
            }
            return blocks
        }
        let generate = try BuiltBinary.run(["generate", "--help"])
        #expect(generate.status == 0)
        let generateBlocks = optionBlocks(generate.stdout)
        #expect(generate.stdout.contains("USAGE: c8runbook generate [--scenario <file>] [--templates <dir>] [--format <format>]"))
        for command in ["status", "tick", "untick", "next"] {
            let help = try BuiltBinary.run([command, "--help"])
            #expect(help.status == 0)
            let blocks = optionBlocks(help.stdout)
            #expect(blocks.count >= 2 && generateBlocks.count >= 2)
            // The same two options in the same order; --scenario's help is each command's own (the progress
            // commands read the log's scenario, generate the built-in example).
            #expect(generateBlocks.dropFirst().first == blocks.dropFirst().first, "\(command)")
            #expect(blocks.first?.hasPrefix("  --scenario <file>") == true)
            #expect(blocks.first?.contains("progress log") == true && blocks.first?.contains("built-in example") == false, "\(command)")
            #expect(generateBlocks.first?.contains("built-in example") == true)
            #expect(generateBlocks.first?.hasPrefix("  --scenario <file>") == true)
            #expect(generateBlocks.dropFirst().first?.hasPrefix("  --templates <dir>") == true)
        }
    }
}
