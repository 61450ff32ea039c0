@testable import C8Runbook
import Testing
import Yams

/// The type the values reader gives each scalar, now decided by `PlainScalarResolver` instead of Yams' regular
/// expressions (issue 12 item 5): every scalar that matters to Helm's YAML 1.1 reading gets the kind Yams'
/// `Resolver.default` gives it, and quoting, block style and explicit tags keep a scalar a string.
@Suite struct ValuesScalarKindTests {
    /// The kind Yams' default resolver gives a plain scalar, in the reader's terms (the previous implementation).
    static func yamsKind(_ text: String) -> ValuesScalar.Kind {
        switch Resolver.default.resolveTag(of: Node.scalar(Node.Scalar(text, Yams.Tag(.implicit), .plain))) {
        case .null: .null
        case .bool: .bool
        case .int: .int
        case .float: .float
        default: .string
        }
    }

    static let plain = ["yes", "no", "Yes", "NO", "on", "Off", "ON", "true", "False", "y", "n", "0o17", "017", "0x1F", "0b101",
                        "1_000", "190:20:30", "-42", "+7", "08", "1e3", "1.5", "-.inf", ".NaN", "8.8", "8.8.0", "~", "null",
                        "Null", "NULL", "nULL", "2001-12-14", "2001-12-14T21:59:43Z", "2001-12-14 21:59:43.10 -5", "<<x",
                        "=", "500ms", "GZIP", "none", "opensearch", "http://camunda:9200", "tRUE", "onx", "1:60"]

    @Test("plain scalars get the kind Yams' default resolver gives them")
    func plainScalarsReadAsYamsDefaultResolverReadsThem() throws {
        let text = "list:\n" + Self.plain.map { "  - \($0)\n" }.joined()
        let items = try #require(try ValuesDocument.parse(text, path: "kinds.yml").root["list"]?.items)
        #expect(items.count == Self.plain.count)
        for (item, spelling) in zip(items, Self.plain) {
            let scalar = try #require(item.value.scalar, "'\(spelling)'")
            #expect(scalar.kind == Self.yamsKind(spelling), "'\(spelling)'")
        }
        // The corpus holds every kind, so a resolver that read everything as one kind would fail above.
        #expect(Set(items.compactMap { $0.value.scalar?.kind }).count == 5)
    }

    @Test("quoted, block and explicitly tagged scalars stay strings; an empty value is null")
    func quotedBlockAndTaggedScalarsStayStrings() throws {
        let text = """
            a: "yes"
            b: 'on'
            c: "1e3"
            d: '~'
            e: !!str 0o17
            f: |
              true
            g:
            h: ''
            """
        let root = try ValuesDocument.parse(text + "\n", path: "quoted.yml").root
        for key in ["a", "b", "c", "d", "e", "f", "h"] {
            #expect(root[key]?.scalar?.kind == .string, "'\(key)'")
        }
        #expect(root["g"]?.scalar?.kind == .null)
        #expect(root["a"]?.scalar?.value == "yes")
        #expect(root["e"]?.scalar?.value == "0o17")
    }
}
