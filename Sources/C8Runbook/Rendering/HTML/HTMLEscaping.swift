import Mustache

/// Escaping for values in HTML templates: `<`, `>`, `&`, `"` and `'` become entities. It scans UTF-8 bytes eight at
/// a time and copies the text between two escaped bytes in one piece. (swift-mustache's own HTML type looks every
/// character up in a dictionary: a fifth of the time of rendering a page.)
struct HTMLEscaping: MustacheContentType {
    static let name = "C8RUNBOOK_HTML"

    /// `text` escaped; `text` itself (no copy) when nothing needs escaping, which is most of the time.
    func escapeText(_ text: String) -> String {
        var bytes = text
        guard bytes.withUTF8({ Self.firstEscape(in: $0, from: 0) }) != nil else { return text }
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count + 32)
        Self.append(text, to: &escaped)
        return escaped
    }

    /// Appends `text` escaped to `out`, with no escaped copy in between: the compiled page templates write every
    /// escaped value this way into the page's one buffer. The runs between escaped bytes are slices of `text` cut
    /// at ASCII bytes, so at scalar boundaries: the bytes appended are exactly the text's.
    static func append(_ text: String, to out: inout String) {
        var bytes = text
        bytes.withUTF8 { bytes in
            guard var next = firstEscape(in: bytes, from: 0) else {
                out += text
                return
            }
            let utf8 = text.utf8
            var done = 0
            while true {
                if next > done {
                    out.append(contentsOf: text[utf8.index(utf8.startIndex, offsetBy: done)..<utf8.index(utf8.startIndex, offsetBy: next)])
                }
                out += entity(bytes[next])
                done = next + 1
                guard let found = firstEscape(in: bytes, from: done) else { break }
                next = found
            }
            if done < bytes.count { out.append(contentsOf: text[utf8.index(utf8.startIndex, offsetBy: done)...]) }
        }
    }

    /// The offset of the first byte at or after `start` that is escaped.
    private static func firstEscape(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard start < bytes.count else { return nil }
        return ByteScan.firstIndex(in: UnsafeBufferPointer(rebasing: bytes[start...]), mayMatch: mayEscape, matches: escapes)
            .map { $0 + start }
    }

    private static func entity(_ byte: UInt8) -> String {
        switch byte {
        case 0x3C: "&lt;"
        case 0x3E: "&gt;"
        case 0x26: "&amp;"
        case 0x22: "&quot;"
        default: "&#39;"
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
