// The second file that touches libyaml (`YAMLEvents.swift` is the first): the verifier reads libyaml's events on its own
// path, independent of the values reader, taking only the fields it needs from each (see `YAMLEvents`).
internal import CYaml
internal import Yams

extension VerifiedTree {
    /// Why the verifier's reading refused a text.
    enum ReadError: Error, Equatable {
        /// A key that appears twice in one mapping: the key, and the 1-based line and column of its FIRST
        /// occurrence (what Yams reports). Of several duplicated keys of one mapping, the least in string order.
        case duplicateKey(key: String, line: Int, column: Int)
        /// libyaml refused the text, or it holds more than one document; 1-based position of the problem.
        case syntax(problem: String, line: Int, column: Int)

        /// A document with content after the first (Helm reads only the first), in Yams' words.
        static func laterDocument(line: Int, column: Int) -> ReadError {
            .syntax(problem: "expected a single document in the stream, but found another document", line: line, column: column)
        }
    }

    /// What the event reading made of a text: the tree, or a text it leaves to Yams' composer (a key that is a
    /// mapping or a list, or an alias: both mean comparing or copying whole nodes, which Yams already does exactly).
    enum EventReading {
        case tree(VerifiedTree)
        case needsComposer
    }

    /// Reads `text` in one pass over libyaml's events (the parser Yams ships, `CYaml`), building the tree as the
    /// events come: no Yams `Node` tree, no tag resolution per scalar, no hashing of every mapping's keys as nodes.
    ///
    /// Gives what composing with Yams' default resolver gives (`VerifiedTreeEventTests` compares the two):
    /// - the same tree: each scalar's text, null for a plain empty, `~`, `null`, `Null` or `NULL` scalar (any tag),
    ///   keys with the 1-based line and column of their first character;
    /// - the same duplicate keys: two scalar keys of one mapping are one key when their texts are equal and Yams'
    ///   default resolver gives them the same tag (`1` and `"1"` are an int and a string, two keys). Only keys whose
    ///   texts repeat are resolved, with Yams' own `Resolver.default`; the error names the least duplicated key and
    ///   its first occurrence, and comes where Yams' does, when its mapping ends;
    /// - an error for what libyaml refuses and for a second document with content; an empty one (a trailing `---`,
    ///   which `ValuesReader` and Helm ignore, and which the writer keeps) is ignored, where Yams' composer refused it.
    ///
    /// An empty stream (no document) reads as an empty mapping, as before.
    static func readEvents(_ text: String) throws(ReadError) -> EventReading {
        guard !text.isEmpty else { return .tree(.mapping([])) }
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { throw .syntax(problem: "libyaml could not start", line: 1, column: 1) }
        defer { yaml_parser_delete(&parser) }
        yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
        // The text's own UTF-8 storage, not a copy of its bytes (a native string is contiguous; `withUTF8` copies
        // only one that is not).
        var input = text
        let reading = input.withUTF8 { buffer -> Result<EventReading, ReadError> in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            var builder = Builder()
            while true {
                var event = yaml_event_t()
                guard yaml_parser_parse(&parser, &event) == 1 else {
                    let problem = parser.problem.map { String(cString: $0) } ?? "invalid YAML"
                    return .failure(.syntax(problem: problem, line: Int(parser.problem_mark.line) + 1, column: Int(parser.problem_mark.column) + 1))
                }
                defer { yaml_event_delete(&event) }
                do throws(ReadError) {
                    switch try builder.take(event) {
                    case .more: continue
                    case let .done(reading): return .success(reading)
                    }
                } catch {
                    return .failure(error)
                }
            }
        }
        return try reading.get()
    }

    /// The tree under construction: one frame per open mapping or list.
    private struct Builder {
        enum Step {
            case more
            case done(EventReading)
        }

        /// An open mapping or list.
        struct Frame {
            var isMapping: Bool
            var pairs: [Pair] = []
            var items: [VerifiedTree] = []
            /// The key read, waiting for its value.
            var key: Pair?
            /// The tag name Yams would give each key that is not plain and untagged (by index into `pairs`): the
            /// explicit tag, or `str` for a quoted or block key (libyaml's `quoted_implicit`).
            var keyTags: [Int: String] = [:]
            /// The keys so far, once the mapping is past `smallMapping` keys (smaller ones compare directly).
            var seen: Set<String> = []
            /// Whether two keys of this mapping have the same text (rare: only then are tags resolved).
            var repeats = false
            /// How many pairs, or items, the last mapping, or list, directly inside this one held: the capacity the
            /// next one reserves, so that the entries of a long env list (two pairs each) are allocated once, at
            /// their size, instead of growing one pair at a time.
            var lastPairs = 0
            var lastItems = 0

            init(isMapping: Bool, capacity: Int) {
                self.isMapping = isMapping
                // At most 16: a long list is no guide to the size of the next one.
                if isMapping { pairs.reserveCapacity(min(capacity, 16)) } else { items.reserveCapacity(min(capacity, 16)) }
            }
        }

        /// Mappings up to this many keys (an env entry's name and value) look for a repeated key by comparing.
        static let smallMapping = 8

        var stack: [Frame] = []
        var root: VerifiedTree?
        var documents = 0

