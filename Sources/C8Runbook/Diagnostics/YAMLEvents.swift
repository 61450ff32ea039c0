import CYaml

/// A place in a YAML text as libyaml marks it and Yams' `Mark` gives it: 1-based line, 1-based column counted in
/// Unicode scalars. libyaml breaks lines at LF, CR, CRLF, NEL, LS and PS.
struct YAMLMark: Sendable, Equatable, Comparable {
    var line: Int
    var column: Int

    static func < (lhs: YAMLMark, rhs: YAMLMark) -> Bool { (lhs.line, lhs.column) < (rhs.line, rhs.column) }
}

/// A scalar event: its value, tag, style, anchor and where it starts.
struct YAMLScalarEvent {
    /// libyaml's scalar styles, with its raw values (Yams' `Node.Scalar.Style` has the same).
    enum Style: Int {
        case any = 0, plain, singleQuoted, doubleQuoted, literal, folded
    }

    /// The value, escapes and folding applied (UTF-8; may hold NUL characters).
    var value: String
    /// The tag as Yams' composer reads it: nil for a plain scalar without a tag; `tag:yaml.org,2002:str` for a
    /// quoted or block scalar without one; otherwise the explicit tag, its handle expanded (`!!int` is
    /// `tag:yaml.org,2002:int`, a lone `!` is `!`).
    var tag: String?
    var style: Style
    var anchor: String?
    var start: YAMLMark
}

/// The start of a sequence or a mapping.
struct YAMLCollectionStart {
    var anchor: String?
    /// The explicit tag; nil when implicit (as Yams reads it).
    var tag: String?
    var start: YAMLMark
    /// Written in flow style (`[a, b]`, `{a: 1}`), ended by a bracket.
    var isFlow = false
}

/// One event of libyaml's parser, in Swift terms.
enum YAMLEvent {
    case streamStart
    case streamEnd
    case documentStart(YAMLMark)
    case documentEnd
    case alias(anchor: String, start: YAMLMark)
    case scalar(YAMLScalarEvent)
    case sequenceStart(YAMLCollectionStart)
    /// Where the end is marked: a flow collection's closing bracket; for a block collection, the token after it.
    case sequenceEnd(YAMLMark)
    case mappingStart(YAMLCollectionStart)
    case mappingEnd(YAMLMark)
}

/// Why libyaml stopped: the stage that failed, its problem in libyaml's words, and where.
struct YAMLParseFailure: Error, Equatable {
    enum Stage: Equatable {
        /// The input is not a readable character stream (a control character, broken UTF-8).
        case reader
        case scanner
        case parser
        /// Out of memory, or an error libyaml does not place.
        case other
    }

    var stage: Stage
    var problem: String
    /// libyaml's `problem_mark` (scanner and parser errors).
    var mark: YAMLMark
    /// libyaml's `problem_offset`: a byte offset into the UTF-8 input (reader errors).
    var byteOffset: Int
    /// libyaml's `context` and `context_mark` (scanner and parser errors): what it was reading, and where that
    /// began ("while scanning a quoted scalar" at the opening quote).
    var context: String? = nil
    var contextMark: YAMLMark? = nil
}

