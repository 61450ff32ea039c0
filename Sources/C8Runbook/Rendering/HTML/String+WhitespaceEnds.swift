extension String {
    /// The string without leading and trailing whitespace and newlines. Unlike Foundation's `trimmingCharacters`,
    /// it looks only at the ends, so trimming a rendered page of 150 KB costs next to nothing.
    var withoutWhitespaceEnds: String {
        guard let first = firstIndex(where: { !$0.isWhitespace }), let last = lastIndex(where: { !$0.isWhitespace }) else {
            return ""
        }
        return String(self[first...last])
    }
}
