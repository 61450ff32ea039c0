@testable import C8Runbook
import Foundation
import Testing

@Suite("Unified diff")
struct LineDiffTests {
    @Test("a changed line in the middle, with three lines of context")
    func change() {
        let old = (1...10).map { "line \($0)" }.joined(separator: "\n") + "\n"
        let new = old.replacingOccurrences(of: "line 5\n", with: "line five\n")
        #expect(LineDiff.unified(old: old, new: new, oldName: "a/f", newName: "b/f") == """
            --- a/f
            +++ b/f
            @@ -2,7 +2,7 @@
             line 2
             line 3
             line 4
            -line 5
            +line five
             line 6
             line 7
             line 8

            """)
    }

    @Test("identical texts give no diff; additions at the end")
    func edges() {
        #expect(LineDiff.unified(old: "a\n", new: "a\n", oldName: "x", newName: "y").isEmpty)
        #expect(LineDiff.unified(old: "a\n", new: "a\nb\n", oldName: "x", newName: "y") == "--- x\n+++ y\n@@ -1,1 +1,2 @@\n a\n+b\n")
    }
}

@Suite("Unified diff at scale")
struct LineDiffScaleTests {
    /// 120,000 lines against 120,000: an exact table would need 14.4 G cells; the patience cut needs a few MB.
    @Test("a large file with scattered changes gives exactly its changed lines, CRLF read like LF")
    func large() {
        let count = 120_000
        let old = (1...count).map { "  - name: VAR_\($0)\r\n    value: \"\($0)\"" }.joined(separator: "\r\n") + "\r\n"
        var lines = old.components(separatedBy: "\r\n")
        for index in stride(from: 1, to: lines.count - 1, by: 100) { lines[index] = lines[index] + " # changed" }
        let new = lines.joined(separator: "\r\n")
        let diff = LineDiff.unified(old: old, new: new, oldName: "a", newName: "b")
        let body = diff.split(separator: "\n").dropFirst(2)
        let changed = (2 * count + 99) / 100
        #expect(body.filter { $0.hasPrefix("-") }.count == changed)
        #expect(body.filter { $0.hasPrefix("+") }.count == changed)
        #expect(!diff.contains("\r"))
    }

    @Test("a block moved and re-indented in a large file: every removed line is removed once, every added line added once")
    func moved() {
        let block = (1...30_000).map { "    - name: A\($0)" }
        let old = (["zeebe:", "  env:"] + block + ["other: 1"]).joined(separator: "\n") + "\n"
        let new = (["other: 1", "orchestration:", "  env:"] + block.map { "  " + $0 }).joined(separator: "\n") + "\n"
        let body = LineDiff.unified(old: old, new: new, oldName: "a", newName: "b").split(separator: "\n").dropFirst(2)
        #expect(body.filter { $0.hasPrefix("-") }.count + body.filter { $0.hasPrefix(" ") }.count == 30_003)
        #expect(body.filter { $0.hasPrefix("+") }.count + body.filter { $0.hasPrefix(" ") }.count == 30_003)
    }
}
