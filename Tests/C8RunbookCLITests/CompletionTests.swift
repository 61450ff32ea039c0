import Foundation
import Testing

/// Shell completions (issue 11 item 7): the generated bash, zsh and fish scripts complete step ids for `tick` and
/// `untick` by running the tool on the scenario typed on the command line, and file paths where a path is expected.
@Suite struct CompletionTests {
    static func script(_ shell: String) throws -> String {
        let result = try BuiltBinary.run(["--generate-completion-script", shell])
        #expect(result.status == 0, "\(result.stderr)")
        return result.stdout
    }

    @Test(arguments: ["bash", "zsh", "fish"]) func stepIDArgumentsCallBackIntoTheTool(_ shell: String) throws {
        let text = try Self.script(shell)
        for command in ["tick", "untick"] {
            #expect(text.contains("---completion \(command) -- positional@0"), "\(shell): \(command)'s step ids")
        }
    }

    @Test func pathOptionsCompleteFilesAndFolders() throws {
        let bash = try Self.script("bash")
        #expect(bash.contains("'!*.@(yml|yaml)'"), "bash: --scenario and the values files complete YAML files")
        #expect(bash.contains("complete -o filenames"))
        let zsh = try Self.script("zsh")
        #expect(zsh.contains("--scenario[The scenario file describing your deployment."))
        #expect(zsh.contains(":file:_files -g '\\''*.yml *.yaml'\\''"))
        #expect(zsh.contains("--templates[A folder of templates") && zsh.contains(":dir:_files -/"))
        #expect(zsh.contains("--progress[") && zsh.contains(":file:_files -g '\\''*.json'\\''"))
        let fish = try Self.script("fish")
        #expect(fish.contains("-l 'templates'") && fish.contains("-rfa '(__c8runbook_complete_directories)'"))
        #expect(fish.contains("-l 'out-dir'"))
    }

    /// The ids `generate --format json` lists for `scenario`, in order.
    static func ids(_ scenario: String, in folder: URL) throws -> [String] {
        let json = try BuiltBinary.run(["generate", "--scenario", scenario, "--format", "json"], in: folder)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let phases = try #require(object["phases"] as? [[String: Any]])
        return phases.flatMap { ($0["steps"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String } }
    }

    /// What the scripts run: `c8runbook ---completion tick -- positional@0 WORD-INDEX CURSOR WORDS…`.
    static func complete(_ words: [String], in folder: URL) throws -> [String] {
        let result = try BuiltBinary.run(["---completion", words[1], "--", "positional@0", "\(words.count - 1)", "\(words.last!.count)"] + words, in: folder)
        #expect(result.status == 0 && result.stderr.isEmpty, "\(result.stderr)")
        return result.stdout.split(separator: "\n").map(String.init)
    }

    @Test func theIDsAreThoseOfTheScenarioOnTheCommandLine() throws {
        let folder = try BuiltBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let reference = try String(contentsOf: BuiltBinary.packageRoot.appendingPathComponent("Runbooks/reference/scenario.yml"), encoding: .utf8)
        try reference.write(to: folder.appendingPathComponent("reference.yml"), atomically: true, encoding: .utf8)
        // No message compression: the compression steps are not in the runbook.
        let uncompressed = reference.replacingOccurrences(of: "messageCompression: GZIP", with: "messageCompression: NONE")
        #expect(uncompressed != reference)
        try uncompressed.write(to: folder.appendingPathComponent("uncompressed.yml"), atomically: true, encoding: .utf8)

        let referenceIDs = try Self.ids("reference.yml", in: folder)
        let uncompressedIDs = try Self.ids("uncompressed.yml", in: folder)
        #expect(!referenceIDs.isEmpty && referenceIDs != uncompressedIDs)

        #expect(try Self.complete(["c8runbook", "tick", "--scenario", "reference.yml", ""], in: folder) == referenceIDs)
        #expect(try Self.complete(["c8runbook", "untick", "--scenario=uncompressed.yml", ""], in: folder) == uncompressedIDs)
        #expect(try Self.complete(["c8runbook", "tick", "--scenario", "uncompressed.yml", "upgrade.helm.r"], in: folder)
            == uncompressedIDs.filter { $0.hasPrefix("upgrade.helm.r") })
        #expect(try Self.complete(["c8runbook", "tick", "--scenario", "missing.yml", ""], in: folder).isEmpty,
                "an unreadable scenario completes nothing and prints no error into the prompt")
    }
}
