import Foundation

/// The fast reader of one event line in exactly `ProgressFile.line`'s layout (without the line feed). `check`
/// walks it without allocating and returns where the step id and the time are; `event` builds the event.
struct EventLine {
    let bytes: UnsafeBufferPointer<UInt8>
    var position = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    /// Where a value is in the line: two 32-bit offsets (a line is at most 1 MiB), so that `Fields` stays small
    /// enough to be copied in registers rather than through `memmove`.
    struct Span {
        var start: Int32, end: Int32
        init(_ range: Range<Int>) { (start, end) = (Int32(range.lowerBound), Int32(range.upperBound)) }
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

    @inline(__always) private mutating func literal(_ text: StaticString) -> Bool {
        let count = text.utf8CodeUnitCount
        guard position + count <= bytes.count else { return false }
        // Word by word, inline: these literals are short and there are ten on every line.
        let here = UnsafeRawPointer(bytes.baseAddress! + position), there = UnsafeRawPointer(text.utf8Start)
        var index = 0
        while index + 8 <= count {
            guard here.loadUnaligned(fromByteOffset: index, as: UInt64.self) == there.loadUnaligned(fromByteOffset: index, as: UInt64.self) else { return false }
            index += 8
        }
        while index < count {
            guard here.load(fromByteOffset: index, as: UInt8.self) == there.load(fromByteOffset: index, as: UInt8.self) else { return false }
            index += 1
        }
        position += count
        return true
    }

    /// A string's content up to its closing quote (consumed); nil when it breaks JSON's rules.
    @inline(__always) private mutating func string(_ escaped: inout Bool) -> Span? {
        let start = position
        // Eight bytes at a time while none is a quote, a backslash, a control character or beyond ASCII.
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        let base = UnsafeRawPointer(bytes.baseAddress!)
        while position + 8 <= bytes.count {
            let word = base.loadUnaligned(fromByteOffset: position, as: UInt64.self)
            let quote = word ^ (ones &* 0x22), backslash = word ^ (ones &* 0x5C)
            let special = ((quote &- ones) & ~quote) | ((backslash &- ones) & ~backslash) | (word &- ones &* 0x20) | word
            if special & highs != 0 { break }
            position += 8
        }
        while position < bytes.count {
            let byte = bytes[position]
            if byte == 0x22 {
                position += 1
                return Span(start..<(position - 1))
            }
            if byte < 0x20 { return nil }
            if byte == 0x5C {
                escaped = true
                guard position + 1 < bytes.count else { return nil }
                switch bytes[position + 1] {
                case 0x22, 0x5C, 0x2F, 0x62, 0x66, 0x6E, 0x72, 0x74: position += 2
                case 0x75:
                    guard position + 5 < bytes.count,
                          (2...5).allSatisfy({ Self.isHex(bytes[position + $0]) }) else { return nil }
                    position += 6
                default: return nil
                }
                continue
            }
            if byte >= 0x80 { escaped = true }
            position += 1
        }
        return nil
    }

    private static func isHex(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x61...0x66).contains(byte) || (0x41...0x46).contains(byte)
    }

    mutating func check() -> Fields? {
        var escaped = false
        guard literal("{\"action\":\"") else { return nil }
        let action: ProgressEvent.Action
        if literal("tick\"") { action = .tick } else if literal("untick\"") { action = .untick } else { return nil }
        guard literal(",\"at\":\""), let at = string(&escaped), at.count == 20,
              literal(",\"by\":\""), let by = string(&escaped), !by.isEmpty,
              literal(",\"contentHash\":\""), let contentHash = string(&escaped),
              literal(",\"forced\":") else { return nil }
        let forced: Bool
        if literal("true") { forced = true } else if literal("false") { forced = false } else { return nil }
        guard literal(",\"host\":\""), let host = string(&escaped) else { return nil }
        var note: Span?, runbook: Span?
        if literal(",\"note\":\"") {
            guard let range = string(&escaped) else { return nil }
            note = range
        }
        if literal(",\"runbook\":\"") {
            guard let range = string(&escaped) else { return nil }
            runbook = range
        }
        guard literal(",\"step\":\""), let step = string(&escaped), !step.isEmpty, literal("}"), position == bytes.count else { return nil }
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
