@testable import C8Runbook
import Testing
import Yams

/// The values reader reads libyaml's events itself (issue 12 item 5) and must refuse what it refused when Yams
/// composed the file first: the same error, at the same place, and the same one when a file has several problems.
@Suite struct ValuesReaderRefusalTests {
    static func error(_ text: String) throws -> ValuesError {
        try #require(throws: ValuesError.self) { _ = try ValuesReader.read(text, file: "v.yml") }
    }

    /// Duplicate keys Yams' composer finds (`Resolver.basic`: a plain and a quoted key with one text are one key,
    /// so is `!!str`; the key reported is the least of those written twice, at its first occurrence).
    static let duplicates = [
        "dupx: 1\ndupx: 2\n",
        "nest:\n  k: 1\n  j: 2\n  k: 3\n",
        "zz: 1\naa: 2\nzz: 3\naa: 4\n",
        "f: {a: 1, a: 2}\n",
        "qa: 1\n\"qa\": 2\n",
        "sa: 1\n!!str sa: 2\n",
        "ba: 1\n! ba: 2\n",
        (0..<12).map { "k\($0): \($0)\n" }.joined() + "k3: x\nk1: y\n",
        "o: 1\nin:\n  x: 1\n  x: 2\no: 2\n",
        "? [a]\n: b\n? [a]\n: c\n",
        // Many keys written twice (the least is not the first): found in one pass over the keys.
        Self.twice((0..<5_000).reversed().map { "k\($0)" }),
    ]

    static func twice(_ keys: [String]) -> String {
        keys.map { "\($0): 1\n" }.joined() + keys.map { "\($0): 2\n" }.joined()
    }

