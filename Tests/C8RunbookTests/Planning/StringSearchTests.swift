import Testing
@testable import C8Runbook

@Suite struct StringSearchTests {
    /// The byte search agrees with the standard library on ASCII, multi-byte text, edges and substrings.
    @Test(arguments: [
        ("kubectl --context a port-forward svc/x 8080", " port-forward ", true),
        ("kubectl get pods", " port-forward ", false),
        ("``a`", "``", true),
        ("a`b", "``", false),
        ("", "x", false),
        ("x", "", true),
        ("ab", "abc", false),
        ("namespace-é-ü {scenario-file}", "{scenario-file}", true),
        ("aaab", "aab", true),
        ("é", "e", false),
    ])
    func containsBytesAgreesWithTheStandardLibrary(text: String, needle: String, expected: Bool) {
        #expect(text.containsBytes(needle) == expected)
        #expect(text.dropFirst(0).containsBytes(needle) == expected, "a Substring searches the same way")
    }
}

@Suite struct StringReplaceAndTrimTests {
    @Test(arguments: [
        ("helm {scenario-file} x {scenario-file}", "{scenario-file}", "'/a b'", "helm '/a b' x '/a b'"),
        ("no placeholder here", "{scenario-file}", "x", "no placeholder here"),
        ("é{p}ü", "{p}", "—", "é—ü"),
        ("{p}", "{p}", "", ""),
        ("aaa", "aa", "b", "ba"),
        ("", "x", "y", ""),
    ])
    func replacingBytesReplacesEveryOccurrenceLeftToRight(text: String, target: String, replacement: String, expected: String) {
        #expect(text.replacingBytes(of: target, with: replacement) == expected)
    }

    /// The byte fast path trims exactly what the scalar walk (Unicode's White_Space) trims.
    @Test(arguments: [
        "", " ", "\n\t \r\n", "a", " a ", "\n# Title\n\nBody\n", "\u{A0}a\u{A0}", " \u{2003}a", "a\u{3000}\n",
        "\u{301}a ", " é ", "x\u{85}", "\r\n\r\n", "a\u{B}", "\u{1C}a\u{1F}",
    ])
    func trimmedMatchesTheScalarWalk(text: String) {
        let scalars = text.unicodeScalars
        let expected: String
        if let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
           let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) {
            expected = String(scalars[first...last])
        } else {
            expected = ""
        }
        #expect(text.trimmed.unicodeScalars.elementsEqual(expected.unicodeScalars), "\(text.debugDescription)")
        #expect(text.dropFirst(0).trimmed.unicodeScalars.elementsEqual(expected.unicodeScalars))
        // A substring inside a longer text is cut on its own indices (the ends are not the base string's).
        let padded = "<" + text + ">"
        let inner = padded[padded.utf8.index(after: padded.startIndex)..<padded.utf8.index(before: padded.endIndex)]
        #expect(inner.trimmed.unicodeScalars.elementsEqual(expected.unicodeScalars), "\(text.debugDescription) inside a text")
    }

    /// A page's text: `trimmed` and one line feed, whether or not the text already ends that way.
    @Test(arguments: ["# Runbook\n", "# Runbook", "\n# Runbook\n\n", "a\n\n", " a\n", "a \n", "é\n", "a\u{A0}\n", "\n", "", "ab\r\n"])
    func trimmedPageIsTrimmedAndOneLineFeed(text: String) {
        #expect(text.trimmedPage.unicodeScalars.elementsEqual((text.trimmed + "\n").unicodeScalars), "\(text.debugDescription)")
    }
}
