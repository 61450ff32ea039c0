import Yams

extension PlainScalarResolver {
    /// Composes `yaml` as `Yams.compose` does, without the regular expressions: Yams composes with
    /// `Resolver.basic` (no rules), then every plain untagged scalar gets the explicit tag `tag(ofPlain:)` gives
    /// it, so `node.tag` reads as it would after `Yams.compose(yaml:)` with `Resolver.default`.
    ///
    /// Two differences, both from Yams comparing mapping keys for duplicates with the resolver it is given: a
    /// plain key and a quoted key with the same text (`1:` and `"1":`, `true:` and `'true':`) are duplicates
    /// here (Helm, which turns keys into JSON strings, would merge them too); and a plain key written with an
    /// explicit `!!str` tag is typed by its text like an untagged one.
    ///
    /// - Throws: `YamlError`, as `Yams.compose(yaml:)`.
    static func compose(yaml: String) throws -> Node? {
        let tags = Tags()
        return try Yams.compose(yaml: yaml, Resolver.basic, tags.constructor).map { tags.typed($0, isKey: false) }
    }

    /// The explicit tags given to one composed document's plain scalars (one `Tag` per node, as Yams makes them).
    private struct Tags {
        let constructor = Constructor.default

        /// `node` with its plain untagged scalars typed. Yams has already resolved the mapping keys (to `str`,
        /// with `Resolver.basic`) when it checked them for duplicates, so a plain key tagged `str` is typed too.
        func typed(_ node: Node, isKey: Bool) -> Node {
            switch node {
            case var .scalar(scalar):
                guard scalar.style == .plain else { return node }
                let raw = scalar.tag.rawValue
                guard raw == Tag.Name.implicit.rawValue || (isKey && raw == Tag.Name.str.rawValue) else { return node }
                scalar.tag = Tag(PlainScalarResolver.tag(ofPlain: scalar.string), Resolver.basic, constructor)
                return .scalar(scalar)
            case var .mapping(mapping):
                for index in mapping.indices {
                    let (key, value) = mapping[index]
                    mapping[index] = (key: typed(key, isKey: true), value: typed(value, isKey: false))
                }
                return .mapping(mapping)
            case var .sequence(sequence):
                for index in sequence.indices { sequence[index] = typed(sequence[index], isKey: false) }
                return .sequence(sequence)
            case .alias:
                return node
            }
        }
    }
}
