import Foundation
import Testing
@testable import C8Runbook

@Suite struct EmbeddedResourcesTests {
    @Test func embeddedResourcesMatchTheTemplatesFolder() throws {
        let expected = try EmbeddedResourcesSource.render(root: TestPaths.packageRoot)
        let url = TestPaths.file(EmbeddedResourcesSource.relativePath)
        let actual = try String(contentsOf: url, encoding: .utf8)
        if TestPaths.recording, actual != expected {
            try expected.write(to: url, atomically: true, encoding: .utf8)
            Issue.record("re-recorded \(EmbeddedResourcesSource.relativePath); rebuild and run the tests again without C8RUNBOOK_RECORD")
            return
        }
        #expect(actual == expected, "\(EmbeddedResourcesSource.relativePath) is stale; refresh it with: C8RUNBOOK_RECORD=1 swift test --filter EmbeddedResourcesTests")
    }

    @Test func everyTemplateInTheFolderIsEmbeddedVerbatim() throws {
        let files = try EmbeddedResourcesSource.templateFiles(TestPaths.file("Templates"))
        #expect(files.count == EmbeddedResources.templates.count)
        for (name, url) in files {
            #expect(EmbeddedResources.templates[name] == (try String(contentsOf: url, encoding: .utf8)), "template \(name)")
        }
    }
}
