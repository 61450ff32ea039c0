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
        var buffer = [UInt8](repeating: 0, count: 1 << 18)
        var filled = 0, base = 0, number = 0
        var previousAt = [UInt8](repeating: 0, count: 20)
        var hasPrevious = false
        var nowBytes = now.map { Array($0.utf8) }
        var last: (offset: Int, length: Int)?

        func handle(_ line: UnsafeBufferPointer<UInt8>, offset: Int) throws(ProgressError) {
            number += 1
            if number == 1 { return }  // The header, read by the caller.
            var parser = EventLine(line)
            var atRange: Range<Int>, stepRange: Range<Int>
            var built: ProgressEvent?
            if let fields = parser.check(), ProgressClock.isTimestamp(bytes: UnsafeBufferPointer(rebasing: line[fields.at])),
               !fields.escaped || { built = parser.event(fields); return built != nil }() {
                atRange = fields.at
                stepRange = fields.step
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
            let at = UnsafeBufferPointer(rebasing: line[atRange])
            if let now = nowBytes, memcmp(at.baseAddress!, now, 20) > 0 {
                log.record(TimeIssue(kind: .future, line: number, step: text(line, stepRange), at: text(line, atRange), reference: String(decoding: now, as: UTF8.self)))
            } else if hasPrevious, memcmp(at.baseAddress!, previousAt, 20) < 0 {
                log.record(TimeIssue(kind: .outOfOrder, line: number, step: text(line, stepRange), at: text(line, atRange),
                                     reference: String(decoding: previousAt, as: UTF8.self)))
            }
            previousAt.withUnsafeMutableBufferPointer { _ = memcpy($0.baseAddress!, at.baseAddress!, 20) }
            hasPrevious = true
            last = (offset, line.count)
        }

        func noteTimeOf(_ at: String, step: String) {
            let previous = hasPrevious ? String(decoding: previousAt, as: UTF8.self) : nil
            log.noteTime(at, step: step, line: number, previous: previous, now: now)
            if at.utf8.count == 20 { previousAt = Array(at.utf8); hasPrevious = true }
        }

        func text(_ line: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
            String(decoding: UnsafeBufferPointer(rebasing: line[range]), as: UTF8.self)
        }

        while true {
            if filled == buffer.count {
                guard buffer.count < ProgressFile.maximumLine else {
                    throw .invalid(path: path, at: "line \(number + 1)", reason: "longer than \(ProgressFile.maximumLine >> 10) KiB")
                }
                buffer.append(contentsOf: [UInt8](repeating: 0, count: buffer.count))
            }
            let count = try buffer.withUnsafeMutableBufferPointer { bytes throws(ProgressError) in
                try read(UnsafeMutableRawBufferPointer(UnsafeMutableBufferPointer(rebasing: bytes[filled...])))
            }
            if count == 0 { break }
            filled += count
            var start = 0
            try buffer.withUnsafeBufferPointer { bytes throws(ProgressError) in
                while start < filled, let found = memchr(bytes.baseAddress! + start, 0x0A, filled - start) {
                    let end = bytes.baseAddress!.distance(to: found.assumingMemoryBound(to: UInt8.self))
                    try handle(UnsafeBufferPointer(rebasing: bytes[start..<end]), offset: base + start)
                    start = end + 1
                }
            }
            if start > 0 {
                buffer.withUnsafeMutableBufferPointer { bytes in
                    _ = memmove(bytes.baseAddress!, bytes.baseAddress! + start, filled - start)
                }
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
                return try ProgressFile.readEventStrict(bytes, path: path, number: 0)
            }
        }
        for entry in table.entries { log.set(latest: try event(at: entry.offset, length: entry.length)) }
        if let last { log.runbookFingerprint = try event(at: last.offset, length: last.length).runbook }
        return log
    }
}

extension ProgressFile {
    /// The longest line a log may hold (a note is at most 1,000 characters).
    static let maximumLine = 1 << 20
}

/// Step ids seen in the log, looked up by their bytes (no string is made for a line that is not kept), with the
/// place of each step's last line.
private struct StepTable {
    struct Entry {
        var step: [UInt8]
        var offset: Int
        var length: Int
    }

    private var buckets: [UInt64: [Int]] = [:]
    private(set) var entries: [Entry] = []

    mutating func set(_ step: UnsafeBufferPointer<UInt8>, offset: Int, length: Int) {
        var hash = FNV1a64()
        hash.combine(step)
        if let indices = buckets[hash.value] {
            for index in indices where entries[index].step.count == step.count
                && entries[index].step.withUnsafeBufferPointer({ memcmp($0.baseAddress!, step.baseAddress!, step.count) == 0 }) {
                entries[index].offset = offset
                entries[index].length = length
                return
            }
        }
        buckets[hash.value, default: []].append(entries.count)
        entries.append(Entry(step: Array(step), offset: offset, length: length))
    }
}
