/// A position in an input file: 1-based line and column, as YAML parsers and editors count them.
public struct SourceLocation: Sendable, Hashable, Codable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `path:line:column`, the form editors and CI log parsers jump to.
    public var description: String { "\(file):\(line):\(column)" }
}
