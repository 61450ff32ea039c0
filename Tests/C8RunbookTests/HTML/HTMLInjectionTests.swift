import Foundation
import Testing
@testable import C8Runbook

/// Scenario text that looks like markup must show literally and add nothing to the DOM. The title is free text;
/// kube contexts are free-form too (Validate refuses only control characters, a leading '-' and backticks).
@Suite struct HTMLInjectionTests {
    static let payloads = [
        "<script>alert(1)</script>",
        #""><img src=x onerror=alert(1)>"#,
        "'><svg onload=alert(1)>",
        "</style><script>alert(1)</script>",
        "]]><script>alert(1)</script><![CDATA[",
        "<!-- x --><iframe src=https://example.com>",
        "&lt;script&gt; AT&T &amp; {{title}} {{{release}}}",
        "javascript:alert(1)",
        #"x" onmouseover="alert(1)"#,
    ]

    static let dangerous = ["script", "img", "svg", "iframe", "object", "embed", "link", "base", "form"]

    private func assertInert(_ text: String, _ payload: String) throws {
        let dom = try XHTMLDocument(text)
        for element in Self.dangerous {
            #expect(try dom.count(element) == 0, "<\(element)> from \(payload)")
        }
        #expect(try dom.eventHandlerAttributes().isEmpty, "event handler from \(payload)")
        for link in try dom.attribute("href") {
            #expect(link.hasPrefix("#") || link.hasPrefix("https://"), "\(link) from \(payload)")
        }
    }

    @Test(arguments: payloads)
    func titleShowsLiterally(payload: String) throws {
        let runbook = HTMLFixture.runbook(try HTMLFixture.scenario(title: payload))
        let page = HTMLFixture.renderer.page(runbook)
        try assertInert(page, payload)
        let dom = try XHTMLDocument(page)
        #expect(try dom.texts("//*[local-name()='h1']") == [payload])
        #expect(try dom.texts("//*[local-name()='title']") == ["\(payload) · Camunda 8.7 to 8.8 upgrade runbook"])
        try assertInert(HTMLFixture.renderer.fragment(runbook), payload)
    }

    @Test(arguments: payloads)
    func kubeContextShowsLiterally(payload: String) throws {
        let scenario = try HTMLFixture.scenario(kubeContext0: payload)
        // The step title and body carry the context as the templates do: in a Markdown code span.
        let runbook = HTMLFixture.runbook(scenario, body: "Use context \(MarkdownText.code(payload)), not \(payload).", noteText: "Context \(payload).")
        let page = HTMLFixture.renderer.page(runbook)
        try assertInert(page, payload)
        let dom = try XHTMLDocument(page)
        let row = try dom.texts("//*[local-name()='table'][@class='regions']//*[local-name()='tr'][1]/*[local-name()='td'][1]")
        #expect(row == [payload])
        #expect(try dom.texts("//*[@id='prepare.backup.region0']//*[@class='where']") == ["\(payload) / camunda-london"])
        #expect(try dom.texts("//*[@id='prepare.backup.region0']//*[local-name()='label']") == ["1.1 Back up region 0 (\(payload))"])
        #expect(try dom.texts("//*[@id='prepare.backup.region0']/*[@class='body']//*[local-name()='code']") == [payload])
        let command = try dom.texts("//*[@id='prepare.backup.region0']//*[local-name()='pre'][@class='command']/*[local-name()='code']").first
        #expect(command == "kubectl --context \(ShellWord.quote(payload)) -n camunda-london get pods")
        try assertInert(HTMLFixture.renderer.fragment(runbook), payload)
    }

    /// The whole path: the reference scenario with hostile text, planned with the real templates.
    @Test(arguments: payloads)
    func plannedRunbookStaysInert(payload: String) throws {
        let yaml = try String(contentsOf: TestPaths.file("Runbooks/reference/scenario.yml"), encoding: .utf8)
            .replacingOccurrences(of: "title: Reference dual-region deployment (London and Paris)", with: "title: \(HTMLFixture.yamlQuoted(payload))")
            .replacingOccurrences(of: "kubeContext: cluster-paris", with: "kubeContext: \(HTMLFixture.yamlQuoted(payload))")
            .replacingOccurrences(of: "region1: region1/camunda-values.yml", with: "region1: \(HTMLFixture.yamlQuoted(payload + ".yml"))")
            .replacingOccurrences(of: "value: 500ms", with: "value: \(HTMLFixture.yamlQuoted(payload))")
        let runbook = Planner().plan(try Scenario.parse(yaml: yaml, file: "hostile.yml"))
        #expect(runbook.scenario.title == payload && runbook.scenario.region1.kubeContext == payload)
        #expect(runbook.scenario.valuesFiles.region1 == payload + ".yml" && runbook.scenario.gatewayEnv.first?.value == payload)
        let page = HTMLRenderer().page(runbook)
        try assertInert(page, payload)
        let dom = try XHTMLDocument(page)
        #expect(try dom.texts("//*[local-name()='h1']") == [payload])
        #expect(try dom.texts("//*[local-name()='table'][@class='regions']//*[local-name()='tr'][1]/*[local-name()='td'][2]") == [payload])
        let commands = try dom.texts("//*[local-name()='pre'][@class='command']/*[local-name()='code']")
        #expect(commands == runbook.steps.flatMap(\.commands), "commands reach the page exactly as the model has them")
        #expect(commands.contains { $0.contains(ShellWord.quote(payload)) })
    }

    /// Release and namespace names never hold markup: the loader refuses them (rules.md V02), before any rendering.
    @Test(arguments: ["release: camunda", "namespace: camunda-london"])
    func namesThatCannotHoldMarkup(line: String) throws {
        let key = String(line.prefix { $0 != ":" })
        let yaml = try String(contentsOf: TestPaths.file("Runbooks/reference/scenario.yml"), encoding: .utf8)
            .replacingOccurrences(of: line, with: "\(key): '<script>alert(1)</script>'")
        let error = #expect(throws: ScenarioError.self) { try Scenario.parse(yaml: yaml, file: "hostile.yml") }
        #expect(error?.description.contains("\(key) '<script>alert(1)</script>' is not a") == true, "\(String(describing: error))")
    }

    @Test func warningsAreText() throws {
        let payload = "<script>alert(1)</script>"
        let runbook = HTMLFixture.runbook(try HTMLFixture.scenario(kubeContext0: payload, kubeContext1: payload))
        #expect(!runbook.warnings.isEmpty)
        let dom = try XHTMLDocument(HTMLFixture.renderer.page(runbook))
        #expect(try dom.count("script") == 0)
        let warnings = try dom.texts("//*[@id='warnings']//*[local-name()='li']")
        #expect(warnings == runbook.warnings)
        #expect(warnings.first?.contains(payload) == true)
    }
}
