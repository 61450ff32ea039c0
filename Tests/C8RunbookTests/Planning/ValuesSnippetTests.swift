import Foundation
import Testing
import Yams
@testable import C8Runbook

@Suite struct ValuesSnippetTests {
    @Test(arguments: [
        ("GZIP", "GZIP"), ("500ms", "500ms"), ("http://camunda-es:9200", "http://camunda-es:9200"),
        ("io.camunda.exporter.CamundaExporter", "io.camunda.exporter.CamundaExporter"), ("it's", "it's"),
        ("8", "'8'"), ("0.85", "'0.85'"), ("true", "'true'"), ("yes", "'yes'"), ("off", "'off'"), ("~", "'~'"), ("null", "'null'"),
        ("2026-11-24", "'2026-11-24'"), ("", "''"), ("a: b", "'a: b'"), ("#x", "'#x'"), ("x #y", "'x #y'"), ("*alias", "'*alias'"),
        ("-Xmx1g", "'-Xmx1g'"), (" padded", "' padded'"), ("it's: here", "'it''s: here'"),
    ])
    func scalarsReadBackAsTheSameString(_ text: String, _ written: String) throws {
        let formatted = ValuesSnippet.format(.string(text))
        #expect(formatted == written)
        let node = try #require(try Yams.compose(yaml: "key: \(formatted)"))
        #expect(node["key"]?.string == text)
        #expect(Resolver.default.resolveTag(of: try #require(node["key"])) == .str)
    }

    @Test func nestedKeysShareTheirParents() {
        var snippet = ValuesSnippet()
        snippet.set("orchestration.exporters.camunda.enabled", .bool(false))
        snippet.set("orchestration.exporters.zeebe.enabled", .bool(false), comment: "legacy exporter off")
        snippet.set("orchestration.clusterSize", .quoted("8"))
        #expect(snippet.text == """
            orchestration:
              exporters:
                camunda:
                  enabled: false
                zeebe:
                  enabled: false  # legacy exporter off
              clusterSize: '8'
            """)
    }
}

@Suite struct ValuesSnippetControlTests {
    /// A value holding a control character or a line or paragraph separator is quoted, never written plain,
    /// whether the rest of it is ASCII or not; the same text without it stays plain.
    @Test(arguments: ["\u{01}", "\u{1F}", "\t", "\u{7F}", "\u{85}", "\u{9F}", "\u{2028}", "\u{2029}"])
    func controlsAreQuoted(control: String) {
        for text in ["value\(control)x", "välue\(control)x", "\(control)value"] {
            #expect(!ValuesSnippet.isPlainSafe(text), "\(text.debugDescription)")
        }
        #expect(ValuesSnippet.isPlainSafe("valuex"))
        #expect(ValuesSnippet.isPlainSafe("välue-x"))
    }
}

@Suite struct ValuesSnippetASCIITests {
    /// The byte path `isPlainSafe` takes for ASCII text agrees with the `Character` reference on every string of up
    /// to three characters over the bytes its checks look at (indicators, `:`, `#`, space, controls, CR LF, letters,
    /// digits), and on the values every variant's snippets quote or not.
    @Test func asciiPathAgreesWithTheReference() throws {
        let alphabet = ["a", "8", ":", "#", " ", "-", "'", "\"", "\t", "\r\n", "\r", "\u{7F}", "~", "=", "<", ".", "`", "@", "y"]
        var texts = [""]
        var layer = [""]
        for _ in 0..<3 {
            layer = layer.flatMap { prefix in alphabet.map { prefix + $0 } }
            texts += layer
        }
        texts += ["yes", "Off", "null", "0x1F", "1_000", "2026-11-24", "<<", "a: b", "a:b", "x #y", "x#y", "http://es:9200/",
                  "it's", "-Xmx1g", "value:", "a :b", "ab ", " ab", "1:20", "+12", ".5", "0o17"]
        var checked = 0
        for text in texts {
            #expect(ValuesSnippet.isPlainSafe(text) == ValuesSnippet.isPlainSafeByCharacters(text), "\(text.debugDescription)")
            checked += 1
        }
        #expect(checked > 7_000)
    }

    /// A dotted path's keys, split by byte for ASCII, are the `Character` split's, empty keys dropped alike.
    @Test(arguments: ["orchestration.exporters.camunda.enabled", "a..b", ".a", "a.", "", ".", "a", "a.b\r\n.c", "é.a", "a.\u{301}b"])
    func keysAreTheCharacterSplit(_ path: String) {
        #expect(ValuesSnippet.keys(path) == path.split(separator: "."))
    }

    /// A quoted ASCII value has each apostrophe doubled, as Foundation's replacement does.
    @Test(arguments: ["it's", "''", "a'b'c", "'", "no quote", ""])
    func quotedASCIIDoublesApostrophes(_ text: String) {
        #expect(ValuesSnippet.format(.quoted(text)) == "'" + text.replacingOccurrences(of: "'", with: "''") + "'")
    }
}
