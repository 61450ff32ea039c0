import Testing
import Yams
@testable import C8Runbook

/// `PlainScalarResolver` against what it replaces, Yams' regular-expression `Resolver.default`.
@Suite struct PlainScalarResolverTests {
    /// Yams' answer for `text` written as a plain scalar.
    static func yams(_ text: String) -> Yams.Tag.Name {
        Resolver.default.resolveTag(of: Node.scalar(Node.Scalar(text, Yams.Tag(.implicit), .plain)))
    }

    /// Tricky scalars with the type YAML 1.1 (and so Yams) gives them.
    static let corpus: [(String, Yams.Tag.Name)] = [
        // integers: bases, underscores, signs, sexagesimal
        ("0", .int), ("-0", .int), ("+1", .int), ("42", .int), ("1_000", .int), ("0x1F", .int), ("-0x_ff", .int),
        ("0o17", .int), ("017", .int), ("0_", .int), ("0b1010", .int), ("+0b_1", .int), ("190:20:30", .int), ("1:5", .int),
        ("0X1F", .str), ("0x", .str), ("0b", .str), ("0b12", .str), ("0o", .str), ("0o8", .str), ("1:60", .str),
        ("1:123", .str), ("0:30", .str), ("_1", .str), ("1__", .int), ("--1", .str), ("+", .str), ("-", .str),
        // floats: exponents, leading dot, infinity, not-a-number
        ("1.5", .float), ("1e3", .float), ("1E-3", .float), ("-1.5e+10", .float), ("1.", .float), ("08", .float),
        ("09.5", .float), (".5", .float), ("._", .float), (".5e+3", .float), (".5e3", .str), ("1e", .str), ("1e+", .str),
        (".inf", .float), ("-.Inf", .float), ("+.INF", .float), (".NaN", .float), (".nan", .float), ("-.nan", .str),
        (".iNf", .str), ("inf", .str), ("NaN", .str), ("190:20:30.15", .float), ("1:20.", .float), ("1:60.5", .str),
        ("1.5.5", .str), ("1,5", .str), ("1 000", .str),
        // booleans: YAML 1.1 spellings, but not y/n
        ("true", .bool), ("False", .bool), ("TRUE", .bool), ("yes", .bool), ("No", .bool), ("ON", .bool), ("off", .bool),
        ("y", .str), ("n", .str), ("Y", .str), ("tRUE", .str), ("yES", .str), ("truex", .str),
        // null
        ("~", .null), ("null", .null), ("Null", .null), ("NULL", .null), ("", .null), ("nULL", .str), ("~~", .str),
        // timestamps
        ("2001-12-14", .timestamp), ("2001-12-14t21:59:43.10-05:00", .timestamp), ("2001-12-14T21:59:43Z", .timestamp),
        ("2001-12-14 21:59:43.10 -5", .timestamp), ("2001-1-4 1:59:43", .timestamp), ("2001-12-14\t21:59:43.Z", .timestamp),
        ("2001-12-14  21:59:43 +05:30", .timestamp), ("2001-1-14", .str), ("2001-12-14T21:59", .str),
        ("2001-12-14T21:59:43 ", .str), ("2001-12-14T21:59:43+05:3", .str), ("2001-12-14T21:59:43z", .str), ("20011-12-14", .str),
        // merge and value keys
        ("<<", .merge), ("=", .value), ("<<<", .str), ("==", .str),
        // strings that look like something else
        ("500ms", .str), ("GZIP", .str), ("camunda", .str), ("http://camunda:9200", .str), ("8.8", .float), ("8.8.0", .str),
        ("13.12.7", .str), ("v1", .str), ("1_000ms", .str), ("é", .str), ("１", .str), ("٣", .str),
    ]

    @Test func corpusMatchesYamsDefaultResolver() {
        for (text, expected) in Self.corpus {
            #expect(PlainScalarResolver.tag(ofPlain: text) == expected, "'\(text)'")
            #expect(Self.yams(text) == expected, "the corpus is wrong about '\(text)'")
        }
    }

