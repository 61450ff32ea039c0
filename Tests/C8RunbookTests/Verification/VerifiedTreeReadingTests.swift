@testable import C8Runbook
import Testing

/// The verifier's reading composes with Yams' basic resolver first and falls back to the default one: what it
/// accepts, refuses and reports must be what the default resolver gives. The reader's line split and LF fast path
/// must give the lines and texts the character-based versions gave.
@Suite("Verifier and reader: fast paths read as before")
struct VerifiedTreeReadingTests {
    @Test("a plain and a quoted key with the same text are two keys for the default resolver, and a duplicate path for the verifier")
    func plainAndQuotedKeys() throws {
        let tree = try VerifiedTree.read("a:\n  1: x\n  \"1\": y\nl:\n  - true: p\n    'true': q\n")
        let duplicates = tree.duplicateKeys()
        #expect(duplicates.map(\.path) == ["a.1", "l[0].true"])
        #expect(duplicates.map(\.line) == [3, 6])
        #expect(duplicates.map(\.column) == [3, 5])
        #expect(tree.at("a.1")?.text == "y")
    }

    @Test("a real duplicate is refused with its key and position")
    func duplicateRefused() {
        #expect(throws: (any Error).self) { try VerifiedTree.read("a: 1\nb: 2\na: 3\n") }
        do {
            _ = try VerifiedTree.read("top:\n  a: 1\n  a: 3\n")
            Issue.record("a duplicate key was accepted")
        } catch {
            let duplicate = VerifiedTree.duplicateKey(in: error)
            #expect(duplicate?.key == "a")
            #expect([2, 3].contains(duplicate?.line ?? 0))
        }
    }

    @Test("a key that is not a scalar is read (as the empty key) through the default resolver")
    func complexKey() throws {
        let tree = try VerifiedTree.read("? [x, y]\n: value\nplain: ~\n")
        guard case let .mapping(pairs) = tree else { Issue.record("not a mapping"); return }
        #expect(pairs.map(\.key) == ["", "plain"])
        #expect(tree["plain"]?.isNull == true)
    }

    @Test("nulls: plain empty, ~ and null spellings; quoted ones are strings")
    func nulls() throws {
        let tree = try VerifiedTree.read("a:\nb: ~\nc: Null\nd: NULL\ne: 'null'\nf: nULL\n")
        #expect(["a", "b", "c", "d"].allSatisfy { tree[$0]?.isNull == true })
        #expect(tree["e"]?.text == "null")
        #expect(tree["f"]?.text == "nULL")
    }

    /// The split `SourceText` made before: by characters (a CRLF is one character and does not split).
    static func characterLines(_ text: String) -> [[Unicode.Scalar]] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> [Unicode.Scalar] in
            var scalars = Array(line.unicodeScalars)
            if scalars.last == "\r" { scalars.removeLast() }
            return scalars
        }
        if lines.count > 1, lines.last?.isEmpty == true { lines.removeLast() }
        return lines
    }

    @Test("SourceText splits lines as the character split did", arguments: [
        "", "\n", "a", "a\n", "a\n\nb\n", "a\r\nb\nc", "a\rb\n", "x\r", "\n\n", "é\u{301}\nz\u{300}\n", "a\r\n\r\nb\r\n",
        "日本: ü\n🎉x\n\n€\u{10FFFF}", "a\r\n日本\r\n🎉",
    ])
    func sourceLines(text: String) {
        #expect(SourceText(text).lines == Self.characterLines(text))
    }

    @Test("an LF text without a byte-order mark comes back as it is; CR, CRLF and BOM are still normalized")
    func normalize() {
        let plain = "a: 1\nb: 'x'\n"
        let (text, convention) = TextConvention.normalize(plain)
        #expect(text == plain)
        #expect(convention == TextConvention(lineEnding: .lf, byteOrderMark: false))
        #expect(TextConvention.normalize("a: 1\r\nb: 2\r\n").text == "a: 1\nb: 2\n")
        #expect(TextConvention.normalize("a: 1\r\nb: 2\r\n").convention.lineEnding == .crlf)
        #expect(TextConvention.normalize("\u{FEFF}a: 1\n").text == "a: 1\n")
        #expect(TextConvention.normalize("\u{FEFF}a: 1\n").convention.byteOrderMark)
    }
}
