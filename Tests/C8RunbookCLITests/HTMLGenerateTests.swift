import Foundation
import Testing

/// `c8runbook generate --format html [--fragment]`, run as the built binary.
@Suite struct HTMLGenerateTests {
    @Test(arguments: [["--fragment"], ["--format", "markdown", "--fragment"], ["--format", "json", "--fragment"]])
    func fragmentNeedsHTML(_ arguments: [String]) throws {
        let result = try BuiltBinary.run(["generate"] + arguments)
        #expect(result.status == 64)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("--fragment needs --format html"), "\(result.stderr)")
    }

    @Test func pageToAFile() throws {
        let folder = try BuiltBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("RUNBOOK.html")
        let result = try BuiltBinary.run(["generate", "--format", "html", "-o", file.path])
        #expect(result.status == 0, "\(result.stderr)")
        let page = try String(contentsOf: file, encoding: .utf8)
        #expect(page.hasPrefix("<!DOCTYPE html>\n<html"))
        #expect(page.contains("<section class=\"step\" id=\"upgrade.helm.region0\">"))
        #expect(page.hasSuffix("</html>\n"))
    }

    @Test func fragmentToStandardOutput() throws {
        let result = try BuiltBinary.run(["generate", "--format", "html", "--fragment"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("<article class=\"c8runbook\" id=\"runbook\">"))
        #expect(result.stdout.hasSuffix("</article>\n"))
        for tag in ["<html", "<head>", "<style", "<body", "<script"] {
            #expect(!result.stdout.contains(tag), "\(tag) in the fragment")
        }
    }

    @Test func scenarioMarkupShowsAsText() throws {
        let folder = try BuiltBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let reference = try String(contentsOf: BuiltBinary.packageRoot.appendingPathComponent("Runbooks/reference/scenario.yml"), encoding: .utf8)
        let hostile = reference
            .replacingOccurrences(of: "title: Reference dual-region deployment (London and Paris)", with: #"title: '<script>alert(1)</script>'"#)
            .replacingOccurrences(of: "kubeContext: cluster-london", with: #"kubeContext: '"><img src=x onerror=alert(1)>'"#)
        #expect(hostile != reference)
        let scenario = folder.appendingPathComponent("scenario.yml")
        try hostile.write(to: scenario, atomically: true, encoding: .utf8)
        let result = try BuiltBinary.run(["generate", "--scenario", scenario.path, "--format", "html"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("<h1>&lt;script&gt;alert(1)&lt;/script&gt;</h1>"))
        #expect(result.stdout.contains("<code>&quot;&gt;&lt;img src=x onerror=alert(1)&gt;</code>"))
        #expect(!result.stdout.contains("<script"))
        #expect(!result.stdout.contains("<img"))
    }

    @Test func badTemplatesFolderWritesNothing() throws {
        let folder = try BuiltBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("RUNBOOK.html")
        let result = try BuiltBinary.run(["generate", "--format", "html", "--templates", folder.appendingPathComponent("missing").path, "-o", file.path])
        #expect(result.status == 66)
        #expect(!FileManager.default.fileExists(atPath: file.path))
    }
}
