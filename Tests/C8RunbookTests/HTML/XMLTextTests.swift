import Testing
@testable import C8Runbook

@Suite struct XMLTextTests {
    @Test func replacesCharactersXMLForbids() {
        #expect(XMLText.sanitized("a\u{1}b\u{1B}c\u{FFFE}d\u{FFFF}") == "a\u{FFFD}b\u{FFFD}c\u{FFFD}d\u{FFFD}")
    }

    @Test func keepsTabsLineBreaksAndOtherText() {
        let text = "tab\there\nline\r\nLondon → Paris ✓ \u{00A0}"
        #expect(XMLText.sanitized(text) == text)
    }

    @Test func escapesMarkupCharacters() {
        #expect(XMLText.escaped(#"<a href="x">Tom & 'Jerry'</a>"#) == "&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;")
    }
}
