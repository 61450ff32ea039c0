@testable import C8Runbook
import Foundation
import Testing
import Yams

/// `YAMLEvents` hands readers libyaml's events without Yams' tree (issue 12 item 5). Yams' composer is the
/// reference: every node's position, scalar style, tag and value must be what `Yams.compose_all` gives, and every
/// syntax error the same place and words.
@Suite struct YAMLEventsTests {
    /// One node in document order, as both sides see it.
    struct Flat: Equatable, CustomStringConvertible {
        var kind: String
        var line: Int
        var column: Int
        var style: Int
        var tag: String
        var value: String

        var description: String { "\(kind)@\(line):\(column) style \(style) \(tag) '\(value)'" }
    }

    /// Tags compared after `Resolver.basic` (Yams resolves a mapping key's tag in place when it checks duplicates).
    static func basic(_ tag: String?, _ kind: String) -> String {
        guard let tag, !tag.isEmpty, tag != "!" else {
            return kind == "scalar" ? Tag.Name.str.rawValue : kind == "mapping" ? Tag.Name.map.rawValue : Tag.Name.seq.rawValue
        }
        return tag
    }

    static func yams(_ text: String) throws -> [Flat] {
        var flat: [Flat] = []
        func walk(_ node: Node) {
            let mark = node.mark
            switch node {
            case let .scalar(scalar):
                flat.append(Flat(kind: "scalar", line: mark?.line ?? 0, column: mark?.column ?? 0, style: Int(scalar.style.rawValue),
                                 tag: basic(scalar.tag.description, "scalar"), value: scalar.string))
            case let .mapping(mapping):
                flat.append(Flat(kind: "mapping", line: mark?.line ?? 0, column: mark?.column ?? 0, style: 0, tag: basic(mapping.tag.description, "mapping"), value: ""))
                for (key, value) in mapping { walk(key); walk(value) }
            case let .sequence(sequence):
                flat.append(Flat(kind: "sequence", line: mark?.line ?? 0, column: mark?.column ?? 0, style: 0, tag: basic(sequence.tag.description, "sequence"), value: ""))
                sequence.forEach(walk)
            case .alias:
                flat.append(Flat(kind: "alias", line: 0, column: 0, style: 0, tag: "", value: ""))
            }
        }
        var documents = try Yams.compose_all(yaml: text, .basic)
        while let document = documents.next() { walk(document) }
        if let error = documents.error { throw error }
        return flat
    }

    static func events(_ text: String) -> (flat: [Flat], failure: YAMLParseFailure?) {
        var flat: [Flat] = []
        let failure = YAMLEvents.parse(text) { event in
            switch event {
            case let .scalar(scalar):
                flat.append(Flat(kind: "scalar", line: scalar.start.line, column: scalar.start.column, style: scalar.style.rawValue,
                                 tag: basic(scalar.tag, "scalar"), value: scalar.value))
            case let .mappingStart(start):
                flat.append(Flat(kind: "mapping", line: start.start.line, column: start.start.column, style: 0, tag: basic(start.tag, "mapping"), value: ""))
            case let .sequenceStart(start):
                flat.append(Flat(kind: "sequence", line: start.start.line, column: start.start.column, style: 0, tag: basic(start.tag, "sequence"), value: ""))
            default:
                break
            }
            return true
        }
        return (flat, failure)
    }

