import Foundation
import Testing
import Yams
@testable import C8Runbook

/// The name checks, done byte by byte, against the regular expressions they replace (with `\z`, the end of the
/// text, where the old patterns had ICU's `$`, which also matched before a final line break).
@Suite struct ValidateTests {
    typealias Check = @Sendable (String, ScenarioNode) throws -> Void

    static let checks: [(name: String, pattern: String, check: Check)] = [
        ("release", #"^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\z"#, Validate.releaseName),
        ("namespace", #"^[a-z0-9]([-a-z0-9]*[a-z0-9])?\z"#, Validate.namespace),
        ("exporter segment", #"^[A-Z][A-Z0-9]*\z"#, Validate.exporterSegment),
        ("gateway variable", #"^ZEEBE_GATEWAY_[A-Z0-9_]+\z"#, Validate.gatewayVariable),
        ("user name", #"^[A-Za-z0-9][A-Za-z0-9._@-]*\z"#, { try Validate.simpleName($0, $1, what: "a user name") }),
        ("context path", #"^/[A-Za-z0-9._~-]+(/[A-Za-z0-9._~-]+)*\z"#, Validate.contextPath),
    ]

    static func node(_ text: String) -> ScenarioNode {
        ScenarioNode(node: Node(text), file: "s.yml", path: "name")
    }

    /// Every text of up to three pieces: each check accepts exactly what its old pattern matched (within the
    /// length limits, which are checked before the pattern).
    @Test func byteChecksAcceptWhatTheirPatternsMatched() throws {
        let pieces = ["a", "z", "A", "Z", "0", "9", "-", ".", "_", "@", "~", "/", " ", "é", "\n", "ZEEBE_GATEWAY_",
                      "CAMUNDAREGION0", "camunda"]
        var texts = [""]
        for _ in 1...3 { texts += texts.flatMap { text in pieces.map { text + $0 } } }
        texts = Array(Set(texts)).sorted()
        #expect(texts.count > 5_000)
        for (name, pattern, check) in Self.checks {
            let regex = try NSRegularExpression(pattern: pattern)
            var differences: [String] = []
            for text in texts {
                let matched = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
                let reserved = name == "exporter segment" && CamundaExporter.reservedSegments.contains(text)
                let accepted = (try? check(text, Self.node(text))) != nil
                if accepted != (matched && !reserved) { differences.append(text) }
            }
            #expect(differences.isEmpty, "\(name): \(differences.prefix(10).map { "'\($0)'" })")
        }
    }

    /// ICU's `$` let `"camunda-paris\n"` through, and the line break split every command that named it.
    /// The storage URL's check for white space and shell characters reads ASCII text by byte; it answers as the
    /// Character check does, for every ASCII character at each end and inside a URL, CR LF, and non-ASCII text.
    @Test func spaceAndShellCharactersAreFoundByByteAsByCharacter() {
        func byCharacter(_ text: String) -> Bool { text.contains(where: { $0.isWhitespace || "'\"`$\\<>{}|".contains($0) }) }
        var texts = ["", "http://a:9200/x", "http://a\r\n", "\r\n", "http://é.example", "http://a\u{85}", "http://a\u{A0}b",
                     "http://a\u{2028}", "http://a\u{3000}", "ｈttp://a b"]
        for byte in UInt8(0)..<0x80 {
            let character = String(UnicodeScalar(byte))
            texts += [character, "http://a" + character + "b", character + "http://a", "http://a" + character]
        }
        for text in texts { #expect(Validate.hasSpaceOrShellCharacter(text) == byCharacter(text), "\(text.debugDescription)") }
    }

    @Test func aTrailingLineBreakIsRefusedAndShownOnOneLine() throws {
        let old = try NSRegularExpression(pattern: #"^[a-z0-9]([-a-z0-9]*[a-z0-9])?$"#)
        #expect(old.firstMatch(in: "camunda-paris\n", range: NSRange(location: 0, length: 14)) != nil)
        let valid = ["release": "camunda", "namespace": "camunda-paris", "exporter segment": "ELASTICSEARCHREGION1",
                     "gateway variable": "ZEEBE_GATEWAY_X", "user name": "alice", "context path": "/camunda"]
        for (name, _, check) in Self.checks {
            let text = try #require(valid[name])
            #expect(throws: Never.self, "\(name) '\(text)'") { try check(text, Self.node(text)) }
            let error = #expect(throws: ScenarioError.self, "\(name)") { try check(text + "\n", Self.node(text + "\n")) }
            #expect(error?.description.contains("'\(text)\\u{a}'") == true, "\(String(describing: error))")
            #expect(error?.description.contains("\n") == false)
        }
    }

    @Test func messagesAreUnchanged() {
        let error = #expect(throws: ScenarioError.self) { try Validate.namespace("Camunda-Paris", Self.node("Camunda-Paris")) }
        #expect(error?.description == "s.yml:1:1: error: namespace 'Camunda-Paris' is not a DNS-1123 label (lower-case letters, digits and '-', starting and ending with a letter or digit, at most 63 characters)")
    }
}
