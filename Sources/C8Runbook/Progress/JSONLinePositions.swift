import Foundation

/// Where things are in one line of a progress log, so that an error can say `file:line:column`: the column of each
/// top-level key (its opening quote) and of its value's first character, and of the first byte that breaks JSON or
/// UTF-8. Columns are 1-based and count characters (Unicode scalars), as editors do. Only positions: the line's
/// meaning is read by `JSONSerialization` and the event readers.
struct JSONLinePositions {
    /// Top-level key → byte offset of its opening quote.
    private var keyOffsets: [String: Int] = [:]
    /// Top-level key → byte offset of its value's first byte.
    private var valueOffsets: [String: Int] = [:]
    /// The byte offset of the first byte that is not UTF-8, or nil.
    private var notUTF8Offset: Int?
    /// The byte offset where the text stops being JSON, or nil.
    private var syntaxErrorOffset: Int?

    private let bytes: [UInt8]
    private var index = 0
    /// Deeper nesting than this is reported as a syntax error where it starts (no recursion without bound).
    private static let maximumDepth = 64

    init<Bytes: Collection>(_ line: Bytes) where Bytes.Element == UInt8 {
        bytes = Array(line)
        notUTF8Offset = Self.firstInvalidUTF8(bytes)
        guard parseValue(depth: 0) else { return }
        skipSpace()
        if index < bytes.count { syntaxErrorOffset = index }
    }

    /// The column of `key`'s opening quote, when it is a top-level key.
    func keyColumn(_ key: String) -> Int? { keyOffsets[key].map(column) }
    /// The column of the first character of `key`'s value, when it is a top-level key.
    func valueColumn(_ key: String) -> Int? { valueOffsets[key].map(column) }
    /// The column of the first byte that is not UTF-8, or nil.
    var notUTF8: Int? { notUTF8Offset.map(column) }
    /// The column where the text stops being JSON (a bad token, a missing comma, the end of a cut line), or nil.
    var syntaxError: Int? { syntaxErrorOffset.map(column) }

    /// The 1-based column of the byte at `offset`: continuation bytes (10xxxxxx) belong to the character before.
    func column(at offset: Int) -> Int {
        bytes[..<min(offset, bytes.count)].reduce(1) { $1 & 0xC0 == 0x80 ? $0 : $0 + 1 }
    }

    private static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
        var decoder = UTF8()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch decoder.decode(&iterator) {
            case let .scalarValue(scalar): offset += UTF8.width(scalar)
            case .emptyInput: return nil
            case .error: return offset
            }
        }
    }

    private mutating func skipSpace() {
        while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
    }

    /// Fails, recording where: the current byte, or the end of the line.
    private mutating func fail() -> Bool {
        syntaxErrorOffset = index
        return false
    }

    private mutating func parseValue(depth: Int) -> Bool {
        skipSpace()
        guard index < bytes.count, depth < Self.maximumDepth else { return fail() }
        switch bytes[index] {
        case UInt8(ascii: "{"): return parseObject(depth: depth + 1)
        case UInt8(ascii: "["): return parseArray(depth: depth + 1)
        case UInt8(ascii: "\""): return parseString() != nil
        case UInt8(ascii: "t"): return literal("true")
        case UInt8(ascii: "f"): return literal("false")
        case UInt8(ascii: "n"): return literal("null")
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return parseNumber()
        default: return fail()
        }
    }

    private mutating func literal(_ word: String) -> Bool {
        for byte in word.utf8 {
            guard index < bytes.count, bytes[index] == byte else { return fail() }
            index += 1
        }
        return true
    }

    private mutating func parseNumber() -> Bool {
        let start = index
        while index < bytes.count, "+-.eE0123456789".utf8.contains(bytes[index]) { index += 1 }
        let text = String(decoding: bytes[start..<index], as: UTF8.self)
        guard (try? JSONSerialization.jsonObject(with: Data(text.utf8), options: .fragmentsAllowed)) is NSNumber else {
            index = start
            return fail()
        }
        return true
    }

    /// A string at `index` (its opening quote): its text, the index then past its closing quote.
    private mutating func parseString() -> String? {
        let start = index
        index += 1
        var escaped = false
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                index += 1
                let raw = bytes[start..<index]
                if !escaped { return String(decoding: raw.dropFirst().dropLast(), as: UTF8.self) }
                return (try? JSONSerialization.jsonObject(with: Data(raw), options: .fragmentsAllowed)) as? String ?? ""
            }
            if byte < 0x20 { _ = fail(); return nil }
            if byte == UInt8(ascii: "\\") {
                escaped = true
                index += 1
                guard index < bytes.count, "\"\\/bfnrtu".utf8.contains(bytes[index]) else { _ = fail(); return nil }
            }
            index += 1
        }
        _ = fail()
        return nil
    }

    private mutating func parseObject(depth: Int) -> Bool {
        index += 1
        skipSpace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") { index += 1; return true }
        while true {
            skipSpace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { return fail() }
            let keyOffset = index
            guard let key = parseString() else { return false }
            skipSpace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { return fail() }
            index += 1
            skipSpace()
            if depth == 1, keyOffsets[key] == nil {
                keyOffsets[key] = keyOffset
                valueOffsets[key] = index
            }
            guard parseValue(depth: depth) else { return false }
            skipSpace()
            guard index < bytes.count else { return fail() }
            if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
            if bytes[index] == UInt8(ascii: "}") { index += 1; return true }
            return fail()
        }
    }

    private mutating func parseArray(depth: Int) -> Bool {
        index += 1
        skipSpace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") { index += 1; return true }
        while true {
            guard parseValue(depth: depth) else { return false }
            skipSpace()
            guard index < bytes.count else { return fail() }
            if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
            if bytes[index] == UInt8(ascii: "]") { index += 1; return true }
            return fail()
        }
    }
}
