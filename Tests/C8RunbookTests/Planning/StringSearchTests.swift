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
