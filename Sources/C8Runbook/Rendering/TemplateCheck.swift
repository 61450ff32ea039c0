/// The checks a team's template (`--templates`) passes before anything is rendered, so that a mistake is one
/// error naming the file, line and column (exit 65) rather than a blank in the runbook or a crash:
/// - every variable and section name is one the runbook gives that template's group (`TemplateVariables`),
///   optionally through one of swift-mustache's transforms (`last()`, `capitalized(title)`); a rule's own value
///   (`apiUser`) only in its step's template;
/// - a step or phase template starts with its `# Title` line (the planner takes the title from it);
/// - sections nest at most `maximumDepth` deep;
/// - a partial (`{{> html/step.html}}`) names a template of the same group (not the stylesheet, which is no
///   template) and never leads back to itself;
/// - no list index (`renames.0`): swift-mustache reads none, so it would render nothing;
/// - no set-delimiter or inheritance tags, which the checks cannot follow.
struct TemplateCheck {
    static let maximumDepth = 8

    /// swift-mustache's transforms (`Transform.swift`, `SequenceContext.swift`).
    static let transforms: Set<String> = [
        "capitalized", "count", "empty", "enumerated", "equalzero", "even", "first", "index", "last", "lowercased",
        "minusone", "odd", "plusone", "reversed", "sorted", "uppercased",
    ]

    /// All templates of the set, by name (for partials).
    let sources: [String: String]

    /// - Parameter path: the file the template came from, as the error shows it.
    func check(_ name: String, path: String) throws(TemplateError) {
        let text = sources[name] ?? ""
        if name.hasPrefix("steps/") || name.hasPrefix("phases/") {
            let first = text.prefix { $0 != "\n" }
            guard first.hasPrefix("# "), first.dropFirst(2).contains(where: { !$0.isWhitespace }) else {
                throw .invalid(path: path, line: 1, column: 1, reason: "missing '# Title' line: the first line of a step or phase template is its title")
            }
        }
        let group = TemplateSet.group(of: name)
        let known = TemplateVariables.names(group: group)
        var depth = 0
        for tag in TemplateTag.scan(text) {
            func fail(_ reason: String) -> TemplateError { .invalid(path: path, line: tag.line, column: tag.column, reason: reason) }
            switch tag.kind {
            case .ignored, .close:
                if tag.kind == .close { depth -= 1 }
                continue
            case .delimiters: throw fail("set-delimiter tags are not supported in --templates; keep '{{' and '}}'")
            case .inheritance: throw fail("template inheritance ('{{$' and '{{<') is not supported in --templates")
            case .partial:
                guard !TemplateSet.isVerbatim(tag.name) else {
                    throw fail("'\(tag.name)' is the stylesheet, not a template: the page inserts it as {{{styleCSS}}}")
                }
                guard sources[tag.name] != nil, TemplateSet.group(of: tag.name) == group else {
                    throw fail("no template '\(tag.name)' of this group for the partial")
                }
                if let cycle = cycle(from: tag.name, back: name) {
                    throw fail("recursive partial: \(([name] + cycle).joined(separator: " → "))")
                }
            case .section, .inverted:
                depth += 1
                if depth > Self.maximumDepth { throw fail("sections nested more than \(Self.maximumDepth) deep") }
                fallthrough
            case .variable:
                if Self.hasListIndex(tag.name) {
                    throw fail("a list index ('\(tag.name)') renders nothing: swift-mustache reads no index; use a section over the list ({{#list}}…{{/list}})")
                }
                if let unknown = Self.unknownName(tag.name, known: known) {
                    let hint = Suggestion.closest(to: unknown, in: known.sorted()).map { " (did you mean '\($0)'?)" } ?? ""
                    throw fail("unknown variable '\(unknown)'\(hint); Templates/VARIABLES.md lists what each template can use")
                }
                // A rule's own value exists only in its step's template; elsewhere it would always be empty.
                let top = String(tag.name.prefix { $0 != "." && $0 != "(" })
                if group == "words", let only = TemplateVariables.stepScoped[top], !only.contains(name) {
                    throw fail("'\(top)' is given only to \(only.sorted().joined(separator: ", ")); here it would always be empty")
                }
            }
        }
    }

    /// The first part of `name` (`a.b.c`, `last()`, `capitalized(title)`) that is neither a known variable nor a
    /// transform; nil when all are known.
    static func unknownName(_ name: String, known: Set<String>) -> String? {
        var name = Substring(name)
        while name.hasSuffix(")"), let open = name.firstIndex(of: "(") {
            let transform = String(name[..<open])
            guard transforms.contains(transform) else { return transform + "()" }
            name = name[name.index(after: open)..<name.index(before: name.endIndex)]
        }
        if name.isEmpty || name == "." { return nil }
        for component in name.split(separator: ".") where !known.contains(String(component)) {
            return String(component)
        }
        return nil
    }

    /// Whether a dotted name has a number for a component (`renames.0.from`), inside transforms too.
    static func hasListIndex(_ name: String) -> Bool {
        let inner = name.split(whereSeparator: { "()".contains($0) }).last ?? ""
        return inner.split(separator: ".").contains { !$0.isEmpty && $0.allSatisfy(\.isNumber) }
    }

    /// The partial chain from `start` that reaches `back` (or loops), depth-first; nil when there is none.
    private func cycle(from start: String, back: String) -> [String]? {
        var visiting: [String] = []
        func visit(_ name: String) -> [String]? {
            if name == back || visiting.contains(name) { return visiting + [name] }
            visiting.append(name)
            defer { visiting.removeLast() }
            for tag in TemplateTag.scan(sources[name] ?? "") where tag.kind == .partial && sources[tag.name] != nil {
                if let found = visit(tag.name) { return found }
            }
            return nil
        }
        return visit(start)
    }
}
