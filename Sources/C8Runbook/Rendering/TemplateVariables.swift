/// The variables each group of templates can use (see `TemplateSet.group(of:)`): gathered from the values the
/// planner and the renderers really pass, for the built-in example scenario and its variants, so that the list
/// cannot drift from the code. `TemplateCheck` refuses any other name in a team's template; `reference` is
/// Templates/VARIABLES.md, which a test keeps current.
enum TemplateVariables {
    /// One variable: its path (`region0.kubeContext`, `phases[].steps[].id`) and an example from the built-in
    /// example scenario.
    struct Entry: Equatable {
        var path: String
        var example: String
        /// For step-specific values: the templates that get them.
        var templates: [String] = []
    }

    static let groups: [(name: String, title: String, templates: String)] = [
        ("words", "Steps, notes and phases", "`steps/*`, `notes/*`, `phases/*`"),
        ("markdown", "The Markdown runbook", "`runbook`"),
        ("html", "The HTML page", "`html/*.html`"),
    ]

    /// Every key name the group's templates can see, at any depth (the checks look names up component by
    /// component, as Mustache does through its context stack).
    static func names(group: String) -> Set<String> {
        switch group {
        case "words": cached.words
        case "markdown": cached.markdown
        default: cached.html
        }
    }

    /// The step templates that get a rule's own value (`apiUser`: `steps/verify.topology`), by the value's top-level
    /// name; a name not here is given to every template of its group.
    static var stepScoped: [String: Set<String>] { cached.stepScoped }

    private struct Vocabulary {
        var words: Set<String>, markdown: Set<String>, html: Set<String>
        var stepScoped: [String: Set<String>]
    }

    private static let cached: Vocabulary = {
        let words = entries(group: "words")
        func names(_ entries: [Entry]) -> Set<String> {
            Set(entries.flatMap { $0.path.split(separator: ".").map { String($0.replacing("[]", with: "")) } })
        }
        var scoped: [String: Set<String>] = [:]
        for entry in words where !entry.templates.isEmpty {
            let name = String(entry.path.prefix { $0 != "." && $0 != "[" })
            scoped[name, default: []].formUnion(entry.templates)
        }
        return Vocabulary(words: names(words), markdown: names(entries(group: "markdown")), html: names(entries(group: "html")),
                          stepScoped: scoped)
    }()

    /// The built-in example with every optional part present, so that every rule contributes and every list has an
    /// item.
    static var fullExample: Scenario {
        var example = try! Scenario.parse(yaml: Scenario.exampleYAML, file: "<built-in example>")  // Tested.
        example.customIndexPrefixes = true
        example.ingress = .separated
        if example.basicAuthUsers.isEmpty { example.basicAuthUsers = ["demo"] }
        // With users, the parser names the users file (`valuesFiles.users`, default `camunda-users.yml`): so that the
        // templates' `{{#usersFile}}` sections render in the example, and in the tests comparing the two paths.
        if !example.identity, example.valuesFiles.users == nil { example.valuesFiles.users = "camunda-users.yml" }
        if example.backupRepository == nil { example.backupRepository = "camunda-backups" }
        // Cluster TLS, so that the migration pods' TLS step (R15) contributes its values.
        if !example.gatewayEnv.contains(where: { $0.name.hasPrefix("ZEEBE_GATEWAY_CLUSTER_SECURITY_") }) {
            example.gatewayEnv.append(EnvVar(name: "ZEEBE_GATEWAY_CLUSTER_SECURITY_ENABLED", value: "true"))
        }
        return example
    }

