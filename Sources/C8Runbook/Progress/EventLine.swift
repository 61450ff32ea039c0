import Foundation

/// The fast reader of one event line in exactly `ProgressFile.line`'s layout (without the line feed, or in a longer
/// run of bytes that goes on after the line feed). `check` walks it without allocating and returns where the step id
/// and the time are; `event` builds the event.
struct EventLine {
    let bytes: UnsafeBufferPointer<UInt8>
    var position = 0

    /// `bytes` from the line's first byte; at most `ProgressFile.maximumLine` of them are looked at (a longer line is
    /// not one the tool wrote), so that every offset fits a `Span`.
    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes.count <= ProgressFile.maximumLine ? bytes : UnsafeBufferPointer(rebasing: bytes[..<ProgressFile.maximumLine])
    }

    /// Where a value is in the line: two 32-bit offsets (a line is at most 1 MiB), so that `Fields` stays small
    /// enough to be copied in registers rather than through `memmove`.
    struct Span {
        var start: Int32, end: Int32
        /// Offsets within `EventLine.bytes`, which is never longer than 1 MiB: they fit.
        init(_ start: Int, _ end: Int) { (self.start, self.end) = (Int32(truncatingIfNeeded: start), Int32(truncatingIfNeeded: end)) }
        var range: Range<Int> { Int(start)..<Int(end) }
        var count: Int { Int(end - start) }
        var isEmpty: Bool { start == end }
    }

    struct Fields {
        var action: ProgressEvent.Action
        var at: Span, by: Span, contentHash: Span, host: Span, step: Span
        var note: Span?, runbook: Span?
        var forced: Bool
        /// Some string holds an escape or a byte beyond ASCII: build strings with the careful decoder.
        var escaped: Bool
    }

    /// Whether `text` comes next (then consumed): compared a word at a time, the last word overlapping the one before
    /// (a 12-byte literal is two 8-byte compares, a 5-byte one two 4-byte compares). Inline: there are eight on a line.
    @inline(__always) private mutating func literal(_ text: StaticString) -> Bool {
        let count = text.utf8CodeUnitCount
        guard position &+ count <= bytes.count else { return false }
        let here = UnsafeRawPointer(bytes.baseAddress! + position), there = UnsafeRawPointer(text.utf8Start)
        func same<Word: FixedWidthInteger>(_: Word.Type, at offset: Int) -> Bool {
            here.loadUnaligned(fromByteOffset: offset, as: Word.self) == there.loadUnaligned(fromByteOffset: offset, as: Word.self)
        }
        let equal: Bool
        switch count {
        case 8...:
            var index = 0, all = true
            while index + 8 < count {
                all = all && same(UInt64.self, at: index)
                index += 8
            }
            equal = all && same(UInt64.self, at: count - 8)
        case 4...: equal = same(UInt32.self, at: 0) && same(UInt32.self, at: count - 4)
        case 2...: equal = same(UInt16.self, at: 0) && same(UInt16.self, at: count - 2)
        default: equal = count == 0 || same(UInt8.self, at: 0)
        }
        if equal { position &+= count }
        return equal
    }

    /// A string's content up to its closing quote (consumed); nil when it breaks JSON's rules.
    @inline(__always) private mutating func string(_ escaped: inout Bool) -> Span? {
        let start = position
        // Eight bytes at a time while none is a quote, a backslash, a control character or beyond ASCII. The lowest
        // flagged byte is exact (a borrow only runs upwards from a flagged byte), so the word holding the closing
        // quote ends the string without a byte loop.
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        let base = UnsafeRawPointer(bytes.baseAddress!)
        while position &+ 8 <= bytes.count {
            let word = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: position, as: UInt64.self))
            let quote = word ^ (ones &* 0x22), backslash = word ^ (ones &* 0x5C)
            let special = (((quote &- ones) & ~quote) | ((backslash &- ones) & ~backslash) | (word &- ones &* 0x20) | word) & highs
            if special != 0 {
                position &+= special.trailingZeroBitCount &>> 3
                if bytes[position] == 0x22 {
                    position &+= 1
                    return Span(start, position &- 1)
                }
                break
            }
            position &+= 8
        }
        guard let (end, escapes) = Self.rest(of: bytes, from: position) else { return nil }
        if escapes { escaped = true }
        position = end
        return Span(start, end &- 1)
    }

    /// The rest of a string byte by byte, from where the word walk stopped (an escape, a byte beyond ASCII, a control
    /// character, or the last few bytes of `bytes`): where it ends, past its closing quote, and whether it holds an
    /// escape or a byte beyond ASCII; nil when it breaks JSON's rules. Static and out of line, so that the walk
    /// inlined at each string stays small and the reader's position stays in a register.
    @inline(never) private static func rest(of bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> (end: Int, escapes: Bool)? {
        var position = start, escapes = false
        while position < bytes.count {
            let byte = bytes[position]
            if byte == 0x22 { return (position + 1, escapes) }
            if byte < 0x20 { return nil }
            if byte == 0x5C {
                escapes = true
                guard position + 1 < bytes.count else { return nil }
                switch bytes[position + 1] {
                case 0x22, 0x5C, 0x2F, 0x62, 0x66, 0x6E, 0x72, 0x74: position += 2
                case 0x75:
                    guard position + 5 < bytes.count,
                          (2...5).allSatisfy({ isHex(bytes[position + $0]) }) else { return nil }
                    position += 6
                default: return nil
                }
                continue
            }
            if byte >= 0x80 { escapes = true }
            position += 1
        }
        return nil
    }

    private static func isHex(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x61...0x66).contains(byte) || (0x41...0x46).contains(byte)
    }

    /// Where the fields are, or nil when the line is not in the writer's layout. `bytes` may go on past the line: the
    /// line ends at the object's closing brace, which must be followed by a line feed or the end of `bytes`;
    /// `position` is then the line's length.
    mutating func check() -> Fields? {
        // On a copy, so that the position lives in a register rather than behind `self`.
        var reader = self
        let fields = reader.fields()
        position = reader.position
        return fields
    }

    @inline(__always) private mutating func fields() -> Fields? {
        var escaped = false
        // Literals run across the fixed parts between two values (`tick","at":"`), so that a line takes few compares.
        guard literal("{\"action\":\"") else { return nil }
        let action: ProgressEvent.Action
        if literal("tick\",\"at\":\"") { action = .tick } else if literal("untick\",\"at\":\"") { action = .untick } else { return nil }
        // The time: exactly 20 bytes, all checked by `isTimestamp` (digits and separators: no string walk needed).
        guard position &+ 21 <= bytes.count, bytes[position &+ 20] == 0x22,
              ProgressClock.isTimestamp(bytes: UnsafeBufferPointer(start: bytes.baseAddress! + position, count: 20)) else { return nil }
        let at = Span(position, position &+ 20)
        position &+= 21
        guard literal(",\"by\":\""), let by = string(&escaped), !by.isEmpty,
              literal(",\"contentHash\":\""), let contentHash = string(&escaped) else { return nil }
        let forced: Bool
        if literal(",\"forced\":false,\"host\":\"") {
            forced = false
        } else if literal(",\"forced\":true,\"host\":\"") {
            forced = true
        } else {
            return nil
        }
        guard let host = string(&escaped) else { return nil }
        var note: Span?, runbook: Span?
        if literal(",\"note\":\"") {
            guard let range = string(&escaped) else { return nil }
            note = range
        }
        if literal(",\"runbook\":\"") {
            guard let range = string(&escaped) else { return nil }
            runbook = range
        }
        // The line ends here: at the end of `bytes`, or at a line feed that the caller's bytes go on past.
        guard literal(",\"step\":\""), let step = string(&escaped), !step.isEmpty, literal("}"),
              position == bytes.count || bytes[position] == 0x0A else { return nil }
        return Fields(action: action, at: at, by: by, contentHash: contentHash, host: host, step: step, note: note, runbook: runbook,
                      forced: forced, escaped: escaped)
    }

    /// The event, or nil when a string is not valid UTF-8 or an escape is not one JSON allows (the strict reader
    /// then says which).
    func event(_ fields: Fields) -> ProgressEvent? {
        func text(_ span: Span) -> String? {
            let slice = UnsafeBufferPointer(rebasing: bytes[span.range])
            if !fields.escaped { return String(decoding: slice, as: UTF8.self) }
            var quoted = [UInt8](repeating: 0x22, count: slice.count + 2)
            quoted.replaceSubrange(1..<(slice.count + 1), with: slice)
            return (try? JSONSerialization.jsonObject(with: Data(quoted), options: .fragmentsAllowed)) as? String
        }
        guard let at = text(fields.at), ProgressClock.isTimestamp(at), let by = text(fields.by), let hash = text(fields.contentHash),
              let host = text(fields.host), let step = text(fields.step) else { return nil }
        var note: String?, runbook: String?
        if let range = fields.note { guard let value = text(range) else { return nil }; note = value }
        if let range = fields.runbook { guard let value = text(range) else { return nil }; runbook = value }
        return ProgressEvent(action: fields.action, step: step, contentHash: hash, by: by, at: at, host: host, note: note,
                             forced: fields.forced, runbook: runbook)
    }
}
