import Mustache

/// Escaping for values in HTML templates: `<`, `>`, `&`, `"` and `'` become entities. It scans UTF-8 bytes and
/// returns the string untouched when nothing needs escaping, which is most of the time. (swift-mustache's own HTML
/// type looks every character up in a dictionary: a fifth of the time of rendering a page.)
struct HTMLEscaping: MustacheContentType {
    static let name = "C8RUNBOOK_HTML"

    func escapeText(_ text: String) -> String {
        var utf8 = text
        return utf8.withUTF8 { bytes in
            guard let first = ByteScan.firstIndex(in: bytes, mayMatch: Self.mayEscape, matches: Self.escapes) else { return text }
            var escaped: [UInt8] = []
            escaped.reserveCapacity(bytes.count + 32)
            // The text between two escaped bytes is copied in one piece.
            var done = 0
            var next: Int? = first
            while let index = next {
                escaped.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[done..<index]))
                switch bytes[index] {
                case 0x3C: escaped.append(contentsOf: "&lt;".utf8)
                case 0x3E: escaped.append(contentsOf: "&gt;".utf8)
                case 0x26: escaped.append(contentsOf: "&amp;".utf8)
                case 0x22: escaped.append(contentsOf: "&quot;".utf8)
                default: escaped.append(contentsOf: "&#39;".utf8)
                }
                done = index + 1
                next = ByteScan.firstIndex(in: UnsafeBufferPointer(rebasing: bytes[done...]), mayMatch: Self.mayEscape, matches: Self.escapes)
                    .map { $0 + done }
            }
            escaped.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[done...]))
            return String(decoding: escaped, as: UTF8.self)
        }
    }

    private static func escapes(_ byte: UInt8) -> Bool {
        byte == 0x3C || byte == 0x3E || byte == 0x26 || byte == 0x22 || byte == 0x27
    }

    /// Whether an eight-byte word may hold a byte `escapes` takes.
    private static func mayEscape(_ word: UInt64) -> Bool {
        ByteScan.has(word, 0x3C) || ByteScan.has(word, 0x3E) || ByteScan.has(word, 0x26) || ByteScan.has(word, 0x22)
            || ByteScan.has(word, 0x27)
    }
}
