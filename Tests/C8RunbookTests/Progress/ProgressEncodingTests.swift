import Foundation
import Testing
@testable import C8Runbook

@Suite struct ProgressEncodingTests {
    static let files: [ProgressFile] = [
        ProgressFile(runbookFingerprint: "0123456789abcdef"),
        ProgressFile(runbookFingerprint: "f", events: [
            ProgressEvent(action: .tick, step: "prepare.versions", contentHash: "181cdfed59e31e20", by: "alice",
                          at: "2026-11-24T21:43:56Z", host: "vm"),
            ProgressEvent(action: .untick, step: "upgrade.helm.region0", contentHash: "00", by: "Bob \"the builder\" \\ O'Neil",
                          at: "2026-11-24T21:44:00Z", host: "ops-1", note: "line one\nline two\ttab\r\u{1}\u{8}\u{c}\u{1f} / Zürich ✓", forced: true),
        ]),
    ]

    @Test(arguments: files) func handWrittenJSONHasFoundationsLayout(_ file: ProgressFile) throws {
        let mine = file.encoded()
        #expect(String(decoding: mine, as: UTF8.self) == String(decoding: file.encodedByFoundation(), as: UTF8.self))
        #expect(try ProgressFile.decode(mine, path: "p.json") == file, "reads back to the same log")
    }
}
