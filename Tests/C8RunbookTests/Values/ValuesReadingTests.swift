@testable import C8Runbook
import Foundation
import Testing

/// Reading values files as Helm reads them (issue 9 item 1): line endings, BOM, tabs, quoted and flow keys, a
/// trailing empty document, duplicate keys, template expressions.
@Suite("values files read as Helm reads them")
struct ValuesReadingTests {
    static let lf = "global:\n  multiregion:\n    regions: 2\n# a comment\nzeebe:\n  env:\n    - name: A\n      value: \"1\"\n"

    @Test("CRLF, lone CR, BOM and mixed endings read like LF; the writer keeps the input's convention",
          arguments: [("\r\n", false, "\r\n"), ("\r", false, "\r"), ("\r\n", true, "\r\n"), ("\n", true, "\n")])
    func lineEndings(ending: String, bom: Bool, written: String) throws {
        let text = (bom ? "\u{FEFF}" : "") + Self.lf.replacingOccurrences(of: "\n", with: ending)
        let document = try ValuesReader.read(text, file: "v.yml")
        let reference = try ValuesReader.read(Self.lf, file: "v.yml")
        #expect(document.root == reference.root)
        #expect(document.header == reference.header && document.trailer == reference.trailer)
        var renamed = document
        renamed.root.set("extra", .string("x"))
        let output = renamed.rendered
        #expect(output.hasPrefix("\u{FEFF}") == bom)
        let expected = (bom ? "\u{FEFF}" : "") + (Self.lf + "extra: x\n").replacingOccurrences(of: "\n", with: written)
        #expect(output == expected)
        #expect(try ValuesReader.read(output, file: "out.yml").root.node(at: "zeebe.env")?.items?.count == 1)
    }

    /// YAML (libyaml, go-yaml) also breaks lines at NEL, LINE SEPARATOR and PARAGRAPH SEPARATOR, which editors do not
    /// show as breaks: `# note\u{2028}foo: bar` is a comment and a key for Helm. The reader kept lines at LF only, so
    /// its comments and spellings drifted from libyaml's marks and `values` wrote text it then refused (exit 70).
    @Test("a NEL, LINE SEPARATOR or PARAGRAPH SEPARATOR is refused where it is written, as editors count lines",
          arguments: [("a: 1\n# note\u{2028}foo: bar\n", 2, 7, "U+2028"), ("a: 1\r\nb: \"x\u{2029}y\"\r\n", 2, 6, "U+2029"),
                      ("a:\n  b: 1\u{85}  c: 2\n", 2, 7, "U+0085"), ("\u{FEFF}\u{1F600}: |\n  x\u{85}\n", 2, 4, "U+0085"),
                      ("a: |\n  x\ry\u{2028}\n", 3, 2, "U+2028")])
    func unicodeLineBreaksRefused(text: String, line: Int, column: Int, name: String) throws {
        let error = try #require(throws: ValuesError.self) { _ = try ValuesReader.read(text, file: "v.yml") }
        #expect(error.description.hasPrefix("v.yml:\(line):\(column): error: "), "\(error)")
        #expect(error.description.contains(name), "\(error)")
        #expect(error.exitStatus == .dataError)
    }

    @Test("a mixed file is written back in the ending most of its lines use")
    func mixedEndings() throws {
        let text = "a: 1\r\nb: 2\r\nc: 3\n"
        let document = try ValuesReader.read(text, file: "v.yml")
        #expect(document.convention.lineEnding == .crlf)
        #expect(document.rendered == "a: 1\r\nb: 2\r\nc: 3\r\n")
    }

    @Test("tabs inside scalars, quoted keys and flow keys are read; a renamed quoted key loses its old spelling")
    func keysAndTabs() throws {
        let document = try ValuesReader.read("\"zeebe\":\n  'env': [{name: A, value: \"a\\tb\"}]\nplain: a\tb\n", file: "v.yml")
        #expect(document.root.node(at: "zeebe.env")?.items?.first?.value["value"]?.text == "a\tb")
        #expect(document.root.node(at: "plain")?.text == "a\tb")
        var copy = document
        let index = try #require(copy.root.index(of: "zeebe"))
        var entries = try #require(copy.root.entries)
        entries[index].key = "orchestration"
        copy.root.content = .mapping(entries)
        let written = copy.rendered
        #expect(written.hasPrefix("orchestration:\n"))
        #expect(try ValuesReader.read(written, file: "out.yml").root.node(at: "orchestration.env") != nil)
    }

    @Test("a trailing empty document is ignored as Helm ignores it; a second document with values is refused")
    func documents() throws {
        let document = try ValuesReader.read("a: 1\n---\n", file: "v.yml")
        #expect(document.root.node(at: "a")?.text == "1")
        #expect(document.rendered == "a: 1\n---\n")
        #expect(throws: ValuesError.self) { try ValuesReader.read("a: 1\n---\nb: 2\n", file: "v.yml") }
        do {
            _ = try ValuesReader.read("a: 1\n---\nb: 2\n", file: "v.yml")
        } catch {
            #expect(error.description.hasPrefix("v.yml:3:1: error: a second YAML document"))
        }
    }

    @Test("a duplicate key points at the later occurrence, which Helm uses, top level and nested",
          arguments: [("a: 1\nb: 2\na: 3\n", "v.yml:3:1", "first at 1:1"),
                      ("x:\n  y: 1\n  z:\n    k: 1\n  y: 2\nw: 1\n", "v.yml:5:3", "first at 2:3"),
                      ("l:\n  - name: A\n    value: 1\n    name: B\n", "v.yml:4:5", "first at 2:5")])
    func duplicateKeys(text: String, location: String, first: String) throws {
        do {
            _ = try ValuesReader.read(text, file: "v.yml")
            Issue.record("expected a duplicate-key error")
        } catch {
            #expect(error.description.hasPrefix("\(location): error: duplicate key"))
            #expect(error.description.contains(first))
            #expect(error.description.contains("Helm uses this later one"))
        }
    }

    @Test("Helm template expressions: {{ .Release.Name }} is substituted, anything else is refused with the key")
    func templates() throws {
        #expect(try HelmTemplate.substitute("http://{{ .Release.Name }}-es:9200", release: "camunda").get() == "http://camunda-es:9200")
        #expect(try HelmTemplate.substitute("{{- .Release.Name -}}x{{.Release.Name}}", release: "r").get() == "rxr")
        guard case let .failure(unknown) = HelmTemplate.substitute("{{ .Values.global.x }}", release: "r") else { Issue.record("substituted"); return }
        #expect(!unknown.release)
        #expect(unknown.message(key: "k", releaseOption: "--release NAME").hasPrefix("Helm template expression '{{ .Values.global.x }}' in k:"))
        guard case let .failure(noRelease) = HelmTemplate.substitute("{{ .Release.Name }}", release: nil) else { Issue.record("substituted"); return }
        #expect(noRelease.release)
        #expect(noRelease.message(key: "k", releaseOption: "--release NAME").contains("pass --release NAME"))
    }
}
