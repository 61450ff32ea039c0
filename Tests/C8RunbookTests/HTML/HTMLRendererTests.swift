import Foundation
import Testing
@testable import C8Runbook

@Suite struct HTMLRendererTests {
    let runbook: Runbook
    let page: String
    let dom: XHTMLDocument

    init() throws {
        runbook = HTMLFixture.runbook(try HTMLFixture.scenario())
        page = HTMLFixture.renderer.page(runbook)
        dom = try XHTMLDocument(page)
    }

    @Test func pageIsOneSelfContainedXHTMLDocument() throws {
        #expect(page.hasPrefix("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\""))
        #expect(page.hasSuffix("</html>\n"))
        #expect(try dom.count("head") == 1)
        #expect(try dom.count("style") == 1)
        #expect(try dom.texts("//*[local-name()='title']") == ["\(HTMLFixture.referenceTitle) · Camunda 8.7 to 8.8 upgrade runbook"])
        for element in ["script", "link", "img", "iframe", "object", "embed", "svg", "base", "form"] {
            #expect(try dom.count(element) == 0, "a page must not load or run anything: found <\(element)>")
        }
        #expect(try dom.eventHandlerAttributes().isEmpty)
        let policy = try dom.texts("//*[local-name()='meta'][@http-equiv='Content-Security-Policy']/@content")
        #expect(policy.first?.hasPrefix("default-src 'none'; style-src 'unsafe-inline'") == true)
        #expect(!page.contains("@import") && !page.contains("url("), "the stylesheet must not fetch fonts or images")
        let css = try #require(TemplateSet.embedded.sources["html/style.css"])
        #expect(!css.contains("]]>") && !css.lowercased().contains("</style"), "the stylesheet sits in a CDATA section in <style>")
    }

    @Test func untitledScenarioGetsAGenericHeading() throws {
        let dom = try XHTMLDocument(HTMLFixture.renderer.page(HTMLFixture.runbook(try HTMLFixture.scenario(title: nil))))
        #expect(try dom.texts("//*[local-name()='h1']") == ["Dual-region upgrade runbook"])
        #expect(try dom.texts("//*[local-name()='title']") == ["Camunda 8.7 to 8.8 upgrade runbook"])
    }

