import Foundation
import Testing

/// Generated files checked into the repository: compared with what the code makes now, or re-recorded with
/// `C8RUNBOOK_RECORD=1` (a recording run still fails, so that it is never mistaken for a passing one).
enum GoldenFile {
    static func check(_ url: URL, equals expected: String, refresh: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let actual = try? String(contentsOf: url, encoding: .utf8)
        let name = url.path.replacingOccurrences(of: TestPaths.packageRoot.path + "/", with: "")
        if TestPaths.recording, actual != expected {
            try expected.write(to: url, atomically: true, encoding: .utf8)
            Issue.record("re-recorded \(name); run the tests again without C8RUNBOOK_RECORD", sourceLocation: sourceLocation)
            return
        }
        #expect(actual == expected, "\(name) is stale; refresh it with: \(refresh)", sourceLocation: sourceLocation)
    }
}
