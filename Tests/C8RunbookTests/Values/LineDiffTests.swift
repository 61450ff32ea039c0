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
