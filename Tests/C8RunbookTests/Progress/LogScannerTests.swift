import Foundation
import Testing
@testable import C8Runbook

/// The one-pass reading of a version-2 log: the word-at-a-time checks against plain readings, and the locked
/// reading in place (`mmap`) against the reading by copies, wherever a mapped run ends.
@Suite struct LogScannerTests {
    static func event(_ step: String, by: String = "alice", at: String = "2026-11-24T21:43:56Z", note: String? = nil,
                      action: ProgressEvent.Action = .tick) -> ProgressEvent {
        ProgressEvent(action: action, step: step, contentHash: "0123456789abcdef", by: by, at: at, host: "host-1", note: note,
                      forced: false, runbook: "fedcba9876543210")
    }

    static func write(_ data: Data) throws -> ProgressStore {
        let path = ProgressFixtures.folder(memory: true).appendingPathComponent("p.json").path
        try data.write(to: URL(fileURLWithPath: path))
        return ProgressStore(path: path)
    }

    /// The log read by copies (`mappedRun` nil) or in place, that many bytes at a time.
    static func scan(_ store: ProgressStore, mappedRun: Int?, now: String? = nil) throws -> ProgressLog {
        let file = try #require(try DurableFile.Reader(store.target, name: store.path))
        return try store.scan(file, now: now, mappedRun: mappedRun)
    }

    /// Everything a reading gives, as one comparable value.
    struct Reading: Equatable {
        var count: Int, latest: [String: ProgressEvent], runbook: String?, issues: [ProgressLog.TimeIssue], issueCount: Int
        var complete: Int, torn: Int

        init(_ log: ProgressLog) {
            (count, latest, runbook, issues, issueCount) = (log.count, log.latest, log.runbookFingerprint, log.timeIssues, log.timeIssueCount)
            (complete, torn) = (log.completeLength, log.tornLength)
        }
    }

    /// `YYYY-MM-DDTHH:MM:SSZ` read character by character, as the word-at-a-time check must agree with.
    static func plainTimestamp(_ bytes: [UInt8]) -> Bool {
        guard bytes.count == 20 else { return false }
        let separators: [Int: UInt8] = [4: 0x2D, 7: 0x2D, 10: 0x54, 13: 0x3A, 16: 0x3A, 19: 0x5A]
        for (index, byte) in bytes.enumerated() {
            if let separator = separators[index] {
                if byte != separator { return false }
            } else if !(0x30...0x39).contains(byte) {
                return false
            }
        }
        func number(_ at: Int) -> Int { Int(bytes[at] - 0x30) * 10 + Int(bytes[at + 1] - 0x30) }
        return (1...12).contains(number(5)) && (1...31).contains(number(8)) && number(11) < 24 && number(14) < 60 && number(17) < 61
    }

    /// Every byte value at every place of a few times, against the plain reading.
    @Test(arguments: ["2026-11-24T21:43:56Z", "0000-01-01T00:00:00Z", "9999-12-31T23:59:60Z", "2026-10-09T19:09:09Z"])
    func timesAreCheckedAsAPlainReadingChecksThem(_ base: String) {
        #expect(ProgressClock.isTimestamp(base))
        var mismatches: [String] = []
        for index in 0..<20 {
            for value in 0...255 {
                var bytes = Array(base.utf8)
                bytes[index] = UInt8(value)
                let fast = bytes.withUnsafeBufferPointer { ProgressClock.isTimestamp(bytes: $0) }
                if fast != Self.plainTimestamp(bytes) { mismatches.append("byte \(value) at \(index): \(fast)") }
            }
        }
        #expect(mismatches.isEmpty)
    }

    /// The check may be given the bytes after its line: the line ends at a line feed after the closing brace.
    @Test func theCheckEndsAtTheLineFeedAfterTheObject() throws {
        let line = Array(ProgressFile.lines([Self.event("prepare.versions", note: "checked")]))
        let text = Array(line.dropLast())
        func check(_ bytes: [UInt8]) -> Int? {
            bytes.withUnsafeBufferPointer { buffer in
                var parser = EventLine(buffer)
                return parser.check().map { _ in parser.position }
            }
        }
        #expect(check(line + Array("{\"action\"".utf8)) == text.count, "stops at the line feed")
        #expect(check(text) == text.count, "or at the end of the bytes")
        #expect(check(text + [0x20, 0x0A]) == nil, "anything else after the brace is another layout")
        #expect(check(text + Array("x".utf8)) == nil)
        #expect(check(Array(text.dropLast())) == nil)
    }

