internal import Yams

/// A values file as the verifier reads it, on its own path (Yams's composer, not `ValuesReader`): mappings keep every
/// key, duplicates included, so that the verifier can see what a writer got wrong.
indirect enum VerifiedTree: Sendable, Equatable {
    case mapping([Pair])
    case list([VerifiedTree])
    /// A scalar's resolved text and whether YAML reads it as null.
    case scalar(String, isNull: Bool)

    struct Pair: Sendable, Equatable {
        var key: String
        var value: VerifiedTree
        var line: Int
        var column: Int
    }

    /// Reads `text`; a YAML error is the verifier's own failure to read what would be written.
    static func read(_ text: String) throws -> VerifiedTree {
        guard let node = try Yams.compose(yaml: text) else { return .mapping([]) }
        return tree(node)
    }

    /// The key and position of a duplicate that made Yams refuse the text, if that is why it did.
    static func duplicateKey(in error: any Error) -> (key: String, line: Int, column: Int)? {
        guard case let YamlError.duplicatedKeysInMapping(duplicates, context)? = error as? YamlError else { return nil }
        return (duplicates.first ?? "?", context.mark.line, context.mark.column)
    }

    private static func tree(_ node: Node) -> VerifiedTree {
        switch node {
        case let .scalar(scalar):
            let plainNull = scalar.style == .plain && (scalar.string.isEmpty || ["~", "null", "Null", "NULL"].contains(scalar.string))
            return .scalar(scalar.string, isNull: plainNull)
        case let .mapping(mapping):
            return .mapping(mapping.map { key, value in
                Pair(key: key.string ?? "", value: tree(value), line: key.mark?.line ?? 0, column: key.mark?.column ?? 0)
            })
        case let .sequence(sequence):
            return .list(sequence.map(tree))
        case let .alias(alias):
            return .scalar("*" + alias.anchor.rawValue, isNull: false)
        }
    }

    /// The same data, wherever it is written: keys in any order (the last of a duplicate counts), positions ignored.
    func sameContent(as other: VerifiedTree) -> Bool {
        switch (self, other) {
        case let (.scalar(a, aNull), .scalar(b, bNull)): return aNull == bNull && (aNull || a == b)
        case let (.list(a), .list(b)): return a.count == b.count && zip(a, b).allSatisfy { $0.sameContent(as: $1) }
        case let (.mapping(a), .mapping(b)):
            let keys = Set(a.map(\.key))
            guard keys == Set(b.map(\.key)) else { return false }
            return keys.allSatisfy { self[$0]!.sameContent(as: other[$0]!) }
        default: return false
        }
    }

    subscript(key: String) -> VerifiedTree? {
        guard case let .mapping(pairs) = self else { return nil }
        return pairs.last { $0.key == key }?.value
    }

    func at(_ path: String) -> VerifiedTree? {
        path.split(separator: ".").reduce(Optional(self)) { $0?[String($1)] }
    }

    var text: String? {
        guard case let .scalar(text, isNull) = self, !isNull else { return nil }
        return text
    }

    var items: [VerifiedTree] {
        guard case let .list(items) = self else { return [] }
        return items
    }

    var isNull: Bool {
        if case .scalar(_, true) = self { return true }
        return false
    }

    /// `true`, `yes`, `on` as Helm's YAML 1.1 reader takes them.
    var isTrue: Bool { text.map { ["true", "yes", "on", "y"].contains($0.lowercased()) } ?? false }

    /// Every key that appears twice in one mapping, with the path and position of the second.
    func duplicateKeys(prefix: String = "") -> [(path: String, line: Int, column: Int)] {
        switch self {
        case let .mapping(pairs):
            var seen = Set<String>()
            var found: [(path: String, line: Int, column: Int)] = []
            for pair in pairs {
                let path = prefix.isEmpty ? pair.key : prefix + "." + pair.key
                if !seen.insert(pair.key).inserted { found.append((path, pair.line, pair.column)) }
                found += pair.value.duplicateKeys(prefix: path)
            }
            return found
        case let .list(items):
            return items.enumerated().flatMap { $1.duplicateKeys(prefix: "\(prefix)[\($0)]") }
        case .scalar:
            return []
        }
    }

    /// `helm -f base -f overlay`: mappings merge key by key (the last occurrence of a key wins), lists and scalars
    /// are replaced, and a null deletes the key. Written here again, not shared with `HelmMerge`, so that the
    /// verifier does not inherit the migration's mistakes.
    static func helmMerge(_ base: VerifiedTree, _ overlay: VerifiedTree) -> VerifiedTree {
        guard case let .mapping(lower) = base, case let .mapping(upper) = overlay else { return overlay }
        var result: [Pair] = []
        for pair in lower {
            if let index = result.firstIndex(where: { $0.key == pair.key }) { result[index] = pair } else { result.append(pair) }
        }
        for pair in upper {
            let index = result.firstIndex { $0.key == pair.key }
            if pair.value.isNull {
                if let index { result.remove(at: index) }
                continue
            }
            if let index {
                result[index].value = helmMerge(result[index].value, pair.value)
            } else {
                result.append(pair)
            }
        }
        return .mapping(result)
    }
}
