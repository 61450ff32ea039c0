/// Text that must also parse as XML (`xmllint --noout`), so the page is XHTML-compatible.
enum XMLText {
    /// Replaces every character XML 1.0 forbids (C0 controls other than tab, line feed and carriage return;
    /// U+FFFE and U+FFFF) with U+FFFD. HTML escaping leaves these alone, and one would make the page unparsable.
    static func sanitized(_ text: String) -> String {
        guard mayHoldForbidden(text), text.unicodeScalars.contains(where: isForbidden) else { return text }
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            scalars.append(isForbidden(scalar) ? "\u{FFFD}" : scalar)
        }
        return String(scalars)
    }

    /// A byte scan for the forbidden characters' UTF-8 forms (a control byte, or EF BF BE/BF), so that the page's
    /// hundreds of kilobytes are not decoded scalar by scalar when, as nearly always, none is there.
    private static func mayHoldForbidden(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            // Eight bytes at a time: only a word holding a byte below 0x20 or 0xEF is looked at byte by byte (not every
            // word with a non-ASCII byte: the page's arrows, dots and quotes are in most of its lines).
            ByteScan.firstIndex(in: bytes, mayMatch: { ByteScan.hasLess($0, than: 0x20) || ByteScan.has($0, 0xEF) }) { byte in
                (byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D) || byte == 0xEF
            } != nil
        }
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
