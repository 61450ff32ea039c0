/// One values file: its tree, plus what lies outside the tree (the `---` line and comments above the first key,
/// comments after the last) and the indentation it uses, so that it can be written back in the team's style.
public struct ValuesDocument: Sendable, Equatable {
    /// The path as given on the command line; diagnostics and provenance use it.
    public var path: String
    /// The text as read.
    public var text: String
    /// The top-level mapping.
    public var root: ValuesNode
    /// Lines above the first key's own comments (`---`, a file header separated by a blank line, …).
    var header: [String]
    /// Lines after the last value.
    var trailer: [String]
    var style: IndentStyle
    /// The line endings and byte-order mark of `text`; the tree and the trivia lines are read with LF and no BOM,
    /// and `rendered` gives them back.
    public var convention: TextConvention = .unix

    /// Indentation as the file writes it.
    struct IndentStyle: Sendable, Equatable {
        /// Spaces per mapping level.
        var step: Int
        /// Columns from a key to the dash of its sequence (0 = dashes under the key).
        var sequenceOffset: Int
        /// Columns from a dash to the first key of a mapping item (normally 2).
        var itemOffset: Int

        static let standard = IndentStyle(step: 2, sequenceOffset: 2, itemOffset: 2)
    }
}
