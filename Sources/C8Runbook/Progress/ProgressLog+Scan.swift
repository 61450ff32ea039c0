import Foundation

extension ProgressLog {
    /// Reads a version-2 log (its header already read) in one pass over its bytes, `chunk` bytes at a time, without
    /// building an event for every line: each line is checked in place (`EventLine`), its step id looked up by bytes,
    /// and only the last line of each step is built into an event at the end (`fetch` gives a line's bytes back by
    /// offset). A line in another layout takes the strict reader. A last line without its line feed is torn: it is
    /// left out (`tornLength`). With `keep`, every event is also handed to it in order (whole-file decoding).
    static func scan(
        header: (deployment: ProgressDeployment?, scenario: String?), path: String, now: String?,
        read: (UnsafeMutableRawBufferPointer) throws(ProgressError) -> Int,
        fetch: (Int, Int) throws(ProgressError) -> [UInt8],
        keep: ((ProgressEvent) -> Void)? = nil
    ) throws(ProgressError) -> ProgressLog {
        var log = ProgressLog(deployment: header.deployment, scenario: header.scenario)
        var table = StepTable()
        // Raw memory rather than an array: nothing here may copy the buffer behind the reader's back.
        var capacity = 1 << 18
        var buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        defer { buffer.deallocate() }
        var filled = 0, base = 0, number = 0
        // Times as three big-endian words: compared as tuples, they sort as the text does.
        var previousAt = Stamp(high: 0, middle: 0, low: 0)
        var hasPrevious = false
        var nowBytes = now.map { Array($0.utf8) }
        let nowStamp = nowBytes.flatMap { bytes in bytes.count == 20 ? bytes.withUnsafeBufferPointer { Stamp($0) } : nil }
        var last: (offset: Int, length: Int)?

        func handle(_ line: UnsafeBufferPointer<UInt8>, offset: Int) throws(ProgressError) {
            number += 1
            if number == 1 { return }  // The header, read by the caller.
            var parser = EventLine(line)
            let atRange: Range<Int>, stepRange: Range<Int>
            var built: ProgressEvent?
            if let fields = parser.check(), ProgressClock.isTimestamp(bytes: UnsafeBufferPointer(rebasing: line[fields.at.range])),
               !fields.escaped || { built = parser.event(fields); return built != nil }() {
                atRange = fields.at.range
                stepRange = fields.step.range
                if let keep { keep(built ?? parser.event(fields)!) }
                table.set(UnsafeBufferPointer(rebasing: line[stepRange]), offset: offset, length: line.count)
            } else {
                let event = try ProgressFile.readEventStrict(line, path: path, number: number)
                if let keep { keep(event) }
                var step = event.step
                step.withUTF8 { table.set($0, offset: offset, length: line.count) }
                noteTimeOf(event.at, step: event.step)
                last = (offset, line.count)
                return
            }
            // Times: compared as bytes (the format sorts as text).
            let at = Stamp(UnsafeBufferPointer(rebasing: line[atRange]))
            if let nowStamp, at > nowStamp {
                log.record(TimeIssue(kind: .future, line: number, step: text(line, stepRange), at: text(line, atRange), reference: now ?? ""))
            } else if hasPrevious, at < previousAt {
                log.record(TimeIssue(kind: .outOfOrder, line: number, step: text(line, stepRange), at: text(line, atRange),
                                     reference: previousAt.text))
            }
            previousAt = at
            hasPrevious = true
            last = (offset, line.count)
        }

        func noteTimeOf(_ at: String, step: String) {
            let previous = hasPrevious ? previousAt.text : nil
            log.noteTime(at, step: step, line: number, previous: previous, now: now)
            let bytes = Array(at.utf8)
            if bytes.count == 20 { previousAt = bytes.withUnsafeBufferPointer { Stamp($0) }; hasPrevious = true }
        }

        func text(_ line: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
            String(decoding: UnsafeBufferPointer(rebasing: line[range]), as: UTF8.self)
        }

        while true {
            if filled == capacity {
                guard capacity < ProgressFile.maximumLine else {
                    throw .invalidLine(SourceLocation(file: path, line: number + 1, column: 1),
                                       reason: "the line is longer than \(ProgressFile.maximumLine >> 10) KiB")
                }
                let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity * 2)
                larger.update(from: buffer, count: filled)
                buffer.deallocate()
                buffer = larger
                capacity *= 2
            }
            let count = try read(UnsafeMutableRawBufferPointer(start: buffer + filled, count: capacity - filled))
            if count == 0 { break }
            filled += count
            var start = 0
            while start < filled, let found = memchr(buffer + start, 0x0A, filled - start) {
                let end = buffer.distance(to: found.assumingMemoryBound(to: UInt8.self))
                try handle(UnsafeBufferPointer(start: buffer + start, count: end - start), offset: base + start)
                start = end + 1
            }
            if start > 0 {
                if filled > start { _ = memmove(buffer, buffer + start, filled - start) }
                base += start
                filled -= start
            }
        }
        nowBytes = nil
        log.completeLength = base
        log.tornLength = filled
        log.set(count: max(0, number - 1))
        // The last event of each step, built from its line.
        func event(at offset: Int, length: Int) throws(ProgressError) -> ProgressEvent {
            let line = try fetch(offset, length)
            return try line.withUnsafeBufferPointer { bytes throws(ProgressError) in
                var parser = EventLine(bytes)
                if let fields = parser.check(), let event = parser.event(fields) { return event }
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
}

/// A 20-byte time (`2026-11-24T21:43:56Z`) as three big-endian words, so that comparing stamps compares the text.
private struct Stamp: Comparable {
    var high: UInt64, middle: UInt64, low: UInt32

    init(high: UInt64, middle: UInt64, low: UInt32) {
        (self.high, self.middle, self.low) = (high, middle, low)
    }

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

extension ProgressFile {
    /// The longest line a log may hold (a note is at most 1,000 characters).
    static let maximumLine = 1 << 20
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

    private static func hash(_ step: UnsafeBufferPointer<UInt8>) -> Int {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325 ^ UInt64(step.count)
        let raw = UnsafeRawPointer(step.baseAddress!)
        var index = 0
        while index + 8 <= step.count {
            hash = (hash ^ raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)) &* 0x0000_0100_0000_01b3
            hash ^= hash >> 29
            index += 8
        }
        while index < step.count {
            hash = (hash ^ UInt64(step[index])) &* 0x0000_0100_0000_01b3
            index += 1
        }
        return Int(truncatingIfNeeded: hash ^ (hash >> 32))
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