/// libyaml's event parser over a Swift string, the way Yams drives it (UTF-8 input, one string), without Yams'
/// tree: for readers that build their own (`ValuesReader`, `AliasExpansion`).
///
/// One of the two files that import Yams' libyaml (`CYaml`); nothing from C leaves it, and every event is freed before
/// `parse` returns. The other is the verifier's own reading (`VerifiedTree+Events.swift`): the verifier stays
/// independent of the readers it checks, and reads only the few fields of libyaml's event it needs; going through
/// this wrapper, which turns every event into a Swift value, cost its reading about 7% (BENCHMARKS.md, fifth pass).
enum YAMLEvents {
    /// Parses `text` and hands each event to `body`, in order from `.streamStart` to `.streamEnd`, while `body`
    /// returns true.
    /// - Returns: nil when the stream ended or `body` stopped; the failure when libyaml could not parse on.
    /// - Throws: what `body` throws (parsing stops there).
    static func parse<Failure: Error>(_ text: String, _ body: (YAMLEvent) throws(Failure) -> Bool) throws(Failure) -> YAMLParseFailure? {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else {
            return YAMLParseFailure(stage: .other, problem: "cannot start the YAML parser", mark: YAMLMark(line: 1, column: 1), byteOffset: 0)
        }
        defer { yaml_parser_delete(&parser) }
        yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
        var thrown: Failure?
        var input = text
        // libyaml wants a non-NULL input pointer even for an empty text.
        let empty: [UInt8] = [0]
        let failure = input.withUTF8 { bytes -> YAMLParseFailure? in
            empty.withUnsafeBufferPointer { fallback -> YAMLParseFailure? in
                yaml_parser_set_input_string(&parser, bytes.baseAddress ?? fallback.baseAddress, bytes.count)
                while true {
                    var event = yaml_event_t()
                    guard yaml_parser_parse(&parser, &event) == 1 else { return Self.failure(of: parser) }
                    defer { yaml_event_delete(&event) }
                    do throws(Failure) {
                        guard try body(Self.event(event)) else { return nil }
                    } catch {
                        thrown = error
                        return nil
                    }
                    if event.type == YAML_STREAM_END_EVENT { return nil }
                }
            }
        }
        if let thrown { throw thrown }
        return failure
    }

    private static func event(_ event: yaml_event_t) -> YAMLEvent {
        let start = YAMLMark(line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1)
        switch event.type {
        case YAML_STREAM_START_EVENT: return .streamStart
        case YAML_DOCUMENT_START_EVENT: return .documentStart(start)
        case YAML_DOCUMENT_END_EVENT: return .documentEnd
        case YAML_ALIAS_EVENT: return .alias(anchor: string(event.data.alias.anchor) ?? "", start: start)
        case YAML_SCALAR_EVENT:
            let scalar = event.data.scalar
            let value = scalar.value.map { String(decoding: UnsafeBufferPointer(start: $0, count: scalar.length), as: UTF8.self) } ?? ""
            // As Yams' composer: a quoted (or block) scalar without a tag is a string; otherwise the tag as given.
            let tag = scalar.quoted_implicit == 1 ? "tag:yaml.org,2002:str" : string(scalar.tag)
            return .scalar(YAMLScalarEvent(value: value, tag: tag, style: YAMLScalarEvent.Style(rawValue: Int(scalar.style.rawValue)) ?? .any,
                                           anchor: string(scalar.anchor), start: start))
        case YAML_SEQUENCE_START_EVENT:
            let sequence = event.data.sequence_start
            return .sequenceStart(YAMLCollectionStart(anchor: string(sequence.anchor), tag: sequence.implicit != 0 ? nil : string(sequence.tag), start: start,
                                                      isFlow: sequence.style == YAML_FLOW_SEQUENCE_STYLE))
        case YAML_SEQUENCE_END_EVENT: return .sequenceEnd(start)
        case YAML_MAPPING_START_EVENT:
            let mapping = event.data.mapping_start
            return .mappingStart(YAMLCollectionStart(anchor: string(mapping.anchor), tag: mapping.implicit != 0 ? nil : string(mapping.tag), start: start,
                                                     isFlow: mapping.style == YAML_FLOW_MAPPING_STYLE))
        case YAML_MAPPING_END_EVENT: return .mappingEnd(start)
        default: return .streamEnd
        }
    }

    private static func failure(of parser: yaml_parser_t) -> YAMLParseFailure {
        let stage: YAMLParseFailure.Stage = switch parser.error {
        case YAML_READER_ERROR: .reader
        case YAML_SCANNER_ERROR: .scanner
        case YAML_PARSER_ERROR: .parser
        default: .other
        }
        return YAMLParseFailure(stage: stage, problem: parser.problem.map { String(cString: $0) } ?? "",
                                mark: YAMLMark(line: Int(parser.problem_mark.line) + 1, column: Int(parser.problem_mark.column) + 1),
                                byteOffset: Int(parser.problem_offset),
                                context: parser.context.map { String(cString: $0) },
                                contextMark: parser.context.map { _ in YAMLMark(line: Int(parser.context_mark.line) + 1, column: Int(parser.context_mark.column) + 1) })
    }

    /// A NUL-terminated UTF-8 string from libyaml (anchor, tag), repaired as Yams repairs it.
    private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        pointer.map { String(decodingCString: UnsafePointer($0), as: UTF8.self) }
    }
}
