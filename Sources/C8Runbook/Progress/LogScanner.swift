import Foundation

/// One pass over a version-2 log's bytes (its header already read by the caller), fed in runs of memory that each
/// start at a line: `lines` handles every complete line of a run and says where the first unfinished line starts,
/// `read` goes on from there with a reader's copies, and `finish` builds the `ProgressLog`. No event is built for a
/// line that is not kept: each line is checked in place (`EventLine`), its step id looked up by bytes, and only the
/// last line of each step is built into an event at the end (`fetch` gives a line's bytes back by offset). A line
/// in another layout takes the strict reader. A last line without its line feed is torn: it is left out
/// (`tornLength`). With `keep`, every event is also handed to it in order (whole-file decoding).
struct LogScanner {
    private var log: ProgressLog
    private let path: String
    private let now: String?
    private let nowStamp: Stamp?
    private let keep: ((ProgressEvent) -> Void)?
    private var table = StepTable()
    /// Lines handled so far, the header included.
    private var number = 0
    /// Times as three big-endian words: compared as tuples, they sort as the text does.
    private var previousAt: Stamp?
    private var last: (offset: Int, length: Int)?
    /// The file offset just past the last complete line handled: where the next run must start.
    private(set) var consumed = 0

    init(header: (deployment: ProgressDeployment?, scenario: String?), path: String, now: String?,
         keep: ((ProgressEvent) -> Void)? = nil) {
        log = ProgressLog(deployment: header.deployment, scenario: header.scenario)
        self.path = path
        self.now = now
        nowStamp = now.flatMap { now in
            var now = now
            return now.withUTF8 { $0.count == 20 ? Stamp($0) : nil }
        }
        self.keep = keep
    }

    /// Handles every complete line of `bytes`, which hold the file from offset `consumed`; `consumed` then moves past
    /// the last line feed. A line in the writer's layout is checked in one walk that also finds its line feed; any
    /// other is found with `memchr` and read by `handle`.
    mutating func lines(_ bytes: UnsafeBufferPointer<UInt8>) throws(ProgressError) {
        guard let base = bytes.baseAddress else { return }
        let end = bytes.count, offset = consumed
        var start = 0
        while start < end {
            var parser = EventLine(UnsafeBufferPointer(start: base + start, count: end - start))
            // `check` has checked the time too. A line with an escape or a byte beyond ASCII is kept when its event
            // builds; one that does not takes the strict reader, which says what is wrong.
            if let fields = parser.check(), parser.position < end - start, parser.position < ProgressFile.maximumLine {
                let built = fields.escaped ? parser.event(fields) : nil
                if !fields.escaped || built != nil {
                    let line = UnsafeBufferPointer(start: base + start, count: parser.position)
                    number += 1
                    if let keep { keep(built ?? parser.event(fields)!) }
                    accept(line, at: fields.at.range, step: fields.step.range, offset: offset + start)
                    start += line.count + 1
                    continue
                }
            }
            guard let found = memchr(base + start, 0x0A, end - start) else { break }
            let length = base.distance(to: found.assumingMemoryBound(to: UInt8.self)) - start
            if length >= ProgressFile.maximumLine { throw tooLong() }
            try handle(UnsafeBufferPointer(start: base + start, count: length), offset: offset + start)
            start += length + 1
        }
        consumed = offset + start
    }

    /// Reads the rest of the file from offset `consumed` to its end with `read` (which gives the bytes from there on),
    /// 256 KiB at a time (more for a longer line); the bytes after the last line feed are the torn line.
    mutating func read(_ read: (UnsafeMutableRawBufferPointer) throws(ProgressError) -> Int) throws(ProgressError) {
        // Raw memory rather than an array: nothing here may copy the buffer behind the reader's back.
        var capacity = 1 << 18
        var buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        defer { buffer.deallocate() }
        var filled = 0
        while true {
            if filled == capacity {
                guard capacity < ProgressFile.maximumLine else { throw tooLong() }
                let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity * 2)
                larger.update(from: buffer, count: filled)
                buffer.deallocate()
                buffer = larger
                capacity *= 2
            }
            let count = try read(UnsafeMutableRawBufferPointer(start: buffer + filled, count: capacity - filled))
            if count == 0 { break }
            filled += count
            let before = consumed
            try lines(UnsafeBufferPointer(start: buffer, count: filled))
            let start = consumed - before
            if start > 0 {
                if filled > start { _ = memmove(buffer, buffer + start, filled - start) }
                filled -= start
            }
        }
        log.tornLength = filled
    }

    /// The log: the last event of each step, built from its line (`fetch` gives `length` bytes at `offset`).
    consuming func finish(fetch: (Int, Int) throws(ProgressError) -> [UInt8]) throws(ProgressError) -> ProgressLog {
        log.completeLength = consumed
        log.set(count: max(0, number - 1))
        let path = self.path
        func event(at offset: Int, length: Int) throws(ProgressError) -> ProgressEvent {
            let line = try fetch(offset, length)
            return try line.withUnsafeBufferPointer { bytes throws(ProgressError) in
                var parser = EventLine(bytes)
                if let fields = parser.check(), parser.position == bytes.count, let event = parser.event(fields) { return event }
                if let event = try? ProgressFile.readEventStrict(bytes, path: path, number: 0) { return event }
                // The line read well in the first pass; should it not now, the error names its line (counted only here).
                let number = try fetch(0, offset).reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
                return try ProgressFile.readEventStrict(bytes, path: path, number: number)
            }
        }
        for entry in table.entries { log.set(latest: try event(at: entry.offset, length: entry.length)) }
        if let last { log.runbookFingerprint = try event(at: last.offset, length: last.length).runbook }
        return log
    }

    private func tooLong() -> ProgressError {
        .invalidLine(SourceLocation(file: path, line: number + 1, column: 1), reason: "the line is longer than \(ProgressFile.maximumLine >> 10) KiB")
    }

    /// A line found by its line feed: the header, or an event line that the one-walk check did not take (another
    /// layout, a time that is not one, an escaped value whose event does not build), read by the strict reader.
    private mutating func handle(_ line: UnsafeBufferPointer<UInt8>, offset: Int) throws(ProgressError) {
        number += 1
        if number == 1 { return }  // The header, read by the caller.
        let event = try ProgressFile.readEventStrict(line, path: path, number: number)
        if let keep { keep(event) }
        var step = event.step
        step.withUTF8 { table.set($0, offset: offset, length: line.count) }
        log.noteTime(event.at, step: event.step, line: number, previous: previousAt?.text, now: now)
        var at = event.at
        at.withUTF8 { if $0.count == 20 { previousAt = Stamp($0) } }
        last = (offset, line.count)
    }

    /// A checked line in the writer's layout: its step's place, and its time against the clock and the line before.
    @inline(__always) private mutating func accept(_ line: UnsafeBufferPointer<UInt8>, at atRange: Range<Int>, step stepRange: Range<Int>,
                                                   offset: Int) {
        table.set(UnsafeBufferPointer(rebasing: line[stepRange]), offset: offset, length: line.count)
        // Times: compared as bytes (the format sorts as text).
        let at = Stamp(UnsafeBufferPointer(rebasing: line[atRange]))
        if let nowStamp, at > nowStamp {
            log.record(ProgressLog.TimeIssue(kind: .future, line: number, step: Self.text(line, stepRange), at: Self.text(line, atRange),
                                             reference: now ?? ""))
        } else if let previousAt, at < previousAt {
            log.record(ProgressLog.TimeIssue(kind: .outOfOrder, line: number, step: Self.text(line, stepRange), at: Self.text(line, atRange),
                                             reference: previousAt.text))
        }
        previousAt = at
        last = (offset, line.count)
    }

    private static func text(_ line: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: line[range]), as: UTF8.self)
    }
}

