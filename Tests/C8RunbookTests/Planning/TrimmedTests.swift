import Foundation
import Testing
@testable import C8Runbook

/// `trimmed` (a byte scan for ASCII ends, a scalar walk otherwise) drops what Foundation's
/// `trimmingCharacters(in: .whitespacesAndNewlines)` drops, for texts whose ends are every kind of white space,
/// ASCII or not, next to ASCII, non-ASCII and combining characters.
@Suite struct TrimmedTests {
    static let ends = ["", " ", "\t", "\n", "\r\n", " \n\t", "\u{A0}", "\u{2003}", "\u{3000}", "\u{2028}", " \u{A0} "]
    static let middles = ["", "a", "a b", "é", "a\u{301}", "⚠️ x", "x\r\ny", "\u{301}", "中文", "-", "a \u{301}"]

    @Test func trimmedDropsWhatFoundationDrops() {
        for leading in Self.ends {
            for middle in Self.middles {
                for trailing in Self.ends {
                    let text = leading + middle + trailing
                    let expected = text.trimmingCharacters(in: .whitespacesAndNewlines)
                    #expect(text.trimmed == expected, "\(Array(text.unicodeScalars))")
                    #expect(Substring(text).trimmed == expected)
                    if let slice = text.asciiTrimmed { #expect(String(slice) == expected) }
                }
            }
        }
    }
}
