import Foundation
import Testing
@testable import C8Runbook

@Suite struct TemplateSetTests {
    func folder(_ files: [String: String]) throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("c8runbook-templates-\(UUID().uuidString)")
        for (name, text) in files {
            let url = root.appendingPathComponent(name + ".mustache")
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        return root
    }

    @Test func aTeamCanRewordOneStep() throws {
        let root = try folder(["steps/upgrade.helm": "# Upgrade {{region.namespace}} (team wording)\n\nAsk in #platform-oncall first."])
        defer { try? FileManager.default.removeItem(at: root) }
        let templates = try TemplateSet.overriding(with: root.path)
        let runbook = Planner(templates: templates).plan(try ScenarioFixture.reference)
        let step = try #require(runbook.step(id: "upgrade.helm.region1"))
        #expect(step.title == "Upgrade camunda-paris (team wording)")
        #expect(step.body == "Ask in #platform-oncall first.")
        #expect(step.commands == Planner().plan(try ScenarioFixture.reference).step(id: "upgrade.helm.region1")?.commands, "rules still compute the commands")
        #expect(runbook.step(id: "upgrade.helm-repo")?.body == Planner().plan(try ScenarioFixture.reference).step(id: "upgrade.helm-repo")?.body)
    }

    /// A template saved on Windows (CRLF, a byte-order mark) words the runbook as the same template with LF does:
    /// no carriage return in a title, a body or a Markdown line, the `# Title` line found.
    @Test func aTemplateSavedOnWindowsRendersAsTheSameWithUnixLineEnds() throws {
        let names = ["steps/upgrade.helm-repo", "runbook", "html/step.html"]
        var files: [String: String] = [:]
        for name in names { files[name] = "\u{FEFF}" + (try #require(EmbeddedResources.templates[name])).replacingOccurrences(of: "\n", with: "\r\n") }
        let root = try folder(files)
        defer { try? FileManager.default.removeItem(at: root) }
        let templates = try TemplateSet.overriding(with: root.path)
        let scenario = try ScenarioFixture.reference
        let runbook = Planner(templates: templates).plan(scenario), reference = Planner().plan(scenario)
        #expect(runbook.step(id: "upgrade.helm-repo")?.title == reference.step(id: "upgrade.helm-repo")?.title)
        #expect(runbook == reference)
        for format in RunbookFormat.allCases {
            #expect(runbook.rendered(as: format, templates: templates) == reference.rendered(as: format), "\(format)")
        }
    }

    @Test func unknownTemplateNamesAreRefusedWithASuggestion() throws {
        let root = try folder(["steps/upgrade.helms": "# x"])
        defer { try? FileManager.default.removeItem(at: root) }
        let error = #expect(throws: TemplateError.self) { try TemplateSet.overriding(with: root.path) }
        #expect(error?.description.contains("no built-in template is named 'steps/upgrade.helms' (did you mean 'steps/upgrade.helm'?)") == true)
    }

    /// A template saved in Latin-1: the error names the file as the team gave the folder, and the line and column of
    /// the first byte that is not UTF-8 (it named the absolute path only, without a place).
    @Test func aTemplateThatIsNotUTF8IsRefusedAtItsFirstBadByte() throws {
        let root = try folder(["steps/upgrade.helm-repo": "# Add the Helm repository\n\nCaf"])
        defer { try? FileManager.default.removeItem(at: root) }
        let file = root.appendingPathComponent("steps/upgrade.helm-repo.mustache")
        try (Data("# Add the Helm repository\n\nCaf".utf8) + Data([0xE9, 0x0A])).write(to: file)
        let error = #expect(throws: TemplateError.self) { try TemplateSet.overriding(with: root.path + "/") }
        #expect(error?.description == "\(root.path)/steps/upgrade.helm-repo.mustache:3:4: error: not UTF-8 text; save the template as UTF-8")
        #expect(error?.exitStatus == .dataError)
    }

    @Test func malformedTemplatesAndMissingFoldersAreRefused() throws {
        let root = try folder(["steps/upgrade.helm": "# {{#region}}unclosed"])
        defer { try? FileManager.default.removeItem(at: root) }
        let malformed = #expect(throws: TemplateError.self) { try TemplateSet.overriding(with: root.path) }
        #expect(malformed?.exitStatus == .dataError)
        let missing = #expect(throws: TemplateError.self) { try TemplateSet.overriding(with: "/nonexistent/templates") }
        #expect(missing?.exitStatus == .noInput)
    }

    @Test func markdownTemplatesDoNotEntityEscape() throws {
        let example = try Scenario.parse(yaml: Scenario.exampleYAML, file: "example.yml")
        let set = try TemplateSet(sources: ["steps/t": "{{release}}", "html/page.html": "{{title}}"])
        var words = TemplateContext(scenario: example).view(region: nil)
        words.release = "a < b & 'c'"
        #expect(set.render(words: "steps/t", words) == "a < b & 'c'")
        var page = HTMLRunbookView(runbook: Planner().plan(example))
        page.title = "<b>"
        #expect(set.render(html: "html/page.html", page) == "&lt;b&gt;")
    }
}

@Suite struct EmbeddedTemplatesParseTests {
    /// The embedded set parses each template when first used; every one must parse.
    @Test func everyEmbeddedTemplateParses() throws {
        let set = try TemplateSet(sources: TemplateSet.embedded.sources)
        #expect(set.sources.count == TemplateSet.embedded.sources.count)
    }
}
