import Foundation

/// One node of a Helm values file as the tool reads, merges and rewrites it: the value, where it came from, and
/// enough of its source spelling (quotes, block scalars, comments, blank lines) to write it back as the team wrote it.
public struct ValuesNode: Sendable, Equatable {
    public enum Content: Sendable, Equatable {
        case scalar(ValuesScalar)
        case mapping([ValuesEntry])
        case sequence([ValuesItem])
    }

    public var content: Content
    /// Where the node starts in its file; nil for nodes the tool created.
    public var location: SourceLocation?

    public init(_ content: Content, location: SourceLocation? = nil) {
        self.content = content
        self.location = location
    }

    public static func mapping(_ entries: [ValuesEntry]) -> ValuesNode { ValuesNode(.mapping(entries)) }
    public static func sequence(_ items: [ValuesItem]) -> ValuesNode { ValuesNode(.sequence(items)) }
    /// A string the tool writes; quoted only where YAML needs it to stay a string.
    public static func string(_ value: String) -> ValuesNode { ValuesNode(.scalar(ValuesScalar(value: value, kind: .string))) }
    /// A string that is always quoted (`'8'`), for the chart's string-typed numbers.
    public static func quoted(_ value: String) -> ValuesNode {
        ValuesNode(.scalar(ValuesScalar(value: value, kind: .string, spelling: "'" + value.replacingOccurrences(of: "'", with: "''") + "'")))
    }
    public static func bool(_ value: Bool) -> ValuesNode { ValuesNode(.scalar(ValuesScalar(value: value ? "true" : "false", kind: .bool))) }
}

/// A scalar: its value as a string and how it was written.
public struct ValuesScalar: Sendable, Equatable {
    public enum Kind: String, Sendable {
        case string, int, float, bool, null
    }

    /// The value as YAML resolved it (`8`, `500ms`, `true`, empty for null).
    public var value: String
    /// What the default YAML 1.1 resolver (Helm's reader too) makes of it.
    public var kind: Kind
    /// The exact one-line source text (`'0.85'`, `5m`); nil when the tool made the scalar or the source spanned lines.
    public var spelling: String?
    /// A block scalar (`|`, `>-`): its header line and its lines relative to the content indentation.
    public var block: BlockScalar? {
        get { blockStorage.first }
        set { blockStorage = newValue.map { [$0] } ?? [] }
    }
    /// `block`, out of line (none or one): block scalars are rare, and held inline one made every scalar, and so
    /// every node, entry and list item, 24 bytes larger, to copy and move each time one is.
    private var blockStorage: [BlockScalar]

    public init(value: String, kind: Kind, spelling: String? = nil, block: BlockScalar? = nil) {
        self.value = value
        self.kind = kind
        self.spelling = spelling
        self.blockStorage = block.map { [$0] } ?? []
    }

    public var isNull: Bool { kind == .null }
}

/// A literal or folded block scalar kept line by line.
public struct BlockScalar: Sendable, Equatable {
    /// The indicator and anything after it on its line (`|`, `|-`, `>  # comment`).
    public var header: String
    /// Content lines without the content indentation; blank lines are empty.
    public var lines: [String]
    /// The content indentation minus the indentation of the key that owns the scalar.
    public var indentOffset: Int
}

/// A key and its value in a mapping, with the comment and blank lines written above it.
public struct ValuesEntry: Sendable, Equatable {
    public var key: String
    public var value: ValuesNode
    /// Blank and comment lines directly above the key, as written (with their indentation).
    public var leading: [String]
    /// The indentation of the key in its source; comments move with the key when it moves.
    public var sourceIndent: Int?
    /// A comment at the end of the key's line (`  # note`), with the spaces before it.
    public var trailingComment: String?
    /// Where the key is written.
    public var keyLocation: SourceLocation?
    /// The key's source spelling when it is quoted.
    public var keySpelling: String?

    public init(_ key: String, _ value: ValuesNode, leading: [String] = []) {
        self.key = key
        self.value = value
        self.leading = leading
    }
}

/// An element of a sequence, with the comment and blank lines written above its dash.
public struct ValuesItem: Sendable, Equatable {
    public var value: ValuesNode
    public var leading: [String]
    public var sourceIndent: Int?
    public var trailingComment: String?

    public init(_ value: ValuesNode, leading: [String] = []) {
        self.value = value
        self.leading = leading
    }
}