    /// Every text of up to three of these pieces (about 20,000), so that no combination of signs, digits,
    /// separators and exponents the corpus forgot can differ.
    @Test func everyShortCombinationMatchesYamsDefaultResolver() {
        let pieces = ["0", "1", "5", "9", "59", "_", ".", ":", "-", "+", "e", "E", "x", "o", "b", "f", "inf", "nan", "T", " ",
                      "Z", "~", "2001-12-14", "2001-1-1", "21:59:43", "y", "on", "<<", "="]
        var differences: [String] = []
        var count = 0
        func visit(_ prefix: String, _ depth: Int) {
            count += 1
            if PlainScalarResolver.tag(ofPlain: prefix) != Self.yams(prefix) { differences.append(prefix) }
            guard depth < 3 else { return }
            for piece in pieces { visit(prefix + piece, depth + 1) }
        }
        visit("", 0)
        #expect(count > 20_000)
        #expect(differences.isEmpty, "differ from Yams: \(differences.prefix(20).map { "'\($0)'" })")
    }

    /// The one intentional difference: ICU's `$` matches before a line break that ends the text; a plain
    /// scalar never ends with one, and here the line break is text.
    @Test func aTrailingLineBreakIsTextNotTheEndOfTheScalar() {
        for text in ["true\n", "1\n", "~\n"] {
            #expect(Self.yams(text) != .str)
            #expect(PlainScalarResolver.tag(ofPlain: text) == .str)
        }
    }

    @Test func composedTreeIsTypedAsYamsTypesIt() throws {
        let yaml = """
            plain: 1_000
            quoted: "1_000"
            single: 'true'
            block: |-
              42
            tagged: !!str 0x1F
            nonSpecific: ! 12
            when: 2001-12-14
            list: [yes, ~, .inf, -0o7, "null", <<, =]
            ? - complex
            : value
            1: one
            <<: { merged: true }
            nested:
              null: 0.5
              on: off
            """
        let ours = try #require(try PlainScalarResolver.compose(yaml: yaml))
        let theirs = try #require(try Yams.compose(yaml: yaml))
        var compared = 0
        func compare(_ left: Node, _ right: Node, _ path: String) {
            compared += 1
            #expect(left.tag.rawValue == right.tag.rawValue, "\(path): \(left.tag) vs \(right.tag)")
            #expect(left.mark?.description == right.mark?.description && left.scalar?.style == right.scalar?.style, "\(path)")
            switch (left, right) {
            case let (.scalar(l), .scalar(r)):
                #expect(l.string == r.string, "\(path)")
            case let (.mapping(l), .mapping(r)):
                #expect(l.count == r.count, "\(path)")
                for ((lk, lv), (rk, rv)) in zip(l, r) {
                    compare(lk, rk, path + "/key")
                    compare(lv, rv, path + "/" + (lk.string ?? "?"))
                }
            case let (.sequence(l), .sequence(r)):
                #expect(l.count == r.count, "\(path)")
                for (index, (lv, rv)) in zip(l, r).enumerated() { compare(lv, rv, path + "[\(index)]") }
            default:
                Issue.record("\(path): different kinds of node")
            }
        }
        compare(ours, theirs, "")
        #expect(compared > 30)
        #expect(ours["plain"]?.tag.rawValue == Yams.Tag.Name.int.rawValue)
        #expect(ours["tagged"]?.tag.rawValue == Yams.Tag.Name.str.rawValue)
    }

    /// The named difference in composing: keys are compared with `Resolver.basic`, so a plain key and a quoted
    /// key with the same text are duplicates (Yams' default resolver tells `1` the int from `"1"` the string).
    @Test func aPlainAndAQuotedKeyWithTheSameTextAreDuplicates() throws {
        let yaml = "1: one\n\"1\": also one\n"
        #expect(try Yams.compose(yaml: yaml)?.mapping?.count == 2)
        #expect(throws: YamlError.self) { try PlainScalarResolver.compose(yaml: yaml) }
        #expect(throws: YamlError.self) { try PlainScalarResolver.compose(yaml: "a: 1\na: 2\n") }
        #expect(try PlainScalarResolver.compose(yaml: "") == nil)
    }
}