    /// A value with an escape, a byte beyond ASCII, or neither, at every place of an eight-byte word and at every
    /// length up to three words: the scan (by copies and in place) and the whole-file reading agree with what was
    /// written.
    @Test func everyValueReadsBackWhereverItsSpecialCharacterFalls() throws {
        var events: [ProgressEvent] = []
        for length in 1...24 {
            for place in 0..<length {
                for special in ["", "\"", "é", "\\", "\u{1}", "/", "€", "😀"] {
                    var by = Array(repeating: "b", count: length)
                    if !special.isEmpty { by[place] = special }
                    events.append(Self.event("s.\(events.count)", by: by.joined()))
                }
            }
        }
        let file = ProgressFile(runbookFingerprint: "f", events: events)
        let store = try Self.write(file.encoded())
        let expected = Dictionary(uniqueKeysWithValues: events.map { ($0.step, $0) })
        #expect(try store.scan()?.latest == expected)
        #expect(try Self.scan(store, mappedRun: 1 << 22).latest == expected)
        #expect(try Self.scan(store, mappedRun: 1000).latest == expected)
        #expect(try store.load()?.events == events)
    }

    /// A byte that is not UTF-8 inside a value is refused at its line and column, by copies and in place, and a tick
    /// leaves the file as it was.
    @Test func aByteThatIsNotUTF8IsRefusedAtItsPlaceByBothReadings() throws {
        var bytes = [UInt8](ProgressFile(runbookFingerprint: "f", events: [Self.event("a"), Self.event("b"), Self.event("c", by: "alXce")]).encoded())
        let marker = Array("alXce".utf8)
        let offset = try #require((0...(bytes.count - marker.count)).first { Array(bytes[$0..<($0 + marker.count)]) == marker })
        bytes[offset + 2] = 0xFF
        let store = try Self.write(Data(bytes))
        let lineStart = try #require(bytes[..<offset].lastIndex(of: 0x0A)) + 1
        let error = ProgressError.invalidLine(C8Runbook.SourceLocation(file: store.path, line: 4, column: offset + 2 - lineStart + 1),
                                              reason: "not UTF-8 text")
        #expect(throws: error) { try store.scan() }
        #expect(throws: error) { try Self.scan(store, mappedRun: 1 << 22) }
        #expect(throws: error) { try Self.scan(store, mappedRun: 300) }
        let before = try ProgressLogTests.Snapshot(store.path)
        #expect(throws: error) { try ProgressLogTests.tick(["prepare.versions"], in: store, deployment: nil, scenario: nil) }
        #expect(try ProgressLogTests.Snapshot(store.path) == before)
    }

    /// A log whose complete lines end exactly at `completeLength` (lines of varying lengths, an escape, times out of
    /// order), followed by `torn`.
    static func log(completeLength: Int, torn: String) -> Data {
        var out = JSONBytes(capacity: completeLength + torn.utf8.count)
        ProgressFile.header(deployment: nil, scenario: "/teams/p/scenario.yml", into: &out)
        var index = 0
        func line(note: Int) -> [UInt8] {
            var line = JSONBytes(capacity: 300)
            let at = index % 7 == 3 ? "2026-11-24T20:00:00Z" : "2026-11-24T21:43:\(10 + index % 50)Z"
            ProgressFile.line(Self.event("step.\(index % 13)", by: index % 11 == 5 ? "zo\"é" : "alice", at: at,
                                         note: String(repeating: "n", count: note), action: index % 2 == 0 ? .tick : .untick), into: &line)
            return line.bytes
        }
        while completeLength - out.bytes.count > 700 {
            out.bytes += line(note: index % 97)
            index += 1
        }
        let shortest = line(note: 0).count
        out.bytes += line(note: completeLength - out.bytes.count - shortest)
        precondition(out.bytes.count == completeLength)
        return Data(out.bytes + Array(torn.utf8))
    }