        mutating func take(_ event: yaml_event_t) throws(ReadError) -> Step {
            switch event.type {
            case YAML_STREAM_START_EVENT, YAML_DOCUMENT_END_EVENT:
                return .more
            case YAML_DOCUMENT_START_EVENT:
                documents += 1
                return .more
            case YAML_STREAM_END_EVENT:
                return .done(.tree(root ?? .mapping([])))
            case YAML_ALIAS_EVENT:
                return .done(.needsComposer)
            case YAML_SCALAR_EVENT:
                let scalar = event.data.scalar
                if documents > 1, stack.isEmpty {
                    // A later document: empty (a trailing `---`) is what the reader and Helm ignore; anything else is refused.
                    guard scalar.length == 0, scalar.style == YAML_PLAIN_SCALAR_STYLE else { throw Self.laterDocument(event) }
                    return .more
                }
                let text = String(decoding: UnsafeBufferPointer(start: scalar.value, count: scalar.length), as: UTF8.self)
                if let top = stack.indices.last, stack[top].isMapping, stack[top].key == nil {
                    startKey(text, event, top: top)
                    return .more
                }
                let isNull = scalar.style == YAML_PLAIN_SCALAR_STYLE && VerifiedTree.isNullText(text)
                try finish(.scalar(text, isNull: isNull))
                return .more
            case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                if documents > 1, stack.isEmpty { throw Self.laterDocument(event) }
                // A mapping or list as a key: left to Yams, which compares such keys node by node.
                if let top = stack.last, top.isMapping, top.key == nil { return .done(.needsComposer) }
                let isMapping = event.type == YAML_MAPPING_START_EVENT
                stack.append(Frame(isMapping: isMapping, capacity: stack.last.map { isMapping ? $0.lastPairs : $0.lastItems } ?? 0))
                return .more
            case YAML_SEQUENCE_END_EVENT:
                let frame = stack.removeLast()
                if let top = stack.indices.last { stack[top].lastItems = frame.items.count }
                try finish(.list(frame.items))
                return .more
            case YAML_MAPPING_END_EVENT:
                let frame = stack.removeLast()
                if frame.repeats, let duplicate = Self.firstDuplicate(frame) { throw duplicate }
                if let top = stack.indices.last { stack[top].lastPairs = frame.pairs.count }
                try finish(.mapping(frame.pairs))
                return .more
            default:
                return .more
            }
        }

        /// The content of a document after the first: Helm reads only the first, so it is refused.
        private static func laterDocument(_ event: yaml_event_t) -> ReadError {
.laterDocument(line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1)
        }

        /// A scalar in key position: kept until its value ends; a repeated text is marked for `firstDuplicate`.
        private mutating func startKey(_ text: String, _ event: yaml_event_t, top: Int) {
            let index = stack[top].pairs.count
            let scalar = event.data.scalar
            if scalar.quoted_implicit == 1 {
                stack[top].keyTags[index] = Tag.Name.str.rawValue
            } else if let tag = scalar.tag {
                stack[top].keyTags[index] = String(cString: tag)
            }
            if index < Self.smallMapping {
                if stack[top].pairs.contains(where: { $0.key == text }) { stack[top].repeats = true }
            } else {
                if index == Self.smallMapping { stack[top].seen = Set(stack[top].pairs.map(\.key)) }
                if !stack[top].seen.insert(text).inserted { stack[top].repeats = true }
            }
            stack[top].key = Pair(key: text, value: .mapping([]), line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1)
        }

        /// A finished node: the value of the open mapping's key, the next item of the open list, or the root.
        private mutating func finish(_ node: VerifiedTree) throws(ReadError) {
            guard let top = stack.indices.last else {
                root = node
                return
            }
            if stack[top].isMapping {
                guard var pair = stack[top].key else { return }
                pair.value = node
                stack[top].key = nil
                stack[top].pairs.append(pair)
            } else {
                stack[top].items.append(node)
            }
        }

        /// Yams' duplicate check on a mapping whose keys repeat a text: keys are equal when their texts and their
        /// tags as Yams' default resolver gives them are; the least duplicated key in string order is reported, at
        /// its first occurrence (of two groups with the same text, the one met first).
        static func firstDuplicate(_ frame: Frame) -> ReadError? {
            var texts: [String: Int] = [:]
            for pair in frame.pairs { texts[pair.key, default: 0] += 1 }
            var groups: [String: [(tag: String, first: Int, count: Int)]] = [:]
            for (index, pair) in frame.pairs.enumerated() where texts[pair.key]! > 1 {
                let tag = Node.scalar(.init(pair.key, Tag(Tag.Name(rawValue: frame.keyTags[index] ?? ""), .default))).tag.rawValue
                if let group = groups[pair.key]?.firstIndex(where: { $0.tag == tag }) {
                    groups[pair.key]![group].count += 1
                } else {
                    groups[pair.key, default: []].append((tag, index, 1))
                }
            }
            let duplicated = groups.flatMap { key, list in list.filter { $0.count > 1 }.map { (key: key, first: $0.first) } }
            guard let least = duplicated.min(by: { $0.key != $1.key ? $0.key < $1.key : $0.first < $1.first }) else { return nil }
            let pair = frame.pairs[least.first]
            return .duplicateKey(key: pair.key, line: pair.line, column: pair.column)
        }
    }
}