    @Test("a duplicate key is the one Yams' composer reports, at its first or Helm's occurrence", arguments: duplicates)
    func duplicateKeysAsYamsFindsThem(text: String) throws {
        let yamsError = try #require(throws: YamlError.self) {
            var documents = try Yams.compose_all(yaml: text, .basic)
            while documents.next() != nil {}
            if let error = documents.error { throw error }
        }
        guard case let .duplicatedKeysInMapping(keys, context) = yamsError, let key = keys.first else {
            Issue.record("Yams found no duplicate: \(yamsError)")
            return
        }
        let error = try Self.error(text)
        #expect(error.description.contains("duplicate key '\(key)'"), "\(error)")
        let first = "\(context.mark.line):\(context.mark.column)"
        #expect(error.description.hasPrefix("v.yml:\(first): ") || error.description.contains("(first at \(first))"), "\(error)")
    }

    /// Helm (go-yaml, then JSON) reads a tag on a key as nothing more than the key's value: `!custom a` is `a`,
    /// `!!int 1` is `1`. Yams' basic resolver kept them apart, so the reader took both, Helm kept one, and `values`
    /// stopped with exit 70 (the written text lost the tag and repeated the key).
    @Test("a key written twice is refused at the occurrence Helm uses, the last, whatever the tags, quotes or escapes",
          arguments: [
              ("dupk: 1\n!x dupk: 2\n", "v.yml:2:1: error: duplicate key 'dupk' (first at 1:1); Helm uses this later one"),
              ("1: a\n!!int 1: b\n", "v.yml:2:1: error: duplicate key '1' (first at 1:1); Helm uses this later one"),
              ("sa: 1\n!!str sa: 2\n", "v.yml:2:1: error: duplicate key 'sa' (first at 1:1); Helm uses this later one"),
              ("ba: 1\n! ba: 2\n", "v.yml:2:1: error: duplicate key 'ba' (first at 1:1); Helm uses this later one"),
              ("x: 1\n\"\\x78\": 2\n", "v.yml:2:1: error: duplicate key 'x' (first at 1:1); Helm uses this later one"),
              ("d: 1\nd: 2\nd: 3\n", "v.yml:3:1: error: duplicate key 'd' (first at 1:1); Helm uses this later one"),
              ("f: {a: 1, a: 2}\n", "v.yml:1:11: error: duplicate key 'a' (first at 1:5); Helm uses this later one"),
              ("f: {a: 1,\n  \"a\": 2}\n", "v.yml:2:3: error: duplicate key 'a' (first at 1:5); Helm uses this later one"),
              ("? a\n: 1\na: 2\n", "v.yml:3:1: error: duplicate key 'a' (first at 1:3); Helm uses this later one"),
          ])
    func duplicateKeyAtHelmsOccurrence(text: String, expected: String) throws {
        let error = try Self.error(text)
        #expect(error.description.hasPrefix(expected), "\(error)")
    }

    @Test("several problems in one file: the one reported is the one reported before")
    func precedence() throws {
        let anchor = ValuesReader.anchorsRefused
        // The first anchor or alias anywhere comes first (the alias pass ran before the composer) ...
        #expect(try Self.error("da: 1\nda: 2\nan: &x 3\n") == .invalid(SourceLocation(file: "v.yml", line: 3, column: 5), message: anchor))
        #expect(try Self.error("? [a]\n: b\nc: *x\n") == .invalid(SourceLocation(file: "v.yml", line: 3, column: 4), message: anchor))
        // ... unless a syntax error comes before it.
        #expect(try Self.error("bad: [1, 2\nan: &x 3\n").description == "v.yml:1:6: error: malformed YAML: the '[' opened here is not closed where expected (did not find expected ',' or ']' at 2:3)")
        // The composer's errors (syntax, duplicates, a second document) before the walk's (keys that are not names).
        #expect(try Self.error("? [a]\n: b\nc: [\n").description == "v.yml:4:1: error: malformed YAML: did not find expected node content")
        #expect(try Self.error("<<: {a: 1}\nq: 1\nq: 2\n").description.hasPrefix("v.yml:3:1: error: duplicate key 'q' (first at 2:1)"))
        #expect(try Self.error("? [a]\n: b\n---\nx: 1\n").description.hasPrefix("v.yml:4:1: error: a second YAML document"))
        // A second document's own duplicate before the second document itself; a syntax error after it after all.
        #expect(try Self.error("a: 1\n---\nb: 2\nb: 3\n").description.hasPrefix("v.yml:4:1: error: duplicate key 'b'"))
        #expect(try Self.error("a: 1\n---\nb: 2\n---\nc: [\n").description.hasPrefix("v.yml:3:1: error: a second YAML document"))
        // Empty documents after the first are skipped, then a later one with values is refused.
        #expect(try Self.error("a: 1\n---\n---\nb: 2\n").description.hasPrefix("v.yml:4:1: error: a second YAML document"))
        // The top level before the walk.
        #expect(try Self.error("- ? [a]\n  : b\n").description == "v.yml:1:1: error: the top level of a values file must be a mapping, found a list")
        #expect(try Self.error("---\n").description == "v.yml:2:1: error: the top level of a values file must be a mapping, found nothing")
        #expect(try Self.error("# nothing\n").description.hasPrefix("v.yml:1:1: error: the values file is empty"))
        // The walk's first problem.
        #expect(try Self.error("a:\n  <<: {b: 1}\n? [c]\n: d\n").description.hasPrefix("v.yml:2:3: error: merge keys ('<<')"))
        #expect(try Self.error("? {a: 1}\n: b\n").description == "v.yml:1:3: error: keys in a values file must be plain names")
    }

    /// libyaml gives up on an unclosed quote or bracket where the file ends or the next key starts, often far below;
    /// the error points at the opening, by characters (CRLF and non-ASCII text before it), and says where reading
    /// stopped. A tab where indentation is expected and a key indented too deep are named as such.
    @Test("an unclosed quote or bracket is placed where it opens; a tab and a too deep key say so", arguments: [
        ("a: 1\nb: \"never closed\nc: 2\n", "v.yml:2:4: error: malformed YAML: the quoted value opened here is not closed (found unexpected end of stream at 4:1)"),
        ("é: ☃\r\nx: 'ünï\r\ny: 1\r\n", "v.yml:2:4: error: malformed YAML: the quoted value opened here is not closed (found unexpected end of stream at 4:1)"),
        ("m: {a: 1\n\nb: 2\n", "v.yml:1:4: error: malformed YAML: the '{' opened here is not closed where expected (did not find expected ',' or '}' at 3:2)"),
        ("g:\n  r: 2\n\tid: 1\n", "v.yml:3:1: error: malformed YAML: a tab character where YAML expects indentation or a value (YAML indents with spaces only; Helm refuses the file too): found a tab character that violates indentation"),
        ("z:\n    a: 8\n     b: 8\n", "v.yml:3:7: error: malformed YAML: mapping values are not allowed in this context (a key indented more than the key above it reads as the rest of that key's value: check this line's indentation)"),
    ])
    func unclosedAndIndentation(text: String, message: String) throws {
        #expect(try Self.error(text).description == message)
    }

    @Test("a reader error (a control character) is placed by characters, after non-ASCII text")
    func readerErrorPlace() throws {
        let error = try Self.error("é: ☃\nb: x\u{01}y\n")
        #expect(error.description == "v.yml:2:5: error: malformed YAML: control characters are not allowed")
    }

    @Test("marks, styles and spellings of a tree read from events")
    func marksAndStyles() throws {
        let document = try ValuesReader.read("# head\n\na: 1  # one\nb:\n  - 'x'   # q\n  -   k: \"v\\tw\"\nc: |\n  text\nd: [p, q]\n", file: "v.yml")
        let root = document.root
        #expect(root.entries?.map(\.key) == ["a", "b", "c", "d"])
        #expect(root.entries?.map { $0.keyLocation.map { "\($0.line):\($0.column)" } ?? "" } == ["3:1", "4:1", "7:1", "9:1"])
        #expect(root["a"]?.scalar?.spelling == "1" && root["a"]?.scalar?.kind == .int)
        #expect(root.entries?.first?.trailingComment == "  # one")
        #expect(root.entries?.first?.leading == ["# head", ""])
        let items = try #require(root["b"]?.items)
        #expect(items.first?.value.scalar?.spelling == "'x'" && items.first?.trailingComment == "   # q")
        #expect(items.first?.value.location == SourceLocation(file: "v.yml", line: 5, column: 5))
        #expect(items.last?.value["k"]?.scalar?.spelling == "\"v\\tw\"" && items.last?.value["k"]?.text == "v\tw")
        #expect(root["c"]?.scalar?.block?.lines == ["text"] && root["c"]?.scalar?.block?.header == "|")
        #expect(root["d"]?.items?.map { $0.value.text ?? "" } == ["p", "q"])
        #expect(document.style == .init(step: 2, sequenceOffset: 2, itemOffset: 4))
    }

    /// libyaml (YAML 1.2) reads `\/` as `/`; helm 4.1.4 refuses the file: "yaml: found unknown escape character"
    /// (go-yaml's YAML 1.1 escapes; every other escape of libyaml's it reads alike). The file was read, and its 8.8
    /// files written, for a deployment Helm could not install from them.
    @Test("'\\/' in a double-quoted value is refused where it is written, also on a continued line", arguments: [
        ("url: \"http:\\/\\/es:9200\"\n", "v.yml:1:12:"),
        ("a:\n  b: \"é \\\n    x\\/y\"\n", "v.yml:3:6:"),
        ("a: 1\nb: [\"x\", \"y\\/\"]\n", "v.yml:2:12:"),
    ])
    func slashEscape(text: String, place: String) throws {
        let error = try Self.error(text)
        #expect(error.description.hasPrefix(place + " error: '\\/' in a double-quoted value: YAML 1.2 reads it as '/', but Helm's YAML reader (go-yaml, YAML 1.1) knows no such escape and refuses the whole file"), "\(error)")
    }

    @Test("a slash after an escaped backslash, or in single quotes, is no escape", arguments: [
        "a: \"x\\\\/y\"\n", "a: '\\/'\n", "a: \\/\n", "a: \"http://x/\"\n",
    ])
    func noSlashEscape(text: String) throws {
        #expect(throws: Never.self) { _ = try ValuesReader.read(text, file: "v.yml") }
    }

    /// helm 4.1.4 (`toJson .Values`) took each pair as one key, keeping the later value: go-yaml types plain keys
    /// (YAML 1.1) and sigs.k8s.io/yaml formats them as JSON keys. The reader compared keys by text and took both.
    @Test("keys written differently that Helm reads as one key are a duplicate, named as written", arguments: [
        ("01: a\n1: b\n", "v.yml:2:1: error: duplicate key '1' (first at 1:1, written 01 there and 1 here: one key for Helm)"),
        ("m:\n  0x1: a\n  +1: b\n", "v.yml:3:3: error: duplicate key '1' (first at 2:3, written 0x1 there and +1 here: one key for Helm)"),
        ("on: a\n\"true\": b\n", "v.yml:2:1: error: duplicate key 'true' (first at 1:1, written on there and true here: one key for Helm)"),
        ("f: {1.0: a, 1: b}\n", "v.yml:1:13: error: duplicate key '1' (first at 1:5, written 1.0 there and 1 here: one key for Helm)"),
        ("No: a\nfalse: b\n", "v.yml:2:1: error: duplicate key 'false' (first at 1:1, written No there and false here: one key for Helm)"),
    ])
    func keysHelmReadsAlike(text: String, message: String) throws {
        let error = try Self.error(text)
        #expect(error.description.hasPrefix(message), "\(error)")
    }

    @Test("keys Helm reads apart stay apart", arguments: ["01: a\n'01': b\n", "!!str 1: a\n'1.0': b\n", "yes: a\n'yes': b\n", "1: a\n2: b\n"])
    func keysHelmReadsApart(text: String) throws {
        #expect(throws: Never.self) { _ = try ValuesReader.read(text, file: "v.yml") }
    }

    /// helm 4.1.4 refused each of these files ('did not find expected <document start>', '%YAML 1.2': 'found
    /// incompatible YAML document'); the reader kept the directive in the header, and values wrote it into the 8.8 files.
    @Test("a directive is refused at its line, naming it", arguments: [
        ("%YAML 1.1\n---\na: 1\n", "v.yml:1:1: error: the directive '%YAML':"),
        ("# values\n%YAML 1.2\n---\na: 1\n", "v.yml:2:1: error: the directive '%YAML':"),
        ("%TAG !e! tag:example.com,2000:\n--- !e!m\na: 1\n", "v.yml:1:1: error: the directive '%TAG':"),
        ("a: 1\n...\n%YAML 1.1\n---\n", "v.yml:3:1: error: the directive '%YAML':"),
    ])
    func directives(text: String, message: String) throws {
        let error = try Self.error(text)
        #expect(error.description.hasPrefix(message) && error.description.contains("Helm refuses the file"), "\(error)")
    }

    @Test("the message of a second document says what Helm 3 and Helm 4 each do with it")
    func secondDocumentMessage() throws {
        let error = try Self.error("a: 1\n---\nb: 2\n")
        #expect(error.description == "v.yml:3:1: error: a second YAML document ('---' followed by values); Helm 3 reads only the first document of a values file and ignores these values, Helm 4 merges them into the first: move them into the first document or remove the '---'")
    }

    /// A quote left open closes at the next quote in the file, here the opening quote of a later value, and libyaml
    /// (and Helm: 'line 4: did not find expected key') stops after it; the error named that later line.
    @Test("a quote left open that closes at a later value's quote is placed where it opens", arguments: [
        ("a: \"GZIP\nb: 1\nc:\n  d: x\ne: \"y\"\n", "v.yml:1:4: error: malformed YAML: the quoted value opened here does not close on its line and runs on to line 5, where reading stopped (did not find expected key at 5:5)"),
        ("é: ü\r\nl:\r\n  - 'one\r\n  - 'two'\r\n", "v.yml:3:5: error: malformed YAML: the quoted value opened here does not close on its line and runs on to line 4, where reading stopped"),
    ])
    func openQuoteClosedLater(text: String, message: String) throws {
        let error = try Self.error(text)
        #expect(error.description.hasPrefix(message), "\(error)")
    }

    @Test("a quoted value over several lines that closes well is read")
    func multiLineQuote() throws {
        let root = try ValuesReader.read("a: \"x\n  y\"\nb: 'p\n  q'\n", file: "v.yml").root
        #expect(root["a"]?.text == "x y" && root["b"]?.text == "p q")
    }

    /// helm 4.1.4 refused each: 'error converting YAML to JSON: unsupported map key of type: %!s(<nil>)'.
    @Test("a null key is refused where it is written; a quoted one is a name", arguments: [
        ("a:\n  ~: x\n", "v.yml:2:3: error: a null key ('~')"),
        ("a:\n  b: 1\n  null: x\n", "v.yml:3:3: error: a null key ('null')"),
        ("a:\n  ? \n  : x\n", "v.yml:2:4: error: a null key ('')"),
        ("a: {b: 1, !!null x: 2}\n", "v.yml:1:11: error: a null key ('x')"),
    ])
    func nullKeys(text: String, message: String) throws {
        let error = try Self.error(text)
        #expect(error.description.hasPrefix(message) && error.description.contains("Helm refuses the file ('unsupported map key')"), "\(error)")
        #expect(throws: Never.self) { _ = try ValuesReader.read("a:\n  \"~\": x\n  'null': y\n", file: "v.yml") }
    }

    /// libyaml (and Helm) name the line only: 'did not find expected key' for a key one column off or a list item
    /// among keys, 'did not find expected '-' indicator' for a key among list items.
    @Test("an indentation mistake says to check the line's indentation", arguments: [
        ("a:\n  b: 1\n c: 2\n", "v.yml:3:2: error: malformed YAML: did not find expected key (this line starts in a column where no mapping above it has its keys"),
        ("a:\n  b:\n    - x\n   - y\n", "v.yml:4:4: error: malformed YAML: did not find expected key (this line starts in a column"),
        ("a:\n  b: 1\n  - c\n", "v.yml:3:3: error: malformed YAML: did not find expected key (this line starts in a column where no mapping above it has its keys, or is a list item among keys: check its indentation)"),
        ("a:\n  - x\n  b: 1\n", "v.yml:3:3: error: malformed YAML: did not find expected '-' indicator (a key among the items of a list: check this line's indentation, or start it with '- ')"),
    ])
    func indentationMistakes(text: String, message: String) throws {
        let error = try Self.error(text)
        #expect(error.description.hasPrefix(message), "\(error)")
    }
}