    /// Wherever a mapped run ends (inside a line, at its line feed, at a page boundary, before a torn last line, or a
    /// run shorter than a line), the locked reading in place gives what the reading by copies gives.
    @Test(arguments: [4095, 4096, 4097, 8192, 40_000])
    func readingInPlaceAgreesWithReadingByCopies(_ completeLength: Int) throws {
        for torn in ["", "{", "{\"action\":\"tick\",\"at\":\"2026-11-1", String(decoding: ProgressFile.lines([Self.event("x")]).dropLast(), as: UTF8.self)] {
            let store = try Self.write(Self.log(completeLength: completeLength, torn: torn))
            let copied = Reading(try Self.scan(store, mappedRun: nil, now: "2026-11-24T21:43:30Z"))
            #expect(copied.complete == completeLength && copied.torn == torn.utf8.count && copied.issueCount > 0)
            for run in [1, 100, 181, 1000, 4095, 4096, 4097, 5000, 1 << 22] {
                let mapped = Reading(try Self.scan(store, mappedRun: run, now: "2026-11-24T21:43:30Z"))
                #expect(mapped == copied, "run \(run), torn '\(torn)'")
            }
        }
    }

    /// A torn last line that starts at a page boundary is cut by the next tick, which reads the log in place.
    @Test func aTickCutsATornLineThatStartsAtAPageBoundary() throws {
        let store = try Self.write(Self.log(completeLength: 4096, torn: "{\"action\":\"tick\",\"at\":\"2026"))
        let before = try #require(try store.scan())
        try ProgressLogTests.tick(["prepare.storage-layout"], in: store, deployment: nil, scenario: nil)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: store.path))
        #expect(bytes.count > 4096 && bytes[4096] == UInt8(ascii: "{") && bytes.last == 0x0A)
        let after = try #require(try store.scan())
        #expect(after.count == before.count + 1 && after.tornLength == 0 && after.latest["prepare.storage-layout"] != nil)
    }

    /// Lines appended after the file was opened (its size taken) are read too: in place up to that size, by copies after.
    @Test func aFileThatGrowsWhileItIsReadIsReadToItsEnd() throws {
        let store = try Self.write(Self.log(completeLength: 8192, torn: ""))
        let file = try #require(try DurableFile.Reader(store.target, name: store.path))
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: store.path))
        try handle.seekToEnd()
        try handle.write(contentsOf: ProgressFile.lines([Self.event("late")]) + Data("{\"act".utf8))
        try handle.close()
        let grown = try store.scan(file, now: nil, mappedRun: 1 << 22)
        let fresh = try Self.scan(store, mappedRun: nil)
        #expect(grown.latest["late"] != nil && grown.tornLength == 5)
        #expect(Reading(grown) == Reading(fresh))
    }

    /// A line longer than a log may hold is refused the same way in place as by copies.
    @Test(arguments: [1 << 22, 1 << 21, 4096]) func aLineTooLongIsRefusedInPlaceAsByCopies(_ run: Int) throws {
        var out = JSONBytes(capacity: 1 << 21)
        ProgressFile.header(deployment: nil, scenario: nil, into: &out)
        ProgressFile.line(Self.event("a"), into: &out)
        ProgressFile.line(Self.event("b", note: String(repeating: "n", count: (1 << 20) + 10)), into: &out)
        ProgressFile.line(Self.event("c"), into: &out)
        let store = try Self.write(Data(out.bytes))
        let error = ProgressError.invalidLine(C8Runbook.SourceLocation(file: store.path, line: 3, column: 1), reason: "the line is longer than 1024 KiB")
        #expect(throws: error) { try Self.scan(store, mappedRun: nil) }
        #expect(throws: error) { try Self.scan(store, mappedRun: run) }
    }

    /// The mapping gives the asked bytes at any offset (not only page-aligned ones), and nothing for nothing.
    @Test func aMappingGivesTheBytesAskedForAndNothingForAnEmptyFile() throws {
        let folder = ProgressFixtures.folder(memory: true)
        let empty = folder.appendingPathComponent("empty").path
        try Data().write(to: URL(fileURLWithPath: empty))
        let emptyFile = try #require(try DurableFile.Reader(empty, name: empty))
        #expect(try emptyFile.withMapping(offset: 0, count: 0) { $0.count } == nil)
        #expect(try emptyFile.withMapping(offset: 0, count: 1) { $0.count } == nil, "past the end")
        let path = folder.appendingPathComponent("bytes").path
        let bytes = (0..<10_000).map { UInt8(truncatingIfNeeded: $0 &* 7) }
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let file = try #require(try DurableFile.Reader(path, name: path))
        for (offset, count) in [(0, 10_000), (1, 5), (4095, 3), (4096, 4096), (5000, 5000)] {
            #expect(try file.withMapping(offset: offset, count: count) { Array($0) } == Array(bytes[offset..<(offset + count)]))
        }
        #expect(try file.withMapping(offset: 9_999, count: 2) { $0.count } == nil)
    }
}
