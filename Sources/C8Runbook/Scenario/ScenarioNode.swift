import Yams

/// A node of a scenario file, read strictly: it knows its file and dotted path, so that every complaint
/// names `file:line:column` and the key the user wrote.
struct ScenarioNode {
    let node: Node
    let file: String
    let path: String

    var location: SourceLocation {
        let mark = node.mark
        return SourceLocation(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1)
    }

    func error(_ message: String) -> ScenarioError {
        .invalid(location, message: message)
    }

    private var label: String { path.isEmpty ? "the document" : "'\(path)'" }

    private func child(_ node: Node, _ component: String) -> ScenarioNode {
        ScenarioNode(node: node, file: file, path: path.isEmpty ? component : "\(path).\(component)")
    }

    /// The node as a mapping whose keys must all be in `allowed`; duplicate and unknown keys are errors.
    func mapping(allowed: [String]) throws -> ScenarioMapping {
        guard case let .mapping(mapping) = node else {
            throw error("\(label) must be a mapping, found \(node.kindDescription)")
        }
        var entries: [String: ScenarioNode] = [:]
        for (keyNode, valueNode) in mapping {
            let keyPath = ScenarioNode(node: keyNode, file: file, path: path)
            guard case let .scalar(scalar) = keyNode else {
                throw keyPath.error("keys in \(label) must be plain names")
            }
            let key = scalar.string
            guard allowed.contains(key) else {
                let hint = Suggestion.closest(to: key, in: allowed).map { " (did you mean '\($0)'?)" } ?? ""
                let where_ = path.isEmpty ? "" : " in '\(path)'"
                throw keyPath.error("unknown key '\(key)'\(where_)\(hint); allowed: \(allowed.joined(separator: ", "))")
            }
            guard entries[key] == nil else {
                throw keyPath.error("duplicate key '\(key)'\(path.isEmpty ? "" : " in '\(path)'")")
            }
            entries[key] = child(valueNode, key)
        }
        return ScenarioMapping(owner: self, entries: entries)
    }

    var isMapping: Bool {
        if case .mapping = node { return true }
        return false
    }

    var isSequence: Bool {
        if case .sequence = node { return true }
        return false
    }

    func sequence() throws -> [ScenarioNode] {
        guard case let .sequence(sequence) = node else {
            throw error("\(label) must be a list, found \(node.kindDescription)")
        }
        return sequence.enumerated().map { index, element in
            ScenarioNode(node: element, file: file, path: "\(path)[\(index)]")
        }
    }

    private func scalar(_ expected: String) throws -> Node.Scalar {
        guard case let .scalar(scalar) = node else {
            throw error("\(label) must be \(expected), found \(node.kindDescription)")
        }
        return scalar
    }

    /// A non-empty string. Any scalar spelling is taken literally (`500ms`, `10`, `GZIP`).
    func string() throws -> String {
        let scalar = try scalar("a string")
        if scalar.style == .plain, PlainScalarResolver.tag(ofPlain: scalar.string) == .null {
            throw error("\(label) must be a string, found nothing")
        }
        return scalar.string
    }

    func int() throws -> Int {
        let scalar = try scalar("a whole number")
        guard scalar.style == .plain, let value = Int(scalar.string) else {
            throw error("\(label) must be a whole number, found '\(scalar.string)'")
        }
        return value
    }

    /// `true` or `false` only: YAML 1.1 spellings (`yes`, `no`, `on`, `off`) are refused, they mean other things to other tools.
    func bool() throws -> Bool {
        let scalar = try scalar("true or false")
        let text = scalar.string
        guard scalar.style == .plain else {
            throw error("\(label) must be true or false, found the string \"\(text)\"")
        }
        switch text.lowercased() {
        case "true": return true
        case "false": return false
        case "yes", "no", "on", "off", "y", "n":
            throw error("\(label): '\(text)' is a YAML 1.1 boolean; write true or false")
        default:
            throw error("\(label) must be true or false, found '\(text)'")
        }
    }

    func choice<T: RawRepresentable & CaseIterable>(_: T.Type) throws -> T where T.RawValue == String {
        let text = try string()
        if let value = T(rawValue: text) { return value }
        let allowed = T.allCases.map(\.rawValue)
        let hint = Suggestion.closest(to: text, in: allowed).map { " (did you mean '\($0)'?)" } ?? ""
        throw error("\(label) must be one of \(allowed.joined(separator: ", ")), found '\(text)'\(hint)")
    }
}

/// The keys of one mapping, taken by name.
struct ScenarioMapping {
    let owner: ScenarioNode
    let entries: [String: ScenarioNode]

    func required(_ key: String) throws -> ScenarioNode {
        guard let value = entries[key] else {
            let where_ = owner.path.isEmpty ? "" : " in '\(owner.path)'"
            throw owner.error("missing required key '\(key)'\(where_)")
        }
        return value
    }

    func optional(_ key: String) -> ScenarioNode? { entries[key] }
}

extension Node {
    var kindDescription: String {
        switch self {
        case .mapping: "a mapping"
        case .sequence: "a list"
        case let .scalar(scalar): scalar.string.isEmpty ? "nothing" : "'\(scalar.string)'"
        case .alias: "an alias"
        }
    }
}