    /// Only cmark's output and the stylesheet may be inserted unescaped; everything else goes through `{{name}}`.
    @Test func onlyRenderedHTMLIsInsertedUnescaped() throws {
        let templates = TemplateSet.embedded.sources.filter { $0.key.hasPrefix("html/") && $0.key.hasSuffix(".html") }
        #expect(Set(templates.keys) == ["html/page.html", "html/runbook.html", "html/summary.html", "html/contents.html", "html/step.html"])
        var all: [String] = []
        for (name, source) in templates {
            let unescaped = source.matches(of: #/\{\{\{\s*([^}]+?)\s*\}\}\}|\{\{&\s*([^}]+?)\s*\}\}/#).map { String($0.output.1 ?? $0.output.2 ?? "") }
            for variable in unescaped {
                #expect(variable.hasSuffix("HTML") || variable == "styleCSS", "{{{\(variable)}}} in \(name) bypasses escaping")
            }
            #expect(!source.contains("CONTENT_TYPE"), "\(name) must keep HTML escaping")
            all += unescaped
        }
        #expect(Set(all) == ["styleCSS", "contentHTML", "titleHTML", "summaryHTML", "bodyHTML", "textHTML"])
    }

    @Test func eachStepIsASectionWithItsIDAndOneCheckbox() throws {
        let sections = try dom.texts("//*[local-name()='section'][contains(concat(' ', @class, ' '), ' step ')]/@id")
        #expect(sections == HTMLFixture.steps)
        for id in HTMLFixture.steps {
            #expect(try dom.count(xpath: "//*[@id='\(id)']//*[local-name()='input'][@type='checkbox']") == 1, "\(id)")
            #expect(try dom.texts("//*[@id='\(id)']//*[local-name()='a'][@class='anchor']/@href") == ["#\(id)"])
        }
        #expect(Set(try dom.attribute("id")).count == (try dom.attribute("id")).count, "ids must be unique")
    }

    @Test func contentsListPhasesWithStepCountsAndLinkEveryStep() throws {
        let phases = try dom.texts("//*[local-name()='nav']//*[local-name()='a'][@class='toc-phase']/@href")
        #expect(phases == ["#phase-prepare", "#phase-upgrade", "#phase-troubleshooting"])
        let counts = try dom.texts("//*[local-name()='nav']//*[local-name()='ol'][@class='toc-phases']/*/*[local-name()='span'][@class='count']")
        #expect(counts == ["1 step", "1 step", "1 step"])
        let links = try dom.texts("//*[local-name()='ol'][@class='toc-steps']//*[local-name()='a']/@href")
        #expect(links == HTMLFixture.steps.map { "#\($0)" })
        for link in try dom.attribute("href") where link.hasPrefix("#") {
            #expect(try dom.text(ofID: String(link.dropFirst())) != nil, "dangling anchor \(link)")
        }
    }

    @Test func regionAndOptionalBadges() throws {
        func badges(_ id: String) throws -> [String] {
            try dom.texts("//*[@id='\(id)']//*[contains(concat(' ', @class, ' '), ' badge ')]")
        }
        #expect(try badges("prepare.backup.region0") == ["region 0"])
        #expect(try badges("upgrade.helm.region1") == ["region 1"])
        #expect(try badges("troubleshooting.failed-job") == ["once", "optional"])
        #expect(try dom.texts("//*[@id='prepare.backup.region0']//*[@class='where']") == ["cluster-london / camunda-london"])
    }

    @Test func commandsAndBlocksAreCodeBlocksHoldingTheExactText() throws {
        let step = try #require(runbook.step(id: "prepare.backup.region0"))
        let commands = try dom.texts("//*[@id='prepare.backup.region0']//*[local-name()='pre'][@class='command']/*[local-name()='code']")
        #expect(commands == step.commands)
        let blocks = try dom.texts("//*[@id='prepare.backup.region0']//*[local-name()='figure']//*[local-name()='code'][@class='language-yaml']")
        #expect(blocks == step.blocks.map(\.content))
        #expect(try dom.texts("//*[local-name()='figcaption']") == ["region0/camunda-values.yml"])
    }

    @Test func notesAreCalloutsByKindWithMarkdownRendered() throws {
        #expect(try dom.texts("//*[local-name()='aside']/@class") == ["note note-correction", "note note-inference", "note note-warning"])
        #expect(try dom.texts("//*[local-name()='aside'][@class='note note-correction']/*[local-name()='p'][@class='note-label']") == ["Correction of the guide rules.md §E.2d"])
        #expect(try dom.texts("//*[local-name()='aside'][@class='note note-correction']//*[local-name()='em']") == ["one"])
        #expect(try dom.texts("//*[@id='prepare.backup.region0']/*[@class='body']//*[local-name()='strong']") == ["both"])
    }

    @Test func sourcesLinkOnlyToWebAddressesAndDependenciesLinkToSteps() throws {
        #expect(try dom.texts("//*[@class='sources']/*[local-name()='a']/@href") == ["https://docs.camunda.io/x#back-up"])
        #expect(try dom.texts("//*[@class='sources']") == ["Sources: SEED § Back up · LOCAL"])
        #expect(try dom.texts("//*[@class='after']/*[local-name()='a']/@href") == ["#prepare.backup.region0"])
        for link in try dom.attribute("href") {
            #expect(link.hasPrefix("#") || link.hasPrefix("https://"), "\(link)")
        }
    }

    @Test func scenarioSummary() throws {
        let rows = try dom.texts("//*[local-name()='table'][@class='regions']//*[local-name()='tr'][*[local-name()='th'][@scope='row']]")
        #expect(rows.first == "Kube contextcluster-londoncluster-paris")
        #expect(rows.contains("Namespacecamunda-londoncamunda-paris"))
        #expect(try dom.texts("//*[local-name()='h1']") == [HTMLFixture.referenceTitle])
    }

    @Test func fragmentIsTheArticleAlone() throws {
        let fragment = HTMLFixture.renderer.fragment(runbook)
        let document = try XHTMLDocument(fragment)
        #expect(document.rootName == "article")
        for element in ["html", "head", "body", "title", "style", "meta", "script"] {
            #expect(try document.count(element) == 0, "<\(element)> in fragment")
        }
        #expect(page.contains(fragment), "the page holds exactly the fragment's content")
        #expect(try document.texts("//*[contains(concat(' ', @class, ' '), ' step ')]/@id") == HTMLFixture.steps)
        #expect(runbook.rendered(as: .html) == page)
    }

    @Test func sameRunbookSameBytes() {
        #expect(HTMLFixture.renderer.page(runbook) == page)
        #expect(HTMLFixture.renderer.fragment(runbook) == HTMLFixture.renderer.fragment(runbook))
    }

    @Test func forbiddenCharactersAreReplacedSoThePageStillParses() throws {
        let runbook = HTMLFixture.runbook(try HTMLFixture.scenario(), body: "bell\u{7} escape\u{1B}")
        let page = HTMLFixture.renderer.page(runbook)
        #expect(page.contains("bell\u{FFFD} escape\u{FFFD}"))
        _ = try XHTMLDocument(page)
    }

    @Test func layoutAndStyleCanBeOverridden() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("c8runbook-html-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("html"), withIntermediateDirectories: true)
        try "/* {{verbatim}} */ body { color: rebeccapurple; }".write(to: folder.appendingPathComponent("html/style.css.mustache"), atomically: true, encoding: .utf8)
        let templates = try TemplateSet.overriding(with: folder.path)
        let page = HTMLRenderer(templates: templates).page(runbook)
        #expect(page.contains("/* {{verbatim}} */ body { color: rebeccapurple; }"), "the stylesheet is used as it is, not as Mustache")
        #expect(!page.contains("--r0-wash"))
        #expect(HTMLRenderer(templates: templates).fragment(runbook) == HTMLFixture.renderer.fragment(runbook))
    }
}
