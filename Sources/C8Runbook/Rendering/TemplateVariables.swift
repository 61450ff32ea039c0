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

    private struct Vocabulary {
        var words: Set<String>, markdown: Set<String>, html: Set<String>
    }

    private static let cached: Vocabulary = {
        func names(_ group: String) -> Set<String> {
            Set(entries(group: group).flatMap { $0.path.split(separator: ".").map { String($0.replacing("[]", with: "")) } })
        }
        return Vocabulary(words: names("words"), markdown: names("markdown"), html: names("html"))
    }()

    /// The contexts of one group, from the built-in example (with a values review, so that blocks name files)
    /// and, for step-specific values, every variant.
    static func entries(group: String) -> [Entry] {
        var example = try! Scenario.parse(yaml: Scenario.exampleYAML, file: "<built-in example>")  // Tested.
        // Every optional part present, so that every rule contributes and every list has an item.
        example.customIndexPrefixes = true
        example.ingress = .separated
        if example.basicAuthUsers.isEmpty { example.basicAuthUsers = ["demo"] }
        if example.backupRepository == nil { example.backupRepository = "camunda-backups" }
        // Cluster TLS, so that the migration pods' TLS step (R15) contributes its values.
        if !example.gatewayEnv.contains(where: { $0.name.hasPrefix("ZEEBE_GATEWAY_CLUSTER_SECURITY_") }) {
            example.gatewayEnv.append(EnvVar(name: "ZEEBE_GATEWAY_CLUSTER_SECURITY_ENABLED", value: "true"))
        }
        var result: [String: Entry] = [:]
        switch group {
        case "words":
            var context = TemplateContext(scenario: example)
            context.scenarioFile = "scenario.yml"
            flatten(context.values(region: 0), into: &result)
            var extras: [String: Entry] = [:]
            for scenario in [example] + example.variants {
                for rule in Rule.catalogue where rule.applies(scenario) {
                    for draft in rule.contribute(scenario) where !draft.values.isEmpty {
                        var found: [String: Entry] = [:]
                        flatten(draft.values, into: &found)
                        for (path, entry) in found {
                            var merged = extras[path] ?? entry
                            let template = "steps/\(draft.key)"
                            if !merged.templates.contains(template) { merged.templates.append(template) }
                            extras[path] = merged
                        }
                    }
                }
            }
            result.merge(extras) { common, _ in common }
        case "markdown", "html":
            var scenario = example
            scenario.identity = true  // A warning, so that the warnings list has an item.
            let review = ValuesReview(migration: [.init(path: "camunda-values.yml", diff: "-a: 1\n+a: 2")], cleanUp: [])
            let runbook = Planner().plan(scenario, review: review)
            if group == "markdown" {
                flatten(RunbookView(runbook: runbook).values, into: &result)
                // Present only for ticked steps (`generate --progress`).
                for key in ["doneBy", "doneAt", "progress"] {
                    result["phases[].steps[].\(key)"] = Entry(path: "phases[].steps[].\(key)", example: key == "progress" ? "done by alice at 2025-01-01T00:00:00Z" : key == "doneBy" ? "alice" : "2025-01-01T00:00:00Z")
                }
            } else {
                var values = HTMLRunbookView(runbook: runbook).values
                values["contentHTML"] = "<article>…</article>"
                values["styleCSS"] = "…"
                flatten(values, into: &result)
            }
        default: break
        }
        return result.values.sorted { $0.path < $1.path }
    }

    /// Paths of every key under `value`, lists as `name[]`, with the first example found.
    private static func flatten(_ value: Any, path: String = "", into result: inout [String: Entry]) {
        if let dictionary = value as? [String: Any] {
            for (key, child) in dictionary {
                flatten(child, path: path.isEmpty ? key : "\(path).\(key)", into: &result)
            }
        } else if let list = value as? [Any] {
            if result[path] == nil { result[path] = Entry(path: path, example: "list of \(list.count)") }
            for item in list where item is [String: Any] {
                flatten(item, path: path + "[]", into: &result)
            }
        } else if result[path] == nil {
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
            "anything else is an error naming the file and line. Step and phase templates start with a `# Title` line;",
            "sections nest at most \(TemplateCheck.maximumDepth) deep; a partial (`{{> html/step.html}}`) may not lead back to itself.",
            "Examples are the built-in example scenario's values, with every optional part (ingress, users, backups, custom prefixes) on.",
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
