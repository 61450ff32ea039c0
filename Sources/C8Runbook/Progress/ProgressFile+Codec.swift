import Foundation

extension ProgressFile {
    /// Progress files grow by a few hundred bytes per tick; anything this large is not one.
    static let maximumSize = 64 << 20

    /// Reads a version-1 file (one JSON object) strictly: every key known, every value well formed, so that
    /// converting it can never drop something this version does not understand. `path` names the file in errors.
    static func decodeVersion1(_ data: Data, path: String) throws(ProgressError) -> ProgressFile {
        if data.isEmpty { throw .corrupt(path: path, reason: "the file is empty") }
        if data.count > maximumSize { throw .corrupt(path: path, reason: "larger than \(maximumSize >> 20) MiB") }
        if let file = decodeCanonical(data) {
            try file.check(path: path)
            return file
        }
        return try decodeStrict(data, path: path)
    }

    /// The general reader: any JSON layout, every problem named with its place (`events[3].action`).
    static func decodeStrict(_ data: Data, path: String) throws(ProgressError) -> ProgressFile {
        do {
            // One pass: JSONDecoder parses the whole text first (syntax errors surface here with an empty coding
            // path), then `init(from:)` checks the version before anything else.
            let file = try JSONDecoder().decode(ProgressFile.self, from: data)
            try file.check(path: path)
            return file
        } catch let error as ProgressError {
            throw error
        } catch let problem as FormatProblem {
            switch problem {
            case let .foreign(reason): throw .foreign(path: path, reason: reason)
            case let .future(version): throw .futureVersion(path: path, version: version)
            }
        } catch let error as DecodingError {
            if case let .dataCorrupted(context) = error, context.codingPath.isEmpty {
                throw .corrupt(path: path, reason: String(data: data, encoding: .utf8) == nil ? "not UTF-8 text" : "malformed or truncated JSON")
            }
            let (at, reason) = error.located
            throw .invalid(path: path, at: at, reason: reason)
        } catch {
            throw .corrupt(path: path, reason: "\(error)")
        }
    }

    /// Value checks beyond types: what a tool wrote, not what a hand or another program made up.
    func check(path: String) throws(ProgressError) {
        if runbookFingerprint.isEmpty {
            throw .invalid(path: path, at: "runbookFingerprint", reason: "empty")
        }
        for (index, event) in events.enumerated() {
            if let (key, reason) = Self.problem(with: event) { throw .invalid(path: path, at: "events[\(index)].\(key)", reason: reason) }
        }
    }

    /// A version-1 file: pretty JSON with sorted keys and a final newline, in `JSONEncoder`'s layout
    /// (`.prettyPrinted, .sortedKeys, .withoutEscapingSlashes`). Only the fast reader of version-1 files uses it, to
    /// prove a reading exact; the tool writes version 2 (`encoded()`).
    func encodedVersion1() -> Data {
        var out = JSONBytes(capacity: 256 + events.count * 320)
        out.append("{\n  \"events\" : [")
        out.append(events.isEmpty ? "\n\n  ],\n" : "\n")
        for (index, event) in events.enumerated() {
            out.field("    {\n      \"action\" : \"", event.action.rawValue)
            out.field("      \"at\" : \"", event.at)
            out.field("      \"by\" : \"", event.by)
            out.field("      \"contentHash\" : \"", event.contentHash)
            out.append(event.forced ? "      \"forced\" : true,\n" : "      \"forced\" : false,\n")
            out.field("      \"host\" : \"", event.host)
            if let note = event.note { out.field("      \"note\" : \"", note) }
            out.field("      \"step\" : \"", event.step, last: true)
            out.append(index == events.count - 1 ? "    }\n  ],\n" : "    },\n")
        }
        out.append("  \"formatVersion\" : \(formatVersion),\n  \"runbookFingerprint\" : \"")
        out.string(runbookFingerprint)
        out.append("\"\n}\n")
        return Data(out.bytes)
    }

    /// What `JSONEncoder` makes of the file, for the test that keeps `encoded()` to its layout.
    func encodedByFoundation() -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try! encoder.encode(self)  // Plain strings, integers and booleans: encoding cannot fail.
        data.append(UInt8(ascii: "\n"))
        return data
    }
}

/// Bytes of JSON text, appended to in place.
struct JSONBytes {
    var bytes: [UInt8] = []

    init(capacity: Int) { bytes.reserveCapacity(capacity) }

    mutating func append(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    mutating func append(_ text: String) { bytes.append(contentsOf: text.utf8) }

    /// `prefix` (indentation, key and the value's opening quote), the value, its closing quote, a comma unless last.
    mutating func field(_ prefix: StaticString, _ value: String, last: Bool = false) {
        append(prefix)
        string(value)
        append(last ? "\"\n" : "\",\n")
    }

    /// A JSON string's content with `JSONEncoder`'s escapes (slashes unescaped), without the quotes. Runs
    /// without anything to escape, which is nearly everything, are copied whole.
    mutating func string(_ text: String) {
        var text = text
        text.withUTF8 { utf8 in
            var run = 0
            for (index, byte) in utf8.enumerated() where byte < 0x20 || byte == 0x22 || byte == 0x5C {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[run..<index]))
                escape(byte)
                run = index + 1
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[run...]))
        }
    }

    private mutating func escape(_ byte: UInt8) {
        switch byte {
        case 0x22: append("\\\"")
        case 0x5C: append("\\\\")
        case 0x0A: append("\\n")
        case 0x0D: append("\\r")
        case 0x09: append("\\t")
        case 0x08: append("\\b")
        case 0x0C: append("\\f")
        default:
            append("\\u00")
            bytes.append(Self.hex[Int(byte >> 4)])
            bytes.append(Self.hex[Int(byte & 0x0F)])
        }
    }

    private static let hex = Array("0123456789abcdef".utf8)
}

