/// The lines of a values file, addressed the way libYAML marks count: 1-based lines, 1-based columns in Unicode
/// scalars. Used to recover what a parsed tree forgets: the spelling of scalars, comments and blank lines.
struct SourceText {
    /// Every line's scalars one after another, without the line breaks: one allocation for the whole text (an array
    /// per line was 100,000 allocations, and as many frees, on a file with 50,000 env entries).
    private let scalars: [Unicode.Scalar]
    /// Where each line starts in `scalars`, and after the last one, where the last line ends.
    private let starts: [Int]

    init(_ text: String) {
        // Split at each "\n" that is a character of its own, as `split(separator: "\n")` on the characters does
        // (a "\r\n" is one character and does not split), but over Unicode scalars, without grapheme breaking.
        // Text without "\r" (every text the reader normalized) is split on its UTF-8 bytes, ASCII lines byte by byte.
        var scalars: [Unicode.Scalar] = []
        var starts = [0]
        if !Self.lfLines(text, into: &scalars, &starts) {
            scalars.reserveCapacity(text.utf8.count)
            var previous: Unicode.Scalar?
            for scalar in text.unicodeScalars {
                if scalar == "\n", previous != "\r" {
                    if scalars.count > starts[starts.count - 1], scalars.last == "\r" { scalars.removeLast() }
                    starts.append(scalars.count)
                } else {
                    scalars.append(scalar)
                }
                previous = scalar
            }
            if scalars.count > starts[starts.count - 1], scalars.last == "\r" { scalars.removeLast() }
            starts.append(scalars.count)
        }
        // A final line break ends the last line; it does not start an empty one.
        if starts.count > 2, starts[starts.count - 1] == starts[starts.count - 2] { starts.removeLast() }
        self.scalars = scalars
        self.starts = starts
    }

    /// Splits a text without "\r" into `scalars` and `starts`; false (and nothing to keep) when it has one. The
    /// scalars are written straight into storage of the text's byte count (one scalar per ASCII byte; a multi-byte
    /// sequence is decoded in place; the text is a `String`, so its UTF-8 is valid).
    private static func lfLines(_ text: String, into scalars: inout [Unicode.Scalar], _ starts: inout [Int]) -> Bool {
        var text = text
        return text.withUTF8 { bytes -> Bool in
            guard !bytes.contains(UInt8(ascii: "\r")) else { return false }
            scalars = [Unicode.Scalar](unsafeUninitializedCapacity: bytes.count) { buffer, count in
                var out = 0, index = 0
                while index < bytes.count {
                    let byte = bytes[index]
                    if byte < 0x80 {
                        if byte == UInt8(ascii: "\n") {
                            starts.append(out)
                        } else {
                            buffer.initializeElement(at: out, to: Unicode.Scalar(byte))
                            out += 1
                        }
                        index += 1
                        continue
                    }
                    var value = UInt32(byte), length = 1
                    if byte >= 0xF0 { value &= 0x07; length = 4 } else if byte >= 0xE0 { value &= 0x0F; length = 3 } else if byte >= 0xC0 { value &= 0x1F; length = 2 }
                    for next in bytes[(index + 1)..<(index + length)] { value = value << 6 | UInt32(next & 0x3F) }
                    buffer.initializeElement(at: out, to: Unicode.Scalar(value) ?? "\u{FFFD}")
                    out += 1
                    index += length
                }
                starts.append(out)
                count = out
            }
            return true
        }
    }

    var count: Int { starts.count - 1 }

    /// Every line, as its own array (for tests).
    var lines: [[Unicode.Scalar]] { (1...max(count, 1)).map { Array(line($0)) } }

    /// Line `number` (1-based), in place: a slice of the whole text, so its indices do not start at 0.
    func line(_ number: Int) -> ArraySlice<Unicode.Scalar> {
        number >= 1 && number <= count ? scalars[starts[number - 1]..<starts[number]] : []
    }

    func string(_ number: Int) -> String { Self.string(line(number)) }

    static func string<C: Collection>(_ scalars: C) -> String where C.Element == Unicode.Scalar {
        // Encoded straight into the string's storage, its size counted first (a small string stays in place): an
        // array of the bytes and a string decoded from it were two allocations per spelling, key or comment.
        var count = 0
        for scalar in scalars { count += UTF8.width(scalar) }
        return String(unsafeUninitializedCapacity: count) { buffer in
            var index = 0
            for scalar in scalars {
                if scalar.isASCII {
                    buffer[index] = UInt8(truncatingIfNeeded: scalar.value)
                    index += 1
                } else {
                    UTF8.encode(scalar) { buffer[index] = $0; index += 1 }
                }
            }
            return index
        }
    }

    func indentation(_ number: Int) -> Int { line(number).prefix { $0 == " " }.count }

    func isBlank(_ number: Int) -> Bool { line(number).allSatisfy { $0 == " " || $0 == "\t" } }

    func isComment(_ number: Int) -> Bool { line(number).first { $0 != " " && $0 != "\t" } == "#" }

    /// The rest of line `number` from `column` (1-based), in place (no copy).
    func rest(_ number: Int, from column: Int) -> ArraySlice<Unicode.Scalar> {
        let scalars = line(number)
        guard column >= 1, column - 1 <= scalars.count else { return [] }
        return scalars[(scalars.startIndex + column - 1)...]
    }

    /// Splits a one-line scalar token at the start of `text` from what follows it. Returns the token and the
    /// remainder (slices of `text`), or nil when the token does not end on this line (a multi-line quoted scalar).
    static func splitToken(_ text: ArraySlice<Unicode.Scalar>, keyContext: Bool = false) -> (token: ArraySlice<Unicode.Scalar>, rest: ArraySlice<Unicode.Scalar>)? {
        let start = text.startIndex, end = text.endIndex
        guard let first = text.first else { return (text, text) }
        if first == "'" {
            var index = start + 1
            while index < end {
                if text[index] == "'" {
                    if index + 1 < end, text[index + 1] == "'" { index += 2; continue }
                    return (text[...index], text[(index + 1)...])
                }
                index += 1
            }
            return nil
        }
        if first == "\"" {
            var index = start + 1
            while index < end {
                if text[index] == "\\" { index += 2; continue }
                if text[index] == "\"" { return (text[...index], text[(index + 1)...]) }
                index += 1
            }
            return nil
        }
        // A plain scalar ends at " #" (a comment), or for a key at ": " / a final ":".
        var index = start
        while index < end {
            let scalar = text[index]
            if scalar == "#", index > start, text[index - 1] == " " || text[index - 1] == "\t" { break }
            if keyContext, scalar == ":", index + 1 == end || text[index + 1] == " " || text[index + 1] == "\t" { break }
            index += 1
        }
        var tokenEnd = index
        while tokenEnd > start, text[tokenEnd - 1] == " " || text[tokenEnd - 1] == "\t" { tokenEnd -= 1 }
        return (text[..<tokenEnd], text[tokenEnd...])
    }

    /// A comment at the end of a line remainder (`   # note`), with the spaces before it; nil when there is none.
    static func trailingComment(_ rest: ArraySlice<Unicode.Scalar>) -> String? {
        guard let hash = rest.firstIndex(of: "#"),
              rest[..<hash].allSatisfy({ $0 == " " || $0 == "\t" }) else { return nil }
        return string(rest)
    }
}
