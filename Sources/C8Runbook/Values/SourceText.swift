/// The lines of a values file, addressed the way libYAML marks count: 1-based lines, 1-based columns in Unicode
/// scalars. Used to recover what a parsed tree forgets: the spelling of scalars, comments and blank lines.
struct SourceText {
    let lines: [[Unicode.Scalar]]

    init(_ text: String) {
        // Split at each "\n" that is a character of its own, as `split(separator: "\n")` on the characters does
        // (a "\r\n" is one character and does not split), but over Unicode scalars, without grapheme breaking.
        // Text without "\r" (every text the reader normalized) is split on its UTF-8 bytes, ASCII lines byte by byte.
        if let lines = Self.lfLines(text) {
            self.lines = lines
            return
        }
        var lines: [[Unicode.Scalar]] = []
        var current: [Unicode.Scalar] = []
        var previous: Unicode.Scalar?
        for scalar in text.unicodeScalars {
            if scalar == "\n", previous != "\r" {
                if current.last == "\r" { current.removeLast() }
                lines.append(current)
                current = []
            } else {
                current.append(scalar)
            }
            previous = scalar
        }
        if current.last == "\r" { current.removeLast() }
        lines.append(current)
        if lines.count > 1, lines.last?.isEmpty == true { lines.removeLast() }
        self.lines = lines
    }

    /// The lines of a text without "\r"; nil when it has one.
    private static func lfLines(_ text: String) -> [[Unicode.Scalar]]? {
        var text = text
        return text.withUTF8 { bytes -> [[Unicode.Scalar]]? in
            guard !bytes.contains(UInt8(ascii: "\r")) else { return nil }
            var lines: [[Unicode.Scalar]] = []
            var start = 0
            func add(_ end: Int) {
                let line = UnsafeBufferPointer(rebasing: bytes[start..<end])
                if line.allSatisfy({ $0 < 0x80 }) {
                    lines.append(line.map { Unicode.Scalar($0) })
                } else {
                    lines.append(Array(String(decoding: line, as: UTF8.self).unicodeScalars))
                }
            }
            for index in 0..<bytes.count where bytes[index] == UInt8(ascii: "\n") {
                add(index)
                start = index + 1
            }
            add(bytes.count)
            if lines.count > 1, lines.last?.isEmpty == true { lines.removeLast() }
            return lines
        }
    }

    var count: Int { lines.count }

    func line(_ number: Int) -> [Unicode.Scalar] {
        number >= 1 && number <= lines.count ? lines[number - 1] : []
    }

    func string(_ number: Int) -> String { Self.string(line(number)) }

    static func string<S: Sequence>(_ scalars: S) -> String where S.Element == Unicode.Scalar {
        // Encoded to UTF-8 bytes first: appending scalars to a `String.UnicodeScalarView` one by one was a tenth of
        // the reader's walk. The same scalars, so the same string.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(scalars.underestimatedCount)
        for scalar in scalars {
            if scalar.isASCII { bytes.append(UInt8(truncatingIfNeeded: scalar.value)) } else { UTF8.encode(scalar) { bytes.append($0) } }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    func indentation(_ number: Int) -> Int { line(number).prefix { $0 == " " }.count }

    func isBlank(_ number: Int) -> Bool { line(number).allSatisfy { $0 == " " || $0 == "\t" } }

    func isComment(_ number: Int) -> Bool { line(number).first { $0 != " " && $0 != "\t" } == "#" }

    /// The rest of line `number` from `column` (1-based), in place (no copy).
    func rest(_ number: Int, from column: Int) -> ArraySlice<Unicode.Scalar> {
        let scalars = line(number)
        guard column >= 1, column - 1 <= scalars.count else { return [] }
        return scalars[(column - 1)...]
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
