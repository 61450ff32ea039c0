extension String {
    /// `self = self.trimmed`, in place for a rendered page: when the text starts with ASCII that is not white space
    /// and ends in ASCII white space after ASCII that is not (a page's last line feed), only that white space is
    /// removed from the buffer; `trimmed` copied the whole page (240 KB of HTML) to drop one line feed. The cut lies
    /// between two ASCII characters, the second white space, so at a grapheme boundary: the result is `trimmed`'s.
    mutating func trimInPlace() {
        let bytes = utf8
        guard let first = bytes.first, first < 0x80, !Self.isASCIIWhiteSpace(first) else {
            self = trimmed
            return
        }
        var end = bytes.endIndex
        while end > bytes.startIndex {
            let before = bytes.index(before: end)
            guard Self.isASCIIWhiteSpace(bytes[before]) else { break }
            end = before
        }
        // The last byte kept: a non-ASCII one may end in white space `trimmed` drops (U+00A0, U+2028).
        guard bytes[bytes.index(before: end)] < 0x80 else {
            self = trimmed
            return
        }
        if end != bytes.endIndex { removeSubrange(end..<bytes.endIndex) }
    }

    private static func isASCIIWhiteSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (0x09...0x0D).contains(byte)
    }
}