extension ProgressFile: Codable {
    private enum CodingKeys: String, CodingKey, CaseIterable {
        case formatVersion, runbookFingerprint, events
    }

    public init(from decoder: any Decoder) throws {
        guard let keys = try? decoder.container(keyedBy: StrictKeys.self) else { throw FormatProblem.foreign("the JSON is not an object") }
        guard keys.contains(StrictKeys(stringValue: "formatVersion")) else { throw FormatProblem.foreign("it has no 'formatVersion'") }
        guard let version = try? keys.decode(Int.self, forKey: StrictKeys(stringValue: "formatVersion")), version >= 1 else {
            throw FormatProblem.foreign("'formatVersion' is not a positive integer")
        }
        if version > ProgressFile.formatVersion { throw FormatProblem.future(version) }
        if version != 1 { throw FormatProblem.foreign("formatVersion \(version) logs hold one JSON object per line") }
        guard keys.contains(StrictKeys(stringValue: "events")), keys.contains(StrictKeys(stringValue: "runbookFingerprint")) else {
            let found = keys.allKeys.map(\.stringValue).sorted().prefix(4).map { "'\($0)'" }.joined(separator: ", ")
            throw FormatProblem.foreign("it has no 'events' and 'runbookFingerprint' but \(found)")
        }
        try StrictKeys.check(decoder, allowed: CodingKeys.allCases.map(\.rawValue))
        let container = try decoder.container(keyedBy: CodingKeys.self)
        formatVersion = version
        runbookFingerprint = try container.decode(String.self, forKey: .runbookFingerprint)
        events = try container.decode([StrictEvent].self, forKey: .events).map(\.event)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(1, forKey: .formatVersion)
        try container.encode(runbookFingerprint, forKey: .runbookFingerprint)
        try container.encode(events, forKey: .events)
    }
}

/// What makes a JSON document not a progress file of this version, found before its content is read.
private enum FormatProblem: Error {
    case foreign(String)
    case future(Int)
}

/// An event decoded with no unknown keys allowed, from one keyed container (this runs for every event of every
/// read, so it does the work once).
private struct StrictEvent: Decodable {
    let event: ProgressEvent
    static let allowed: Set<String> = ["action", "step", "contentHash", "by", "at", "host", "note", "forced"]

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: StrictKeys.self)
        if container.allKeys.count > Self.allowed.count || container.allKeys.contains(where: { !Self.allowed.contains($0.stringValue) }) {
            try StrictKeys.check(decoder, allowed: Array(Self.allowed))
        }
        func key(_ name: String) -> StrictKeys { StrictKeys(stringValue: name) }
        event = ProgressEvent(
            action: try container.decode(ProgressEvent.Action.self, forKey: key("action")),
            step: try container.decode(String.self, forKey: key("step")),
            contentHash: try container.decode(String.self, forKey: key("contentHash")),
            by: try container.decode(String.self, forKey: key("by")),
            at: try container.decode(String.self, forKey: key("at")),
            host: try container.decode(String.self, forKey: key("host")),
            note: try container.decodeIfPresent(String.self, forKey: key("note")),
            forced: try container.decode(Bool.self, forKey: key("forced")))
    }
}

/// Refuses keys a type does not know: rewriting the file would otherwise drop them.
private struct StrictKeys: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }

    static func check(_ decoder: any Decoder, allowed: [String]) throws {
        let container = try decoder.container(keyedBy: StrictKeys.self)
        let unknowns = container.allKeys.filter { !allowed.contains($0.stringValue) }
        if let unknown = unknowns.map(\.stringValue).min() {
            throw DecodingError.dataCorrupted(.init(codingPath: container.codingPath + [StrictKeys(stringValue: unknown)],
                                                    debugDescription: "unknown key '\(unknown)'"))
        }
    }
}

extension DecodingError {
    /// Where (`events[3].action`) and what, in the tool's words.
    var located: (at: String, reason: String) {
        func path(_ keys: [any CodingKey]) -> String {
            keys.reduce("") { text, key in
                if let index = key.intValue { return text + "[\(index)]" }
                return text.isEmpty ? key.stringValue : text + "." + key.stringValue
            }
        }
        switch self {
        case let .typeMismatch(type, context):
            return (path(context.codingPath), "expected \(type == String.self ? "a string" : type == Bool.self ? "true or false" : "\(type)")")
        case let .valueNotFound(_, context):
            return (path(context.codingPath), "missing value")
        case let .keyNotFound(key, context):
            return (path(context.codingPath + [key]), "missing")
        case let .dataCorrupted(context):
            let at = path(context.codingPath)
            if context.debugDescription.hasPrefix("unknown key") { return (at, context.debugDescription) }
            if at.hasSuffix(".action") { return (at, "expected 'tick' or 'untick'") }
            return (at, "malformed value")
        @unknown default:
            return ("", "\(self)")
        }
    }
}
