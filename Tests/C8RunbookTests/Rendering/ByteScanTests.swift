import Testing
@testable import C8Runbook

/// The word-at-a-time scans (`ByteScan`) behind HTML escaping, the XML check and Markdown fences give what a plain
/// byte-by-byte walk gives, at every position and alignment of the bytes that matter.
@Suite struct ByteScanTests {
    /// Texts built from pieces that matter to the scans (each escaped byte, controls, U+FFFE/U+FFFF, other non-ASCII,
    /// backtick runs) at every offset from 0 to 17, so each lands in every position of an eight-byte word and in
    /// the tail.
    static let texts: [String] = {
        let pieces = ["<", ">", "&", "\"", "'", "\u{01}", "\t", "\n", "\r", "\u{1F}", "\u{FFFE}", "\u{FFFF}", "\u{FFFD}",
                      "é", "⚠️", "`", "``", "````", " ", "~", "?", "\u{7F}"]
        var texts = ["", "plain ascii text without anything", String(repeating: "a", count: 64)]
        for piece in pieces {
            for offset in 0..<18 {
                texts.append(String(repeating: "x", count: offset) + piece + String(repeating: "y", count: 17 - offset))
                texts.append(String(repeating: "z", count: offset) + piece)
                texts.append(String(repeating: "`", count: offset % 5) + String(repeating: "q", count: offset) + piece + piece)
            }
        }
        return texts
    }()

    @Test func escapingMatchesAByteWalk() {
        for text in Self.texts {
            var expected = ""
            for scalar in text.unicodeScalars {
                switch scalar {
                case "<": expected += "&lt;"
                case ">": expected += "&gt;"
                case "&": expected += "&amp;"
                case "\"": expected += "&quot;"
                case "'": expected += "&#39;"
                default: expected.unicodeScalars.append(scalar)
                }
            }
            #expect(XMLText.escaped(text) == expected, "\(text.debugDescription)")
        }
    }

    /// The compiled page templates escape into the page's buffer: the same bytes as escaping first and appending,
    /// also when an escaped byte is followed by a combining mark (the runs are cut inside a grapheme cluster).
    @Test func escapingIntoABufferAppendsTheEscapedBytes() {
        for text in Self.texts {
            for suffix in ["", "\u{301}", "<\u{301}\u{302}é"] {
                var out = "é\u{301} "
                HTMLEscaping.append(text + suffix, to: &out)
                #expect(Array(out.utf8) == Array(("é\u{301} " + XMLText.escaped(text + suffix)).utf8), "\((text + suffix).debugDescription)")
            }
        }
        var out = "a"
        HTMLEscaping.append("\"\u{301}x'", to: &out)
        #expect(Array(out.utf8) == Array("a&quot;\u{301}x&#39;".utf8))
    }

    @Test func xmlSanitisingMatchesAScalarWalk() {
        for text in Self.texts {
            let forbidden = text.unicodeScalars.contains { scalar in
                (scalar.value < 0x20 && ![0x09, 0x0A, 0x0D].contains(scalar.value)) || scalar.value == 0xFFFE || scalar.value == 0xFFFF
            }
            let sanitized = XMLText.sanitized(text)
            #expect((sanitized != text) == forbidden, "\(text.debugDescription)")
            #expect(!sanitized.unicodeScalars.contains { $0.value == 0x01 || $0.value == 0x1F || $0.value == 0xFFFE || $0.value == 0xFFFF })
        }
    }

    @Test func fenceIsOneLongerThanTheLongestBacktickRun() {
        for text in Self.texts {
            var longest = 0, run = 0
            for byte in text.utf8 {
                run = byte == 0x60 ? run + 1 : 0
                longest = max(longest, run)
            }
            #expect(MarkdownText.fence(for: text) == String(repeating: "`", count: max(3, longest + 1)), "\(text.debugDescription)")
        }
    }

    @Test func wordTestsFindEachByteInEachPosition() {
        for position in 0..<8 {
            for byte in [UInt8(0x00), 0x1F, 0x20, 0x3C, 0x60, 0x7F, 0x80, 0xEF, 0xFF] {
                var word: UInt64 = 0x4141_4141_4141_4141  // "AAAAAAAA"
                word &= ~(UInt64(0xFF) << (8 * UInt64(position)))
                word |= UInt64(byte) << (8 * UInt64(position))
                #expect(ByteScan.has(word, byte))
                #expect(ByteScan.hasLess(word, than: 0x20) == (byte < 0x20), "byte \(byte) at \(position)")
                #expect(ByteScan.has(word, 0x60) == (byte == 0x60))
            }
        }
    }
}

/// `trimInPlace` (the HTML content's last line feed, dropped without copying the page) is `trimmed`, byte for byte.
@Suite struct TrimInPlaceTests {
    @Test func trimmingInPlaceIsTrimmed() {
        let ends = ["", " ", "\n", "\r\n", " \t\n\n", "\u{A0}", "\u{301}", "é", "x", "\u{2028}"]
        for start in ends {
            for end in ends {
                for middle in ["", "a", "<p>a</p>", "a é \u{301}"] {
                    let text = start + middle + end
                    var trimmed = text
                    trimmed.trimInPlace()
                    #expect(Array(trimmed.utf8) == Array(text.trimmed.utf8), "\(text.debugDescription)")
                }
            }
        }
    }
}
