/// Comparing values as Helm and Kubernetes see them: content only, not where or how it was written.
extension ValuesNode {
    /// Whether two nodes hold the same data: mappings with the same keys (in any order) and equivalent values,
    /// sequences with equivalent items in order, scalars with the same value and type. Locations, comments and
    /// spellings (`'x'` versus `x`) do not count.
    func isEquivalent(to other: ValuesNode) -> Bool {
        switch (content, other.content) {
        case let (.scalar(a), .scalar(b)):
            return a.value == b.value && a.kind == b.kind
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
