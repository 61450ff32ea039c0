import Foundation
import Testing
@testable import C8Runbook

@Suite struct EmbeddedResourcesTests {
    @Test func embeddedResourcesMatchTheTemplatesFolder() throws {
        let expected = try EmbeddedResourcesSource.render(root: TestPaths.packageRoot)
        try GoldenFile.check(TestPaths.file(EmbeddedResourcesSource.relativePath), equals: expected,
                             refresh: "C8RUNBOOK_RECORD=1 swift test --filter EmbeddedResourcesTests")
    }

    @Test func everyTemplateInTheFolderIsEmbeddedVerbatim() throws {
        let files = try EmbeddedResourcesSource.templateFiles(TestPaths.file("Templates"))
        #expect(files.count == EmbeddedResources.templates.count)
        for (name, url) in files {
            #expect(EmbeddedResources.templates[name] == (try String(contentsOf: url, encoding: .utf8)), "template \(name)")
        }
    }
}
