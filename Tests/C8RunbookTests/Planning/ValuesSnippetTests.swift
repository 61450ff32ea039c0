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
