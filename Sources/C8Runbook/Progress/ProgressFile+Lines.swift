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
        /// The key's own column for an unknown key, its value's for a wrong value; positions are found only on error.
        func fail(_ reason: String, key: String, atValue: Bool = true) -> ProgressError {
            let positions = JSONLinePositions(line)
            let column = (atValue ? positions.valueColumn(key) : positions.keyColumn(key)) ?? 1
            return .invalidLine(SourceLocation(file: path, line: 1, column: column), reason: reason)
        }
        let unknown = object.keys.filter { !["deployment", "formatVersion", "scenario"].contains($0) }.sorted()
        if let key = unknown.first { throw fail("unknown key '\(key)'", key: key, atValue: false) }
        var scenario: String?
        switch object["scenario"] {
        case let text as String where !text.isEmpty: scenario = text
        case is NSNull: scenario = nil
        default: throw fail("'scenario' must be the scenario file's path or null", key: "scenario")
        }
        var deployment: ProgressDeployment?
        switch object["deployment"] {
        case is NSNull: deployment = nil
        case let fields as [String: Any]:
            guard Set(fields.keys) == ["regions", "release", "storage"], let release = fields["release"] as? String,
                  let storage = fields["storage"] as? String, let regions = fields["regions"] as? [[String: Any]], regions.count == 2 else {
                throw fail("'deployment' must hold 'release', 'storage' and two 'regions'", key: "deployment")
            }
            var places: [ProgressDeployment.Place] = []
            for region in regions {
                guard Set(region.keys) == ["kubeContext", "namespace"], let context = region["kubeContext"] as? String,
                      let namespace = region["namespace"] as? String else {
                    throw fail("each region of 'deployment' must hold 'kubeContext' and 'namespace'", key: "deployment")
                }
                places.append(.init(kubeContext: context, namespace: namespace))
            }
            deployment = ProgressDeployment(release: release, regions: places, storage: storage)
        default: throw fail("'deployment' must be an object or null", key: "deployment")
        }
        return (deployment, scenario)
    }

    /// An event line in any JSON layout: the same keys and types as `line` writes, nothing else. `number` is the
    /// line's 1-based number in the file; an error names it and the column of the key or value at fault.
    static func readEventStrict(_ line: UnsafeBufferPointer<UInt8>, path: String, number: Int) throws(ProgressError) -> ProgressEvent {
        /// The column of the key (`atKey`) or of its value, 1 for the line as a whole (`key` nil: a key is missing);
        /// positions are found only on error, so a hand-edited log costs nothing more to read.
        func fail(_ reason: String, key: String?, atKey: Bool = false) -> ProgressError {
            let positions = JSONLinePositions(line)
            let column = key.flatMap { atKey ? positions.keyColumn($0) : positions.valueColumn($0) } ?? 1
            return .invalidLine(SourceLocation(file: path, line: number, column: column), reason: reason)
        }
        guard let object = try? JSONSerialization.jsonObject(with: Data(buffer: line)) as? [String: Any] else {
            let positions = JSONLinePositions(line)
            let (column, reason) = positions.notUTF8.map { ($0, "not UTF-8 text") }
                ?? positions.syntaxError.map { ($0, "malformed JSON") } ?? (1, "not a JSON object")
            throw .invalidLine(SourceLocation(file: path, line: number, column: column), reason: reason)
        }
        let allowed: Set<String> = ["action", "at", "by", "contentHash", "forced", "host", "note", "runbook", "step"]
        if let key = object.keys.filter({ !allowed.contains($0) }).min() { throw fail("unknown key '\(key)'", key: key, atKey: true) }
        func text(_ key: String, optional: Bool = false) throws(ProgressError) -> String? {
            guard let value = object[key] else {
                if optional { return nil }
                throw fail("'\(key)': missing", key: nil)
            }
            guard let string = value as? String else { throw fail("'\(key)': expected a string", key: key) }
            return string
        }
        guard let action = ProgressEvent.Action(rawValue: try text("action") ?? "") else {
            throw fail("'action': expected 'tick' or 'untick'", key: "action")
        }
        guard let forcedValue = object["forced"] else { throw fail("'forced': missing", key: nil) }
        guard let forced = forcedValue as? Bool, "\(type(of: forcedValue))" != "NSNumber" || ["true", "false"].contains("\(forcedValue)") && (forcedValue as? NSNumber).map({ String(cString: $0.objCType) == "c" }) ?? true else {
            throw fail("'forced': expected true or false", key: "forced")
        }
        let event = ProgressEvent(action: action, step: try text("step")!, contentHash: try text("contentHash")!, by: try text("by")!,
                                  at: try text("at")!, host: try text("host")!, note: try text("note", optional: true), forced: forced,
                                  runbook: try text("runbook", optional: true))
        if let (key, reason) = problem(with: event) { throw fail("'\(key)': \(reason)", key: key) }
        return event
    }

    /// What is wrong with an event's values beyond their types, as the key at fault and why (`at`, "'yesterday' is
    /// not an ISO 8601 time …"; `step`, "empty"), or nil: what a tool wrote, not what a hand or another program made up.
    static func problem(with event: ProgressEvent) -> (key: String, reason: String)? {
        if event.step.isEmpty { return ("step", "empty") }
        if event.by.isEmpty { return ("by", "empty") }
        if !ProgressClock.isTimestamp(event.at) {
            return ("at", "'\(event.at)' is not an ISO 8601 time such as 2026-11-24T21:43:56Z")
        }
        return nil
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
