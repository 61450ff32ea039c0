import Mustache

/// Escaping for values in HTML templates: `<`, `>`, `&`, `"` and `'` become entities. It scans UTF-8 bytes and
/// returns the string untouched when nothing needs escaping, which is most of the time. (swift-mustache's own HTML
/// type looks every character up in a dictionary: a fifth of the time of rendering a page.)
struct HTMLEscaping: MustacheContentType {
    static let name = "C8RUNBOOK_HTML"

    func escapeText(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x3C || $0 == 0x3E || $0 == 0x26 || $0 == 0x22 || $0 == 0x27 }) else { return text }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count + 32)
        for byte in text.utf8 {
            switch byte {
            case 0x3C: bytes.append(contentsOf: "&lt;".utf8)
            case 0x3E: bytes.append(contentsOf: "&gt;".utf8)
            case 0x26: bytes.append(contentsOf: "&amp;".utf8)
            case 0x22: bytes.append(contentsOf: "&quot;".utf8)
            case 0x27: bytes.append(contentsOf: "&#39;".utf8)
            default: bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
