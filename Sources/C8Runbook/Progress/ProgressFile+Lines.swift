public import Foundation

/// Version-2 lines: writing them, and reading them back. The fast reader takes exactly the layout written here,
/// byte by byte, with no allocation for an event it does not need; a line in any other layout (a hand edit) is read
/// by the strict reader, which accepts a complete event with the same keys and types, or names what is wrong.
extension ProgressFile {
    /// The whole log as version 2: the header line, then one line per event.
    public func encoded() -> Data {
        var out = JSONBytes(capacity: 256 + events.count * 240)
        Self.header(deployment: deployment, scenario: scenario, into: &out)
        for event in events { Self.line(event, into: &out) }
        return Data(out.bytes)
    }

    /// `{"deployment":…,"formatVersion":2,"scenario":…}` and a line feed.
    static func header(deployment: ProgressDeployment?, scenario: String?, into out: inout JSONBytes) {
        out.append("{\"deployment\":")
        if let deployment {
            out.append("{\"regions\":[")
            for (index, place) in deployment.regions.enumerated() {
                out.append(index == 0 ? "{\"kubeContext\":\"" : ",{\"kubeContext\":\"")
                out.string(place.kubeContext)
                out.append("\",\"namespace\":\"")
                out.string(place.namespace)
                out.append("\"}")
            }
            out.append("],\"release\":\"")
            out.string(deployment.release)
            out.append("\",\"storage\":\"")
            out.string(deployment.storage)
            out.append("\"}")
        } else {
            out.append("null")
        }
        out.append(",\"formatVersion\":\(formatVersion),\"scenario\":")
        if let scenario {
            out.append("\"")
            out.string(scenario)
            out.append("\"")
        } else {
            out.append("null")
        }
        out.append("}\n")
    }

    /// One event as one line, keys sorted, ended by a line feed.
    static func line(_ event: ProgressEvent, into out: inout JSONBytes) {
        out.append("{\"action\":\"")
        out.append(event.action.rawValue)
        out.append("\",\"at\":\"")
        out.string(event.at)
        out.append("\",\"by\":\"")
        out.string(event.by)
        out.append("\",\"contentHash\":\"")
        out.string(event.contentHash)
        out.append(event.forced ? "\",\"forced\":true,\"host\":\"" : "\",\"forced\":false,\"host\":\"")
        out.string(event.host)
        if let note = event.note {
            out.append("\",\"note\":\"")
            out.string(note)
        }
        if let runbook = event.runbook {
            out.append("\",\"runbook\":\"")
            out.string(runbook)
        }
        out.append("\",\"step\":\"")
        out.string(event.step)
        out.append("\"}\n")
    }

    static func lines(_ events: [ProgressEvent]) -> Data {
        var out = JSONBytes(capacity: events.count * 240)
        for event in events { line(event, into: &out) }
        return Data(out.bytes)
    }

