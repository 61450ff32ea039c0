import Foundation
import Testing
@testable import C8Runbook

@Suite struct ProgressFileCodecTests {
    static let event = ProgressEvent(action: .tick, step: "prepare.versions", contentHash: "0123456789abcdef", by: "alice",
                                     at: "2026-11-24T21:43:56Z", host: "host-1", note: "checked with helm list", forced: false,
                                     runbook: "fedcba9876543210")

    @Test func roundTripsAndWritesSortedKeysDeterministically() throws {
        let file = ProgressFile(runbookFingerprint: "fedcba9876543210", events: [Self.event])
        let data = file.encoded()
        #expect(try ProgressFile.decode(data, path: "p.json") == file)
        #expect(file.encoded() == data)
        let text = String(decoding: data, as: UTF8.self)
        // A header line, then one line per event, keys sorted, every line ended.
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 3 && lines.last == "")
        #expect(lines[0] == #"{"deployment":null,"formatVersion":2,"scenario":null}"#)
        #expect(lines[1] == #"{"action":"tick","at":"2026-11-24T21:43:56Z","by":"alice","contentHash":"0123456789abcdef","forced":false,"host":"host-1","note":"checked with helm list","runbook":"fedcba9876543210","step":"prepare.versions"}"#)
    }

    @Test func anEventWithoutNoteOmitsTheKey() throws {
        var event = Self.event
        event.note = nil
        let text = String(decoding: ProgressFile(runbookFingerprint: "f", events: [event]).encoded(), as: UTF8.self)
        #expect(!text.contains("note"))
        #expect(try ProgressFile.decode(Data(text.utf8), path: "p").events == [event])
    }

    static let valid = String(decoding: ProgressFile(runbookFingerprint: "fedcba9876543210", events: [event, event]).encoded(), as: UTF8.self)
    static let validVersion1: String = {
        var file = ProgressFile(runbookFingerprint: "fedcba9876543210", events: [event, event])
        file.formatVersion = 1
        return String(decoding: file.encodedVersion1(), as: UTF8.self)
    }()

    /// A position in `p.json`.
    static func at(_ line: Int, _ column: Int) -> C8Runbook.SourceLocation { C8Runbook.SourceLocation(file: "p.json", line: line, column: column) }

    /// The 1-based column where `needle` first appears on line `line` of `text` (all ASCII here), found by search.
    static func column(of needle: String, line: Int, in text: String) -> Int {
        let row = String(text.split(separator: "\n", omittingEmptySubsequences: false)[line - 1])
        guard let range = row.range(of: needle) else { return -1 }
        return row.distance(from: row.startIndex, to: range.lowerBound) + 1
    }

    /// The first event line cut short after `,"st`, the second intact.
    static let cut = valid.replacingOccurrences(of: ",\"step\":\"prepare.versions\"}\n{", with: ",\"st\n{")

    /// Bad files and the error each must give.
    static let refused: [(String, String, @Sendable (ProgressError) -> Bool)] = [
        ("empty", "", { if case .corrupt = $0 { true } else { false } }),
        ("garbage", "this is not json {", { if case .corrupt = $0 { true } else { false } }),
        ("truncated version 1", String(validVersion1.prefix(validVersion1.count / 2)), { if case .corrupt = $0 { true } else { false } }),
        ("binary", "\u{0}\u{1}\u{2}", { if case .corrupt = $0 { true } else { false } }),
        ("array", "[1, 2]", { if case .foreign = $0 { true } else { false } }),
        ("package.json", #"{"name": "x", "version": "1.0.0"}"#, { if case .foreign = $0 { true } else { false } }),
        ("runbook json", #"{"formatVersion": 1, "scenario": {}, "phases": [], "warnings": []}"#, { if case .foreign = $0 { true } else { false } }),
        ("version not a number", #"{"formatVersion": "1", "runbookFingerprint": "f", "events": []}"#, { if case .foreign = $0 { true } else { false } }),
        ("future version", #"{"formatVersion": 3, "runbookFingerprint": "f", "events": [], "newThing": true}"#, { $0 == .futureVersion(path: "p.json", version: 3) }),
        ("future version, lines", "{\"formatVersion\":3,\"x\":1}\n{}\n", { $0 == .futureVersion(path: "p.json", version: 3) }),
        ("version 2 in one object", #"{"formatVersion": 2, "runbookFingerprint": "f", "events": []}"#, { if case .foreign = $0 { true } else { false } }),
        ("unknown header key", "{\"deployment\":null,\"formatVersion\":2,\"scenario\":null,\"x\":1}\n", { $0 == .invalidLine(at(1, column(of: "\"x\"", line: 1, in: "{\"deployment\":null,\"formatVersion\":2,\"scenario\":null,\"x\":1}")), reason: "unknown key 'x'") }),
        ("header scenario not a path", "{\"deployment\":null,\"formatVersion\":2,\"scenario\":7}\n", { $0 == .invalidLine(at(1, column(of: "7}", line: 1, in: "{\"deployment\":null,\"formatVersion\":2,\"scenario\":7}")), reason: "'scenario' must be the scenario file's path or null") }),
        ("a broken line before the last", valid.replacingOccurrences(of: "\"forced\":false,\"host\"", with: "\"forced\":fa"),
         { $0 == .invalidLine(at(2, column(of: "\"forced\":fa", line: 2, in: valid.replacingOccurrences(of: "\"forced\":false,\"host\"", with: "\"forced\":fa")) + 11), reason: "malformed JSON") }),
        ("a line cut short before the last", cut,
         { $0 == .invalidLine(at(2, column(of: ",\"st", line: 2, in: cut) + 4), reason: "malformed JSON") }),
        ("a line nested past any event", valid.replacingOccurrences(of: "}\n{\"action\"", with: "}\n" + String(repeating: "[", count: 200_000) + "\n{\"action\""),
         { $0 == .invalidLine(at(2, 65), reason: "malformed JSON") }),
        ("a line that is an array", valid.replacingOccurrences(of: "}\n{\"action\"", with: "}\n[1]\n{\"action\""), { $0 == .invalidLine(at(2, 1), reason: "not a JSON object") }),
        ("unknown top key", #"{"formatVersion": 1, "runbookFingerprint": "f", "events": [], "extra": 1}"#, { $0 == .invalid(path: "p.json", at: "extra", reason: "unknown key 'extra'") }),
        ("bad action", valid.replacingOccurrences(of: "\"tick\"", with: "\"tock\""), { $0 == .invalidLine(at(2, 11), reason: "'action': expected 'tick' or 'untick'") }),
        ("bad time", valid.replacingOccurrences(of: "2026-11-24T21:43:56Z", with: "yesterday"),
         { $0 == .invalidLine(at(2, 23), reason: "'at': 'yesterday' is not an ISO 8601 time such as 2026-11-24T21:43:56Z") }),
        ("missing by", valid.replacingOccurrences(of: "\"by\"", with: "\"who\""), { $0 == .invalidLine(at(2, column(of: "\"who\"", line: 2, in: valid.replacingOccurrences(of: "\"by\"", with: "\"who\""))), reason: "unknown key 'who'") }),
        ("empty by", valid.replacingOccurrences(of: "\"by\":\"alice\"", with: "\"by\" : \"\""), { $0 == .invalidLine(at(2, column(of: "\"by\" : \"\"", line: 2, in: valid.replacingOccurrences(of: "\"by\":\"alice\"", with: "\"by\" : \"\"")) + 7), reason: "'by': empty") }),
        ("forced not a bool", valid.replacingOccurrences(of: "\"forced\":false", with: "\"forced\":\"no\""), { $0 == .invalidLine(at(2, column(of: "\"forced\"", line: 2, in: valid) + 9), reason: "'forced': expected true or false") }),
        ("forced a number", valid.replacingOccurrences(of: "\"forced\":false", with: "\"forced\":0"), { $0 == .invalidLine(at(2, column(of: "\"forced\"", line: 2, in: valid) + 9), reason: "'forced': expected true or false") }),
    ]

    @Test func aLineThatIsNotUTF8IsNamedAtItsFirstBadByte() throws {
        let text = Self.valid.replacingOccurrences(of: "\"note\":\"checked", with: "\"note\":\"ché@cked")
        var data = Data(text.utf8)
        let at = try #require(data.firstIndex(of: UInt8(ascii: "@")))
        data[at] = 0xFF
        #expect(throws: ProgressError.invalidLine(Self.at(2, Self.column(of: "ché@", line: 2, in: text) + 3), reason: "not UTF-8 text")) {
            _ = try ProgressFile.decode(data, path: "p.json")
        }
    }

    @Test(arguments: refused.indices) func refusesWhatIsNotProgress(_ index: Int) {
        let (name, text, matches) = Self.refused[index]
        #expect(text != Self.valid, "\(name): the fixture must differ from the valid file")
        do {
            _ = try ProgressFile.decode(Data(text.utf8), path: "p.json")
            Issue.record("\(name): accepted")
        } catch {
            #expect(matches(error), "\(name): \(error)")
            #expect(error.exitStatus == .dataError)
            #expect(error.description.hasPrefix("p.json: error: ")
                || error.description.range(of: #"^p\.json:[0-9]+:[0-9]+: error: "#, options: .regularExpression) != nil, "\(error)")
            #expect(error.description.hasSuffix("it was left untouched"))
        }
    }

    @Test func openPrerequisitesAreGroupedByConstraint() {
        let open = [OpenPrerequisite(step: "a", constraint: "O4", reason: "four."), OpenPrerequisite(step: "b", constraint: "O6", reason: "six."),
                    OpenPrerequisite(step: "c", constraint: "O4", reason: "four."), OpenPrerequisite(step: "d", constraint: "O4", reason: "four.")]
        #expect(ProgressError.blocked(step: "post.helm.region0", prerequisites: open).description
            == "error: cannot tick 'post.helm.region0': 'a', 'c' and 'd' are not done (O4: four.); 'b' is not done (O6: six.); tick those first, or use --force to record it anyway")
    }

    @Test func messagesSayWhatIsWrong() {
        #expect(ProgressError.futureVersion(path: "p.json", version: 7).description
            == "p.json: error: progress file formatVersion 7 was written by a newer c8runbook (this one reads up to 2); it was left untouched")
        #expect(ProgressError.unknownStep(id: "upgrade.helm.regoin0", suggestions: ["upgrade.helm.region0"]).description
            == "error: no step 'upgrade.helm.regoin0' in this runbook (did you mean 'upgrade.helm.region0'?)")
    }
}
