import Foundation
import Testing
@testable import C8Runbook

@Suite struct ProgressEncodingTests {
    /// Version-1 files (the fast reader of version 1 still proves its reading by writing them back).
    static let files: [ProgressFile] = [
        ProgressFile(runbookFingerprint: "0123456789abcdef"),
        ProgressFile(runbookFingerprint: "f", events: [
            ProgressEvent(action: .tick, step: "prepare.versions", contentHash: "181cdfed59e31e20", by: "alice",
                          at: "2026-11-24T21:43:56Z", host: "vm"),
            ProgressEvent(action: .untick, step: "upgrade.helm.region0", contentHash: "00", by: "Bob \"the builder\" \\ O'Neil",
                          at: "2026-11-24T21:44:00Z", host: "ops-1", note: "line one\nline two\ttab\r\u{1}\u{8}\u{c}\u{1f} / Zürich ✓", forced: true),
        ]),
    ].map { file in
        var file = file
        file.formatVersion = 1
        return file
    }

    @Test(arguments: files) func handWrittenJSONHasFoundationsLayout(_ file: ProgressFile) throws {
        let mine = file.encodedVersion1()
        #expect(String(decoding: mine, as: UTF8.self) == String(decoding: file.encodedByFoundation(), as: UTF8.self))
        #expect(try ProgressFile.decode(mine, path: "p.json") == file, "reads back to the same log")
    }
}

@Suite struct ProgressCanonicalReadingTests {
    @Test(arguments: ProgressEncodingTests.files) func filesThisToolWritesTakeTheFastPath(_ file: ProgressFile) throws {
        let data = file.encodedVersion1()
        #expect(ProgressFile.decodeCanonical(data) == file)
        #expect(try ProgressFile.decodeStrict(data, path: "p.json") == file, "both readers agree")
        #expect(try ProgressFile.decode(ProgressFile(runbookFingerprint: file.runbookFingerprint, events: file.events).encoded(), path: "p.json").events == file.events, "the same events as version 2")
    }

    /// Any other layout, or anything odd, goes to the strict reader, which either reads the same log or refuses.
    @Test func everythingElseTakesTheStrictPath() throws {
        let file = ProgressEncodingTests.files[1]
        let text = String(decoding: file.encodedVersion1(), as: UTF8.self)
        let variants = [
            text.replacingOccurrences(of: "\" : ", with: "\": "),                        // another writer's layout
            text.replacingOccurrences(of: "\"host\" : \"vm\",", with: "\"host\" : \"vm\",\n      \"extra\" : \"x\","),  // unknown key
            text.replacingOccurrences(of: "\"action\" : \"tick\"", with: "\"action\" : \"delete\""),  // unknown action
            text.replacingOccurrences(of: "\"forced\" : false", with: "\"forced\" : 0"),
            text.replacingOccurrences(of: "\"formatVersion\" : 1", with: "\"formatVersion\" : 3"),
            String(text.dropLast()),                                                      // no final newline
            String(text.prefix(text.count / 2)),                                          // truncated
            text.replacingOccurrences(of: "\"by\" : \"alice\"", with: "\"by\" : \"al\\u0069ce\""),  // an escape it never writes
        ]
        for variant in variants {
            let data = Data(variant.utf8)
            #expect(ProgressFile.decodeCanonical(data) == nil, "\(variant.prefix(80))")
            let strict = Result { () throws(ProgressError) in try ProgressFile.decodeStrict(data, path: "p.json") }
            let chosen = Result { () throws(ProgressError) in try ProgressFile.decodeVersion1(data, path: "p.json") }
            #expect(String(describing: strict) == String(describing: chosen))
        }
    }
}