    /// The header line (without its line feed). A first line that is not a version-2 header returns nil: the
    /// caller then reads the file as version 1, whose reader names what is wrong.
    static func readHeader(_ line: [UInt8], path: String) throws(ProgressError) -> (deployment: ProgressDeployment?, scenario: String?)? {
        guard line.first == UInt8(ascii: "{"),
              let object = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any],
              let version = object["formatVersion"] as? Int, !(object["formatVersion"] is Bool) else { return nil }
        if version > formatVersion { throw .futureVersion(path: path, version: version) }
        guard version == 2 else { return nil }
        let unknown = object.keys.filter { !["deployment", "formatVersion", "scenario"].contains($0) }.sorted()
        if let key = unknown.first { throw .invalid(path: path, at: "line 1", reason: "unknown key '\(key)'") }
        var scenario: String?
        switch object["scenario"] {
        case let text as String where !text.isEmpty: scenario = text
        case is NSNull: scenario = nil
        default: throw .invalid(path: path, at: "line 1", reason: "'scenario' must be the scenario file's path or null")
        }
        var deployment: ProgressDeployment?
        switch object["deployment"] {
        case is NSNull: deployment = nil
        case let fields as [String: Any]:
            guard Set(fields.keys) == ["regions", "release", "storage"], let release = fields["release"] as? String,
                  let storage = fields["storage"] as? String, let regions = fields["regions"] as? [[String: Any]], regions.count == 2 else {
                throw .invalid(path: path, at: "line 1", reason: "'deployment' must hold 'release', 'storage' and two 'regions'")
            }
            var places: [ProgressDeployment.Place] = []
            for region in regions {
                guard Set(region.keys) == ["kubeContext", "namespace"], let context = region["kubeContext"] as? String,
                      let namespace = region["namespace"] as? String else {
                    throw .invalid(path: path, at: "line 1", reason: "each region of 'deployment' must hold 'kubeContext' and 'namespace'")
                }
                places.append(.init(kubeContext: context, namespace: namespace))
            }
            deployment = ProgressDeployment(release: release, regions: places, storage: storage)
        default: throw .invalid(path: path, at: "line 1", reason: "'deployment' must be an object or null")
        }
        return (deployment, scenario)
    }

    /// An event line in any JSON layout: the same keys and types as `line` writes, nothing else.
    static func readEventStrict(_ line: UnsafeBufferPointer<UInt8>, path: String, number: Int) throws(ProgressError) -> ProgressEvent {
        let at = "line \(number)"
        guard let object = try? JSONSerialization.jsonObject(with: Data(buffer: line)) as? [String: Any] else {
            throw .invalid(path: path, at: at, reason: String(bytes: line, encoding: .utf8) == nil ? "not UTF-8 text" : "not a JSON object")
        }
        let allowed: Set<String> = ["action", "at", "by", "contentHash", "forced", "host", "note", "runbook", "step"]
        if let key = object.keys.filter({ !allowed.contains($0) }).min() { throw .invalid(path: path, at: at, reason: "unknown key '\(key)'") }
        func text(_ key: String, optional: Bool = false) throws(ProgressError) -> String? {
            guard let value = object[key] else {
                if optional { return nil }
                throw .invalid(path: path, at: "\(at).\(key)", reason: "missing")
            }
            guard let string = value as? String else { throw .invalid(path: path, at: "\(at).\(key)", reason: "expected a string") }
            return string
        }
        guard let action = ProgressEvent.Action(rawValue: try text("action") ?? "") else {
            throw .invalid(path: path, at: "\(at).action", reason: "expected 'tick' or 'untick'")
        }
        guard let forcedValue = object["forced"] else { throw .invalid(path: path, at: "\(at).forced", reason: "missing") }
        guard let forced = forcedValue as? Bool, "\(type(of: forcedValue))" != "NSNumber" || ["true", "false"].contains("\(forcedValue)") && (forcedValue as? NSNumber).map({ String(cString: $0.objCType) == "c" }) ?? true else {
            throw .invalid(path: path, at: "\(at).forced", reason: "expected true or false")
        }
        let event = ProgressEvent(action: action, step: try text("step")!, contentHash: try text("contentHash")!, by: try text("by")!,
                                  at: try text("at")!, host: try text("host")!, note: try text("note", optional: true), forced: forced,
                                  runbook: try text("runbook", optional: true))
        try check(event, path: path, at: at)
        return event
    }

    static func check(_ event: ProgressEvent, path: String, at: String) throws(ProgressError) {
        if event.step.isEmpty { throw .invalid(path: path, at: "\(at).step", reason: "empty") }
        if event.by.isEmpty { throw .invalid(path: path, at: "\(at).by", reason: "empty") }
        if !ProgressClock.isTimestamp(event.at) {
            throw .invalid(path: path, at: "\(at).at", reason: "'\(event.at)' is not an ISO 8601 time such as 2026-11-24T21:43:56Z")
        }
    }
}

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

extension ProgressFile {
    /// Reads a progress log of either version whole: a version-2 log line by line (a torn last line is left out),
    /// anything else as version 1, strictly. `path` names the file in errors.
    public static func decode(_ data: Data, path: String) throws(ProgressError) -> ProgressFile {
        if data.isEmpty { throw .corrupt(path: path, reason: "the file is empty") }
        if data.count > maximumSize { throw .corrupt(path: path, reason: "larger than \(maximumSize >> 20) MiB") }
        let bytes = [UInt8](data)
        guard let newline = bytes.firstIndex(of: 0x0A), let header = try readHeader(Array(bytes[..<newline]), path: path) else {
            return try decodeVersion1(data, path: path)
        }
        var events: [ProgressEvent] = []
        var position = 0
        let log = try ProgressLog.scan(header: header, path: path, now: nil, read: { buffer in
            let count = min(buffer.count, bytes.count - position)
            bytes.withUnsafeBytes { source in buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: source[position..<(position + count)])) }
            position += count
            return count
        }, fetch: { offset, length in Array(bytes[offset..<(offset + length)]) }, keep: { events.append($0) })
        return ProgressFile(runbookFingerprint: log.runbookFingerprint ?? "", events: events, deployment: header.deployment, scenario: header.scenario)
    }
}
