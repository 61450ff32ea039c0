import Foundation
import Testing
@testable import C8Runbook

/// The built-in templates compiled to Swift (`CompiledTemplates.swift`) are current, and render exactly what
/// swift-mustache renders from the same templates over the same views, for every scenario variant in every format.
@Suite struct CompiledTemplatesTests {
    /// Views with every field and every list item the templates can meet, for the compiler to read their fields.
    static var exampleViews: [Any] {
        let example = TemplateVariables.fullExample
        var views: [Any] = []
        for scenario in [example] + example.variants {
            let context = TemplateContext(scenario: scenario)
            views.append(context.view(region: 0))
            for rule in Rule.catalogue where rule.applies(scenario) {
                for draft in rule.contribute(scenario) { views.append(context.view(region: draft.region).adding(draft.values)) }
            }
        }
        var scenario = example
        scenario.identity = true  // A warning, so that the warnings list has an item.
        let review = ValuesReview(migration: [.init(path: "camunda-values.yml", diff: "-a: 1\n+a: 2")], cleanUp: [])
        let runbook = Planner().plan(scenario, review: review)
        let marks = markedProgress(runbook)
        views.append(RunbookView(runbook: runbook, progress: marks))
        views.append(HTMLRunbookView(runbook: runbook, progress: marks))
        return views
    }

    /// Marks of every kind on the runbook's first steps: done, done by force with a note, stale, reopened.
    static func markedProgress(_ runbook: Runbook) -> ProgressMarks {
        let ids = runbook.steps.map(\.id)
        var marks: [String: ProgressMarks.Mark] = [:]
        let kinds: [ProgressMarks.Mark] = [
            .init(done: true, by: "alice", at: "2026-01-01T00:00:00Z", forced: false, note: nil),
            .init(done: true, by: "bob <b&b>", at: "2026-01-01T00:01:00Z", forced: true, note: "skipped \"the\" drill | *now*"),
            .init(done: false, by: "carol", at: "2026-01-01T00:02:00Z", forced: false, note: nil),
            .init(done: false, by: "dave", at: "2026-01-01T00:03:00Z", forced: false, note: "redo it", reopened: true),
        ]
        for (offset, id) in ids.enumerated() where offset % 5 < kinds.count { marks[id] = kinds[offset % 5] }
        return ProgressMarks(marks: marks)
    }

    @Test func compiledTemplatesMatchTheTemplatesFolder() throws {
        let files = try EmbeddedResourcesSource.templateFiles(TestPaths.file("Templates"))
        var sources: [String: String] = [:]
        for (name, url) in files { sources[name] = try String(contentsOf: url, encoding: .utf8) }
        let compiler = TemplateCompiler(sources: sources, examples: Self.exampleViews)
        try GoldenFile.check(TestPaths.file(TemplateCompiler.relativePath), equals: try compiler.source(),
                             refresh: "C8RUNBOOK_RECORD=1 swift test --filter CompiledTemplatesTests")
    }

    /// The built-in example, the example with every optional part, and every variant of the example.
    static let scenarios: [Scenario] = {
        let example = try! Scenario.parse(yaml: Scenario.exampleYAML, file: "example")  // Tested elsewhere.
        // Free text that looks like markup, Markdown or Mustache, through both paths' escaping.
        var hostile = TemplateVariables.fullExample
        hostile.title = #"<b>A&B</b> "q" 'a' `c` | x \\ {{release}} *e*"#
        hostile.regions[0].kubeContext = #"ctx<&>"'|*_[x]"#
        // The example runbooks' own scenarios (OpenSearch with Optimize, shared Helm-managed), beyond the variants.
        let runbooks = ExampleRunbooksTests.examples.map {
            try! Scenario.load(contentsOf: TestPaths.file("Runbooks/\($0)/scenario.yml").path)  // Tested elsewhere.
        }
        // A target chart the release table does not know: no image versions, the templates' inverted sections.
        var unknownChart = example
        unknownChart.chart.to = "13.99.0"
        return [example, TemplateVariables.fullExample, hostile, unknownChart] + runbooks + example.variants
    }()

    static let interpreted = try! TemplateSet(sources: EmbeddedResources.templates, compiled: false)

    @Test func everyVariantIsCompared() {
        #expect(Self.scenarios.count >= 108)
    }

    /// Both paths, byte for byte: each variant (planned words, Markdown, JSON, HTML page and fragment), with and
    /// without progress marks and a values review. One test case per variant, so that they run in parallel.
    @Test(arguments: 0..<scenarios.count)
    func compiledAndInterpretedTemplatesRenderTheSameBytes(variant index: Int) throws {
        let scenario = Self.scenarios[index]
        let review = ValuesReview(migration: [.init(path: "camunda-values.yml", diff: "--- a\n+++ b\n@@ -1 +1 @@\n-a: 1\n+a: <2>\n context")],
                                  cleanUp: [.init(path: "camunda-values.yml", diff: "-b: 1")])
        let withReview = index % 2 == 0 ? review : nil
        let compiled = Planner().plan(scenario, review: withReview)
        let reference = Planner(templates: Self.interpreted).plan(scenario, review: withReview)
        #expect(compiled == reference, "planned words")
        let marks: ProgressMarks? = index % 3 == 0 ? nil : Self.markedProgress(compiled)
        for format in RunbookFormat.allCases {
            #expect(compiled.rendered(as: format, progress: marks) == compiled.rendered(as: format, templates: Self.interpreted, progress: marks),
                    "\(format)")
        }
        #expect(HTMLRenderer(progress: marks).fragment(compiled) == HTMLRenderer(templates: Self.interpreted, progress: marks).fragment(compiled))
    }

    /// A partial alone (`html/step.html`) switches its whole group: the compiled page inlines the built-in partial,
    /// so the page and the fragment must render through swift-mustache to show the team's.
    @Test func anOverriddenPartialIsUsedByThePage() throws {
        var sources = EmbeddedResources.templates
        let step = try #require(sources["html/step.html"])
        sources["html/step.html"] = step.replacingOccurrences(of: "<header class=\"step-header\">", with: "<header class=\"step-header\"><i>team</i>")
        let set = try TemplateSet(sources: sources)
        let example = try Scenario.parse(yaml: Scenario.exampleYAML, file: "example")
        let runbook = Planner().plan(example)
        for html in [HTMLRenderer(templates: set).page(runbook), HTMLRenderer(templates: set).fragment(runbook)] {
            #expect(html.components(separatedBy: "<i>team</i>").count - 1 == runbook.steps.count)
        }
        #expect(!HTMLRenderer().page(runbook).contains("<i>team</i>"))
    }

    /// An overridden template makes its group render through swift-mustache; the other groups stay compiled.
    @Test func anOverrideRendersItsGroupThroughSwiftMustache() throws {
        var sources = EmbeddedResources.templates
        sources["steps/verify.topology"] = "# Topology of {{release}}\n\nCustom words."
        let set = try TemplateSet(sources: sources)
        let example = try Scenario.parse(yaml: Scenario.exampleYAML, file: "example")
        let runbook = Planner(templates: set).plan(example)
        let step = try #require(runbook.steps.first { $0.id == "verify.topology" })
        #expect(step.title == "Topology of \(example.release)")
        #expect(step.body == "Custom words.")
        #expect(runbook.rendered(as: .markdown, templates: set) == runbook.rendered(as: .markdown))
    }
}
