import Foundation
import Testing
@testable import C8Runbook

/// Templates that fail loudly (issue 11 item 6): a team's template with an unknown variable, no `# Title` line,
/// a recursive partial or sections nested too deep is one error naming its file, line and column (exit 65), not
/// a blank, a wrong title or a crash.
@Suite struct TemplateCheckTests {
    func folder(_ files: [String: String]) throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("c8runbook-check-\(UUID().uuidString)")
        for (name, text) in files {
            let url = root.appendingPathComponent(name + ".mustache")
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        return root
    }

    func error(_ files: [String: String]) throws -> (TemplateError, String) {
        let root = try folder(files)
        defer { try? FileManager.default.removeItem(at: root) }
        do {
            _ = try TemplateSet.overriding(with: root.path)
        } catch {
            return (error, root.path)
        }
        Issue.record("accepted: \(files.keys.sorted())")
        return (.folderNotFound(path: ""), root.path)
    }

    @Test func everyEmbeddedTemplatePassesTheChecks() throws {
        let check = TemplateCheck(sources: EmbeddedResources.templates)
        for name in EmbeddedResources.templates.keys.sorted() where !TemplateSet.isVerbatim(name) {
            #expect(throws: Never.self, "\(name)") { try check.check(name, path: name) }
        }
    }

