/// Text that must also parse as XML (`xmllint --noout`), so the page is XHTML-compatible.
enum XMLText {
    /// Replaces every character XML 1.0 forbids (C0 controls other than tab, line feed and carriage return;
    /// U+FFFE and U+FFFF) with U+FFFD. HTML escaping leaves these alone, and one would make the page unparsable.
    static func sanitized(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isForbidden) else { return text }
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            scalars.append(isForbidden(scalar) ? "\u{FFFD}" : scalar)
        }
        return String(scalars)
    }

    private static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: false
        case 0x00..<0x20, 0xFFFE, 0xFFFF: true
        default: false
        }
    }

    /// Escapes `&`, `<`, `>`, `"` and `'` for text and attribute values.
    static func escaped(_ text: String) -> String { HTMLEscaping().escapeText(text) }
}
