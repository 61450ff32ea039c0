import Foundation

/// The fast path for reading progress files this tool wrote. `JSONDecoder` spends some 70,000 instructions on
/// each event (keyed containers, keys looked up by name): most of a `tick` against a long log. A file written by
/// `encoded()` has a fixed layout, one key and value per line, so it is read line by line here, and accepted only
/// when writing the result back gives the same bytes. That proves the reading exact: no unknown key, no odd
/// value, nothing this version would drop. Anything else (a hand edit, another tool, damage) returns nil and
/// takes the strict `JSONDecoder` path, which says exactly what is wrong.
extension ProgressFile {
    static func decodeCanonical(_ data: Data) -> ProgressFile? {
        var reader = CanonicalReader(bytes: [UInt8](data))
        guard let file = reader.read() else { return nil }
        return file.encodedVersion1() == data ? file : nil
    }
}

/// Reads `encoded()`'s layout; nil at the first line that is not exactly that layout.
struct CanonicalReader {
    let bytes: [UInt8]
    var position = 0

    init(bytes: [UInt8]) { self.bytes = bytes }

    /// The next line, without its line feed; nil at the end.
    mutating func line() -> ArraySlice<UInt8>? {
        guard position < bytes.count else { return nil }
        let start = position
        while position < bytes.count, bytes[position] != 0x0A { position += 1 }
        let line = bytes[start..<position]
        if position < bytes.count { position += 1 }
        return line
    }

    mutating func expect(_ text: StaticString) -> Bool {
        guard let line = line() else { return false }
        return text.withUTF8Buffer { line.elementsEqual($0) }
    }

    mutating func read() -> ProgressFile? {
        guard expect("{"), expect("  \"events\" : [") else { return nil }
        var events: [ProgressEvent] = []
        var event = Fields()
        var inEvent = false
        while let line = line() {
            // Most lines are an event's keys: `      "name" : value`.
            if line.count > 7, line[line.startIndex + 6] == 0x22 {
                guard inEvent, let (key, value) = Self.rawField(line, indent: 6), event.set(key, value) else { return nil }
            } else if line.elementsEqual("    {".utf8) {
                guard !inEvent else { return nil }
                inEvent = true
                event = Fields()
            } else if line.elementsEqual("    },".utf8) || line.elementsEqual("    }".utf8) {
                guard inEvent, let complete = event.event else { return nil }
                events.append(complete)
                inEvent = false
            } else if line.elementsEqual("  ],".utf8) {
                guard !inEvent else { return nil }
                break
            } else if line.isEmpty {
                guard events.isEmpty, !inEvent else { return nil }
            } else {
                return nil
            }
        }
        guard let version = line().flatMap({ Self.field($0, indent: 2) }), version.key == "formatVersion",
              let number = Int(version.value), number == 1,
              let fingerprint = line().flatMap({ Self.field($0, indent: 2) }), fingerprint.key == "runbookFingerprint",
              expect("}"), position == bytes.count else { return nil }
        var file = ProgressFile(runbookFingerprint: fingerprint.value, events: events)
        file.formatVersion = 1
        return file
    }

    /// One event's keys as they are read.
    struct Fields {
        var action: ProgressEvent.Action?, step: String?, contentHash: String?, by: String?, at: String?, host: String?
        var note: String?, forced: Bool?

        /// Sets the key named by `key`'s bytes (told apart by length and first letter, then compared in full).
        mutating func set(_ key: ArraySlice<UInt8>, _ value: String) -> Bool {
            func named(_ name: StaticString) -> Bool { name.withUTF8Buffer { key.elementsEqual($0) } }
            switch (key.count, key.first) {
            case (6, UInt8(ascii: "a")) where named("action"): action = ProgressEvent.Action(rawValue: value)
            case (4, UInt8(ascii: "s")) where named("step"): step = value
            case (11, UInt8(ascii: "c")) where named("contentHash"): contentHash = value
            case (2, UInt8(ascii: "b")) where named("by"): by = value
            case (2, UInt8(ascii: "a")) where named("at"): at = value
            case (4, UInt8(ascii: "h")) where named("host"): host = value
            case (4, UInt8(ascii: "n")) where named("note"): note = value
            case (6, UInt8(ascii: "f")) where named("forced"): forced = value == "true" ? true : value == "false" ? false : nil
            default: return false
            }
            return true
        }

