internal import Yams

/// A values file as the verifier reads it, on its own path (libyaml's events, not `ValuesReader`): mappings keep every
/// key, duplicates included, so that the verifier can see what a writer got wrong.
///
/// Not `indirect`: the arrays already hold the children out of line, and an indirect enum put every node, each
/// scalar included, in a heap box of its own (three allocations per env entry, twice per `values` run).
enum VerifiedTree: Sendable, Equatable {
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
    ///
    /// Straight from libyaml's events (`readEvents`): one pass, no Yams `Node` tree (Yams composing the 8.7 and the
    /// 8.8 text was a quarter of a `values` run on a long env list). A text with a key that is a mapping or a list,
    /// or with an alias, is composed by Yams with its default resolver (`readComposing`), as every text was before.
    /// Errors: `ReadError` from the events, `YamlError` from Yams; `duplicateKey(in:)` reads either.
    static func read(_ text: String) throws -> VerifiedTree {
        switch try readEvents(text) {
        case let .tree(tree): return tree
        case .needsComposer: return try readComposing(text)
        }
    }

    /// Yams' reading with its default resolver: what `read` gave before it read events, and what it still gives
    /// for complex keys and aliases.
    /// Documents after the first must be empty, as in `readEvents`.
    static func readComposing(_ text: String) throws -> VerifiedTree {
        var documents = try Yams.compose_all(yaml: text)
        guard let node = documents.next() else {
            if let error = documents.error { throw error }
            return .mapping([])
        }
        while let later = documents.next() {
            guard case let .scalar(scalar) = later, scalar.string.isEmpty, scalar.style == .plain else {
                throw ReadError.laterDocument(line: later.mark?.line ?? 1, column: later.mark?.column ?? 1)
            }
        }
        if let error = documents.error { throw error }
        return tree(node)
    }

    /// Whether a plain scalar's `text` reads as null in YAML 1.1's core schema: empty, `~`, `null`, `Null`, `NULL`.
    static func isNullText(_ text: String) -> Bool {
        text.isEmpty || text == "~" || text == "null" || text == "Null" || text == "NULL"
    }

    /// The key and position of a duplicate that made the reading refuse the text, if that is why it did.
    static func duplicateKey(in error: any Error) -> (key: String, line: Int, column: Int)? {
        if case let .duplicateKey(key, line, column)? = error as? ReadError { return (key, line, column) }
        guard case let YamlError.duplicatedKeysInMapping(duplicates, context)? = error as? YamlError else { return nil }
        return (duplicates.first ?? "?", context.mark.line, context.mark.column)
    }

    /// The tree of `node`; a key that is not a scalar reads as the empty key.
    private static func tree(_ node: Node) -> VerifiedTree {
        switch node {
        case let .scalar(scalar):
            let string = scalar.string
            let plainNull = scalar.style == .plain && isNullText(string)
            return .scalar(string, isNull: plainNull)
        case let .mapping(mapping):
            var pairs: [Pair] = []
            pairs.reserveCapacity(mapping.count)
            for (key, value) in mapping {
                let mark = key.mark
                pairs.append(Pair(key: key.scalar?.string ?? key.string ?? "", value: tree(value), line: mark?.line ?? 0, column: mark?.column ?? 0))
            }
            return .mapping(pairs)
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
        var found: [(path: String, line: Int, column: Int)] = []
        var path = Array(prefix.utf8)
        collectDuplicateKeys(path: &path, into: &found)
        return found
    }

    /// The walk behind `duplicateKeys`: one path buffer, extended and cut back on the way, so that a path string is
    /// made only for a duplicate (not for each of the file's keys and list items).
    private func collectDuplicateKeys(path: inout [UInt8], into found: inout [(path: String, line: Int, column: Int)]) {
        switch self {
        case let .mapping(pairs):
            // Small mappings (an env entry's name and value) compare keys directly; larger ones use a set.
            var seen = Set<String>()
            let small = pairs.count <= 8
            let base = path.count
            for (index, pair) in pairs.enumerated() {
                if base > 0 { path.append(UInt8(ascii: ".")) }
                path += pair.key.utf8
                let repeated = small ? pairs[..<index].contains { $0.key == pair.key } : !seen.insert(pair.key).inserted
                if repeated { found.append((String(decoding: path, as: UTF8.self), pair.line, pair.column)) }
                pair.value.collectDuplicateKeys(path: &path, into: &found)
                path.removeLast(path.count - base)
            }
        case let .list(items):
            let base = path.count
            for (index, item) in items.enumerated() {
                path.append(UInt8(ascii: "["))
                path += String(index).utf8
                path.append(UInt8(ascii: "]"))
                item.collectDuplicateKeys(path: &path, into: &found)
                path.removeLast(path.count - base)
            }
        case .scalar:
            return
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
