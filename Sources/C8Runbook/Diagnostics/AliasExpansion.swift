/// Reads libyaml's event stream once, before Yams composes a document, to stop aliases from blowing the tree up.
///
/// Yams composes an alias (`*name`) as its anchor's node: storage is shared, so composing stays cheap, but whatever
/// walks the tree pays for it expanded. Yams' own duplicate-key check hashes every mapping key whole, so a few lines
/// of nested aliases ("billion laughs") used as a key take minutes, and an alias chain can nest the tree deeper than
/// the stack. This pass counts what the aliases add and how deep they nest, in one linear pass, and reports the
/// first alias over the limit. Syntax errors are left to Yams, which reports them with the same marks.
/// (`ValuesReader` refuses anchors and aliases in its own pass over the same events.)
enum AliasExpansion {
    /// Aliases may add at most `nodes` nodes in all and nest the tree at most `depth` deep.
    struct Policy {
        var nodes: Int
        var depth: Int
    }

    enum Problem: Error, Equatable {
        /// The alias that takes the nodes added by aliases past `limit`.
        case tooLarge(line: Int, column: Int, limit: Int)
        /// The alias that nests the tree deeper than `limit`.
        case tooDeep(line: Int, column: Int, limit: Int)
    }

    /// Scenarios are a few dozen nodes: ten thousand copied nodes is far beyond any real use of an alias.
    static let scenario = Policy(nodes: 10_000, depth: 1_000)

    /// The first problem in `text` under `policy`, or nil (also for text that is not YAML: Yams says why).
    static func firstProblem(in text: String, _ policy: Policy) -> Problem? {
        guard !text.isEmpty else { return nil }
        var walk = Walk(policy: policy)
        var found: Problem?
        _ = YAMLEvents.parse(text) { event in
            found = walk.take(event)
            return found == nil
        }
        return found
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

        mutating func take(_ event: YAMLEvent) -> Problem? {
            switch event {
            case let .scalar(scalar):
                close(anchor: scalar.anchor, size: 1, depth: 1)
            case let .sequenceStart(start), let .mappingStart(start):
                open.append((start.anchor, 1, 0))
            case .sequenceEnd, .mappingEnd:
                guard let collection = open.popLast() else { return nil }
                close(anchor: collection.anchor, size: collection.size, depth: collection.depth + 1)
            case let .alias(anchor, start):
                let (line, column) = (start.line, start.column)
                let (maximumNodes, maximumDepth) = (policy.nodes, policy.depth)
                // An unknown alias is Yams' error to report; count it as one node.
                let target = anchors[anchor] ?? (1, 1)
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
    }
}