        var event: ProgressEvent? {
            guard let action, let step, let contentHash, let by, let at, let host, let forced else { return nil }
            return ProgressEvent(action: action, step: step, contentHash: contentHash, by: by, at: at, host: host, note: note, forced: forced)
        }
    }

    /// An event's `"key" : value` line, the key as bytes (keys this format writes need no unescaping).
    static func rawField(_ line: ArraySlice<UInt8>, indent: Int) -> (key: ArraySlice<UInt8>, value: String)? {
        let start = line.startIndex + indent
        guard line.count > indent + 2, line[start] == 0x22, let close = line[(start + 1)...].firstIndex(of: 0x22) else { return nil }
        let key = line[(start + 1)..<close]
        var rest = line[(close + 1)...]
        guard rest.starts(with: " : ".utf8) else { return nil }
        rest = rest.dropFirst(3)
        if rest.last == UInt8(ascii: ",") { rest = rest.dropLast() }
        if rest.first == UInt8(ascii: "\"") {
            guard let (value, after) = string(rest), after.isEmpty else { return nil }
            return (key, value)
        }
        guard !rest.isEmpty, rest.allSatisfy({ (0x61...0x7A).contains($0) }) else { return nil }
        return (key, String(decoding: rest, as: UTF8.self))
    }

    /// `<indent>"key" : value` with an optional trailing comma; a string value is unescaped, `true`, `false` and
    /// numbers are returned as written.
    static func field(_ line: ArraySlice<UInt8>, indent: Int) -> (key: String, value: String)? {
        guard line.count > indent, line.prefix(indent).allSatisfy({ $0 == 0x20 }) else { return nil }
        var rest = line.dropFirst(indent)
        guard let (key, afterKey) = string(rest), afterKey.starts(with: " : ".utf8) else { return nil }
        rest = afterKey.dropFirst(3)
        if rest.last == UInt8(ascii: ",") { rest = rest.dropLast() }
        if rest.first == UInt8(ascii: "\"") {
            guard let (value, after) = string(rest), after.isEmpty else { return nil }
            return (key, value)
        }
        guard !rest.isEmpty, rest.allSatisfy({ (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) }) else { return nil }
        return (key, String(decoding: rest, as: UTF8.self))
    }

    /// A JSON string at the start of `bytes`, unescaped, and what follows it. Only the escapes `encoded()` writes.
    static func string(_ bytes: ArraySlice<UInt8>) -> (String, ArraySlice<UInt8>)? {
        guard bytes.first == UInt8(ascii: "\"") else { return nil }
        let start = bytes.index(after: bytes.startIndex)
        var index = start
        // Most strings hold no escape: take them whole.
        while index < bytes.endIndex, bytes[index] != 0x22, bytes[index] != 0x5C, bytes[index] >= 0x20 { index += 1 }
        guard index < bytes.endIndex else { return nil }
        if bytes[index] == 0x22 { return (String(decoding: bytes[start..<index], as: UTF8.self), bytes[(index + 1)...]) }
        var out = Array(bytes[start..<index])
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte == 0x22 { return (String(decoding: out, as: UTF8.self), bytes[(index + 1)...]) }
            if byte != 0x5C {
                guard byte >= 0x20 else { return nil }
                out.append(byte)
                index += 1
                continue
            }
            guard index + 1 < bytes.endIndex else { return nil }
            switch bytes[index + 1] {
            case UInt8(ascii: "\""): out.append(0x22)
            case UInt8(ascii: "\\"): out.append(0x5C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "u"):
                guard index + 5 < bytes.endIndex,
                      let code = UInt8(String(decoding: bytes[(index + 2)...(index + 5)], as: UTF8.self), radix: 16), code < 0x20 else { return nil }
                out.append(code)
                index += 6
                continue
            default: return nil
            }
            index += 2
        }
        return nil
    }
}
