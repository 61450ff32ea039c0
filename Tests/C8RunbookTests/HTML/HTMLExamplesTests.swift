import Foundation
import Testing
@testable import C8Runbook

/// The HTML page of every Runbooks/*/ example, read back as XML: complete, linkable and inert.
@Suite struct HTMLExamplesTests {
    static func page(_ name: String) throws -> (Runbook, String) {
        let scenario = try Scenario.load(contentsOf: TestPaths.file("Runbooks/\(name)/scenario.yml").path)
        let runbook = Planner().plan(scenario)
        return (runbook, runbook.rendered(as: .html))
    }

    @Test(arguments: ExampleRunbooksTests.examples)
    func everyStepIsOneLinkableSection(_ name: String) throws {
        let (runbook, page) = try Self.page(name)
        let dom = try XHTMLDocument(page)
        let sections = try dom.texts("//*[local-name()='section'][contains(concat(' ', @class, ' '), ' step ')]/@id")
        #expect(sections == runbook.steps.map(\.id))
        #expect(try dom.count(xpath: "//*[local-name()='input'][@type='checkbox']") == runbook.steps.count)
        let ids = try dom.attribute("id")
        #expect(Set(ids).count == ids.count, "duplicate ids")
        for link in try dom.attribute("href") {
            if link.hasPrefix("#") {
                #expect(ids.contains(String(link.dropFirst())), "dangling anchor \(link) in Runbooks/\(name)")
            } else {
                #expect(link.hasPrefix("https://"), "\(link) in Runbooks/\(name)")
            }
        }
        let counts = try dom.texts("//*[local-name()='ol'][@class='toc-phases']/*/*[local-name()='span'][@class='count']")
        #expect(counts == runbook.phases.map { HTMLRunbookView.count($0.steps.count, "step") })
        for element in HTMLInjectionTests.dangerous {
            #expect(try dom.count(element) == 0, "<\(element)> in Runbooks/\(name)")
        }
    }

    @Test(arguments: ExampleRunbooksTests.examples)
    func notesAreCallouts(_ name: String) throws {
        let (runbook, page) = try Self.page(name)
        let dom = try XHTMLDocument(page)
        for kind in Note.Kind.allCases {
            let expected = runbook.steps.flatMap(\.notes).filter { $0.kind == kind }.count
            #expect(try dom.count(xpath: "//*[local-name()='aside'][@class='note note-\(kind.rawValue)']") == expected)
        }
    }

    @Test(.enabled(if: ExternalTool.xmllint != nil, "xmllint is not installed (apt-get install libxml2-utils): skipping the xmllint check"),
          arguments: ExampleRunbooksTests.examples)
    func xmllintAcceptsPageAndFragment(_ name: String) throws {
        let (runbook, page) = try Self.page(name)
        for text in [page, HTMLRenderer().fragment(runbook)] {
            let result = try ExternalTool.xmllint!.run(["--noout", "-"], input: text)
            #expect(result.status == 0 && result.error.isEmpty, "xmllint on Runbooks/\(name): \(result.error)")
        }
    }

    @Test(.enabled(if: ExternalTool.xmllint != nil, "xmllint is not installed (apt-get install libxml2-utils): skipping the xmllint check"),
          arguments: HTMLInjectionTests.payloads)
    func xmllintAcceptsHostileScenarios(payload: String) throws {
        let runbook = HTMLFixture.runbook(try HTMLFixture.scenario(title: payload, kubeContext0: payload))
        let result = try ExternalTool.xmllint!.run(["--noout", "-"], input: HTMLRenderer().page(runbook))
        #expect(result.status == 0 && result.error.isEmpty, "\(result.error)")
    }
}
