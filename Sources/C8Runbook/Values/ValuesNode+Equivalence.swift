import Foundation

/// Comparing values as Helm and Kubernetes see them: content only, not where or how it was written.
extension ValuesNode {
    /// Whether two nodes hold the same data: mappings with the same keys (in any order) and equivalent values,
    /// sequences with equivalent items in order, scalars with the same value and type. Locations, comments and
    /// spellings (`'x'` versus `x`) do not count.
    func isEquivalent(to other: ValuesNode) -> Bool {
        switch (content, other.content) {
        case let (.scalar(a), .scalar(b)):
            guard a.kind == b.kind else { return false }
            return a.value == b.value || Self.canonical(a).map { $0 == Self.canonical(b) } ?? false
        case let (.sequence(a), .sequence(b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.value.isEquivalent(to: $1.value) }
        case let (.mapping(a), .mapping(b)):
            guard a.count == b.count else { return false }
            return a.allSatisfy { entry in b.first { $0.key == entry.key }.map { entry.value.isEquivalent(to: $0.value) } ?? false }
        default:
            return false
        }
    }
}

extension ValuesNode {
    /// A boolean or number as Helm's YAML 1.1 reading gives it to the chart (sigs.k8s.io/yaml over go-yaml, as Yams'
    /// default resolver types it): `yes`, `On` and `true` are one `true`; `0644` (octal), `0x1A4`, `0o644`, `420` and
    /// `4_20` one 420; `1e3` and `1000.0` one number. Nil for other scalars, which compare by their text.
    static func canonical(_ scalar: ValuesScalar) -> String? {
        switch scalar.kind {
        case .bool:
            return isTrue(scalar) ? "true" : "false"
        case .int:
            var text = scalar.value.replacingOccurrences(of: "_", with: "")
            var sign = 1
            if text.hasPrefix("-") || text.hasPrefix("+") { sign = text.hasPrefix("-") ? -1 : 1; text.removeFirst() }
            let number: Int?
            if text.contains(":") {
                number = text.split(separator: ":").reduce(Optional(0)) { total, part in total.flatMap { t in Int(part).map { t * 60 + $0 } } }
            } else if text.lowercased().hasPrefix("0x") {
                number = Int(text.dropFirst(2), radix: 16)
            } else if text.lowercased().hasPrefix("0o") {
                number = Int(text.dropFirst(2), radix: 8)
            } else if text.lowercased().hasPrefix("0b") {
                number = Int(text.dropFirst(2), radix: 2)
            } else if text.count > 1, text.hasPrefix("0") {
                number = Int(text.dropFirst(), radix: 8)
            } else {
                number = Int(text)
            }
            return number.map { "int:\($0 * sign)" }
        case .float:
            return Double(scalar.value.replacingOccurrences(of: "_", with: "")).map { "float:\($0)" }
        case .string, .null:
            return nil
        }
    }
}