    @Test func anUnknownVariableIsNamedWithItsPlace() throws {
        let (error, root) = try self.error(["steps/upgrade.helm": "# Upgrade {{region.id}}\n\nRelease {{relase}} in {{region.namespace}}."])
        #expect(error == .invalid(path: root + "/steps/upgrade.helm.mustache", line: 3, column: 9,
                                  reason: "unknown variable 'relase' (did you mean 'release'?); Templates/VARIABLES.md lists what each template can use"))
        #expect(error.exitStatus == .dataError)
        #expect(error.description.hasPrefix(root + "/steps/upgrade.helm.mustache:3:9: error: unknown variable 'relase'"))
    }

    @Test func namesOfAnotherGroupAndUnknownTransformsAreUnknown() throws {
        // `titleHTML` is the HTML page's, not a step's.
        let (html, _) = try error(["steps/upgrade.helm": "# Upgrade\n{{titleHTML}}"])
        #expect(html.description.contains(":2:1: error: unknown variable 'titleHTML'"))
        let (transform, _) = try error(["notes/back-to-back": "{{shout(release)}}"])
        #expect(transform.description.contains(":1:1: error: unknown variable 'shout()'"))
        let (section, _) = try error(["phases/upgrade": "# Upgrade\n{{#region0}}{{kubeContxt}}{{/region0}}"])
        #expect(section.description.contains(":2:13: error: unknown variable 'kubeContxt' (did you mean 'kubeContext'?)"))
    }

    @Test func transformsAndNestedNamesAreAccepted() throws {
        let root = try folder(["notes/back-to-back": "{{capitalized(release)}} {{region0.kubeContext}} {{#region0}}{{namespace}}{{^last()}},{{/last()}}{{/region0}} {{.}}"])
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(throws: Never.self) { try TemplateSet.overriding(with: root.path) }
    }

    /// A rule's own value exists only in its step's template, and swift-mustache reads no list index: either would
    /// render empty, every time, without a word.
    @Test func aStepsOwnValueElsewhereAndAListIndexAreRefused() throws {
        let (elsewhere, _) = try error(["steps/verify.pods": "# Pods\n\nAs {{apiUser}}."])
        #expect(elsewhere.description.contains("verify.pods.mustache:3:4: error: 'apiUser' is given only to steps/verify.topology"), "\(elsewhere)")
        let (index, _) = try error(["steps/values.gateway-env": "# Env\n\n{{#renames.0}}yours{{/renames.0}}"])
        #expect(index.description.contains("values.gateway-env.mustache:3:1: error: a list index ('renames.0')"), "\(index)")
        // In its own step the value is fine.
        let root = try folder(["steps/verify.topology": "# Topology\n\nAs {{apiUser}}."])
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(throws: Never.self) { try TemplateSet.overriding(with: root.path) }
    }

    @Test func aStepTemplateWithoutItsTitleLineIsRefused() throws {
        for text in ["Upgrade region {{region.id}}\n\nbody", "", "#\n", "#  \nbody", "\n# Late title"] {
            let (error, root) = try self.error(["steps/upgrade.helm": text])
            #expect(error == .invalid(path: root + "/steps/upgrade.helm.mustache", line: 1, column: 1,
                                      reason: "missing '# Title' line: the first line of a step or phase template is its title"), "\(text.debugDescription)")
        }
        let (phase, _) = try error(["phases/upgrade": "Upgrade both regions"])
        #expect(phase.description.contains("phases/upgrade.mustache:1:1: error: missing '# Title' line"))
    }

    /// A section closed with another name, left open, or a tag left unfinished is the team's file, line and
    /// column with words, not swift-mustache's error dump under the template's name; a template under a name
    /// c8runbook does not know names its line 1 too.
    @Test func aMustacheSyntaxErrorNamesTheFileLineAndColumn() throws {
        let cases: [(text: String, line: Int, column: Int, reason: String)] = [
            ("# Title\n{{#clusterKnown}}\nx\n{{/partitions}}\n", 4, 4,
             "section closed with the wrong name (each {{#name}} or {{^name}} ends with {{/name}})"),
            ("# Title\n\n{{#clusterKnown}} open\n", 4, 1, "the file ends inside a section: end each {{#name}} or {{^name}} with {{/name}}"),
            ("# Title {{#clusterKnown}}\n", 2, 1, "the file ends inside a section: end each {{#name}} or {{^name}} with {{/name}}"),
            ("# Title\n{{clusterSize\n", 3, 1, "the file ends inside a tag: close it with }}"),
            ("# Title\n{{clusterSize} brokers\n", 2, 14, "unfinished tag: close it with }}"),
            // On the first line, after the content-type pragma c8runbook puts before it.
            ("# Title {{clusterSize} x\n", 1, 22, "unfinished tag: close it with }}"),
        ]
        for item in cases {
            let (error, root) = try self.error(["steps/verify.topology": item.text])
            #expect(error == .invalid(path: root + "/steps/verify.topology.mustache", line: item.line, column: item.column,
                                      reason: item.reason), "\(item.text.debugDescription)")
            #expect(!error.description.contains("ParserError"))
        }
        let (unknown, root) = try self.error(["steps/verify.topolgy": "# Title\n"])
        #expect(unknown.description.hasPrefix(root + "/steps/verify.topolgy.mustache:1:1: error: no built-in template is named 'steps/verify.topolgy'"))
    }

    @Test func aRecursivePartialIsRefusedNotACrash() throws {
        let step = try #require(EmbeddedResources.templates["html/step.html"])
        let (error, root) = try self.error(["html/step.html": step + "{{> html/runbook.html}}\n"])
        let line = step.split(separator: "\n", omittingEmptySubsequences: false).count
        #expect(error == .invalid(path: root + "/html/step.html.mustache", line: line, column: 1,
                                  reason: "recursive partial: html/step.html → html/runbook.html → html/step.html"))
        let (itself, _) = try self.error(["html/contents.html": "{{> html/contents.html}}"])
        #expect(itself.description.contains("contents.html.mustache:1:1: error: recursive partial: html/contents.html → html/contents.html"))
        let (missing, _) = try self.error(["html/contents.html": "{{> steps/upgrade.helm}}"])
        #expect(missing.description.contains(":1:1: error: no template 'steps/upgrade.helm' of this group for the partial"))
    }

    /// swift-mustache reads no list index (`renames.0`: an array has no field named `0`), and its library holds no
    /// stylesheet: both would render nothing, silently.
    @Test func listIndexesAndStylesheetPartialsAreRefused() throws {
        let (index, _) = try error(["steps/values.gateway-env": "# Rename\n{{#renames.0}}{{from}}{{/renames.0}}"])
        #expect(index.description.contains(":2:1: error: a list index ('renames.0') renders nothing"), "\(index)")
        let (field, _) = try error(["html/runbook.html": "{{phases.0.title}}"])
        #expect(field.description.contains(":1:1: error: a list index ('phases.0.title') renders nothing"), "\(field)")
        let (style, _) = try error(["html/page.html": "<style>{{> html/style.css}}</style>"])
        #expect(style.description.contains(":1:8: error: 'html/style.css' is the stylesheet, not a template: the page inserts it as {{{styleCSS}}}"), "\(style)")
    }

    @Test func sectionsNestedBeyondTheLimitAreRefused() throws {
        let depth = TemplateCheck.maximumDepth
        let open = String(repeating: "{{#shared}}", count: depth), close = String(repeating: "{{/shared}}", count: depth)
        let accepted = try folder(["steps/upgrade.helm": "# Upgrade\n\(open)x\(close)"])
        defer { try? FileManager.default.removeItem(at: accepted) }
        #expect(throws: Never.self) { try TemplateSet.overriding(with: accepted.path) }
        let (error, _) = try self.error(["steps/upgrade.helm": "# Upgrade\n\(open){{#identity}}x{{/identity}}\(close)"])
        #expect(error.description.contains(":2:\(11 * depth + 1): error: sections nested more than \(depth) deep"))
    }

    @Test func setDelimitersAreRefused() throws {
        let (error, _) = try self.error(["notes/back-to-back": "a\n{{=<% %>=}}<%release%>"])
        #expect(error.description.contains(":2:1: error: set-delimiter tags are not supported in --templates"))
    }

    /// The vocabulary is gathered from the example; every key the planner and renderers pass for any variant of
    /// it must be in it, or a team's valid template would be refused.
    @Test func theVocabularyHoldsEveryKeyOfEveryVariant() throws {
        let example = try Scenario.parse(yaml: Scenario.exampleYAML, file: "example.yml")
        var words = Set<String>(), markdown = Set<String>(), html = Set<String>()
        // The fields a template can reach: a nil optional is absent, as for swift-mustache.
        func keys(_ value: Any, into set: inout Set<String>) {
            let mirror = Mirror(reflecting: value)
            switch mirror.displayStyle {
            case .struct where !(value is String):
                for child in mirror.children {
                    guard let label = child.label else { continue }
                    if Mirror(reflecting: child.value).displayStyle == .optional, Mirror(reflecting: child.value).children.isEmpty { continue }
                    set.insert(label)
                    keys(child.value, into: &set)
                }
            case .optional, .collection:
                for child in mirror.children { keys(child.value, into: &set) }
            default: break
            }
        }
        for (index, scenario) in example.variants.enumerated() {
            for region in [nil, 0, 1] { keys(TemplateContext(scenario: scenario).view(region: region), into: &words) }
            for rule in Rule.catalogue where rule.applies(scenario) {
                for draft in rule.contribute(scenario) { keys(draft.values, into: &words) }
            }
            guard index % 12 == 0 else { continue }
            let runbook = Planner().plan(scenario)
            keys(RunbookView(runbook: runbook), into: &markdown)
            keys(HTMLRunbookView(runbook: runbook), into: &html)
        }
        #expect(words.subtracting(TemplateVariables.names(group: "words")).isEmpty)
        #expect(markdown.subtracting(TemplateVariables.names(group: "markdown")).isEmpty)
        #expect(html.subtracting(TemplateVariables.names(group: "html")).isEmpty)
    }

    /// The full example sets every optional value the templates can meet (a users file with its users), so that
    /// VARIABLES.md shows an example of each and the compiled and interpreted paths are compared rendering it; an
    /// empty value is shown only when no item has another (a confirmation phrase exists only on irreversible steps).
    @Test func everyVariableHasAnExample() throws {
        for group in TemplateVariables.groups.map(\.name) {
            for entry in TemplateVariables.entries(group: group) {
                #expect(entry.example != TemplateVariables.unset, "\(group): \(entry.path)")
            }
        }
        let markdown = TemplateVariables.entries(group: "markdown"), html = TemplateVariables.entries(group: "html")
        for entries in [markdown, html] {
            let confirmation = try #require(entries.first { $0.path == "phases[].steps[].confirmation" })
            #expect(confirmation.example.hasPrefix("I confirm "), "\(confirmation)")
        }
        #expect(TemplateVariables.entries(group: "words").first { $0.path == "usersFile" }?.example.hasSuffix("/camunda-users.yml") == true)
        // A progress mark's fields, from a ticked step.
        for path in ["phases[].steps[].markBy", "phases[].steps[].markAt", "phases[].steps[].markNote"] {
            #expect(html.first { $0.path == path }?.example.isEmpty == false, "\(path)")
        }
        #expect(markdown.first { $0.path == "phases[].steps[].progress" }?.example.hasPrefix("done by alice at ") == true)
    }

    @Test func variablesReferenceIsCurrent() throws {
        try GoldenFile.check(TestPaths.file("Templates/VARIABLES.md"), equals: TemplateVariables.reference,
                             refresh: "C8RUNBOOK_RECORD=1 swift test --filter TemplateCheckTests")
    }
}