    static let wellFormed = [
        "a: 1\nb:\n  - x\n  - 'y'\n  - \"z\"\n",
        "flow: {a: 1, b: [x, 'y', \"z\"]}  # c\nlist: [1, 2, {c: d}]\n",
        "m: {\n  # inside\n  a: 1,\n\n  b: [x,\n     y],\n}\n",
        "b1: |\n  line1\n\n  line3\nb2: >-\n    folded\n    more\n\nb3: |+\n  keep\n\n\nb4: |2\n    indented\nlast: 1\n",
        "\"qk\": 1\n'sk': 'it''s'\ndq: \"a\\tb\\u00e9\"\nesc: \"a\\\"b\"\nnul: \"a\\0b\"\n",
        "m1: a\n  b\n  c\nm2: \"x\n  y\"\nm3: 'p\n\n  q'\n",
        "t1: !!str 5\nt2: !!int \"7\"\nt3: ! x\nt4: !custom foo\nt5: !!map {a: 1}\nt6: !!seq [1]\n! k: v\n",
        "# é ☃\nuni: \"héllo ☃\"  # ✓\nkéy: valüe\nemoji: 😀 x\nafter: 'z'\n",
        "quoted: \"a\u{2028}b\"\nsingle: 'c\u{85}d'\nafter: 1\n",
        "---\n# header\nfirst: 1\n...\n--- second\n---\n- x\n",
        "n1:\nn2: ~\nn3: null\nn4: ''\n? ek\n: ev\n? ek2\n",
        "s0:\n- a\n- b\ns4:\n    -   a\n    -   k: v\n        j: w\n",
        "",
        "# only a comment\n",
        "a: 1\r\nb:\r\n  - 2\r\n",
    ]

    @Test("marks, scalar styles, tags and values are those of Yams' composer", arguments: wellFormed)
    func eventsMatchYamsCompose(text: String) throws {
        let (flat, failure) = Self.events(text)
        #expect(failure == nil)
        let reference = try Self.yams(text)
        #expect(flat == reference)
        // The corpus means something only if it was read.
        #expect(text.isEmpty || text.hasPrefix("#") || !flat.isEmpty)
    }

    @Test("the values files of the shared fixture and field cases give Yams' nodes", .enabled(if: TestPaths.hasShared, "needs ../shared"))
    func sharedFilesMatchYamsCompose() throws {
        let shared = try #require(TestPaths.shared)
        let paths = (FileManager.default.enumerator(atPath: shared.path)?.allObjects as? [String] ?? [])
            .filter { ($0.hasPrefix("cases/values/") || $0.hasPrefix("fixtures/")) && ($0.hasSuffix(".yml") || $0.hasSuffix(".yaml")) }
        #expect(paths.count > 5)
        for path in paths {
            let text = try String(contentsOf: shared.appendingPathComponent(path), encoding: .utf8)
            guard let reference = try? Self.yams(text) else { continue }
            #expect(Self.events(text).flat == reference, "\(path)")
        }
    }

    static let malformed = [
        "a:\n  b: 1\n c: 2\n",
        "a: \"abc\nb: 1\n",
        "a:\n\tb: 1\n",
        "é: x\u{01}y\n",
        "a: 1\nb: ☃\nc: \u{07}\n",
        "bad: [1, 2\nan: 3\n",
        "a: 1\n---\nb: [\n",
        "a: " + String(repeating: "[", count: 1100) + String(repeating: "]", count: 1100) + "\n",
        "a: @x\n",
        "- a\nb: c\n",
    ]

    @Test("a syntax error is reported where and as Yams reports it", arguments: malformed)
    func syntaxErrorsMatchYams(text: String) throws {
        let failure = try #require(Self.events(text).failure)
        let yamsError = try #require(throws: (any Error).self) { _ = try Self.yams(text) }
        let expected = try #require(YAMLSyntaxProblem(yamsError, file: "f.yml"))
        let problem = try #require(YAMLSyntaxProblem(failure, text: text, file: "f.yml"))
        #expect(problem.location == expected.location)
        #expect(problem.problem == expected.problem)
    }

    @Test("a body that stops or throws ends the parse; nothing is reported as a failure")
    func stoppingAndThrowing() {
        var count = 0
        let stopped = YAMLEvents.parse("a: [1, 2, 3]\n") { _ in count += 1; return count < 3 }
        #expect(stopped == nil && count == 3)
        struct Stop: Error {}
        #expect(throws: Stop.self) { _ = try YAMLEvents.parse("a: 1\n") { (_: YAMLEvent) throws(Stop) -> Bool in throw Stop() } }
    }
}
