import Testing
@testable import C8Runbook

/// The page buffers are reserved from the views' size estimates: a little over the page, never under (an estimate
/// under the page costs a copy of it as it grows) nor far over (memory reserved for nothing), for every variant.
@Suite struct ViewCapacityTests {
    static let scenarios: [Scenario] = {
        let example = try! Scenario.parse(yaml: Scenario.exampleYAML, file: "example")  // Tested elsewhere.
        return [example, TemplateVariables.fullExample] + example.variants
    }()

    @Test(arguments: 0..<scenarios.count)
    func estimatesCoverThePagesWithLittleToSpare(variant index: Int) {
        let runbook = Planner().plan(Self.scenarios[index])
        let markdown = RunbookView(runbook: runbook, progress: CompiledTemplatesTests.markedProgress(runbook))
        let markdownSize = TemplateSet.embedded.render(markdown: markdown).utf8.count
        #expect(markdown.estimatedSize >= markdownSize && markdown.estimatedSize <= 2 * markdownSize, "\(markdown.estimatedSize) for \(markdownSize)")
        var html = HTMLRunbookView(runbook: runbook, progress: CompiledTemplatesTests.markedProgress(runbook))
        let contentSize = TemplateSet.embedded.render(html: "html/runbook.html", html).utf8.count
        let content = html.estimatedSize(of: "html/runbook.html")
        #expect(content >= contentSize && content <= 2 * contentSize, "\(content) for \(contentSize)")
        html.contentHTML = HTMLRenderer().fragment(runbook)
        html.styleCSS = TemplateSet.embedded.sources["html/style.css"] ?? ""
        let pageSize = TemplateSet.embedded.render(html: "html/page.html", html).utf8.count
        let page = html.estimatedSize(of: "html/page.html")
        #expect(page >= pageSize && page <= 2 * pageSize, "\(page) for \(pageSize)")
    }
}
