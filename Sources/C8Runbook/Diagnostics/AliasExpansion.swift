import CYaml

/// Reads libyaml's event stream once, before Yams composes a document, to stop aliases from blowing the tree up.
///
/// Yams composes an alias (`*name`) as its anchor's node: storage is shared, so composing stays cheap, but whatever
/// walks the tree pays for it expanded. Yams' own duplicate-key check hashes every mapping key whole, so a few lines
/// of nested aliases ("billion laughs") used as a key take minutes, and an alias chain can nest the tree deeper than
/// the stack. This pass counts what the aliases add and how deep they nest, in one linear pass, and reports the
/// first alias over the limit. Syntax errors are left to Yams, which reports them with the same marks.
///
/// The only file that imports Yams' libyaml; nothing from C leaves it.
enum AliasExpansion {
    enum Policy {
        /// Values files: any anchor or alias is refused (the reader cannot write them back).
        case refuse
        /// Scenario files: aliases may add at most `nodes` nodes in all and nest the tree at most `depth` deep.
        case limit(nodes: Int, depth: Int)
    }

    enum Problem: Error, Equatable {
        /// An anchor or alias, where the policy refuses them.
        case anchorOrAlias(line: Int, column: Int)
        /// The alias that takes the nodes added by aliases past `limit`.
        case tooLarge(line: Int, column: Int, limit: Int)
        /// The alias that nests the tree deeper than `limit`.
        case tooDeep(line: Int, column: Int, limit: Int)
    }

    /// Scenarios are a few dozen nodes: ten thousand copied nodes is far beyond any real use of an alias.
    static let scenario = Policy.limit(nodes: 10_000, depth: 1_000)

    /// The first problem in `text` under `policy`, or nil (also for text that is not YAML: Yams says why).
    static func firstProblem(in text: String, _ policy: Policy) -> Problem? {
        var bytes = Array(text.utf8)
        guard !bytes.isEmpty else { return nil }
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return nil }
        defer { yaml_parser_delete(&parser) }
        yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
        return bytes.withUnsafeMutableBufferPointer { buffer -> Problem? in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            var walk = Walk(policy: policy)
            while true {
                var event = yaml_event_t()
                guard yaml_parser_parse(&parser, &event) == 1 else { return nil }
                defer { yaml_event_delete(&event) }
                if event.type == YAML_STREAM_END_EVENT { return nil }
                if let problem = walk.take(event) { return problem }
            }
        }
    }

    /// The expanded size and depth of the collections still open, and of every anchor seen so far.
    private struct Walk {
        let policy: Policy
        /// Per open collection: its anchor and the depth of its deepest child.
        var open: [(anchor: String?, size: Int, depth: Int)] = []
        var anchors: [String: (size: Int, depth: Int)] = [:]
        var added = 0

        init(policy: Policy) {
            self.policy = policy
        }

        mutating func take(_ event: yaml_event_t) -> Problem? {
            let line = Int(event.start_mark.line) + 1, column = Int(event.start_mark.column) + 1
            switch event.type {
            case YAML_SCALAR_EVENT:
                let anchor = Self.name(event.data.scalar.anchor)
                if anchor != nil, case .refuse = policy { return .anchorOrAlias(line: line, column: column) }
                close(anchor: anchor, size: 1, depth: 1)
            case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                let anchor = Self.name(event.type == YAML_SEQUENCE_START_EVENT
                    ? event.data.sequence_start.anchor : event.data.mapping_start.anchor)
                if anchor != nil, case .refuse = policy { return .anchorOrAlias(line: line, column: column) }
                open.append((anchor, 1, 0))
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                guard let collection = open.popLast() else { return nil }
                close(anchor: collection.anchor, size: collection.size, depth: collection.depth + 1)
            case YAML_ALIAS_EVENT:
                guard case let .limit(maximumNodes, maximumDepth) = policy else { return .anchorOrAlias(line: line, column: column) }
                // An unknown alias is Yams' error to report; count it as one node.
                let target = Self.name(event.data.alias.anchor).flatMap { anchors[$0] } ?? (1, 1)
                added += target.size
                if added > maximumNodes { return .tooLarge(line: line, column: column, limit: maximumNodes) }
                if open.count + target.depth > maximumDepth { return .tooDeep(line: line, column: column, limit: maximumDepth) }
                close(anchor: nil, size: target.size, depth: target.depth)
            default:
                break
            }
            return nil
        }

        /// A finished node: registers its anchor (as Yams does, when the node ends) and adds it to its parent.
        private mutating func close(anchor: String?, size: Int, depth: Int) {
            if let anchor { anchors[anchor] = (size, depth) }
            guard !open.isEmpty else { return }
            open[open.count - 1].size += size
            open[open.count - 1].depth = max(open[open.count - 1].depth, depth)
        }

        private static func name(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
            pointer.map { String(decoding: UnsafeBufferPointer(start: $0, count: strlen(UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self))), as: UTF8.self) }
        }
    }
}
