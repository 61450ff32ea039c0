/// Reading and editing values trees by dotted key path.
extension ValuesNode {
    public var entries: [ValuesEntry]? {
        if case let .mapping(entries) = content { return entries }
        return nil
    }

    public var items: [ValuesItem]? {
        if case let .sequence(items) = content { return items }
        return nil
    }

    public var scalar: ValuesScalar? {
        if case let .scalar(scalar) = content { return scalar }
        return nil
    }

    /// The scalar's value when it is not null.
    public var text: String? {
        guard let scalar, !scalar.isNull else { return nil }
        return scalar.value
    }

    /// `true`/`false` as the YAML 1.1 resolver reads them (Helm does too).
    public var boolValue: Bool? {
        guard let scalar, scalar.kind == .bool else { return nil }
        return Self.isTrue(scalar)
    }

    /// A whole number as Helm gives it to the chart: an int in any YAML 1.1 spelling (`8`, `+8`, `0x8`, `010` is
    /// octal 8, `8_000`), a float with no fraction (`8.0`, `8e0`), or a string of decimal digits (`"8"`, which the
    /// chart's `int`, `div` and `quote` read as 8). Nil for anything else (a fraction, a word, null, a collection).
    /// `Int("010")` read 10 where Helm reads 8, and refused `0x8` and `8.0` as not whole.
    public var integerValue: Int? {
        guard let scalar else { return nil }
        switch scalar.kind {
        case .int:
            guard let canonical = Self.canonical(scalar), canonical.hasPrefix("int:") else { return nil }
            return Int(canonical.dropFirst(4))
        case .float:
            guard let number = Double(String(scalar.value.filter { $0 != "_" })), number.isFinite,
                  number.rounded() == number, abs(number) < 1e15 else { return nil }
            return Int(number)
        case .string:
            return Int(scalar.value)
        case .bool, .null:
            return nil
        }
    }

    /// Whether a scalar typed `bool` is one of YAML 1.1's words for true (any case).
    static func isTrue(_ scalar: ValuesScalar) -> Bool { ["true", "yes", "on", "y"].contains(scalar.value.lowercased()) }

    /// The value as a Helm template's `if`, `not` and `and` take it (Go's text/template truth): false for false,
    /// null, zero, an empty string, mapping or list; true for anything else, the string "false" included.
    public var templateTruth: Bool {
        switch content {
        case let .scalar(scalar):
            switch scalar.kind {
            case .bool: return boolValue ?? false
            case .null: return false
            case .string: return !scalar.value.isEmpty
            case .int, .float:
                return !(["int:0", "float:0.0", "float:-0.0"].contains(Self.canonical(scalar) ?? "") || Double(scalar.value) == 0)
            }
        case let .mapping(entries): return !entries.isEmpty
        case let .sequence(items): return !items.isEmpty
        }
    }

    public var isEmptyMapping: Bool { entries?.isEmpty ?? false }

    public subscript(key: String) -> ValuesNode? {
        // By index: `first(where:)` copied the whole entry (key, comments, spellings) to return its value.
        guard case let .mapping(entries) = content, let index = entries.firstIndex(where: { $0.key == key }) else { return nil }
        return entries[index].value
    }

    /// The node at a dotted path such as `global.elasticsearch.disableExporter`.
    public func node(at path: String) -> ValuesNode? {
        var node: ValuesNode? = self
        for component in path.split(separator: ".") {
            node = node?[String(component)]
        }
        return node
    }

    public func entry(_ key: String) -> ValuesEntry? {
        entries?.first { $0.key == key }
    }

    /// Removes a key; returns the removed entry.
    @discardableResult
    public mutating func remove(_ key: String) -> ValuesEntry? {
        guard case var .mapping(entries) = content, let index = entries.firstIndex(where: { $0.key == key }) else { return nil }
        let removed = entries.remove(at: index)
        content = .mapping(entries)
        return removed
    }

    /// Sets a key's value, keeping its position (and comments) when it exists, appending or inserting otherwise.
    public mutating func set(_ key: String, _ value: ValuesNode, leading: [String] = [], at position: Int? = nil) {
        guard case var .mapping(entries) = content else { return }
        if let index = entries.firstIndex(where: { $0.key == key }) {
            entries[index].value = value
        } else {
            let entry = ValuesEntry(key, value, leading: leading)
            entries.insert(entry, at: min(position ?? entries.count, entries.count))
        }
        content = .mapping(entries)
    }

    public mutating func insert(_ entry: ValuesEntry, at position: Int? = nil) {
        guard case var .mapping(entries) = content else { return }
        entries.insert(entry, at: min(position ?? entries.count, entries.count))
        content = .mapping(entries)
    }

    public func index(of key: String) -> Int? { entries?.firstIndex { $0.key == key } }

    /// Edits the mapping at `key` in place, creating it (empty) when missing.
    public mutating func withMapping<T>(_ key: String, at position: Int? = nil, _ body: (inout ValuesNode) -> T) -> T {
        guard case var .mapping(entries) = content else { return body(&self) }
        let index: Int
        if let existing = entries.firstIndex(where: { $0.key == key }) {
            index = existing
            if entries[index].value.entries == nil { entries[index].value = .mapping([]) }
        } else {
            index = min(position ?? entries.count, entries.count)
            entries.insert(ValuesEntry(key, .mapping([])), at: index)
        }
        let result = body(&entries[index].value)
        content = .mapping(entries)
        return result
    }

    /// Sets a value at a dotted path, creating the mappings on the way.
    public mutating func set(path: String, _ value: ValuesNode, leading: [String] = []) {
        let components = path.split(separator: ".").map(String.init)
        guard let last = components.last else { return }
        func descend(_ node: inout ValuesNode, _ rest: ArraySlice<String>) {
            if rest.isEmpty { node.set(last, value, leading: leading); return }
            node.withMapping(rest.first!) { descend(&$0, rest.dropFirst()) }
        }
        descend(&self, components.dropLast()[...])
    }

    /// The `name` of an env entry (`- name: X`).
    public var envName: String? {
        // `self["name"]?.text`, read in place: it runs for every entry of every env list, and each copy of a node
        // retains all it holds.
        guard case let .mapping(entries) = content, let index = entries.firstIndex(where: { $0.key == "name" }),
              case let .scalar(scalar) = entries[index].value.content, !scalar.isNull else { return nil }
        return scalar.value
    }
}

extension Array<ValuesItem> {
    /// Each item's `envName`, in order, read in place: a key path over the items (`map(\.value.envName)`) copies
    /// each one, retaining all it holds, to read its name; on a long env list that was a large part of a run.
    var envNames: [String?] {
        var names: [String?] = []
        names.reserveCapacity(count)
        for index in indices { names.append(self[index].value.envName) }
        return names
    }
}

extension ValuesNode {
    /// Marks the comment lines of a tool-made entry as unindented, so the writer indents them with the key.
    mutating func setSourceIndentZero(_ key: String) {
        guard case var .mapping(entries) = content, let index = entries.firstIndex(where: { $0.key == key }) else { return }
        entries[index].sourceIndent = 0
        content = .mapping(entries)
    }
}
