/// One `{{…}}` tag of a Mustache template, with its 1-based line and column, for checks that name the place in
/// the template file. Only what the checks need is recognised; swift-mustache still parses the template.
struct TemplateTag: Equatable {
    enum Kind: Equatable {
        /// `{{name}}`, `{{{name}}}`, `{{&name}}`
        case variable
        /// `{{#name}}`
        case section
        /// `{{^name}}`
        case inverted
        /// `{{/name}}`
        case close
        /// `{{> name}}`
        case partial
        /// `{{=<% %>=}}`: the checks cannot follow new delimiters, so an override may not use them.
        case delimiters
        /// `{{$block}}`, `{{<parent}}`: template inheritance, unused by the runbook's templates.
        case inheritance
        /// `{{! comment}}`, `{{% pragma}}`
        case ignored
    }

    var kind: Kind
    var name: String
    var line: Int
    var column: Int

    /// The tags of `text`, in order.
    static func scan(_ text: String) -> [TemplateTag] {
        var tags: [TemplateTag] = []
        let characters = Array(text)
        var index = 0, line = 1, column = 1
        func advance() {
            if characters[index] == "\n" { line += 1; column = 1 } else { column += 1 }
            index += 1
        }
        while index < characters.count {
            guard characters[index] == "{", index + 1 < characters.count, characters[index + 1] == "{" else { advance(); continue }
            let (tagLine, tagColumn) = (line, column)
            let triple = index + 2 < characters.count && characters[index + 2] == "{"
            let close: [Character] = triple ? ["}", "}", "}"] : ["}", "}"]
            for _ in 0..<(triple ? 3 : 2) { advance() }
            var content: [Character] = []
            while index < characters.count, !characters[index...].starts(with: close) {
                content.append(characters[index])
                advance()
            }
            for _ in 0..<close.count where index < characters.count { advance() }
            var body = String(content).trimmingSpaces
            var kind = Kind.variable
            if !triple, let first = body.first {
                switch first {
                case "#": kind = .section
                case "^": kind = .inverted
                case "/": kind = .close
                case ">": kind = .partial
                case "=": kind = .delimiters
                case "$", "<": kind = .inheritance
                case "!", "%": kind = .ignored
                case "&": kind = .variable
                default: break
                }
                if kind != .variable || first == "&" { body = String(body.dropFirst()).trimmingSpaces }
            }
            tags.append(TemplateTag(kind: kind, name: body, line: tagLine, column: tagColumn))
        }
        return tags
    }
}

extension String {
    /// Without leading and trailing spaces and tabs (tag contents such as `{{ name }}`).
    fileprivate var trimmingSpaces: String {
        let characters = Array(self)
        guard let first = characters.firstIndex(where: { $0 != " " && $0 != "\t" }),
              let last = characters.lastIndex(where: { $0 != " " && $0 != "\t" }) else { return "" }
        return String(characters[first...last])
    }
}
