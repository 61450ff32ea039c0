/// Combines values files the way `helm upgrade -f base -f overlay` does: mappings merge key by key (the later file
/// wins), lists and scalars are replaced whole, and a `null` in the later file deletes the key.
enum HelmMerge {
    static func merge(_ base: ValuesNode, _ overlay: ValuesNode) -> ValuesNode {
        guard case var .mapping(entries) = base.content, case let .mapping(overrides) = overlay.content else {
            return overlay
        }
        for override in overrides {
            let index = entries.firstIndex { $0.key == override.key }
            if override.value.scalar?.isNull == true {
                if let index { entries.remove(at: index) }
                continue
            }
            guard let index else { entries.append(override); continue }
            var merged = override
            merged.value = merge(entries[index].value, override.value)
            if override.value.entries != nil, entries[index].value.entries != nil {
                merged.value.location = entries[index].value.location
            }
            entries[index] = merged
        }
        var result = base
        result.content = .mapping(entries)
        return result
    }

    static func merge(_ nodes: [ValuesNode]) -> ValuesNode {
        nodes.dropFirst().reduce(nodes.first ?? .mapping([])) { merge($0, $1) }
    }
}