    /// The contexts of one group, from the built-in example (with a values review, so that blocks name files)
    /// and, for step-specific values, every variant.
    static func entries(group: String) -> [Entry] {
        let example = fullExample
        var result: [String: Entry] = [:]
        switch group {
        case "words":
            var context = TemplateContext(scenario: example)
            context.scenarioFile = "scenario.yml"
            flatten(context.view(region: 0), into: &result)
            var extras: [String: Entry] = [:]
            for scenario in [example] + example.variants {
                for rule in Rule.catalogue where rule.applies(scenario) {
                    for draft in rule.contribute(scenario) where draft.values != StepValues() {
                        var found: [String: Entry] = [:]
                        flatten(draft.values, into: &found)
                        found = found.filter { $0.value.example != Self.unset }
                        for (path, entry) in found {
                            var merged = extras[path] ?? entry
                            let template = "steps/\(draft.key)"
                            if !merged.templates.contains(template) { merged.templates.append(template) }
                            extras[path] = merged
                        }
                    }
                }
            }
            // A rule's own values are unset in the common view: name the templates that get them.
            result.merge(extras) { common, extra in common.example == Self.unset ? extra : common }
        case "markdown", "html":
            var scenario = example
            scenario.identity = true  // A warning, so that the warnings list has an item.
            let review = ValuesReview(migration: [.init(path: "camunda-values.yml", diff: "-a: 1\n+a: 2")], cleanUp: [])
            let runbook = Planner().plan(scenario, review: review)
            // The first step ticked with a note, so that the mark's fields have an example.
            let first = runbook.steps.first.map(\.id) ?? ""
            let progress = ProgressMarks(marks: [first: .init(done: true, by: "alice", at: "2025-01-01T00:00:00Z", forced: false, note: "checked with the on-call")])
            if group == "markdown" {
                // `doneBy`, `doneAt` and `progress` are present only for ticked steps (`generate --progress`).
                flatten(RunbookView(runbook: runbook, progress: progress), into: &result)
            } else {
                var view = HTMLRunbookView(runbook: runbook, progress: progress)
                view.contentHTML = "<article>…</article>"
                view.styleCSS = "…"
                flatten(view, into: &result)
            }
        default: break
        }
        return result.values.sorted { $0.path < $1.path }
    }

    /// The example of a field the example leaves unset (an optional value that is nil).
    static let unset = "(not set in the example)"

    /// Paths of every field under `value` (a view struct), lists as `name[]`, with the first example found.
    private static func flatten(_ value: Any, path: String = "", into result: inout [String: Entry]) {
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .optional:
            if let wrapped = mirror.children.first?.value {
                flatten(wrapped, path: path, into: &result)
            } else if result[path] == nil {
                result[path] = Entry(path: path, example: unset)
            }
        case .struct where !(value is String):
            for child in mirror.children {
                guard let label = child.label else { continue }
                flatten(child.value, path: path.isEmpty ? label : "\(path).\(label)", into: &result)
            }
        case .collection:
            if result[path] == nil || result[path]?.example == unset {
                result[path] = Entry(path: path, example: "list of \(mirror.children.count)")
            }
            for item in mirror.children.map(\.value) where Mirror(reflecting: item).displayStyle == .struct {
                flatten(item, path: path + "[]", into: &result)
            }
        default:
            // An empty value (a step without a confirmation phrase) is no example when a later item has one.
            guard result[path] == nil || result[path]?.example == unset || result[path]?.example == "" else { return }
            let text = value is Bool ? "flag: \(value)" : "\(value)"
            let line = text.prefix { $0 != "\n" }
            result[path] = Entry(path: path, example: line.count > 60 || line.count < text.count ? line.prefix(57) + "…" : String(line))
        }
    }

    /// Templates/VARIABLES.md.
    static var reference: String {
        var lines = [
            "# Template variables",
            "",
            "Generated by `C8RUNBOOK_RECORD=1 swift test --filter TemplateCheckTests` from the values c8runbook passes to",
            "its templates; do not edit. A template under `--templates` may use these names only (a list's items as",
            "`{{#list}}{{name}}{{/list}}`), plus swift-mustache's transforms (`{{^last()}}`, `{{capitalized(name)}}`);",
            "anything else is an error naming the file and line, and so is a name marked \"only in\" used elsewhere or a",
            "list index (`renames.0`, which swift-mustache never reads). Step and phase templates start with a `# Title` line;",
            "sections nest at most \(TemplateCheck.maximumDepth) deep; a partial (`{{> html/step.html}}`) may not lead back to itself.",
            "Examples are the built-in example scenario's values, with every optional part (ingress, users, backups, custom prefixes) on and the first step ticked.",
        ]
        for group in groups {
            lines += ["", "## \(group.title) (\(group.templates))", "", "| Variable | Example |", "| --- | --- |"]
            for entry in entries(group: group.name) {
                let scope = entry.templates.isEmpty ? "" : " (only in \(entry.templates.sorted().map { "`\($0)`" }.joined(separator: ", ")))"
                lines.append("| `\(entry.path)`\(scope) | \(MarkdownText.escape(entry.example)) |")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
