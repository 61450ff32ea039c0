import Foundation
import Testing
@testable import C8Runbook

/// Markdown that user text cannot break (issue 11 item 3): fences longer than any backtick run inside them, table
/// cells that hold `|`, and every step heading present in the rendered page whatever the values files contain.
@Suite struct MarkdownSafetyTests {
    @Test func aFenceIsLongerThanAnyBacktickRunInside() {
        #expect(MarkdownText.fence(for: "plain") == "```")
        #expect(MarkdownText.fence(for: " ```") == "````")
        #expect(MarkdownText.fence(for: "a `b` ``c``\n`````") == "``````")
        #expect(MarkdownText.fence(for: "~~~\n~~~~") == "```", "tildes never close a backtick fence")
    }

    @Test func aTableCellEscapesPipesEvenInCode() {
        #expect(MarkdownText.cell("a|b.yml") == "`a\\|b.yml`")
        #expect(MarkdownText.cell("plain") == "`plain`")
    }

    /// Text that closes fences, opens raw HTML, splits table cells or looks like a heading, as a values file may
    /// hold it: a double-quoted scalar whose continuation lines start at column 0, next to the `zeebe:` block that
    /// the migration rewrites, so that the lines appear in the runbook's diff.
    static let hostile = """
        "hostile<script>|x": "```
        <script>alert(1)</script> | a | b |
        # 9. Not a heading
        ~~~
        ````
         ```
        "

        """

    func hostileFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("c8runbook-md-\(UUID().uuidString)")
        try FileManager.default.copyItem(atPath: SharedFixtures.local("opensearch-shared"), toPath: folder.path)
        let base = folder.appendingPathComponent("camunda-values.yml")
        let text = try String(contentsOf: base, encoding: .utf8)
        let zeebe = try #require(text.range(of: "\nzeebe:\n"))
        try (text[..<zeebe.lowerBound] + "\n" + Self.hostile + text[zeebe.lowerBound...].dropFirst()).write(to: base, atomically: true, encoding: .utf8)
        return folder
    }

    @Test func everyStepHeadingSurvivesHostileValuesFiles() throws {
        let folder = try hostileFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = try ValuesInput.load(base: folder.path + "/camunda-values.yml", region0: folder.path + "/region0/camunda-values.yml",
                                         region1: folder.path + "/region1/camunda-values.yml")
        let scenario = try ValuesTestSupport.inferredScenario(input)
        let runbook = Planner().plan(scenario, review: try ValuesReview.make(scenario: scenario, valuesFolder: folder.path))
        let markdown = MarkdownRenderer().render(runbook)
        #expect(markdown.contains("<script>alert(1)</script> | a | b |"), "the hostile lines reach the runbook's diff")
        try expectEveryHeading(runbook, markdown)
    }

    /// Diff lines as a values file can make them: unchanged lines (one space) that would close a three- or
    /// four-backtick fence, tildes, raw HTML, a heading; in both steps that show diffs, one under a file name
    /// holding `|` and `<`.
    @Test func everyStepHeadingSurvivesFenceLinesInADiff() throws {
        let diff = "@@ -1,6 +1,6 @@\n```\n ```\n  ````\n~~~\n-# 9. Not a heading\n+<script>alert(1)</script> | a | b |"
        let review = ValuesReview(migration: [.init(path: "camunda-values.yml", diff: diff)],
                                  cleanUp: [.init(path: "a|<b>.yml", diff: diff)])
        let runbook = Planner().plan(try Scenario.parse(yaml: Scenario.exampleYAML, file: "s.yml"), review: review)
        let markdown = MarkdownRenderer().render(runbook)
        #expect(markdown.contains("\n ```\n"), "a line that would close a three-backtick fence")
        try expectEveryHeading(runbook, markdown)
        #expect(markdown.contains("In `a|<b>.yml`:"))
    }

    /// Rendered by cmark (the CommonMark reference implementation the project links), the page has one `<h3>` per
    /// step, numbered in order, one `<h2>` per phase, and the hostile text only as escaped code.
    func expectEveryHeading(_ runbook: Runbook, _ markdown: String) throws {
        let html = CommonMark.html(markdown)
        let steps = runbook.phases.flatMap(\.steps)
        let headings = html.components(separatedBy: "<h3>").dropFirst().map { String($0.prefix { $0 != "<" }) }
        var number = 0
        let expected = runbook.phases.enumerated().flatMap { index, phase in
            phase.steps.enumerated().map { offset, _ in "\(index + 1).\(offset + 1) " }
        }
        #expect(headings.count == steps.count, "\(headings.count) step headings for \(steps.count) steps")
        for (heading, prefix) in zip(headings, expected) {
            number += 1
            #expect(heading.hasPrefix(prefix), "heading \(number): \(heading)")
        }
        #expect(html.components(separatedBy: "<h2>").count - 1 == runbook.phases.count + 2, "Scenario, Contents and one per phase")
        #expect(!html.contains("<script>"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; | a | b |"), "shown as code")
        #expect(!html.contains("<h1>9. Not a heading"))
    }

    /// The values report names the unknown key in its table: as code with `|` escaped, and in the message escaped.
    @Test func theValuesReportEscapesKeysAndMessages() throws {
        let folder = try hostileFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = try ValuesInput.load(base: folder.path + "/camunda-values.yml", region0: folder.path + "/region0/camunda-values.yml",
                                         region1: folder.path + "/region1/camunda-values.yml")
        let result = ValuesMigration.migrate(input, scenario: try ValuesTestSupport.inferredScenario(input), stage: .migration)
        let report = ChangeReport(result: result, scenarioName: "<b>team</b> | x").rendered(as: .markdown)
        let row = try #require(report.split(separator: "\n").first { $0.contains("hostile") })
        #expect(Self.cellCount(row) == 5, "five cells: \(row)")
        let html = CommonMark.html(report)
        #expect(!html.contains("<script>") && !html.contains("<b>team"))
        #expect(html.contains("<code>hostile&lt;script&gt;\\|x</code>") || html.contains("<code>hostile&lt;script&gt;|x</code>"))
    }

    /// Cells of a GFM table row: split at every `|` not escaped by a backslash.
    static func cellCount(_ row: Substring) -> Int {
        var bars = 0
        var previous: Character = " "
        for character in row {
            if character == "|" && previous != "\\" { bars += 1 }
            previous = character
        }
        return bars - 1
    }

    @Test func aPipeInAValuesFileNameStaysInItsCell() throws {
        let yaml = Scenario.exampleYAML.replacingOccurrences(of: "region0/camunda-values.yml", with: "region0/a|b.yml")
        #expect(yaml != Scenario.exampleYAML)
        let markdown = MarkdownRenderer().render(Planner().plan(try Scenario.parse(yaml: yaml, file: "s.yml")))
        let row = try #require(markdown.split(separator: "\n").first { $0.hasPrefix("| Values files |") })
        #expect(Self.cellCount(row) == 3, "three cells: \(row)")
        #expect(row.contains("a\\|b.yml"))
    }
}