/// A 20-byte time (`2026-11-24T21:43:56Z`) as three big-endian words, so that comparing stamps compares the text.
private struct Stamp: Comparable {
    var high: UInt64, middle: UInt64, low: UInt32

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        let raw = UnsafeRawPointer(bytes.baseAddress!)
        high = UInt64(bigEndian: raw.loadUnaligned(fromByteOffset: 0, as: UInt64.self))
        middle = UInt64(bigEndian: raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
        low = UInt32(bigEndian: raw.loadUnaligned(fromByteOffset: 16, as: UInt32.self))
    }

    static func < (a: Stamp, b: Stamp) -> Bool { (a.high, a.middle, a.low) < (b.high, b.middle, b.low) }

    var text: String {
        var bytes = [UInt8](repeating: 0, count: 20)
        bytes.withUnsafeMutableBytes { raw in
            raw.storeBytes(of: high.bigEndian, toByteOffset: 0, as: UInt64.self)
            raw.storeBytes(of: middle.bigEndian, toByteOffset: 8, as: UInt64.self)
            raw.storeBytes(of: low.bigEndian, toByteOffset: 16, as: UInt32.self)
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// Step ids seen in the log, looked up by their bytes (no string is made for a line that is not kept), with the
/// place of each step's last line: an open-addressing table of entry indices, hashed eight bytes at a time.
private struct StepTable {
    struct Entry {
        var step: [UInt8]
        var offset: Int
        var length: Int
    }

    private var slots = [Int32](repeating: -1, count: 1024)
    private(set) var entries: [Entry] = []

    /// Every byte counts, a word at a time: the words from the start, then the last eight bytes (overlapping the word
    /// before when the length is not a multiple of eight), so that no byte is hashed alone.
    private static func hash(_ step: UnsafeBufferPointer<UInt8>) -> Int {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325 ^ UInt64(step.count)
        func mix(_ word: UInt64) {
            hash = (hash ^ word) &* 0x0000_0100_0000_01b3
            hash ^= hash &>> 29
        }
        let raw = UnsafeRawPointer(step.baseAddress!)
        if step.count < 8 {
            var word: UInt64 = 0
            for index in 0..<step.count { word |= UInt64(step[index]) &<< (index &* 8) }
            mix(word)
        } else {
            var index = 0
            while index &+ 8 < step.count {
                mix(raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
                index &+= 8
            }
            mix(raw.loadUnaligned(fromByteOffset: step.count &- 8, as: UInt64.self))
        }
        return Int(truncatingIfNeeded: hash ^ (hash &>> 32))
    }

    mutating func set(_ step: UnsafeBufferPointer<UInt8>, offset: Int, length: Int) {
        if entries.count * 2 >= slots.count { grow() }
        let mask = slots.count - 1
        var slot = Self.hash(step) & mask
        while true {
            let index = Int(slots[slot])
            if index < 0 {
                slots[slot] = Int32(entries.count)
                entries.append(Entry(step: Array(step), offset: offset, length: length))
                return
            }
            if entries[index].step.count == step.count,
               entries[index].step.withUnsafeBufferPointer({ memcmp($0.baseAddress!, step.baseAddress!, step.count) == 0 }) {
                entries[index].offset = offset
                entries[index].length = length
                return
            }
            slot = (slot + 1) & mask
        }
    }

    private mutating func grow() {
        slots = [Int32](repeating: -1, count: slots.count * 2)
        let mask = slots.count - 1
        for (index, entry) in entries.enumerated() {
            var slot = entry.step.withUnsafeBufferPointer { Self.hash($0) } & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(index)
        }
    }
}
